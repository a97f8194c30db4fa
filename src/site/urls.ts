/**
 * Every URL the built site will have, computed from source as Jekyll 4 does, without a build:
 * collection documents through their permalink template (`/article/:name/`, `:path`,
 * `:title`, `:slug`, `:collection`, `:categories`, `pretty`), pages through Jekyll's page
 * template, a `permalink:` in front matter (or in the config's front matter defaults), static
 * files at their path, jekyll-redirect-from aliases where the site loads it, and the pages
 * GitHub Pages' plugins make (github-pages-plugins.ts) and jekyll-polyglot's language copies. URLs here have no baseurl and are not
 * percent-encoded.
 */
import { excludeFilter, specialEntryFilter } from './entry-filter.js';
import { withFrontMatterDefaults } from './front-matter-defaults.js';
import { postDate } from './post-date.js';
import { indexesReadmePages, isOptionalFrontMatterPage, isReadmeIndexCandidate, removesOptionalFrontMatterOriginals, removesReadmeOriginals } from './github-pages-plugins.js';
import { posix } from 'node:path';
import { addLanguageBuilds, addPolyglotCopies, translatedPost, type LanguageBuild } from './language-builds.js';
import { templateUrls } from './plugins.js';
import { globMatcher } from './glob-matcher.js';
import { themeAssetUrls, themeGemName } from './themes.js';
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
  /** Aliases pages list in `redirect_from` on a site that does not load jekyll-redirect-from (nothing is written there) -> the page's file. */
  inertRedirects: ReadonlyMap<string, string>;
  /** Source file -> its URL. */
  urlOf: ReadonlyMap<string, string>;
  /**
   * Documents whose permalink holds a placeholder Jekyll's URL drop does not have (`:number`): a
   * plugin fills it in, or jekyll build fails. Such a document is published at a URL the template
   * matches (`urls`, a regular expression's source), which cannot be known offline. One entry per
   * template: its first document, and how many there are.
   */
  unknownUrls: ReadonlyMap<string, { path: string; placeholder: string; documents: number }>;
  /** Pages, documents and posts whose `published: false` keeps them out of the build (unless `unpublished: true`). */
  unpublishedPages: ReadonlySet<string>;
  /** Drafts (`_drafts/…`) -> the URL `jekyll build --drafts` publishes them at, which their relative links resolve from (no other build publishes them). */
  draftUrls: ReadonlyMap<string, string>;
}

/** Why no build renders the page at `path` (its `published: false`), if so: its findings reach no reader, and its Liquid fails no build. */
export function unpublishedPageReason(path: string, urls: Pick<UrlMap, 'unpublishedPages'>): string | undefined {
  return urls.unpublishedPages.has(path) ? 'The page says `published: false`: Jekyll builds it only with `--unpublished`.' : undefined;
}

/** Files Jekyll never publishes, whatever `exclude` says. */
const jekyllIgnored = globMatcher(['Gemfile', 'Gemfile.lock', 'node_modules/**', 'vendor/**', '_config*.yml', '_config*.yaml', '_config*.toml', 'CNAME']);

/**
 * jekyll-readme-index: a static README is its folder's index page (`dir/`) when no page or file is
 * the folder's index; with `with_frontmatter`, so is a README page, whose permalink becomes the
 * folder of its URL (a README with front matter otherwise keeps its own URL).
 */
function addReadmeIndexes(jekyll: JekyllConfig, targets: Map<string, UrlTarget>, urlOf: Map<string, string>): void {
  const readmes = [...targets.values()].filter((target) => target.kind === 'static' && isReadmeIndexCandidate(target.path, jekyll));
  const readmePages = indexesReadmePages(jekyll) ? [...targets].filter(([, target]) => target.kind === 'page' && isReadmeIndexCandidate(target.path, jekyll)) : [];
  if (readmes.length === 0 && readmePages.length === 0) return;
  const urls = new Set([...targets.keys()].map((url) => url.toLowerCase()));
  const hasIndex = (folder: string): boolean => ['', 'index.html', 'index.htm', 'index.xhtml', 'index.xml'].some((name) => urls.has(`${folder}${name}`.toLowerCase()));
  const makeIndex = (folder: string, path: string): void => {
    targets.set(folder, { kind: 'page', path });
    urlOf.set(path, folder);
    urls.add(folder.toLowerCase());
  };
  for (const readme of readmes) {
    const folder = `/${posix.dirname(readme.path) === '.' ? '' : `${posix.dirname(readme.path)}/`}`;
    if (hasIndex(folder)) continue;
    makeIndex(folder, readme.path);
    if (removesReadmeOriginals(jekyll)) targets.delete(`/${readme.path}`);
  }
  for (const [url, readme] of readmePages) {
    // Ruby's File.dirname of the URL, and a slash: Jekyll's URL makes `//` one.
    const folder = `${posix.dirname(url)}/`.replace(/\/{2,}/g, '/');
    if (hasIndex(folder)) continue;
    targets.delete(url);
    makeIndex(folder, readme.path);
  }
}

