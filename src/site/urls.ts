/**
 * Every URL the built site will have, computed from source as Jekyll 4 does, without a build:
 * collection documents through their permalink template (`/article/:name/`, `:path`,
 * `:title`, `:slug`, `:collection`, `:categories`, `pretty`), pages through Jekyll's page
 * template, a `permalink:` in front matter, static files at their path, and
 * jekyll-redirect-from aliases. URLs here have no baseurl and are not percent-encoded.
 */
import { globMatcher } from './glob-matcher.js';
import type { CollectionConfig, JekyllConfig } from './jekyll-config.js';

export interface UrlTarget {
  kind: 'document' | 'page' | 'static';
  /** The source file. */
  path: string;
}

export interface UrlMap {
  /** URL -> what is published there. */
  targets: ReadonlyMap<string, UrlTarget>;
  /** Alias URL (redirect_from) -> the URL it redirects to. */
  redirects: ReadonlyMap<string, string>;
  /** Source file -> its URL. */
  urlOf: ReadonlyMap<string, string>;
}

/** Files Jekyll never publishes, whatever `exclude` says. */
const jekyllIgnored = globMatcher(['Gemfile', 'Gemfile.lock', 'node_modules/**', 'vendor/**', '_config*.yml', '_config*.yaml', '_config*.toml', 'CNAME']);

export function buildUrlMap(jekyll: JekyllConfig, files: ReadonlySet<string>, frontMatter: ReadonlyMap<string, Record<string, unknown>>): UrlMap {
  const targets = new Map<string, UrlTarget>();
  const redirects = new Map<string, string>();
  const urlOf = new Map<string, string>();
  const excluded = globMatcher(jekyll.exclude.flatMap((e) => [e.replace(/^\//, ''), `${e.replace(/^\/|\/$/g, '')}/**`]));
  const included = globMatcher(jekyll.include.map((e) => e.replace(/^\//, '')));
  const collections = new Map(jekyll.collections.map((c) => [`_${c.name}`, c]));
  const markdown = new Set(jekyll.markdownExtensions.map((e) => `.${e}`));

  for (const path of files) {
    if (excluded(path) || jekyllIgnored(path)) continue;
    const segments = path.split('/');
    const collection = collections.get(segments[0]!);
    const data = frontMatter.get(path);
    if (collection) {
      if (!collection.output || !data || data.published === false) continue;
      const url = documentUrl(path, collection, data, jekyll);
      targets.set(url, { kind: 'document', path });
      urlOf.set(path, url);
    } else {
      const hidden = segments.some((s, i) => (s.startsWith('_') || (s.startsWith('.') && s !== '.well-known')) && !(i === segments.length - 1 && included(path)));
      if (hidden && !included(path)) continue;
      if (data) {
        if (data.published === false) continue;
        const url = pageUrl(path, data, jekyll, markdown);
        targets.set(url, { kind: 'page', path });
        urlOf.set(path, url);
      } else {
        targets.set(`/${path}`, { kind: 'static', path });
        urlOf.set(path, `/${path}`);
      }
    }
  }
  for (const [path, data] of frontMatter) {
    const target = urlOf.get(path);
    if (!target) continue;
    const aliases = Array.isArray(data.redirect_from) ? data.redirect_from : typeof data.redirect_from === 'string' ? [data.redirect_from] : [];
    for (const alias of aliases) {
      if (typeof alias !== 'string') continue;
      const url = redirectUrl(alias);
      redirects.set(url, target);
      // jekyll-redirect-from writes `/help/index.html` as that file, which the server gives for `/help/` too.
      if (url.endsWith('/index.html') && !redirects.has(url.slice(0, -'index.html'.length))) redirects.set(url.slice(0, -'index.html'.length), target);
    }
  }
  return { targets, redirects, urlOf };
}

/** Jekyll::Utils.slugify, default mode: anything but letters and digits becomes `-`. */
export function slugify(text: string, cased = false): string {
  const slug = text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return cased ? slug : slug.toLowerCase();
}

function basenameOf(path: string): { dir: string; base: string; ext: string } {
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  return { dir: slash === -1 ? '' : path.slice(0, slash), base: dot > 0 ? file.slice(0, dot) : file, ext: dot > 0 ? file.slice(dot) : '' };
}

function documentUrl(path: string, collection: CollectionConfig, data: Record<string, unknown>, jekyll: JekyllConfig): string {
  const { base } = basenameOf(path);
  const relative = path.slice(collection.name.length + 2).replace(/\.[^./]+$/, '');
  const slug = typeof data.slug === 'string' ? data.slug : undefined;
  const categories = Array.isArray(data.categories) ? data.categories.flatMap((c) => (isScalar(c) ? [String(c).toLowerCase()] : [])).join('/') : '';
  const template =
    typeof data.permalink === 'string'
      ? data.permalink
      : (collection.permalink ?? withStyleSuffix('/:collection/:path', jekyll.permalink));
  return fillTemplate(expandStyle(template), {
    collection: collection.name,
    path: relative,
    name: slugify(base),
    title: slugify(slug ?? base, true),
    slug: slugify(slug ?? base),
    categories,
    output_ext: '.html',
  });
}

function pageUrl(path: string, data: Record<string, unknown>, jekyll: JekyllConfig, markdown: ReadonlySet<string>): string {
  const { dir, base, ext } = basenameOf(path);
  const outputExt = markdown.has(ext) || ext === '.html' ? '.html' : ext;
  let template: string;
  if (typeof data.permalink === 'string') template = data.permalink;
  else if (outputExt !== '.html') template = '/:path/:basename:output_ext';
  else if (base === 'index') template = '/:path/';
  else template = withStyleSuffix('/:path/:basename', jekyll.permalink);
  return fillTemplate(template, { path: dir, basename: base, output_ext: outputExt });
}

/** Jekyll::Utils.add_permalink_suffix: `pretty` ends URLs with a slash, other styles with the extension. */
function withStyleSuffix(template: string, style: string): string {
  const expanded = expandStyle(style);
  if (style === 'pretty' || expanded.endsWith('/')) return `${template}/`;
  if (expanded.endsWith(':output_ext')) return `${template}:output_ext`;
  return template;
}

const styles = new Map([
  ['pretty', '/:categories/:year/:month/:day/:title/'],
  ['date', '/:categories/:year/:month/:day/:title:output_ext'],
  ['ordinal', '/:categories/:year/:y_day/:title:output_ext'],
  ['none', '/:categories/:title:output_ext'],
]);

function expandStyle(template: string): string {
  return styles.get(template) ?? template;
}

/** Jekyll::URL: placeholders replaced, empty segments collapsed. */
function fillTemplate(template: string, values: Record<string, string>): string {
  const filled = template.replace(/:([a-z_]+)/g, (match, key: string) => (Object.hasOwn(values, key) ? values[key] : undefined) ?? (['year', 'month', 'day', 'y_day', 'i_month', 'i_day', 'short_year', 'hour', 'minute', 'second'].includes(key) ? '' : match));
  const url = `/${filled}`.replace(/\/{2,}/g, '/');
  return url;
}

/** jekyll-redirect-from writes an alias ending in `/` as `alias/index.html`; other aliases as given. */
function redirectUrl(alias: string): string {
  return `/${alias.replace(/^\/+/, '')}`;
}

/** Values Jekyll turns into URL text; a map or list in their place is skipped, not stringified. */
function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
