/** Reads the Jekyll site configuration (_config.yml and friends) with Jekyll's YAML 1.1 reading. */
import { existsSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { parsePsychYaml } from '../parse/front-matter.js';
import type { MarkdownReading } from '../parse/document.js';
import { yamlValues } from '../parse/yaml-values.js';
import { readSource } from './read-source.js';
import { LineIndex } from '../text/line-index.js';
import { ConfigError } from '../config/error.js';
import { readFrontMatterDefaults, type FrontMatterDefaults } from './front-matter-defaults.js';
import { buildsJekyll, findGemfile, gemfilePlugins, jekyllMajorVersion, buildsWithGitHubPagesGem } from './gemfile.js';
import { themePlugins } from './themes.js';
import { jekyllSource, sourceFolderProblem } from './source-folder.js';
import { repositoryRootOf } from './git-changes.js';
import { gitHubPagesDefaultPlugins, gitHubPagesSettings, gitHubPagesSource, projectSitePath, userSiteOwner } from './github-pages-build.js';
import { multipleLanguagesSettings } from './language-builds.js';
import { hasPluginFiles } from './plugins.js';
import { runsJekyllBuild } from './build-steps.js';
import type { ServerRule } from './server-redirects.js';

export interface CollectionConfig {
  name: string;
  output: boolean;
  permalink?: string;
}

export interface JekyllConfig {
  /** The path the site is served under (`/docs`; empty at the root), with a leading slash and no trailing one. */
  baseurl: string;
  /**
   * The scheme and host a `baseurl` written as a URL starts with (`baseurl: //jasmine.github.io`):
   * `{{ site.baseurl }}` and relative_url write them before every path, so links that start with
   * them are on the site. Empty for a baseurl that is a path.
   */
  baseurlOrigin?: string;
  /** The repository (`owner/repo`) whose GitHub Pages project site the baseurl is the path of, where the config sets none (github-pages-build.ts). */
  projectSite?: string;
  /** The owner whose GitHub Pages user or organization site this is (its repository is `owner.github.io`): the owner's project sites are served beside it, at `/project/`. */
  userSite?: string;
  /** The site has a `redirect` layout of its own (`_layouts/redirect.html`): jekyll-redirect-from lays its redirect pages out in it, not in its own. */
  ownRedirectLayout?: true;
  url: string;
  permalink: string;
  exclude: string[];
  include: string[];
  collections: CollectionConfig[];
  /** `defaults:`, the front matter values files get unless they set their own. */
  frontMatterDefaults: FrontMatterDefaults[];
  markdownExtensions: string[];
  /** The converter `markdown:` names (markdownConverter). */
  markdownConverter: MarkdownConverter;
  /**
   * How pages are read: kramdown's syntax or CommonMark's (jekyll-commonmark), and whether
   * Markdown inside a block HTML element stays text, as kramdown (Jekyll's default converter)
   * leaves it unless `kramdown.parse_block_html` is on; CommonMark reads it as Markdown after a blank line.
   */
  markdownReading: MarkdownReading;
  /** Where the site's data files are (`data_dir`, `_data` by default). */
  dataDir: string;
  /** Where `{% include %}` looks for files (`includes_dir`, `_includes` by default). */
  includesDir: string;
  /** Where layouts are (`layouts_dir`, `_layouts` by default). */
  layoutsDir?: string;
  /** Where collections, posts and drafts are (`collections_dir`; empty: the site's root). */
  collectionsDir?: string;
  /** Plugin gems named by `plugins:` (or the older `gems:`), and those of the Gemfile's `:jekyll_plugins` group (with the github-pages gem, those it turns on), and those a `theme:` gem depends on. */
  plugins: string[];
  /**
   * Whether `{% link %}` and `{% post_url %}` write the baseurl themselves: Jekyll 4 does, Jekyll 3
   * (which GitHub Pages builds with) does not. Undefined when the Gemfile (or its lock) does not say.
   */
  linkTagsAddBaseurl: boolean | undefined;
  /** URLs those gems publish without a source file (jekyll-feed's `/feed.xml`, jekyll-sitemap's `/sitemap.xml`). */
  generatedUrls: string[];
  /** What writes pages at URLs no source file gives (see site/plugins.ts); filled in once the plugins are read. */
  pageGenerators: PageGenerator[];
  /** The page variables the site's plugins set (site/plugins.ts): unknown on a page whose front matter does not set them. */
  pluginPageKeys: string[];
  /** The redirect and rewrite rules of the server that serves the site (server-redirects.ts); filled in with the plugins. */
  serverRules?: readonly ServerRule[];
  /** Built by GitHub Pages (or with the github-pages gem): its settings apply, and no `.htaccess` is read. */
  gitHubPages?: true;
  /** Globs of URL paths another step of the build publishes (doclint's `jekyll.published`): links into them count as published. */
  publishedElsewhere?: readonly string[];
  /** The .gitignore patterns that apply inside the site, from its root (site/published-elsewhere.ts): what a build step writes. */
  gitIgnored?: readonly string[];
  /** The merged raw values, for what the typed fields do not cover. */
  raw: Record<string, unknown>;
  /** Problems reading the files (missing, invalid YAML), reported as findings on those files. */
  problems: { file: string; message: string; line: number; column: number; severity?: 'error' | 'warning' }[];
}

export interface PageGenerator {
  /** The plugin file or gem. */
  by: string;
  /** The URLs it writes, as a regular expression's source; undefined when they cannot be known (any page's). */
  urls?: string;
  /** Writes files into the built site once Jekyll has written it (a `:post_write` hook: a search index): files of any kind, no page laid out. */
  afterWrite?: true;
  /** Adds static files whose names it works out (`StaticFile.new(site, base, dir, name)` from a config value or a folder's listing): files of any kind. */
  staticFiles?: true;
  /** Not a generator: the `keep_files` entry Jekyll keeps in the built site, where a step outside Jekyll writes it. */
  kept?: string;
  /** Not a generator: a folder of posts .gitignore leaves to a build step (see filledPostFolders). */
  filled?: string;
}

const gemUrls: Record<string, (raw: Record<string, unknown>) => string[]> = {
  'jekyll-feed': feedUrls,
  'jekyll-sitemap': () => ['/sitemap.xml', '/robots.txt'],
};

/** A config value that is a map of settings (`kramdown:`, `feed:`), or none. */
/**
 * Jekyll's Markdown converter: kramdown (`markdown:` unset, or `kramdown` in any case), one of
 * jekyll-commonmark's (`CommonMark`; `CommonMarkGhPages`, which GitHub Pages has: GFM through
 * commonmarker), Redcarpet (`redcarpet`, Jekyll 3's), or another a plugin provides. Plugins are named by class, exactly.
 */
export type MarkdownConverter = 'kramdown' | 'CommonMark' | 'CommonMarkGhPages' | 'redcarpet' | 'other';

/** jekyll-commonmark's converters: CommonMark with the extensions and options of `commonmark:`. */
export const isCommonMark = (converter: MarkdownConverter): converter is 'CommonMark' | 'CommonMarkGhPages' => converter === 'CommonMark' || converter === 'CommonMarkGhPages';

export function markdownConverter(raw: Record<string, unknown>): MarkdownConverter {
  if (raw.markdown === undefined || String(raw.markdown).toLowerCase() === 'kramdown') return 'kramdown';
  // Jekyll 3's own converter; Jekyll 4 has it from a plugin, if at all.
  if (String(raw.markdown).toLowerCase() === 'redcarpet') return 'redcarpet';
  return raw.markdown === 'CommonMark' || raw.markdown === 'CommonMarkGhPages' ? raw.markdown : 'other';
}

/** Redcarpet's `redcarpet: extensions:` (`with_toc_data`, `footnotes`, `tables`, …), as written. */
export function redcarpetExtensions(raw: Record<string, unknown>): string[] {
  const extensions = settingsOf(raw.redcarpet).extensions;
  return Array.isArray(extensions) ? extensions.map(String) : [];
}

/** How the converter reads pages; Redcarpet and another plugin's converter are read as kramdown, their block HTML as CommonMark's. */
function markdownReadingOf(raw: Record<string, unknown>): MarkdownReading {
  const converter = markdownConverter(raw);
  return { kramdown: !isCommonMark(converter), rawBlockHtml: converter === 'kramdown' && !settingsOf(raw.kramdown).parse_block_html };
}

/** jekyll-commonmark's `commonmark: options:`, upper-cased as it reads them (`UNSAFE`, `FOOTNOTES`, `SMART`, …). */
export function commonMarkOptions(raw: Record<string, unknown>): string[] {
  const options = settingsOf(raw.commonmark).options;
  return Array.isArray(options) ? options.map((option) => String(option).toUpperCase()) : [];
}

/** Whether the site's converter reads GFM tables: jekyll-commonmark's with the `table` extension. */
export function gfmTablesOn(raw: Record<string, unknown>): boolean {
  return isCommonMark(markdownConverter(raw)) && commonMarkExtensions(raw).includes('table');
}

/** jekyll-commonmark's `commonmark: extensions:` (`autolink`, `table`, `strikethrough`, `tagfilter`, …), as written. */
export function commonMarkExtensions(raw: Record<string, unknown>): string[] {
  const extensions = settingsOf(raw.commonmark).extensions;
  return Array.isArray(extensions) ? extensions.map(String) : [];
}

export const settingsOf = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * The feeds jekyll-feed writes (JekyllFeed::Generator#feed_path): the posts' at `/feed.xml` or
 * `feed.path`, each collection's in `feed.collections` at `/feed/<name>.xml` or its own `path`,
 * and one per category listed for them (`/feed/<category>.xml`, `/feed/<name>/<category>.xml`).
 */
function feedUrls(raw: Record<string, unknown>): string[] {
  const feed = settingsOf(raw.feed);
  const collections: Record<string, Record<string, unknown>> = Array.isArray(feed.collections)
    ? Object.fromEntries(feed.collections.map((name) => [String(name), {}]))
    : Object.fromEntries(Object.entries(settingsOf(feed.collections)).map(([name, meta]) => [name, settingsOf(meta)]));
  const posts = collections.posts ?? {};
  collections.posts = { ...posts, path: posts.path ?? feed.path, categories: posts.categories ?? feed.categories };
  return Object.entries(collections).flatMap(([name, meta]) => {
    const prefix = name === 'posts' ? '/feed' : `/feed/${name}`;
    const own = typeof meta.path === 'string' && meta.path !== '' ? `/${meta.path.replace(/^\/+/, '')}` : `${prefix}.xml`;
    return [own, ...stringList(meta.categories).map((category) => `${prefix}/${category}.xml`)];
  });
}

const defaultMarkdownExtensions = ['markdown', 'mkdown', 'mkdn', 'mkd', 'md'];

/** Jekyll reads `_config.yml` when it exists; a config file named otherwise must exist. */
export const defaultJekyllConfigFile = '_config.yml';

/** Reads and merges the Jekyll config files, each within `maxFileSize` and only if it is a regular file. */
export function readJekyllConfig(root: string, files: readonly string[], maxFileSize = Number.POSITIVE_INFINITY): JekyllConfig {
  const raw: Record<string, unknown> = {};
  const problems: JekyllConfig['problems'] = [];
  const keySetBy = new Map<string, { file: string; line: number; column: number }>();
  for (const named of files) {
    // Relative names are the root's (config files); the CLI and the Action pass absolute paths.
    const path = resolve(root, named);
    const file = relative(root, path).split(sep).join('/');
    const source = readSource(path, maxFileSize);
    if (!source.ok) {
      if (source.missing && named === defaultJekyllConfigFile) continue;
      if (source.missing) throw new ConfigError(`Jekyll config file not found: ${path} (jekyll build fails the same way)`);
      throw new ConfigError(`Jekyll config file ${path}: ${source.message}`);
    }
    const text = source.text;
    const yaml = parsePsychYaml(text);
    const error = yaml.errors[0];
    if (error) {
      const at = new LineIndex(text).position(error.pos[0]);
      problems.push({ file, message: `Invalid YAML in ${file}: ${error.message.split('\n')[0]}`, ...at });
      continue;
    }
    const values = yamlValues(yaml);
    const lines = new LineIndex(text);
    for (const problem of values.problems) problems.push({ file, message: `${file}: ${problem.message}`, ...lines.position(problem.start), severity: problem.severity });
    Object.assign(raw, values.data);
    for (const key of checkedKeys) {
      if (Object.hasOwn(values.data, key)) keySetBy.set(key, { file, ...lines.position(keyOffset(yaml, key)) });
    }
  }
  for (const [key, at] of keySetBy) {
    if (key === 'source') {
      const problem = typeof raw.source === 'string' ? sourceFolderProblem(root, raw.source) : 'is not a path';
      if (problem) problems.push({ ...at, severity: 'warning', message: `\`source\` ${problem}: doclint reads the site from the config's own folder instead.` });
    } else {
      const stop = buildStopper(key, raw[key]);
      if (stop) problems.push({ ...at, message: stop });
    }
  }
  const folder = resolve(root);
  const top = repositoryRootOf(folder);
  const gemfile = findGemfile(folder, top, maxFileSize);
  const groupGems = gemfile ? gemfilePlugins(gemfile.text) : [];
  // At a GitHub Pages source, a Gemfile that builds with the github-pages gem alone (in its plugin group or not) builds as
  // GitHub Pages does, and so does no Gemfile that builds Jekyll, unless the site has plugin files of its own that a build
  // file runs `jekyll build` on: a Jekyll that loads them builds it (GitHub's ignores them: a Jekyll-Bootstrap blog keeps
  // its `_plugins/debug.rb` and is built there). A user or organization site is GitHub's to build whatever its Gemfile
  // says, unless a build file runs `jekyll build` (wp-cli.github.com lists plain jekyll in its Gemfile and has no build).
  const ownBuild = (): boolean => runsJekyllBuild(top === undefined || top === folder ? [folder] : [folder, top], maxFileSize);
  const pagesGemAlone = gemfile !== undefined && buildsWithGitHubPagesGem(gemfile);
  const noJekyllGemfile = !gemfile || !buildsJekyll(gemfile);
  const owner = userSiteOwner(folder, top, maxFileSize);
  // GitHub Pages builds from where it checks out, whatever `source:` says: a site kept in another folder is built by something else.
  const ownSource = jekyllSource(folder, { raw }) !== folder;
  const gitHubPages =
    [...groupGems, ...stringList(raw.plugins), ...stringList(raw.gems)].includes('github-pages') ||
    (!ownSource &&
      gitHubPagesSource(folder, top, maxFileSize) &&
      (pagesGemAlone || (noJekyllGemfile ? !(hasPluginFiles(folder, raw) && ownBuild()) : owner !== undefined && !ownBuild())));
  // jekyll-github-metadata, which GitHub Pages always loads, sets the baseurl of a project site that sets none.
  const projectSite = gitHubPages && (raw.baseurl == null || raw.baseurl === '/') ? projectSitePath(folder, top, raw.repository, maxFileSize) : undefined;
  const site = projectSite ? { ...raw, baseurl: projectSite.path } : raw;
  const userSite = gitHubPages && owner !== undefined ? { userSite: owner } : {};
  const config = jekyllConfigOf(site, { groupGems, gitHubPages, jekyllMajor: gitHubPages ? 3 : gemfile && jekyllMajorVersion(gemfile), ...(projectSite ? { projectSite: projectSite.repository } : {}), ...userSite }, problems);
  // jekyll-redirect-from lays redirect pages out in the site's own `redirect` layout where it has one.
  if (existsSync(join(jekyllSource(folder, config), config.layoutsDir ?? '_layouts', 'redirect.html'))) config.ownRedirectLayout = true;
  return config;
}

/** How the site is built, as its Gemfile and repository tell. */
interface SiteBuild {
  /** The gems of the Gemfile's `:jekyll_plugins` group. */
  groupGems: readonly string[];
  /** Built by GitHub Pages (or with the github-pages gem): its settings apply. */
  gitHubPages: boolean;
  jekyllMajor: number | undefined;
  /** The repository whose GitHub Pages project site this is, where its baseurl comes from (JekyllConfig.projectSite). */
  projectSite?: string;
  /** The owner whose GitHub Pages user or organization site this is (JekyllConfig.userSite). */
  userSite?: string;
}

/** The config of a site whose merged config files hold `raw` (a site with no files: Jekyll's defaults), built as `build` says. */
export function jekyllConfigOf(site: Record<string, unknown>, build: SiteBuild = { groupGems: [], gitHubPages: false, jekyllMajor: undefined }, problems: JekyllConfig['problems'] = []): JekyllConfig {
  const { groupGems, gitHubPages, jekyllMajor, projectSite, userSite } = build;
  const raw = gitHubPages ? gitHubPagesSettings(site) : site;
  const configGems = [...stringList(raw.plugins), ...stringList(raw.gems)];
  // In safe mode (GitHub Pages) only whitelisted gems load; Bundler loads the group's anyway.
  const allowed = (gem: string): boolean => raw.safe !== true || stringList(raw.whitelist).includes(gem);
  const plugins = [
    ...new Set([
      ...groupGems,
      ...configGems.filter(allowed),
      ...(gitHubPages ? gitHubPagesDefaultPlugins : []),
      // GitHub Pages loads jekyll-remote-theme for a site that names a remote theme.
      ...(gitHubPages && Object.hasOwn(raw, 'remote_theme') ? ['jekyll-remote-theme'] : []),
      // An unknown remote theme's name stands for its gemspec's plugins, which load where allowed.
      ...themePlugins(raw).filter((gem) => allowed(gem) || gem === raw.remote_theme),
    ]),
  ];
  return {
    ...readBaseurl(stringOr(raw.baseurl, '')),
    ...(projectSite ? { projectSite } : {}),
    ...(userSite ? { userSite } : {}),
    ...(gitHubPages ? { gitHubPages: true as const } : {}),
    url: stringOr(raw.url, '').replace(/\/$/, ''),
    permalink: stringOr(raw.permalink, 'date'),
    exclude: [...stringList(raw.exclude), ...destinationInSource(raw)],
    // Jekyll's default; a site's own list replaces it.
    include: raw.include === undefined ? ['.htaccess'] : stringList(raw.include),
    collections: readCollections(raw.collections),
    frontMatterDefaults: readFrontMatterDefaults(raw.defaults),
    markdownExtensions: typeof raw.markdown_ext === 'string' ? raw.markdown_ext.split(',').map((e) => e.trim()) : defaultMarkdownExtensions,
    markdownConverter: markdownConverter(raw),
    markdownReading: markdownReadingOf(raw),
    dataDir: stringOr(raw.data_dir, '_data').replace(/^\/+|\/+$/g, '') || '_data',
    includesDir: typeof raw.includes_dir === 'string' ? raw.includes_dir.replace(/^\/|\/$/g, '') : '_includes',
    layoutsDir: typeof raw.layouts_dir === 'string' ? raw.layouts_dir.replace(/^\/|\/$/g, '') : '_layouts',
    collectionsDir: typeof raw.collections_dir === 'string' ? raw.collections_dir.replace(/^[/.]+|\/+$/g, '') : '',
    plugins,
    linkTagsAddBaseurl: jekyllMajor === undefined ? undefined : jekyllMajor >= 4,
    generatedUrls: plugins.flatMap((gem) => (Object.hasOwn(gemUrls, gem) ? gemUrls[gem]!(raw) : [])),
    pageGenerators: [],
    pluginPageKeys: [],
    raw: plugins.includes('jekyll-multiple-languages-plugin') ? multipleLanguagesSettings(raw) : raw,
    problems,
  };
}

/**
 * The `destination` folder, when the built site is written inside the source (wicket's
 * `destination: ./content`): Jekyll never reads it as the site's (Reader#retrieve_dirs), as if
 * `exclude` named it.
 */
function destinationInSource(raw: Record<string, unknown>): string[] {
  if (typeof raw.destination !== 'string' || raw.destination.startsWith('/')) return [];
  const source = typeof raw.source === 'string' && !raw.source.startsWith('/') ? raw.source : '.';
  const inside = posix.relative(posix.resolve('/', source), posix.resolve('/', raw.destination));
  return inside === '' || inside.startsWith('..') ? [] : [inside];
}

/** The baseurl as `{{ site.baseurl }}` and relative_url write it before a path (with its scheme and host when written as a URL). */
export function baseurlAsWritten(jekyll: Pick<JekyllConfig, 'baseurl' | 'baseurlOrigin'>): string {
  return `${jekyll.baseurlOrigin ?? ''}${jekyll.baseurl}`;
}

/** The path of the site's `url` (`/project` of `https://owner.github.io/project`), without its final slash. */
export function siteUrlPath(jekyll: Pick<JekyllConfig, 'url'>): string {
  return (URL.parse(jekyll.url)?.pathname ?? '').replace(/\/$/, '');
}

/** The absolute URLs the site is published at: its `url`, and a baseurl written as one (`https://host/docs`). */
export function ownSiteUrls(jekyll: Pick<JekyllConfig, 'url' | 'baseurl' | 'baseurlOrigin'>): string[] {
  return [jekyll.url, jekyll.baseurlOrigin ? baseurlAsWritten(jekyll) : ''].filter((url) => url !== '');
}

/** A baseurl as the built site is served under it: relative_url writes it with a leading slash; one written as a URL (`//host/docs`) is served at its path. */
function readBaseurl(value: string): Pick<JekyllConfig, 'baseurl' | 'baseurlOrigin'> {
  const asUrl = /^((?:[a-z][a-z\d+.-]*:)?\/\/[^/?#]*)(.*)$/i.exec(value);
  const path = (asUrl ? asUrl[2]! : value).replace(/\/+$/, '');
  const baseurl = path === '' || path.startsWith('/') ? path : `/${path}`;
  return asUrl ? { baseurl, baseurlOrigin: asUrl[1]! } : { baseurl };
}

/** Settings checked where they are written: those a value of which stops `jekyll build`, and the site's `source` folder. */
const checkedKeys = ['plugins', 'include', 'exclude', 'collections', 'limit_posts', 'relative_permalinks', 'source'];

/** Why `jekyll build` (3 and 4) stops on the merged config's value of this key, if it does. */
function buildStopper(key: string, value: unknown): string | undefined {
  switch (key) {
    // Configuration#check_plugins, #check_include_exclude.
    case 'plugins':
    case 'include':
    case 'exclude':
      return Array.isArray(value) ? undefined : `\`${key}\` is ${describe(value)}, not a list: \`jekyll build\` stops ("'${key}' should be set as an array").`;
    // Site#collection_names.
    case 'collections':
      return value === null || Array.isArray(value) || (typeof value === 'object' && !(value instanceof Date)) ? undefined : `\`collections\` is ${describe(value)}: \`jekyll build\` stops ("Your \`collections\` key must be a hash or an array").`;
    // Site#reset: `limit_posts.negative?`, on a number only.
    case 'limit_posts':
      return value === null || (typeof value === 'number' && value >= 0) ? undefined : `\`limit_posts\` is ${typeof value === 'number' ? value : describe(value)}: \`jekyll build\` stops ("limit_posts must be a non-negative number").`;
    // Site#relative_permalinks_are_deprecated: any value but false.
    case 'relative_permalinks':
      return value === null || value === false ? undefined : '`relative_permalinks` is set: `jekyll build` stops ("Since v3.0, permalinks for pages in subfolders must be relative to the site source directory"). Remove it, and write such permalinks from the site\'s root.';
    default:
      return undefined;
  }
}

/** Where a top-level key is written (the document's start when it cannot be found). */
function keyOffset(yaml: ReturnType<typeof parsePsychYaml>, key: string): number {
  const contents = yaml.contents;
  if (!isMap(contents)) return 0;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  return (isScalar(pair?.key) ? pair.key.range?.[0] : undefined) ?? 0;
}

/** A value as Ruby's `inspect` would name its kind. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `the string \`${value}\``;
  return Array.isArray(value) ? 'a list' : value instanceof Date ? 'a date' : `a ${typeof value === 'object' ? 'map' : typeof value}`;
}

/** The collections `_config.yml` declares (a list or a map), posts always among them. */
export function readCollections(value: unknown): CollectionConfig[] {
  const collections: CollectionConfig[] = [{ name: 'posts', output: true }];
  if (Array.isArray(value)) {
    for (const name of value) if (typeof name === 'string') collections.push({ name, output: false });
  } else if (value && typeof value === 'object') {
    for (const [name, settings] of Object.entries(value as Record<string, unknown>)) {
      const s = (settings ?? {}) as Record<string, unknown>;
      const collection: CollectionConfig = { name, output: s.output === true };
      if (typeof s.permalink === 'string') collection.permalink = s.permalink;
      if (name === 'posts') collections[0] = { ...collection, output: s.output !== false };
      else collections.push(collection);
    }
  }
  return collections;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