/** The type front matter defaults' scopes name a file by: `posts`, its collection's name, or `pages`. */
export function documentType(path: string, jekyll: Pick<JekyllConfig, 'collections' | 'collectionsDir'>): string {
  const inside = collectionRelative(path, jekyll);
  if (inside === undefined) return 'pages';
  const segments = inside.split('/');
  if (segments.slice(0, -1).includes('_posts')) return 'posts';
  return jekyll.collections.find((c) => segments.length > 1 && segments[0] === `_${c.name}`)?.name ?? 'pages';
}

/**
 * The path below `collections_dir`, where Jekyll reads collections, posts and drafts (the whole
 * path when the site does not set it); undefined for a file outside it.
 */
export function collectionRelative(path: string, jekyll: Pick<JekyllConfig, 'collectionsDir'>): string | undefined {
  const folder = jekyll.collectionsDir;
  if (!folder) return path;
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined;
}

/** Whether Jekyll leaves a file out of the site: its `exclude`, and what it never publishes. */
export function unpublishedFilter(jekyll: Pick<JekyllConfig, 'exclude'>): (path: string) => boolean {
  const excluded = excludeFilter(jekyll.exclude);
  return (path) => excluded(path) || jekyllIgnored(path);
}

export function buildUrlMap(jekyll: JekyllConfig, files: ReadonlySet<string>, frontMatter: ReadonlyMap<string, Record<string, unknown>>, now = new Date()): UrlMap {
  const targets = new Map<string, UrlTarget>();
  const redirects = new Map<string, string>();
  const urlOf = new Map<string, string>();
  const unpublished = unpublishedFilter(jekyll);
  const isSpecial = specialEntryFilter(jekyll.include);
  const collections = new Map(jekyll.collections.map((c) => [`_${c.name}`, c]));
  const markdown = new Set(jekyll.markdownExtensions.map((e) => `.${e}`));

  // A file's type is worked out only when there are defaults to apply.
  const withDefaults = (path: string, data: Record<string, unknown>, type?: string): Record<string, unknown> =>
    jekyll.frontMatterDefaults.length === 0 ? data : withFrontMatterDefaults(jekyll.frontMatterDefaults, path, type ?? documentType(path, jekyll), data);
  const dataOf = new Map<string, Record<string, unknown>>();
  // Jekyll's Publisher: `published: false` keeps a page out, unless the config says `unpublished: true`.
  const unpublishedPages = new Set<string>();
  const keptOut = (path: string, data: Record<string, unknown>): boolean => {
    if (data.published !== false || jekyll.raw.unpublished === true) return false;
    unpublishedPages.add(path);
    return true;
  };
  const unknownUrls = new Map<string, { path: string; placeholder: string; documents: number }>();
  const addUnknownUrl = (path: string, placeholder: string, url: string): void => {
    const urls = templateUrls([url]);
    const known = unknownUrls.get(urls);
    if (known) known.documents++;
    else unknownUrls.set(urls, { path, placeholder, documents: 1 });
  };
  const publishPage = (path: string, data: Record<string, unknown>): void => {
    const url = pageUrl(path, data, jekyll, markdown);
    targets.set(url, { kind: 'page', path });
    urlOf.set(path, url);
  };
  const publishDocument = (path: string, url: string): void => {
    urlOf.set(path, url);
    const placeholder = unfilledPlaceholder(url);
    // The template's folders still hold for the document's relative links; its URL is not known.
    if (placeholder) addUnknownUrl(path, placeholder, url);
    else targets.set(url, { kind: 'document', path });
  };
  const translatedPosts: [path: string, url: string][] = [];
  const draftUrls = new Map<string, string>();
  const timezone = typeof jekyll.raw.timezone === 'string' ? jekyll.raw.timezone : undefined;
  for (const path of files) {
    if (unpublished(path)) continue;
    const inside = collectionRelative(path, jekyll);
    const segments = inside?.split('/') ?? [];
    const collection = segments.length > 1 ? collections.get(segments[0]!) : undefined;
    const post = inside === undefined ? undefined : postSource(inside, jekyll);
    const own = frontMatter.get(path);
    const data = own && withDefaults(path, own);
    if (data) dataOf.set(path, data);
    if (post) {
      const posts = collections.get('_posts')!;
      if (!posts.output || !data || keptOut(path, data)) continue;
      // A file name's date Ruby cannot read stops the build unless the front matter gives one (front-matter-syntax reports it).
      if (!post.date && data.date === undefined) continue;
      const date = postDate(post.date ?? now, data.date, timezone);
      if (jekyll.raw.future !== true && date > now) continue;
      const url = postUrl(post, date, posts, data, jekyll);
      // A translated post is written by its language's build alone: added once the builds are.
      if (post.build) translatedPosts.push([path, `${post.build.folder}${url}`]);
      else publishDocument(path, url);
    } else if (segments.slice(0, -1).includes('_posts')) {
      // A file in _posts without a date in its name: Jekyll reads no post from it.
      continue;
    } else if (inDrafts(segments)) {
      // A post of its file's name, dated by its front matter or else its file's time (taken as now).
      const posts = collections.get('_posts')!;
      if (!posts.output) continue;
      const name = segments.at(-1)!.replace(/\.[^.]+$/, '');
      const values = data ?? {};
      draftUrls.set(path, postUrl({ dirs: [], date: now, slug: name, name }, postDate(now, values.date, timezone), posts, values, jekyll));
    } else if (collection) {
      if (!collection.output) continue;
      if (!data) {
        // A file without front matter is one of the collection's static files, copied to the collection's URL.
        const url = collectionStaticFileUrl(inside!, collection, jekyll);
        targets.set(url, { kind: 'static', path });
        urlOf.set(path, url);
        continue;
      }
      if (keptOut(path, data)) continue;
      publishDocument(path, documentUrl(inside!, collection, data, jekyll));
    } else {
      if (isSpecial(path)) continue;
      if (data) {
        if (keptOut(path, data)) continue;
        publishPage(path, data);
      } else if (isOptionalFrontMatterPage(path, jekyll)) {
        // jekyll-optional-front-matter: a page all the same (its original stays a static file unless removed).
        const values = withDefaults(path, {}, 'pages');
        dataOf.set(path, values);
        if (keptOut(path, values)) continue;
        publishPage(path, values);
        if (!removesOptionalFrontMatterOriginals(jekyll) && !targets.has(`/${path}`)) targets.set(`/${path}`, { kind: 'static', path });
      } else {
        if (withDefaults(path, {}, 'static_files').published === false) continue;
        targets.set(`/${path}`, { kind: 'static', path });
        urlOf.set(path, `/${path}`);
      }
    }
  }
  addReadmeIndexes(jekyll, targets, urlOf);
  addPolyglotCopies(jekyll, targets);
  addLanguageBuilds(jekyll, targets, dataOf);
  for (const [path, url] of translatedPosts) publishDocument(path, url);
  for (const url of jekyll.generatedUrls) if (!targets.has(url)) targets.set(url, { kind: 'static', path: url.slice(1) });
  // A theme gem's `assets/` files, unless the site has its own at the same place.
  const themeAssets = themeAssetUrls(jekyll);
  if (themeAssets !== 'unknown') for (const url of themeAssets) if (!targets.has(url)) targets.set(url, { kind: 'static', path: url.slice(1) });
  // redirect_from writes pages only where jekyll-redirect-from is loaded: named as a plugin, or maybe by a theme gem whose dependencies are not known (it stands for them in the plugins).
  const theme = themeGemName(jekyll);
  const redirectsWritten = jekyll.plugins.includes('jekyll-redirect-from') || (theme !== undefined && jekyll.plugins.includes(theme));
  const inertRedirects = new Map<string, string>();
  for (const [path, data] of dataOf) {
    const target = urlOf.get(path);
    if (!target) continue;
    const aliases = Array.isArray(data.redirect_from) ? data.redirect_from : typeof data.redirect_from === 'string' ? [data.redirect_from] : [];
    for (const alias of aliases) {
      if (typeof alias !== 'string') continue;
      const url = redirectUrl(alias);
      const placeholder = unfilledPlaceholder(url);
      // An alias with a placeholder is one a plugin expands (jekyll-redirect-from writes it as it is).
      if (placeholder && redirectsWritten) {
        addUnknownUrl(path, placeholder, url);
        continue;
      }
      if (!redirectsWritten) {
        inertRedirects.set(url, path);
        continue;
      }
      redirects.set(url, target);
      // jekyll-redirect-from writes `/help/index.html` as that file, which the server gives for `/help/` too.
      if (url.endsWith('/index.html') && !redirects.has(url.slice(0, -'index.html'.length))) redirects.set(url.slice(0, -'index.html'.length), target);
    }
  }
  return { targets, redirects, inertRedirects, urlOf, unknownUrls, unpublishedPages, draftUrls };
}

