/**
 * Front matter defaults (`defaults:` in _config.yml) as Jekyll::FrontmatterDefaults applies them:
 * a set applies to a file when its scope's `type` (pages, posts, a collection's name,
 * static_files) is the file's and its scope's `path` is a prefix of the file's path (a glob
 * path: of a path the glob matches); of the sets that apply, the one with the longer path, then
 * the one with a type, wins; the file's own front matter wins over them all.
 */
import { globMatcher } from './glob-matcher.js';

export interface FrontMatterDefaults {
  /** The scope's path without its leading and trailing `/` ('' for every file). */
  path: string;
  type?: string;
  values: Record<string, unknown>;
}

/** Jekyll's Defaults deprecations: the singular types still work. */
const pluralTypes: Record<string, string> = { page: 'pages', post: 'posts', draft: 'drafts' };

/** The valid sets of a config's `defaults` (a set without a `values` map is skipped, as Jekyll warns and skips it). */
export function readFrontMatterDefaults(value: unknown): FrontMatterDefaults[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((set): FrontMatterDefaults[] => {
    if (!isMap(set) || !isMap(set.values)) return [];
    const scope = isMap(set.scope) ? set.scope : {};
    const type = scope.type === undefined || scope.type === null ? undefined : String(scope.type);
    return [{ path: sanitizedPath(scope.path), ...(type === undefined ? {} : { type: pluralTypes[type] ?? type }), values: set.values }];
  });
}

/** A file's values: the defaults that apply to it, under its own front matter. */
export function withFrontMatterDefaults(sets: readonly FrontMatterDefaults[], path: string, type: string, data: Record<string, unknown>): Record<string, unknown> {
  let defaults: Record<string, unknown> | undefined;
  let winner: FrontMatterDefaults | undefined;
  for (const set of sets) {
    if (!applies(set, path, type)) continue;
    if (!winner || precedes(set, winner)) {
      defaults = deepMerge(defaults ?? {}, set.values);
      winner = set;
    } else defaults = deepMerge(set.values, defaults ?? {});
  }
  return defaults ? deepMerge(defaults, data) : data;
}

function applies(set: FrontMatterDefaults, path: string, type: string): boolean {
  if (set.type !== undefined && set.type !== type) return false;
  if (set.path === '') return true;
  if (!set.path.includes('*')) return path.startsWith(set.path);
  // Jekyll globs the scope on disk and takes the files under each match: a match of the path or of a folder above it.
  const matches = cachedGlob(set.path);
  const segments = path.split('/');
  return segments.some((_, i) => matches(segments.slice(0, i + 1).join('/')));
}

const globs = new Map<string, (path: string) => boolean>();
function cachedGlob(pattern: string): (path: string) => boolean {
  let matcher = globs.get(pattern);
  if (!matcher) globs.set(pattern, (matcher = globMatcher([pattern])));
  return matcher;
}

/** FrontmatterDefaults#has_precedence?: a longer path wins; at equal length, a set with a type wins over one without. */
function precedes(set: FrontMatterDefaults, old: FrontMatterDefaults): boolean {
  if (set.path.length !== old.path.length) return set.path.length >= old.path.length;
  return set.type !== undefined || old.type === undefined;
}

/** FrontmatterDefaults#sanitize_path: no leading `/`, nor a trailing one after a name. */
function sanitizedPath(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  return value.replace(/^\//, '').replace(/([^/])\/$/, '$1');
}

/** Jekyll::Utils.deep_merge_hashes: maps merge key by key, anything else in `over` replaces. */
function deepMerge(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const base = Object.hasOwn(merged, key) ? merged[key] : undefined;
    // Defined, not assigned: a `__proto__` key is data here.
    Object.defineProperty(merged, key, { value: isMap(base) && isMap(value) ? deepMerge(base, value) : value, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
