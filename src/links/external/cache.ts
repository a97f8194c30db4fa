/**
 * The external-link cache: a JSON file of URL outcomes with the time they were checked, kept
 * per outcome for a configurable time (working links longer than broken ones), so re-runs and
 * CI jobs with a restored cache only request what changed or expired. Written atomically.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ExternalStatus } from './check.js';

export interface CacheTtl {
  /** Seconds an outcome stays valid, per kind; 0 = never cached. */
  ok: number;
  redirected: number;
  broken: number;
  unknown: number;
}

export const defaultCacheTtl: CacheTtl = { ok: 7 * 86_400, redirected: 7 * 86_400, broken: 86_400, unknown: 0 };

interface CacheFile {
  version: 1;
  entries: Record<string, { status: ExternalStatus; checkedAt: number }>;
}

export class ExternalCache {
  private constructor(
    private readonly path: string,
    private readonly entries: CacheFile['entries'],
    private readonly ttl: CacheTtl,
  ) {}

  static async load(path: string, ttl: CacheTtl): Promise<ExternalCache> {
    try {
      const file = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (file.version === 1 && file.entries && typeof file.entries === 'object') return new ExternalCache(path, file.entries, ttl);
    } catch {
      // Missing or unreadable: start empty (a cache is never a reason to fail).
    }
    return new ExternalCache(path, {}, ttl);
  }

  /** The cached outcome, when it is still fresh. */
  get(url: string, now = Date.now()): ExternalStatus | undefined {
    const entry = this.entries[url];
    if (!entry || entry.status.kind === 'skipped') return undefined;
    const ttl = this.ttl[entry.status.kind];
    return ttl > 0 && now - entry.checkedAt < ttl * 1000 ? entry.status : undefined;
  }

  set(url: string, status: ExternalStatus, now = Date.now()): void {
    if (status.kind !== 'skipped' && this.ttl[status.kind] > 0) this.entries[url] = { status, checkedAt: now };
  }

  async save(now = Date.now()): Promise<void> {
    for (const [url, entry] of Object.entries(this.entries)) {
      if (entry.status.kind === 'skipped' || now - entry.checkedAt >= this.ttl[entry.status.kind] * 1000) delete this.entries[url];
    }
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ version: 1, entries: this.entries } satisfies CacheFile));
    await rename(temporary, this.path);
  }
}
