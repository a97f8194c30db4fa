/**
 * Pass 1's results kept between runs (opt-in: config `cache`, `--cache`). A file's pass-1
 * findings and facts depend on its text alone (and the settings), so they are reused while the
 * text's hash is unchanged; pass 2, over every page's facts, always runs again. Everything is
 * keyed by the doclint version, the resolved config and the Jekyll config. One file: a magic line, a SHA-256 of the rest, then the v8-serialized
 * entries, written atomically. A cache that does not verify is an empty one (rebuilt); a file
 * that is not a doclint cache is never overwritten. A process that lints again and again
 * (`check --watch`, an editor) can hold the results in memory instead (ResultMemory).
 */
import { lstat, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ResolvedConfig } from '../config/types.js';
import type { JekyllConfig } from '../site/jekyll-config.js';
import { version } from '../version.js';
import { ConfigError } from '../config/error.js';
import { customRulesHash } from '../config/custom-rules.js';
import type { FirstPass } from './lint-files.js';
import { randomSuffix, sha256 } from '../text/hash.js';

export interface CachedFile {
  /** Hash of the file's text. */
  hash: string;
  firstPass: FirstPass;
}

interface CacheFile {
  format: typeof format;
  key: string;
  files: Map<string, CachedFile>;
}

const format = 34;
const magic = Buffer.from('doclint-results\n');
const checksumOf = (payload: Uint8Array): Buffer => sha256(payload).digest();

export const textHash = (text: string): string => sha256(text).digest('base64');

/**
 * The same bytes for the same values, however V8 holds them (v8.serialize writes a string
 * sliced from a two-byte text differently from the same string read back from the cache).
 */
const canonical = (value: unknown): string => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** What every entry depends on besides the file: the tool, its settings, custom rules' code, the Jekyll config, the site's Markdown converters, its own redirect layout and which READMEs are index pages. */
export function runKey(config: ResolvedConfig, jekyll: JekyllConfig, readmeIndexes: ReadonlySet<string>): string {
  // Where the cache is and how external links are checked change nothing in pass 1.
  const { cache: _where, external: _external, ...settings } = config;
  return sha256(canonical([version, format, settings, customRulesHash(config.customRules), jekyll.raw, jekyll.baseurl, jekyll.url, jekyll.plugins, jekyll.pluginPageKeys, jekyll.markdownReading, jekyll.ownRedirectLayout ?? false, [...readmeIndexes].sort()])).digest('base64');
}

/** Pass-1 results held in this process between lint() calls given the same one: no file, nothing serialized. */
export class ResultMemory {
  /** The run key the held results belong to (a changed config starts afresh). */
  key: string | undefined;
  files = new Map<string, CachedFile>();
}

export class ResultCache {
  private constructor(
    /** The cache file, or the memory the results are kept in. */
    private readonly store: string | ResultMemory,
    private readonly key: string,
    readonly files: Map<string, CachedFile>,
  ) {}

  /** The results a ResultMemory holds for runs with this key (none if its last run had another). */
  static held(memory: ResultMemory, key: string): ResultCache {
    return new ResultCache(memory, key, memory.key === key ? memory.files : new Map());
  }

  /**
   * Throws a ConfigError when `path` holds something other than a doclint result cache, unless
   * the path is doclint's own (`ownPath`: the default location, in doclint's cache folder).
   */
  static async load(path: string, key: string, ownPath = false): Promise<ResultCache> {
    const empty = new ResultCache(path, key, new Map());
    const info = await lstat(path).catch(() => undefined);
    if (!info) return empty;
    if (!info.isFile()) throw new ConfigError(`The result cache ${path} is not a regular file; doclint will not overwrite it. Choose another cache location.`);
    const bytes = await readFile(path);
    if (!bytes.subarray(0, magic.length).equals(magic)) {
      if (ownPath || isOlderCache(bytes)) return empty;
      throw new ConfigError(`${path} is not a doclint result cache; doclint will not overwrite it. Choose another cache location.`);
    }
    const sum = bytes.subarray(magic.length, magic.length + 32);
    const payload = bytes.subarray(magic.length + 32);
    // A cache that does not verify (a changed byte, a cut write) is rebuilt, never trusted.
    if (!sum.equals(checksumOf(payload))) return empty;
    try {
      const file = deserialize(payload) as CacheFile;
      if (file.format === format && file.key === key && file.files instanceof Map) return new ResultCache(path, key, file.files);
    } catch {
      // From another version: start empty.
    }
    return empty;
  }

  /** The entry of a file whose text has this hash, if any. */
  entry(path: string, hash: string): CachedFile | undefined {
    const entry = this.files.get(path);
    return entry?.hash === hash ? entry : undefined;
  }

  async save(files: Map<string, CachedFile>): Promise<void> {
    if (this.store instanceof ResultMemory) {
      this.store.key = this.key;
      this.store.files = files;
      return;
    }
    await mkdir(dirname(this.store), { recursive: true });
    const temporary = `${this.store}.${randomSuffix()}.tmp`;
    try {
      const payload = serialize({ format, key: this.key, files } satisfies CacheFile);
      await writeFile(temporary, Buffer.concat([magic, checksumOf(payload), payload]), { flag: 'wx' });
      await rename(temporary, this.store);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }
}

/** The format before the magic line: a bare v8-serialized record of doclint's own shape. */
function isOlderCache(bytes: Buffer): boolean {
  try {
    const file = deserialize(bytes) as Partial<CacheFile> | null;
    return typeof file === 'object' && file !== null && typeof file.format === 'number' && typeof file.key === 'string' && file.files instanceof Map;
  } catch {
    return false;
  }
}
