/**
 * The library's main entry: discover the site, read every content file once, index the
 * site, parse and lint the target files, apply fixes when asked. Only this module and its
 * readers/writers touch the disk.
 */
import { resolve } from 'node:path';
import { allRules } from '../../rules/index.js';
import { loadConfig, resolveConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { parseDocument } from '../parse/document.js';
import { createTagRegistry } from '../parse/tag-registry.js';
import { listSiteFiles, selectContent } from '../site/discover.js';
import { readJekyllConfig, type JekyllConfig } from '../site/jekyll-config.js';
import { ExternalCache } from '../links/external/cache.js';
import { checkExternalUrls, type ExternalStatus } from '../links/external/check.js';
import { collectExternalUrls } from '../links/external/collect.js';
import { inShard } from '../links/external/shard.js';
import { gitChanges, type GitChanges } from '../site/git-changes.js';
import { buildSiteIndex } from '../site/site-index.js';
import type { Finding, RuleMeta } from '../types.js';
import { DeferredAnchors } from './anchor-requests.js';
import { applyFixes } from './apply-fixes.js';
import { lintDocument, type LintContext } from './lint-document.js';
import { readSource, type Source } from './read-source.js';
import { autoWorkerCount, canUseWorkers, lintInWorkers } from './workers.js';
import { writeFileAtomic } from './write-atomic.js';

export interface LintOptions {
  /** The site root (where _config.yml is). Default: the current directory. */
  root?: string;
  /** Root-relative files to lint. Default: every content file of the site. */
  files?: readonly string[];
  /** A resolved config, a user config object (validated), or nothing to load it from the root. */
  config?: ResolvedConfig | Record<string, unknown>;
  /** Apply certain fixes to the files (atomically) and report what remains. */
  fix?: boolean;
  /**
   * Changed-files mode: lint the content files changed since this git revision (or `files`
   * when given), and report the links in every other file that point at a page or heading
   * the change removed or renamed.
   */
  changedSince?: string;
  /** Called as external URLs are checked (the CLI draws a progress line on a terminal). */
  onExternalProgress?: (done: number, total: number, host: string) => void;
  /**
   * Worker threads for a whole-site run: a number (1: none) or `auto` (the default: one per
   * core from 1000 content files on). Runs with --fix, --changed-since, given files or external
   * checking use one thread.
   */
  workers?: number | 'auto';
}

export interface LintResult {
  /** Absolute site root. */
  root: string;
  /** The root-relative files that were linted. */
  files: string[];
  findings: Finding[];
  /** Files rewritten by --fix. */
  fixedFiles: string[];
  /** Changed-files mode: other files linted (link rules only) because they link to what the change removed. */
  affectedFiles: string[];
  /** External checking: hosts that answered 429 and were slowed to one request at a time. */
  rateLimitedHosts: string[];
  /** Metadata of every rule, for reporters. */
  rules: RuleMeta[];
  /** Threads that linted the files: 1, or the worker threads of a whole-site run. */
  threads: number;
}

/** ESLint's bound: fixes that overlap wait for another pass, at most this many. */
const maxFixPasses = 10;
/** Files read at once. */
const readConcurrency = 32;

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const root = resolve(options.root ?? '.');
  const config = isResolved(options.config) ? options.config : options.config ? resolveConfig(options.config) : await loadConfig(root);
  const tags = createTagRegistry(config.liquid.tags, config.liquid.helpCenterTags);
  const jekyll = readJekyllConfig(root, config.jekyll.configFiles);
  const siteFiles = await listSiteFiles(root);
  const content = selectContent(siteFiles, jekyll, config.ignores);
  const changes = options.changedSince ? await gitChanges(root, options.changedSince) : undefined;
  const contentSet = new Set(content);
  const targets = options.files ? [...options.files] : changes ? changes.changed.filter((f) => contentSet.has(f)) : content;

  const rules = allRules.map((rule) => rule.meta);
  const workers = workerCount(options, config, content.length);
  if (workers > 1) {
    const found = await lintInWorkers({ root, config, siteFiles: [...siteFiles] }, content, workers).catch(() => undefined);
    // A worker that could not start or failed: the run is done again on this thread, whose results are the same.
    if (found) return { root, files: content, findings: sortFindings([...jekyllConfigFindings(jekyll), ...found]), fixedFiles: [], affectedFiles: [], rateLimitedHosts: [], rules, threads: workers };
  }

  const sources = await readAll(root, [...new Set([...content, ...targets])], config.maxFileSize);
  const texts = new Map<string, string>();
  for (const path of content) {
    const source = sources.get(path);
    if (source?.ok) texts.set(path, source.text);
  }
  // A batch run (no --fix) asks for each page once (anchor requests wait for the pages): no need to keep parse trees.
  const batch = !options.fix;
  const context: LintContext = { config, tags, site: buildSiteIndex(jekyll, siteFiles, texts, tags, batch ? { keepDocuments: 2 } : {}) };
  const affectedFiles = changes ? filesLinkingToRemoved(context, siteFiles, texts, changes, new Set(targets)) : [];
  const rateLimitedHosts: string[] = [];
  if (config.external.enabled) {
    // Facts before rules: every distinct URL is requested once, then link-external reads the outcomes.
    const ignore = config.external.ignore.map((pattern) => new RegExp(pattern));
    const collected = collectExternalUrls(targets, context.site, tags, ignore);
    const shard = config.external.shard;
    const urls = shard ? new Set([...collected.urls].filter((url) => inShard(url, shard))) : collected.urls;
    const { fragments } = collected;
    const cache = config.external.cache === false ? undefined : await ExternalCache.load(resolve(root, config.external.cache), config.external.cacheTtl);
    const known = new Map<string, ExternalStatus>();
    for (const url of urls) {
      // A cached outcome says nothing about fragments that run did not look for.
      const cached = config.external.fragments && fragments.has(url) ? undefined : cache?.get(url);
      if (cached) known.set(url, cached);
    }
    const checked = await checkExternalUrls([...urls].filter((url) => !known.has(url)), config.external, fragments, options.onExternalProgress ? { onProgress: options.onExternalProgress } : {});
    rateLimitedHosts.push(...checked.rateLimitedHosts);
    for (const [url, status] of checked.results) {
      known.set(url, status);
      cache?.set(url, status);
    }
    await cache?.save();
    context.external = known;
  }

  const findings: Finding[] = jekyllConfigFindings(jekyll);
  // Findings arrays that deferred anchor answers still add to; read once they are settled.
  const fileFindings: Finding[][] = [];
  const fixedFiles: string[] = [];
  // --fix needs each file's findings before moving on; otherwise pages answer each other's anchor requests in one pass.
  const deferred = batch ? new DeferredAnchors(context.site) : undefined;
  if (deferred) context.anchors = deferred;
  for (const file of affectedFiles) {
    const document = context.site.document(file);
    if (document) fileFindings.push(lintDocument(document, linkRules, context));
  }
  for (const file of targets) {
    const source = sources.get(file)!;
    let found = lintTarget(file, source, context);
    if (options.fix && source.ok) {
      let text = source.text;
      for (let pass = 0; pass < maxFixPasses; pass++) {
        const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
        if (fixes.length === 0) break;
        const fixed = applyFixes(text, fixes);
        if (fixed.applied === 0 || fixed.text === text) break;
        text = fixed.text;
        found = lintFileSafely(file, text, context);
      }
      if (text !== source.text) {
        await writeFileAtomic(resolve(root, file), text);
        fixedFiles.push(file);
      }
    }
    fileFindings.push(found);
  }
  deferred?.settle();
  for (const found of fileFindings) findings.push(...found);
  return { root, files: [...targets, ...affectedFiles], findings: sortFindings(findings), fixedFiles, affectedFiles, rateLimitedHosts, rules, threads: 1 };
}

