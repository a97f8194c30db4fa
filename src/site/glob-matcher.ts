/**
 * Glob patterns (picomatch syntax, dotfiles included) as one predicate over root-relative
 * paths. picomatch's own matcher normalises the path again for every pattern on every call:
 * 10 ms for a site's 800 files against two lists, where one compiled expression takes 1 ms.
 */
import picomatch from 'picomatch';

export function globMatcher(patterns: string | readonly string[]): (path: string) => boolean {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  if (list.length === 0) return () => false;
  const expression = new RegExp(list.map((pattern) => `(?:${picomatch.makeRe(pattern, { dot: true }).source})`).join('|'));
  // As picomatch does, a path equal to a pattern matches even where the pattern's syntax would not.
  const literal = new Set(list);
  return (path) => literal.has(path) || expression.test(path);
}
