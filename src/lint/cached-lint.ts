/**
 * A run with the result cache (see result-cache.ts): files whose text is unchanged give the
 * index their cached front matter and anchors without being parsed; if the index hash is the
 * one their findings were found under, those findings are reused and the file is not linted.
 * Only changed files are parsed, unless the change reaches the index (a heading or front matter
 * edited, a file added): then every target is linted again, exactly as without the cache.
 */
import type { ResolvedConfig } from '../config/types.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { groupByFile } from '../report/summary.js';
import type { JekyllConfig } from '../site/jekyll-config.js';
import { buildSiteIndex, readSiteFrontMatter } from '../site/site-index.js';
import type { Finding } from '../types.js';
import { anchorsResult, isAnchorList, type AnchorsResult } from './anchor-requests.js';
import { lintBatch } from './lint-files.js';
import type { Source } from '../site/read-source.js';
import { indexHash, textHash, type CachedFile, type ResultCache } from './result-cache.js';
import type { ParallelResult } from './workers.js';

export interface CachedRun {
  config: ResolvedConfig;
  tags: TagRegistry;
  jekyll: JekyllConfig;
  siteFiles: ReadonlySet<string>;
  content: readonly string[];
  targets: readonly string[];
  sources: ReadonlyMap<string, Source>;
  /** The readable content files' texts. */
  texts: ReadonlyMap<string, string>;
}

/** Parse trees kept while the changed pages' anchors are read before they are linted. */
const keepChangedDocuments = 256;

export interface CachedResult {
  findings: Finding[];
  threads: number;
  /** Targets whose findings came from the cache (not linted). */
  reused: number;
}

/** `inWorkers`: the run of every file on worker threads, when it pays. */
export async function lintWithCache(run: CachedRun, cache: ResultCache, inWorkers?: () => Promise<ParallelResult | undefined>): Promise<CachedResult> {
  const { config, tags, jekyll, siteFiles, content, targets, sources, texts } = run;
  const hashes = new Map([...texts].map(([path, text]) => [path, textHash(text)]));
  const unchanged = new Map<string, CachedFile>();
  for (const [path, hash] of hashes) {
    const entry = cache.entry(path, hash);
    if (entry) unchanged.set(path, entry);
  }
  const reusable = [...unchanged.values()].some((entry) => entry.findings);

  if (!reusable && inWorkers) {
    // Nothing to reuse (a first run, another version or config): a plain run, on workers.
    const parallel = await inWorkers();
    if (parallel) {
      const index = indexHash(siteFiles, content, parallel.frontMatter, parallel.anchors);
      const found = groupByFile(parallel.findings);
      await save(cache, hashes, parallel.frontMatter, parallel.anchors, new Map(content.map((path) => [path, found.get(path) ?? []])), index);
      return { findings: parallel.findings, threads: parallel.threads, reused: 0 };
    }
  }

  const changed = new Map([...texts].filter(([path]) => !unchanged.has(path)));
  const changedFrontMatter = readSiteFrontMatter(changed);
  const frontMatter = new Map<string, Record<string, unknown>>();
  for (const path of content) {
    const values = unchanged.has(path) ? unchanged.get(path)!.frontMatter : changedFrontMatter.data.get(path);
    if (values) frontMatter.set(path, values);
  }
  // Reading the changed pages' anchors parses them before they are linted: keep those trees when they are few.
  const keepDocuments = reusable && changed.size <= keepChangedDocuments ? changed.size + 2 : 2;
  const site = buildSiteIndex(jekyll, siteFiles, texts, tags, { frontMatter: { data: frontMatter, parsed: changedFrontMatter.parsed }, keepDocuments });
  for (const [path, entry] of unchanged) if (isAnchorList(entry.anchors)) site.addAnchors(path, entry.anchors);

  const anchorsOf = (): Map<string, AnchorsResult> => new Map([...texts.keys()].map((path) => [path, unchanged.has(path) ? unchanged.get(path)!.anchors : anchorsResult(site, path)]));
  // Whether cached findings can stand needs the changed pages' anchors first; without any, they come from linting.
  let anchors = reusable ? anchorsOf() : undefined;
  const indexBefore = anchors ? indexHash(siteFiles, content, frontMatter, anchors) : undefined;
  const cachedFindings = (path: string): Finding[] | undefined => {
    const entry = unchanged.get(path);
    return entry?.findings && entry.indexHash === indexBefore ? entry.findings : undefined;
  };
  const toLint = targets.filter((path) => !cachedFindings(path));
  const linted = lintBatch(toLint, sources, { config, tags, site });
  const found = new Map(toLint.map((path, i) => [path, linted[i]!]));
  anchors ??= anchorsOf();
  const index = indexBefore ?? indexHash(siteFiles, content, frontMatter, anchors);
  for (const path of targets) found.set(path, found.get(path) ?? cachedFindings(path)!);
  // Files outside the targets keep findings that still hold.
  for (const [path, entry] of unchanged) if (!found.has(path) && entry.findings && entry.indexHash === index) found.set(path, entry.findings);
  // Nothing linted, changed, added or removed: the cache already holds exactly this.
  const same = toLint.length === 0 && changed.size === 0 && cache.files.size === hashes.size;
  if (!same) await save(cache, hashes, frontMatter, anchors, found, index);
  return { findings: targets.flatMap((path) => found.get(path)!), threads: 1, reused: targets.length - toLint.length };
}

/** Writes every readable content file's entry; a cache that cannot be written costs the next run its speed, never this run's result. */
async function save(
  cache: ResultCache,
  hashes: ReadonlyMap<string, string>,
  frontMatter: ReadonlyMap<string, Record<string, unknown>>,
  anchors: ReadonlyMap<string, AnchorsResult>,
  findings: ReadonlyMap<string, Finding[]>,
  index: string,
): Promise<void> {
  const files = new Map<string, CachedFile>();
  for (const [path, hash] of hashes) {
    const fileFindings = findings.get(path);
    const values = frontMatter.get(path);
    files.set(path, { hash, anchors: anchors.get(path) ?? null, ...(values ? { frontMatter: values } : {}), ...(fileFindings ? { findings: fileFindings, indexHash: index } : {}) });
  }
  await cache.save(files).catch(() => undefined);
}
