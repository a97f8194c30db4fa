/**
 * Jekyll's EntryFilter on root-relative paths. Jekyll reads a folder's entries one level at a
 * time and skips an entry whose name starts with `.`, `_`, `#` or `~` unless `include` names it,
 * so an included folder (`include: [_pages]`, as many themes set) makes everything under it
 * readable. `include` patterns match as Jekyll's `glob_include?` does: a glob, or a prefix of the
 * path (plain `start_with?`), or either against the entry's own name.
 */
import { globMatcher } from './glob-matcher.js';

/** A name Jekyll skips unless included: a leading `.`, `_`, `#` or `~`, or a backup's trailing `~`. */
const isSpecialName = (name: string) => /^[._#~]/.test(name) || name.endsWith('~');

/** Whether a path is skipped as special: `exempt(index)` spares a folder level the caller reads anyway (collections, `_posts`). */
export type IsSpecial = (path: string, exempt?: (segment: string, index: number) => boolean) => boolean;

export function specialEntryFilter(include: readonly string[]): IsSpecial {
  const patterns = include.map((pattern) => pattern.replace(/^\/+|\/+$/g, '')).filter((pattern) => pattern !== '');
  const glob = globMatcher(patterns);
  const included = (entry: string) => glob(entry) || patterns.some((pattern) => entry.startsWith(pattern));
  return (path, exempt = () => false) => {
    const segments = path.split('/');
    let prefix = '';
    for (const [index, segment] of segments.entries()) {
      prefix = index === 0 ? segment : `${prefix}/${segment}`;
      // `.well-known` is served by GitHub Pages whatever the config says.
      if (!isSpecialName(segment) || segment === '.well-known' || exempt(segment, index)) continue;
      if (!included(prefix) && !included(segment)) return true;
    }
    return false;
  };
}

/**
 * Jekyll's `exclude` on root-relative paths: a glob, or a folder with everything in it. A leading
 * `/` is the site's root (Jekyll joins each pattern to the source folder).
 */
export function excludeFilter(exclude: readonly string[]): (path: string) => boolean {
  return globMatcher(exclude.map((entry) => entry.replace(/^\/+/, '')).filter((entry) => entry !== '').flatMap((entry) => [entry, `${entry.replace(/\/+$/, '')}/**`]));
}
