/**
 * Per-file results kept between runs (opt-in: config `cache`, `--cache`). What a file gives the
 * site index (front matter values, anchors) depends on its text alone, so it is reused while the
 * text's hash is unchanged. Its findings also depend on the rest of the site, so they are reused
 * only while the index hash (every file's front matter and anchor ids, the file list) is the
 * one they were found under. Everything is keyed by the doclint version, the resolved config and
 * the Jekyll config. One file, v8-serialized, written atomically; a cache that cannot be read is
 * an empty one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ResolvedConfig } from '../config/types.js';
import type { JekyllConfig } from '../site/jekyll-config.js';
import type { Finding } from '../types.js';
import { version } from '../version.js';
import { isAnchorList, type AnchorsResult } from './anchor-requests.js';

export interface CachedFile {
  /** Hash of the file's text. */
  hash: string;
  /** Its front matter values, when it has valid YAML front matter. */
  frontMatter?: Record<string, unknown>;
  anchors: AnchorsResult;
  /** Its findings, found under `indexHash`; absent when it was not linted. */
  findings?: Finding[];
  indexHash?: string;
}

interface CacheFile {
  format: typeof format;
  key: string;
  files: Map<string, CachedFile>;
}

const format = 1;

export const textHash = (text: string): string => createHash('sha256').update(text).digest('base64');

/**
 * The same bytes for the same values, however V8 holds them (v8.serialize writes a string
 * sliced from a two-byte text differently from the same string read back from the cache).
 */
const canonical = (value: unknown): string => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** What every entry depends on besides the site: the tool, its settings and the Jekyll config. */
export function runKey(config: ResolvedConfig, jekyll: JekyllConfig): string {
  const { cache: _where, ...settings } = config;
  return createHash('sha256').update(canonical([version, format, settings, jekyll.raw, jekyll.baseurl, jekyll.url])).digest('base64');
}

/** The hash of what one file's findings may depend on elsewhere: the file list, all front matter, all anchor ids. */
export function indexHash(siteFiles: Iterable<string>, content: readonly string[], frontMatter: ReadonlyMap<string, Record<string, unknown>>, anchors: ReadonlyMap<string, AnchorsResult>): string {
  const hash = createHash('sha256');
  hash.update(canonical([...siteFiles].sort()));
  for (const path of content) {
    const pageAnchors = anchors.get(path);
    const ids = pageAnchors && isAnchorList(pageAnchors) ? pageAnchors.map((anchor) => anchor.id) : (pageAnchors ?? null);
    hash.update(canonical([path, frontMatter.get(path) ?? null, ids]));
  }
  return hash.digest('base64');
}

export class ResultCache {
  private constructor(
    private readonly path: string,
    private readonly key: string,
    readonly files: Map<string, CachedFile>,
  ) {}

  static async load(path: string, key: string): Promise<ResultCache> {
    try {
      const file = deserialize(await readFile(path)) as CacheFile;
      if (file.format === format && file.key === key && file.files instanceof Map) return new ResultCache(path, key, file.files);
    } catch {
      // Missing, unreadable or from another version: start empty (a cache is never a reason to fail).
    }
    return new ResultCache(path, key, new Map());
  }

  /** The entry of a file whose text has this hash, if any. */
  entry(path: string, hash: string): CachedFile | undefined {
    const entry = this.files.get(path);
    return entry?.hash === hash ? entry : undefined;
  }

  async save(files: Map<string, CachedFile>): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, serialize({ format, key: this.key, files } satisfies CacheFile));
      await rename(temporary, this.path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }
}