const linkRules = allRules.filter((rule) => rule.meta.id.startsWith('link-'));

/**
 * The files, outside the changed ones, whose text names a URL or URL#anchor that existed at
 * the revision and exists no more (a deleted or renamed page, a renamed heading).
 */
function filesLinkingToRemoved(context: LintContext, files: ReadonlySet<string>, texts: ReadonlyMap<string, string>, changes: GitChanges, targets: ReadonlySet<string>): string[] {
  const { site, tags } = context;
  const beforeFiles = new Set([...files, ...changes.before.keys()]);
  const beforeTexts = new Map([...texts, ...changes.before]);
  const before = buildSiteIndex(site.jekyll, beforeFiles, beforeTexts, tags);
  const needles = new Set<string>();
  for (const path of changes.before.keys()) {
    const oldUrl = before.urls.urlOf.get(path);
    if (!oldUrl) continue;
    const stillThere = site.urls.targets.get(oldUrl) ?? site.urls.targets.get(site.urls.redirects.get(oldUrl) ?? '');
    if (!stillThere) {
      needles.add(oldUrl.replace(/\/$/, ''));
      continue;
    }
    const now = new Set((site.anchors(stillThere.path) ?? []).map((a) => a.id));
    for (const anchor of before.anchors(path) ?? []) if (!now.has(anchor.id)) needles.add(`#${anchor.id}`);
  }
  if (needles.size === 0) return [];
  return [...texts.keys()].filter((path) => !targets.has(path) && [...needles].some((needle) => texts.get(path)!.includes(needle))).sort();
}

