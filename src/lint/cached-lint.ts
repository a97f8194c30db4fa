/**
 * Pass 1 with the result cache (see result-cache.ts): a file whose text is unchanged gives its
 * cached findings and facts without being parsed; only changed files run pass 1. Pass 2 always
 * runs again, over every page's facts, so an edited heading reaches every link to it.
 */
import type { FirstPass, FirstPassRun } from './lint-files.js';
import { textHash, type CachedFile, type ResultCache } from './result-cache.js';

export interface CachedFirstPass extends FirstPassRun {
  /** Files whose pass 1 came from the cache. */
  reused: number;
}

/**
 * `run`: pass 1 of the files the cache cannot answer (on workers when it pays); `reused`: told the
 * files the cache answers for before that (an external check can start on their links).
 */
export async function firstPassWithCache(
  cache: ResultCache,
  targets: readonly string[],
  texts: ReadonlyMap<string, string>,
  run: (files: string[]) => Promise<FirstPassRun>,
  reused?: (file: string, pass: FirstPass) => Promise<void>,
): Promise<CachedFirstPass> {
  const hashes = new Map(targets.flatMap((path) => (texts.has(path) ? [[path, textHash(texts.get(path)!)] as const] : [])));
  const toRun = targets.filter((path) => !hashes.has(path) || !cache.entry(path, hashes.get(path)!));
  if (reused) {
    for (const [path, hash] of hashes) {
      const entry = cache.entry(path, hash);
      if (entry) await reused(path, entry.firstPass);
    }
  }
  const ran = toRun.length > 0 ? await run(toRun) : { results: new Map<string, FirstPass>(), threads: 1 };
  const results = new Map(targets.map((path) => [path, ran.results.get(path) ?? cache.entry(path, hashes.get(path)!)!.firstPass]));
  if (toRun.length > 0 || [...cache.files.keys()].some((path) => !texts.has(path))) {
    // Files this run did not read keep their entries while their text is there to match.
    const files = new Map<string, CachedFile>([...cache.files].filter(([path]) => texts.has(path) && !hashes.has(path)));
    for (const [path, hash] of hashes) files.set(path, { hash, firstPass: results.get(path)! });
    // A cache that cannot be written costs the next run its speed, never this run's result.
    await cache.save(files).catch(() => undefined);
  }
  return { results, threads: ran.threads, reused: targets.length - toRun.length };
}

/** Pass 1 of other content files as the cache holds it, for those whose text is unchanged: their front matter and anchors without parsing them. */
export function cachedFirstPasses(cache: ResultCache, paths: Iterable<string>, texts: ReadonlyMap<string, string>): Map<string, FirstPass> {
  const known = new Map<string, FirstPass>();
  for (const path of paths) {
    const text = texts.get(path);
    const entry = text === undefined ? undefined : cache.entry(path, textHash(text));
    if (entry) known.set(path, entry.firstPass);
  }
  return known;
}
