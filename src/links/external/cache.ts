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
    private readonly entries: Map<string, CacheFile['entries'][string]>,
    private readonly ttl: CacheTtl,
  ) {}

  static async load(path: string, ttl: CacheTtl): Promise<ExternalCache> {
    try {
      const file = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheFile> | null;
      if (file?.version === 1 && isRecord(file.entries)) return new ExternalCache(path, validEntries(file.entries), ttl);
    } catch {
      // Missing or unreadable: start empty (a cache is never a reason to fail).
    }
    return new ExternalCache(path, new Map(), ttl);
  }

  /** The cached outcome, when it is still fresh. */
  get(url: string, now = Date.now()): ExternalStatus | undefined {
    const entry = this.entries.get(url);
    if (!entry || entry.status.kind === 'skipped') return undefined;
    const ttl = this.ttl[entry.status.kind];
    return ttl > 0 && now - entry.checkedAt < ttl * 1000 ? entry.status : undefined;
  }

  set(url: string, status: ExternalStatus, now = Date.now()): void {
    if (status.kind !== 'skipped' && this.ttl[status.kind] > 0) this.entries.set(url, { status, checkedAt: now });
  }

  /** Writes the fresh outcomes; a cache that cannot be written is skipped (it is never a reason to fail). */
  async save(now = Date.now()): Promise<void> {
    await this.write(now).catch(() => undefined);
  }

  private async write(now: number): Promise<void> {
    for (const [url, entry] of this.entries) {
      if (entry.status.kind === 'skipped' || now - entry.checkedAt >= this.ttl[entry.status.kind] * 1000) this.entries.delete(url);
    }
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, JSON.stringify({ version: 1, entries: Object.fromEntries(this.entries) } satisfies CacheFile));
    await rename(temporary, this.path);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const statusKinds = new Set(['ok', 'redirected', 'broken', 'unknown']);

/** The entries of a cache file that have the shape doclint writes; anything else is dropped. */
function validEntries(entries: Record<string, unknown>): Map<string, CacheFile['entries'][string]> {
  const valid = new Map<string, CacheFile['entries'][string]>();
  for (const [url, entry] of Object.entries(entries)) {
    if (!isRecord(entry) || !isRecord(entry.status) || typeof entry.checkedAt !== 'number') continue;
    if (typeof entry.status.kind !== 'string' || !statusKinds.has(entry.status.kind)) continue;
    valid.set(url, entry as unknown as CacheFile['entries'][string]);
  }
  return valid;
}
