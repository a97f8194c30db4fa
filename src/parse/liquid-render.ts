/**
 * Renders the `{{ output }}` expressions doclint needs to know the value of (link targets,
 * heading text) the way Jekyll would: variable lookups in `site` and `page`, string literals,
 * and a few pure filters (`relative_url`, `absolute_url`, case and string filters). Anything
 * else is `undefined`: unknown, so the caller does not guess.
 */
import { parseOutputMarkup } from './liquid-expression.js';

export interface RenderScope {
  site: Record<string, unknown>;
  /** Undefined where the page is not known (a layout or include renders into every page): its values are unknown. */
  page: Record<string, unknown> | undefined;
  /** The page variables the site's plugins set (`page.data['version'] = …`): unknown where the page does not set them. */
  pluginPageKeys?: readonly string[];
}

export function renderOutput(markup: string, scope: RenderScope): string | undefined {
  const expression = parseOutputMarkup(markup);
  if (expression.error) return undefined;
  let value: string | undefined;
  if (expression.literal !== undefined) value = unquote(expression.literal);
  else if (expression.variable) value = lookup(expression.variable.path, scope);
  else if (expression.filters.length === 0) return '';
  for (const filter of expression.filters) {
    if (value === undefined) return undefined;
    const args = filter.args.map((arg) => (/^['"]/.test(arg) ? unquote(arg) : lookup(arg, scope)));
    if (args.some((arg) => arg === undefined)) return undefined;
    value = applyFilter(filter.name, value, args as string[], scope);
  }
  return value;
}

function unquote(literal: string): string {
  return /^['"]/.test(literal) ? literal.slice(1, -1) : literal;
}

/** Values Jekyll and GitHub Pages fill in at build time: unknown here, never empty. */
export const builtSiteVariables = new Set(['data', 'github', 'time', 'pages', 'posts', 'documents', 'collections', 'categories', 'tags', 'static_files', 'html_pages', 'related_posts']);
export const builtPageVariables = new Set(['url', 'path', 'id', 'date', 'content', 'excerpt', 'collection', 'dir', 'name', 'next', 'previous', 'relative_path', 'slug', 'ext', 'output']);

/**
 * `site.x` and `page.x` render their value, or nothing when unset (as Liquid does); anything
 * else is unknown, and so are the values Jekyll or a plugin fills in (`site.github`, `page.url`).
 */
function lookup(path: string, scope: RenderScope): string | undefined {
  const [root, ...keys] = path.split('.');
  if ((root !== 'site' && root !== 'page') || keys.length === 0) return undefined;
  const values = scope[root];
  if (values === undefined) return undefined;
  const builtIn = root === 'site' ? builtSiteVariables : builtPageVariables;
  const setLater = builtIn.has(keys[0]!) || (root === 'page' && scope.pluginPageKeys?.includes(keys[0]!) === true);
  if (setLater && !Object.hasOwn(values, keys[0]!)) return undefined;
  let value: unknown = values;
  for (const key of keys) value = value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? undefined : String(value);
}

/** The path the site is served under, as relative_url writes it before a path: the baseurl with a leading slash and without a trailing one. */
export function servedBaseurl(site: Record<string, unknown>): string {
  const baseurl = String(site.baseurl ?? '').replace(/\/$/, '');
  return baseurl === '' || baseurl.startsWith('/') ? baseurl : `/${baseurl}`;
}

function applyFilter(name: string, value: string, args: string[], scope: RenderScope): string | undefined {
  const baseurl = servedBaseurl(scope.site);
  switch (name) {
    // Both leave a URL with a scheme as it is (Jekyll's URLFilters).
    case 'relative_url':
      return hasScheme(value) ? value : `${baseurl}/${value.replace(/^\//, '')}`;
    case 'absolute_url':
      return hasScheme(value) ? value : `${String(scope.site.url ?? '').replace(/\/$/, '')}${baseurl}/${value.replace(/^\//, '')}`;
    case 'downcase':
      return value.toLowerCase();
    case 'upcase':
      return value.toUpperCase();
    case 'capitalize':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'strip':
      return value.trim();
    case 'append':
      return value + (args[0] ?? '');
    case 'prepend':
      return (args[0] ?? '') + value;
    case 'default':
      return value === '' ? (args[0] ?? '') : value;
    default:
      return undefined;
  }
}

/** Whether Addressable reads the value as an absolute URI (a scheme before the first `:`). */
function hasScheme(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value);
}
