/**
 * Regular expressions a site's config writes (`external.ignore`, a front matter schema's
 * `pattern` and `patternProperties`) or its server's (`RedirectMatch` in `.htaccess`) are matched
 * against text that comes from pull requests: they run on RE2 (re2js), in time linear in the
 * text, so that no expression hangs a run the way a backtracking RegExp does (`^(\w+\s?)*$` on a
 * long title that ends in `!`). RE2 has no lookaround and no backreferences, as lychee's patterns
 * have none.
 */
import type { RE2JS } from 're2js';
import { ConfigError } from '../config/error.js';

let engine: typeof RE2JS | undefined;

/** Loads RE2 (once, in its own chunk: most runs have no such expression). */
export async function loadLinearPatterns(): Promise<void> {
  engine ??= (await import('re2js')).RE2JS;
}

export interface LinearPattern {
  test(text: string): boolean;
  /** The first match and its groups (empty for a group that took no part), or null. */
  exec(text: string): string[] | null;
  toString(): string;
}

/** The expression on RE2; throws RE2's reason when it is not one (loadLinearPatterns first). */
export function linearPattern(source: string, { ignoreCase = false } = {}): LinearPattern {
  if (!engine) throw new Error('regular expressions from the config need loadLinearPatterns() first');
  const compiled = engine.compile(source, ignoreCase ? engine.CASE_INSENSITIVE : 0);
  return {
    test: (text) => compiled.matcher(text).find(),
    exec: (text) => {
      const match = compiled.matcher(text);
      return match.find() ? Array.from({ length: match.groupCount() + 1 }, (_, i) => match.group(i) ?? '') : null;
    },
    toString: () => `/${source}/`,
  };
}

/** linearPattern as ajv's `code.regExp` (ajv passes the `u` flag: RE2 reads code points anyway). */
export const linearRegExp = Object.assign((source: string): LinearPattern => linearPattern(source), { code: 'linearPattern' });

/** The config's expressions at `key`, each on RE2; the ConfigError names one RE2 refuses. */
export async function configPatterns(key: string, sources: readonly string[]): Promise<LinearPattern[]> {
  if (sources.length === 0) return [];
  await loadLinearPatterns();
  return sources.map((source) => {
    try {
      return linearPattern(source);
    } catch (error) {
      throw new ConfigError(`${key}: ${JSON.stringify(source)} is not an RE2 regular expression (${(error as Error).message}): doclint matches these in linear time, without lookaround or backreferences`);
    }
  });
}