/** Lints one text as if it were the file at `path` in the given site: pure, for editors and tests. */
export function lintFile(path: string, text: string, context: LintContext): Finding[] {
  const indexed = context.site.document(path);
  const document = indexed?.text === text ? indexed : parseDocument(path, text, context.tags);
  return lintDocument(document, allRules, context);
}

/**
 * One target's findings (fixes not applied): why it cannot be read, or what the rules report.
 * Its own anchors are computed first, while the parse is at hand: its links to itself and other
 * pages' links to it need them.
 */
export function lintTarget(file: string, source: Source, context: LintContext): Finding[] {
  if (!source.ok) {
    const setting = context.config.rules['file-unreadable'];
    return setting && setting.severity !== 'off' ? [{ ruleId: 'file-unreadable', severity: setting.severity, message: source.message, file, line: source.line, column: source.column }] : [];
  }
  warmAnchors(context, file);
  return lintFileSafely(file, source.text, context);
}

/** Computes a page's anchors now if it parses; if not, linting it reports why. */
function warmAnchors({ site }: LintContext, file: string): void {
  try {
    site.anchors(file);
  } catch {
    // lintFileSafely reports the parse failure for this file.
  }
}

/**
 * One file's findings, whatever the file holds: input that defeats the parsers (a stack
 * overflow on thousands of nested quotes) becomes a finding on that file, and the run goes on.
 */
function lintFileSafely(path: string, text: string, context: LintContext): Finding[] {
  try {
    return lintFile(path, text, context);
  } catch (error) {
    const reason = error instanceof RangeError ? 'it nests too deeply for a Markdown parser' : 'the parser failed';
    const message = `doclint could not parse this file: ${reason} (${(error as Error).message}).`;
    const setting = context.config.rules['file-unreadable'];
    return setting && setting.severity !== 'off' ? [{ ruleId: 'file-unreadable', severity: setting.severity, message, file: path, line: 1, column: 1 }] : [];
  }
}

export async function readAll(root: string, files: string[], maxFileSize: number): Promise<Map<string, Source>> {
  const sources = new Map<string, Source>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      sources.set(file, await readSource(resolve(root, file), maxFileSize));
    }
  };
  await Promise.all(Array.from({ length: Math.min(readConcurrency, files.length) }, worker));
  return sources;
}

function jekyllConfigFindings(jekyll: JekyllConfig): Finding[] {
  return jekyll.problems.map((problem) => ({ ruleId: 'file-unreadable', severity: 'error', message: problem.message, file: problem.file, line: problem.line, column: problem.column }));
}

function workerCount(options: LintOptions, config: ResolvedConfig, contentFiles: number): number {
  if (options.fix || options.changedSince || options.files || config.external.enabled || !canUseWorkers()) return 1;
  const requested = options.workers ?? 'auto';
  return requested === 'auto' ? autoWorkerCount(contentFiles) : Math.max(1, Math.min(Math.floor(requested), contentFiles));
}

function isResolved(config: LintOptions['config']): config is ResolvedConfig {
  return config !== undefined && 'maxFileSize' in config && typeof (config as ResolvedConfig).rules?.['file-unreadable'] === 'object';
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)));
}