/** Jekyll::Utils.slugify: default mode, anything but letters and digits becomes `-`; pretty mode keeps `._~!$&'()+,;=@` too. */
export function slugify(text: string, cased = false, mode: 'default' | 'pretty' = 'default'): string {
  const slug = text.replace(mode === 'pretty' ? /[^\p{L}\p{N}._~!$&'()+,;=@]+/gu : /[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
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

/**
 * The path every URL of a collection's documents starts with: its URL template up to the first
 * placeholder but `:collection` (`/patches/` of `/:collection/:path`); undefined when that is the
 * site's root, which says nothing of the collection.
 */
export function collectionUrlPrefix(collection: CollectionConfig, jekyll: Pick<JekyllConfig, 'permalink'>): string | undefined {
  const template = expandStyle(collection.permalink ?? withStyleSuffix('/:collection/:path', jekyll.permalink));
  const filled = fillTemplate(template.replace(/:collection\b/g, collection.name), {});
  const prefix = filled.slice(0, filled.search(/:[a-z_]|$/)).replace(/[^/]*$/, '');
  return prefix === '/' ? undefined : prefix;
}

/**
 * Jekyll's StaticFile#url for a file of a collection: the collection's URL template with the
 * file's path (its extension left out, then added back after the last `/` is dropped), its name,
 * and an empty title and output extension.
 */
function collectionStaticFileUrl(path: string, collection: CollectionConfig, jekyll: JekyllConfig): string {
  const { base, ext } = basenameOf(path);
  const relative = path.slice(collection.name.length + 2, path.length - ext.length);
  const template = collection.permalink ?? withStyleSuffix('/:collection/:path', jekyll.permalink);
  const url = fillTemplate(expandStyle(template), { collection: collection.name, path: relative, name: base, title: '', output_ext: '' });
  return `${url.replace(/\/$/, '')}${ext}`;
}

function pageUrl(path: string, data: Record<string, unknown>, jekyll: JekyllConfig, markdown: ReadonlySet<string>): string {
  const { dir, base, ext } = basenameOf(path);
  const outputExt = outputExtension(ext, jekyll, markdown);
  let template: string;
  if (typeof data.permalink === 'string') template = data.permalink;
  else if (outputExt !== '.html') template = '/:path/:basename:output_ext';
  else if (base === 'index') template = '/:path/';
  else template = withStyleSuffix('/:path/:basename', jekyll.permalink);
  return fillTemplate(template, { path: dir, basename: base, output_ext: outputExt });
}

/**
 * The extension a page's converter gives its output: Markdown and HTML `.html`, Sass `.css`
 * (jekyll-sass-converter ships with Jekyll), CoffeeScript `.js` where jekyll-coffeescript is
 * loaded (GitHub Pages loads it), `.tailwind` and `.tailwindcss` `.css` where jekyll-tailwind or
 * jekyll-tailwindcss (0.7 on) is. Converters match extensions in any letter case.
 */
function outputExtension(ext: string, jekyll: Pick<JekyllConfig, 'plugins'>, markdown: ReadonlySet<string>): string {
  const lower = ext.toLowerCase();
  if (markdown.has(ext) || lower === '.html') return '.html';
  if (lower === '.scss' || lower === '.sass') return '.css';
  if (lower === '.coffee' && jekyll.plugins.includes('jekyll-coffeescript')) return '.js';
  if ((lower === '.tailwind' || lower === '.tailwindcss') && jekyll.plugins.some((gem) => gem === 'jekyll-tailwind' || gem === 'jekyll-tailwindcss')) return '.css';
  return ext;
}

/** A post's source: `[dir/]_posts/[sub/]YYYY-MM-DD-slug.ext` (Jekyll's DATE_FILENAME_MATCHER); other files in _posts are not posts. */
interface PostSource {
  /** The folders before `_posts`: the post's categories from its path. */
  dirs: string[];
  /** The file name's date as Ruby's Time.parse reads it; undefined where it raises (month 13, day 32). */
  date: Date | undefined;
  slug: string;
  /** The file name without its extension (`2020-01-02-hello`). */
  name: string;
  /** The language build that alone writes a translated post (jekyll-multiple-languages-plugin). */
  build?: LanguageBuild;
}

const postFileName = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)\.[^.]+$/;

/** The post a path below `collections_dir` holds, if Jekyll reads one from it. */
export function postSource(path: string, jekyll: Pick<JekyllConfig, 'plugins' | 'raw' | 'collectionsDir'>): PostSource | undefined {
  const translated = translatedPost(jekyll, path);
  if (translated === 'unread') return undefined;
  if (!translated) return postOf(path);
  const post = postOf(translated.path);
  return post && { ...post, build: translated.build };
}

function postOf(path: string): PostSource | undefined {
  const segments = path.split('/');
  const at = readPostsFolder(segments);
  if (at === undefined || passedOver(segments.slice(at + 1), true)) return undefined;
  const file = segments.at(-1)!;
  const match = postFileName.exec(file);
  if (!match) return undefined;
  return { dirs: segments.slice(0, at), date: fileNameDate(match[1]!, Number(match[2]), Number(match[3])), slug: match[4]!, name: file.replace(/\.[^.]+$/, '') };
}

/** Where a path's `_posts` folder is, if Jekyll reads posts from it (no folder before it starts with `_` or `.`). */
function readPostsFolder(segments: readonly string[]): number | undefined {
  const at = segments.indexOf('_posts');
  return at === -1 || segments.slice(0, at).some((s) => s.startsWith('_') || s.startsWith('.')) ? undefined : at;
}

/**
 * A file name's date as Ruby's `Time.parse` reads it: any day up to 31 rolls over past the month's
 * end (`2021-02-30` is March 2nd), a two-digit year is 1969-2068; a month or day out of those
 * ranges raises (undefined).
 */
function fileNameDate(yearText: string, month: number, day: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const written = Number(yearText);
  const year = yearText.length === 2 ? written + (written >= 69 ? 1900 : 2000) : written;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Whether Jekyll reads posts from this folder (from the site root): a `_posts` folder it reads, or one inside it. */
export function holdsPosts(folder: string, jekyll: Pick<JekyllConfig, 'collectionsDir'>): boolean {
  const segments = collectionRelative(folder, jekyll)?.split('/');
  const at = segments && readPostsFolder(segments);
  return at !== undefined && !passedOver(segments!.slice(at + 1), false);
}

/**
 * Whether Jekyll's reader passes over a path inside `_posts` or a collection's folder (its
 * segments there): its listing skips dot folders, and its entry filter a path or a file name that
 * starts with `_`, `.` or `#`, or a file name that ends in `~` (`_draft/x.md`, `_x.md`; not `sub/_x/y.md`).
 */
function passedOver(inside: readonly string[], isFile: boolean): boolean {
  if (inside.some((segment) => segment.startsWith('.'))) return true;
  return (inside.length > 0 && /^[_#]/.test(inside[0]!)) || (isFile && /^[._#]|~$/.test(inside.at(-1)!));
}

/**
 * A file in a `_posts` folder Jekyll reads that it reads no post from, because its name has no
 * date before the title (`YYYY-MM-DD-title.md`). Paths its reader passes over on purpose
 * (`_template.md`, `_drafts/x.md`: passedOver) are not counted.
 */
export function isUndatedPostFile(path: string, jekyll: Pick<JekyllConfig, 'plugins' | 'raw' | 'collectionsDir'>): boolean {
  const inside = collectionRelative(path, jekyll);
  if (inside === undefined) return false;
  const translated = translatedPost(jekyll, inside);
  if (translated === 'unread') return false;
  const segments = (translated?.path ?? inside).split('/');
  const at = readPostsFolder(segments);
  if (at === undefined || at === segments.length - 1) return false;
  return !passedOver(segments.slice(at + 1), true) && !postFileName.test(segments.at(-1)!);
}

/**
 * Jekyll's post categories: the path's folders, then `category` or else `categories` (a list, or
 * words); jekyll-multiple-languages-plugin takes its build's language out of `categories`.
 */
function postCategories(post: PostSource, data: Record<string, unknown>): string[] {
  const listed = typeof data.categories === 'string' ? data.categories.split(/\s+/) : Array.isArray(data.categories) ? data.categories : [];
  const own = data.category !== undefined && data.category !== null ? [data.category] : listed.filter((category) => category !== post.build?.language);
  const all = [...post.dirs, ...own.filter(isScalar).map(String)].filter((c) => c !== '');
  return [...new Set(all.map((c) => c.toLowerCase()))];
}

function postUrl(post: PostSource, date: Date, posts: CollectionConfig, data: Record<string, unknown>, jekyll: JekyllConfig): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const slug = typeof data.slug === 'string' ? data.slug : post.slug;
  const dayOfYear = Math.floor((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const categories = postCategories(post, data);
  const template = typeof data.permalink === 'string' ? data.permalink : (posts.permalink ?? jekyll.permalink);
  return fillTemplate(expandStyle(template), {
    collection: 'posts',
    year: String(date.getUTCFullYear()),
    month: two(date.getUTCMonth() + 1),
    day: two(date.getUTCDate()),
    i_month: String(date.getUTCMonth() + 1),
    i_day: String(date.getUTCDate()),
    short_year: two(date.getUTCFullYear() % 100),
    y_day: String(dayOfYear).padStart(3, '0'),
    ...weekPlaceholders(date),
    hour: two(date.getUTCHours()),
    minute: two(date.getUTCMinutes()),
    second: two(date.getUTCSeconds()),
    title: slugify(slug, true, 'pretty'),
    slug: slugify(slug),
    name: slugify(post.name),
    categories: categories.join('/'),
    slugified_categories: categories.map((c) => slugify(c)).join('/'),
    output_ext: '.html',
  });
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Jekyll's URL drop names and ISO weeks (strftime `%b %B %a %A %G %V %u`), in the C locale Ruby uses. */
function weekPlaceholders(date: Date): Record<string, string> {
  const weekday = date.getUTCDay() || 7;
  // The ISO week's Thursday decides its year.
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 4 - weekday));
  const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return {
    short_month: monthNames[date.getUTCMonth()]!.slice(0, 3),
    long_month: monthNames[date.getUTCMonth()]!,
    short_day: dayNames[date.getUTCDay()]!.slice(0, 3),
    long_day: dayNames[date.getUTCDay()]!,
    w_year: String(thursday.getUTCFullYear()),
    week: String(week).padStart(2, '0'),
    w_day: String(weekday),
  };
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

/** The first `:placeholder` left in a URL once Jekyll's are filled in. */
function unfilledPlaceholder(url: string): string | undefined {
  return /:[a-z_]+/.exec(url)?.[0];
}

/** jekyll-redirect-from writes an alias ending in `/` as `alias/index.html`; other aliases as given. */
function redirectUrl(alias: string): string {
  return `/${alias.replace(/^\/+/, '')}`;
}

/** Values Jekyll turns into URL text; a map or list in their place is skipped, not stringified. */
function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A document of a collection (`_name/…`), a draft or a post (`[dir/]_posts/…`), below `collections_dir`. */
export function isCollectionDocument(path: string, jekyll: Pick<JekyllConfig, 'collections' | 'collectionsDir'>): boolean {
  const segments = collectionRelative(path, jekyll)?.split('/') ?? [];
  return isPostOrDraft(path, jekyll) || (segments.length > 1 && jekyll.collections.some((c) => segments[0] === `_${c.name}`));
}

/** The collection of a document Jekyll reads but writes no page for (`output` not true), else undefined. */
export function unwrittenCollection(path: string, jekyll: Pick<JekyllConfig, 'collections' | 'collectionsDir'>): string | undefined {
  const segments = collectionRelative(path, jekyll)?.split('/') ?? [];
  if (segments.length < 2 || isPostOrDraft(path, jekyll)) return undefined;
  const collection = jekyll.collections.find((c) => segments[0] === `_${c.name}`);
  return collection && !collection.output ? collection.name : undefined;
}

/** Posts and drafts are rendered with or without front matter; other collection files without it are static files. */
export function isPostOrDraft(path: string, jekyll: Pick<JekyllConfig, 'collectionsDir'>): boolean {
  const segments = collectionRelative(path, jekyll)?.split('/') ?? [];
  return inPosts(segments) || inDrafts(segments);
}

/** A draft (`_drafts/…`, not a post): Jekyll reads it only with --drafts. */
export function isDraft(path: string, jekyll: Pick<JekyllConfig, 'collectionsDir'>): boolean {
  const segments = collectionRelative(path, jekyll)?.split('/') ?? [];
  return inDrafts(segments) && !inPosts(segments);
}

const inPosts = (segments: readonly string[]): boolean => segments.slice(0, -1).includes('_posts');
const inDrafts = (segments: readonly string[]): boolean => segments.length > 1 && segments[0] === '_drafts';
