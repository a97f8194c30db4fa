/**
 * What a site's own plugins (`_plugins/*.rb`) and the plugin gems it names add to Liquid and to
 * the published site, read without running any Ruby:
 * - `Liquid::Template.register_tag('name', Class)`: a tag (a block when the class inherits from
 *   `Liquid::Block`, whose `render` may convert the body itself or wrap it in block HTML); the
 *   name may be a variable the file assigns a string to;
 * - `Liquid::Template.register_filter(Module)`, or a `module Filters` in `module Jekyll` (which
 *   reopens Jekyll's own filters): every method the file defines is a filter;
 * - a `Converter` of Markdown pages made of literal `gsub` calls: what it replaces before kramdown
 *   reads a page (plugin-converters.ts);
 * - jekyll-feed and jekyll-seo-tag (in `plugins:` or `gems:`): their tags (the files plugin gems
 *   write are in the Jekyll config's `generatedUrls`).
 * A plugin read wrongly makes doclint know a name more, or read a block's body as HTML where
 * it is Markdown: it never fails the run.
 */
import { readdirSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { TagSpec } from '../parse/tag-registry.js';
import type { ResolvedConfig } from '../config/types.js';
import type { JekyllConfig, PageGenerator } from './jekyll-config.js';
import { readSource } from './read-source.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import type { MarkdownRewrite } from '../parse/document.js';
import { markdownConverters, rewritesInOrder, type MarkdownConverterPlugin } from './plugin-converters.js';

export interface SitePlugins {
  tags: Record<string, TagSpec>;
  filters: string[];
  /** What writes pages no source file gives: `_plugins` files with a `Jekyll::Generator` that may publish or move pages (`publishing`), and gems such as jekyll-archives. */
  generators: PageGenerator[];
  /** What its own converters replace in pages before kramdown reads them (plugin-converters.ts). */
  markdownRewrites: MarkdownRewrite[];
  /** The URLs of files its generators name (`SitemapFile.new(site, site.source, '', 'sitemap.xml')`, `"/sitemap.xml"`). */
  generatedFiles: string[];
  /** The page variables its Ruby code sets (`page.data['version'] = …` in a generator or hook): a page that does not set one gets it at build time. */
  pageKeys: string[];
  /** The plugin gems its Ruby files require that the config and Gemfile do not load (`require "jekyll-assets"`): loaded all the same. */
  requiredGems: string[];
}

// `require "jekyll-assets"`: a plugin gem (Jekyll's own files are `jekyll/…`).
const requiredPluginGem = /^\s*require\s*\(?\s*["'](jekyll[-_][\w-]+)["']/gm;

/** The pages plugin gems write of their own, where their settings tell (archives, pagination). */
function gemGenerators(jekyll: JekyllConfig): PageGenerator[] {
  const generators: PageGenerator[] = [];
  const { plugins, raw } = jekyll;
  if (plugins.includes('jekyll-paginate')) {
    generators.push({ by: 'jekyll-paginate', urls: templateUrls([typeof raw.paginate_path === 'string' ? raw.paginate_path : '/page:num/']) });
  }
  if (plugins.includes('jekyll-archives')) {
    const settings = (raw['jekyll-archives'] ?? {}) as { permalinks?: Record<string, unknown> };
    const permalinks = { year: '/:year/', month: '/:year/:month/', day: '/:year/:month/:day/', tag: '/tag/:name/', category: '/category/:name/', ...settings.permalinks };
    generators.push({ by: 'jekyll-archives', urls: templateUrls(Object.values(permalinks).filter((p): p is string => typeof p === 'string')) });
  }
  // jekyll-paginate-v2's autopages follow settings of many kinds: any page may be one of them.
  if (plugins.includes('jekyll-paginate-v2')) generators.push({ by: 'jekyll-paginate-v2' });
  return generators;
}

/**
 * A regular expression's source for the URLs of permalink templates (`/page:num/`), with or
 * without `index.html`. A segment holds one quantifier at most (one with several placeholders
 * is any text), so the expression cannot backtrack without bound on a path it does not match.
 */
export function templateUrls(templates: readonly string[]): string {
  const placeholder: Record<string, string> = { num: '\\d+', year: '\\d{4}', month: '\\d{2}', day: '\\d{2}' };
  const segment = (text: string): string => {
    const names = [...text.matchAll(/:([a-z_]+)/g)];
    if (names.length === 0) return escapeRegExp(text);
    if (names.length > 1) return '[^/]+';
    const [name] = names;
    return `${escapeRegExp(text.slice(0, name!.index))}${placeholder[name![1]!] ?? '[^/]+'}${escapeRegExp(text.slice(name!.index + name![0].length))}`;
  };
  const one = (template: string) => `/${template.slice(0, maxTemplateLength).replace(/^\/+|\/+$/g, '').split('/').map(segment).join('/')}`;
  return `^(?:${templates.map(one).join('|')})(?:/(?:index\\.html)?)?$`;
}


/**
 * The folder of the built site a `:post_write` hook writes into (`File.join(site.dest, "pagefind")`,
 * `"#{site.dest}/search"`): Pagefind's index, say, which the site's pages link to.
 */
function postWriteFolder(text: string): string | undefined {
  if (!/\bHooks\.register\b[\s(]*:site\s*,\s*:post_write\b/.test(text)) return undefined;
  const folder = /File\.join\(\s*site\.dest\s*,\s*["']([\w./-]+)["']|"#\{site\.dest\}\/([\w./-]+)"/.exec(text);
  const path = (folder?.[1] ?? folder?.[2])?.replace(/^\/+|\/+$/g, '');
  return path && !path.split('/').includes('..') ? path : undefined;
}

/** Longer permalink templates are cut: they come from the repository, and the expression must stay small. */
const maxTemplateLength = 200;

/** How many plugin files are read at most (a site has a handful). */
const maxPluginFiles = 200;

/** The Liquid tags of plugin gems doclint knows. */
const gemTags: Record<string, Record<string, TagSpec>> = {
  'jekyll-avatar': { avatar: {} },
  'jekyll-feed': { feed_meta: {} },
  'jekyll-figure': { figure: { block: true, ownMarkdown: true } },
  'jekyll-gist': { gist: {} },
  'jekyll-github-metadata': { github_edit_link: {} },
  'jekyll-include-cache': { include_cached: {} },
  'jekyll-last-modified-at': { last_modified_at: {} },
  // Each under a short and a long name.
  'jekyll-multiple-languages-plugin': { t: {}, translate: {}, tf: {}, translate_file: {}, tl: {}, translate_link: {} },
  'jekyll-octicons': { octicon: {} },
  // Each under two names; static_href's body is the `href="…"` it rewrites.
  'jekyll-polyglot': { I18n_Headers: {}, i18n_headers: {}, static_href: { block: true }, Static_Href: { block: true } },
  'jekyll-remote-include': { remote_include: { writesUnreadText: true } },
  'jekyll-seo-tag': { seo: {} },
  'jekyll-toc': { toc: {} },
  'jekyll-twitter-plugin': { twitter: {} },
};

/** The plugin gem doclint knows that defines a Liquid tag, if one does. */
export function gemDefiningTag(name: string): string | undefined {
  return Object.keys(gemTags).find((gem) => Object.hasOwn(gemTags[gem]!, name));
}

/** The Liquid filters of plugin gems doclint knows. */
const gemFilters: Record<string, string[]> = {
  'jekyll-liquify': ['liquify'],
  // Since 0.8.0.
  'jekyll-relative-links': ['rellinks'],
  'jekyll-toc': ['toc', 'toc_only', 'inject_anchors'],
};

/**
 * Gems known to add no Liquid tag (nor a filter, but for those in gemFilters): plugins without
 * any, github-pages (its plugins are read as such), and gems sites list among their plugins that
 * are none (kramdown, rouge, the web server).
 */
const gemsWithoutTags = new Set([
  'github-pages', 'jekyll', 'kramdown', 'kramdown-parser-gfm', 'rouge', 'webrick', 'wdm', 'tzinfo', 'tzinfo-data', 'html-proofer',
  'jekyll-algolia', 'jekyll-archives', 'jekyll-coffeescript', 'jekyll-commonmark', 'jekyll-commonmark-ghpages', 'jekyll-compose',
  'jekyll-default-layout', 'jekyll-liquify', 'jekyll-mentions', 'jekyll-optional-front-matter', 'jekyll-paginate',
  'jekyll-paginate-v2', 'jekyll-readme-index', 'jekyll-redirect-from', 'jekyll-relative-links', 'jekyll-remote-theme',
  'jekyll-sass-converter', 'jekyll-sitemap', 'jekyll-target-blank', 'jekyll-titles-from-headings', 'jemoji',
]);

/** The plugin gems the site loads whose tags and filters doclint does not know: an unknown tag or filter may be theirs. */
export function unreadPluginGems(jekyll: Pick<JekyllConfig, 'plugins'>): string[] {
  return jekyll.plugins.filter((gem) => !Object.hasOwn(gemTags, gem) && !gemsWithoutTags.has(gem));
}

/** The folders of the site's own Ruby plugins, from the site's root: none in safe mode (GitHub Pages), which loads no plugin files. */
export function pluginFilesFolders(jekyll: Pick<JekyllConfig, 'raw'>): string[] {
  return jekyll.raw.safe === true ? [] : pluginsDirs(jekyll.raw);
}

/**
 * `plugins_dir` (`_plugins` by default; one folder or a list), kept inside the site (`../x` is
 * `x`, `/x` is `x`): Jekyll reads another folder from where it runs, outside the site too, but the
 * config may come from a pull request, and doclint reads nothing outside the site.
 */
function pluginsDirs(raw: Record<string, unknown>): string[] {
  const named = Array.isArray(raw.plugins_dir) ? raw.plugins_dir : [raw.plugins_dir ?? '_plugins'];
  return [...new Set(named.filter((dir): dir is string => typeof dir === 'string').slice(0, maxPluginFolders).map((dir) => posix.resolve('/', dir).slice(1)))];
}

/** At most this many `plugins_dir` folders are read (a site names one). */
const maxPluginFolders = 10;

/**
 * Whether the site holds Ruby plugin files of its own (in `plugins_dir`, whatever the mode): a site
 * with them and no Gemfile that builds Jekyll is built by a Jekyll that loads them (a Makefile's,
 * a script's), not by GitHub's, which ignores them and fails on the tags they define.
 */
export function hasPluginFiles(root: string, raw: Record<string, unknown>): boolean {
  return pluginsDirs(raw).some((folder) => rubyFiles(join(root, folder), 1).length > 0);
}

export function readPlugins(root: string, siteJekyll: JekyllConfig, maxFileSize: number): SitePlugins {
  const sources = pluginFilesFolders(siteJekyll)
    .flatMap((folder) => rubyFiles(join(root, folder)))
    .flatMap((file) => {
      const source = readSource(file, maxFileSize);
      return source.ok ? [{ file, text: source.text }] : [];
    });
  // A plugin file that requires a plugin gem (`require "jekyll-assets"`) loads it as `plugins:` would.
  const requiredGems = [...new Set(sources.flatMap(({ text }) => [...text.matchAll(requiredPluginGem)].map((match) => match[1]!)))].filter((gem) => !siteJekyll.plugins.includes(gem));
  const jekyll = requiredGems.length > 0 ? { ...siteJekyll, plugins: [...siteJekyll.plugins, ...requiredGems] } : siteJekyll;
  const tags: Record<string, TagSpec> = Object.create(null) as Record<string, TagSpec>;
  const filters = new Set<string>();
  const generators = gemGenerators(jekyll);
  const converters: MarkdownConverterPlugin[] = [];
  const generatedFiles: string[] = [];
  const pageKeys = new Set<string>();
  // A gem doclint does not read may depend on gems it knows (a theme's plugin gem on
  // jekyll-include-cache, jekyll-seo-tag or jekyll-feed): their tags and filters may be the site's.
  const loaded = unreadPluginGems(jekyll).length > 0 ? [...new Set([...Object.keys(gemTags), ...Object.keys(gemFilters)])] : jekyll.plugins;
  for (const gem of loaded) {
    if (Object.hasOwn(gemTags, gem)) Object.assign(tags, gemTags[gem]);
    if (Object.hasOwn(gemFilters, gem)) for (const filter of gemFilters[gem]!) filters.add(filter);
  }
  const generatorFiles: { file: string; text: string }[] = [];
  let helpersPublish = false;
  for (const { file, text } of sources) {
    const blocks = blockClasses(text);
    for (const match of text.matchAll(/register_tag\(?\s*(?:["':]([\w-]+)["']?|([a-z_]\w*))\s*,\s*([\w:]+)/g)) {
      const name = match[1] ?? assignedString(text, match[2]!);
      if (name) tags[name] = blocks.get(match[3]!.split('::').at(-1)!) ?? {};
    }
    if (/register_filter\b|^\s*module\s+(?:Jekyll::)?Filters\b/m.test(text)) for (const match of text.matchAll(/\bdef\s+(?:self\.)?([a-z_]\w*[?!]?)/g)) filters.add(match[1]!);
    converters.push(...markdownConverters(text));
    for (const match of text.matchAll(pageDataAssignment)) pageKeys.add(match[2]!);
    if (/<\s*(?:::)?(?:Jekyll::)?Generator\b/.test(text)) generatorFiles.push({ file, text });
    else helpersPublish ||= publishing.test(text);
    const written = postWriteFolder(text);
    if (written !== undefined) generators.push({ by: relative(root, file).split(sep).join('/'), urls: `^/${escapeRegExp(written.slice(0, maxTemplateLength))}(?:/|$)`, afterWrite: true });
  }
  // A generator that only reads the site or sets data (`site.data['version']`, `site.config['env']`)
  // writes no page; one whose work another plugin file may do is taken at its word that it may.
  for (const { file, text } of generatorFiles) {
    if (!helpersPublish && !publishing.test(text)) continue;
    const folders = helpersPublish ? undefined : pageFolders(text);
    generators.push({
      by: relative(root, file).split(sep).join('/'),
      ...(folders ? { urls: `^/(?:${folders.map(escapeRegExp).join('|')})/` } : {}),
      ...(addsUnnamedStaticFiles(text) ? { staticFiles: true as const } : {}),
    });
    generatedFiles.push(...namedFiles(text));
  }
  return { tags, filters: [...filters], generators, markdownRewrites: rewritesInOrder(converters), generatedFiles: [...new Set(generatedFiles)], pageKeys: [...pageKeys], requiredGems };
}

/**
 * Ruby that may publish a page or file no source file gives, or move or rewrite one: adding to the
 * site's pages, documents or static files, making a Page or Document, writing a file, setting a
 * page's URL, permalink, folder, name, content or output, or loading more code.
 */
const publishing = /\b(?:pages|docs|posts|static_files)\s*(?:<<|\+=|=(?!=)|\.(?:push|concat|unshift|insert|append|prepend|replace)\b)|Page(?:WithoutAFile)?\.new|Document\.new|StaticFile|\bwrite\b|\bFile\.(?:open|write)|\bFileUtils\b|\bIO\.(?:write|copy_stream)|\.(?:url|dir|permalink|name|basename|content|output)\s*=(?!=)|\bcontent\.(?:gsub|sub|replace)!|\bpermalink\b|\brequire_relative\b/;

// `page.data['version'] = …` or `doc.data["lang"] ||= …`; `site.data[…]` is the data files'.
const pageDataAssignment = /(?<!\bsite)\.data\[\s*(["'])([\w-]+)\1\s*\]\s*(?:\|\|)?=(?![=~])/g;

// A Page or StaticFile made as Jekyll's own are, `new(site, base, dir, name)` with a literal folder and name.
const newFileCall = /\.new\(\s*site\s*,\s*[^,()]+,\s*(["'])([\w./-]*)\1\s*,\s*(["'])([\w.-]+\.[a-z]+)\3/g;
// A site path with a data file's extension, written out (`SITEMAP_FILE_NAME = "/sitemap.xml"`).
const siteFilePath = /(["'])(\/(?:[\w.-]+\/)*[\w.-]+\.(?:xml|json|txt|rss|atom|ics|webmanifest))\1/g;

// Anything made from the site (`X.new(site, …)`), and a PageWithoutAFile in a folder written out (`new(site, site.source, "packages", name)`).
const newFromSite = /\b[A-Z]\w*\.new\(\s*site\b/g;
const pageInFolder = /\bPageWithoutAFile\.new\(\s*site\s*,\s*[^,()]+,\s*(["'])\/?([\w-]+(?:\/[\w-]+)*)\/?\1\s*,/g;
// What moves a page or publishes other than into a folder: a permalink, a URL or folder set, documents, posts or static files, files written, other files' code.
const movesOrWrites = /\bpermalink\b|\.(?:url|dir)\s*=(?!=)|@(?:url|dir)\s*=(?!=)|\bdef\s+(?:url|destination)\b|\b(?:docs|posts|static_files)\s*(?:<<|\+=|=(?!=)|\.(?:push|concat|unshift|insert|append|prepend|replace)\b)|\bwrite\b|\bFile\.(?:open|write)|\bFileUtils\b|\bIO\.(?:write|copy_stream)|\brequire_relative\b/;

/**
 * The folders a generator's pages go in, when all it makes is PageWithoutAFile pages in folders
 * written out and nothing sets where they go (swift.org's package pages: `new(site, site.source,
 * "packages", "#{slug}.md")`, all under `/packages/`); undefined otherwise (any page's URL).
 */
function pageFolders(text: string): string[] | undefined {
  const made = [...text.matchAll(newFromSite)].length;
  const inFolders = [...text.matchAll(pageInFolder)].map((match) => match[2]!);
  if (made === 0 || inFolders.length !== made || movesOrWrites.test(text)) return undefined;
  return [...new Set(inFolders)];
}

/** Whether a generator makes a StaticFile whose folder and name are not both written out (newFileCall). */
function addsUnnamedStaticFiles(text: string): boolean {
  const named = new Set([...text.matchAll(newFileCall)].map((match) => match.index));
  return [...text.matchAll(/\bStaticFile\.new\b/g)].some((match) => !named.has(match.index + 'StaticFile'.length));
}

/**
 * The site paths of the files a generator plugin names: each is written into the built site.
 * A path through a folder Jekyll does not publish (`_data/…`, `../`) is the plugin reading a file.
 */
function namedFiles(text: string): string[] {
  const paths = [...text.matchAll(newFileCall)].map((match) => `/${match[2]!}/${match[4]!}`.replace(/\/{2,}/g, '/'));
  paths.push(...[...text.matchAll(siteFilePath)].map((match) => match[2]!));
  return paths.filter((path) => !path.split('/').some((segment) => segment.startsWith('_') || segment === '..' || segment === '.'));
}

/** The string a plain assignment in the file gives a variable (`plugin_name = "githubify"`, then `register_tag(plugin_name, …)`). */
function assignedString(text: string, variable: string): string | undefined {
  return new RegExp(`^\\s*${variable}\\s*=\\s*["']([\\w-]+)["']`, 'm').exec(text)?.[1];
}

/** The `Liquid::Block` classes a file defines, each with what its `render` does with the body. */
function blockClasses(text: string): Map<string, TagSpec> {
  const classStarts = [...text.matchAll(/^[ \t]*class\s/gm)].map((match) => match.index);
  const blocks = new Map<string, TagSpec>();
  for (const match of text.matchAll(/^[ \t]*class\s+([\w:]+)\s*<\s*(?:::)?Liquid::Block\b/gm)) {
    const end = classStarts.find((start) => start > match.index) ?? text.length;
    const render = /\bdef\s+render\b[\s\S]*?(?=\n[ \t]*def\s|$)/.exec(text.slice(match.index, end))?.[0] ?? '';
    blocks.set(match[1]!.split('::').at(-1)!, { block: true, ...bodyOf(render) });
  }
  return blocks;
}

const convertsMarkdown = /markdownify|find_converter_instance|Kramdown::Document|\.convert\(/;
const escapesHtml = /escapeHTML|escape_html|ERB::Util|\bh\(/i;
const blockHtml = /<(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|header|nav|ol|pre|section|table|ul)\b/i;
const markdownAttribute = /markdown\s*=\s*\\?["']?(?:1|block)\b/;

/**
 * What a block's `render` makes of its body: converted by its own kramdown run, escaped as code,
 * wrapped in a block HTML element (kramdown passes it through, unless it says `markdown="1"`), or
 * left to the page's Markdown.
 */
function bodyOf(render: string): Pick<TagSpec, 'ownMarkdown' | 'body'> {
  if (convertsMarkdown.test(render)) return { ownMarkdown: true };
  if (escapesHtml.test(render)) return { body: 'code' };
  return blockHtml.test(render) && !markdownAttribute.test(render) ? { body: 'html' } : {};
}

function rubyFiles(folder: string, most = maxPluginFiles): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.rb'))
      .slice(0, most)
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** The config with the plugins' tags and filters known (the user's own settings win). */
export function withPlugins(config: ResolvedConfig, plugins: SitePlugins): ResolvedConfig {
  if (Object.keys(plugins.tags).length === 0 && plugins.filters.length === 0) return config;
  const output = config.rules['liquid-output'];
  const rules = output ? { ...config.rules, 'liquid-output': { ...output, options: { ...output.options, filters: [...plugins.filters, ...((output.options.filters as string[] | undefined) ?? [])] } } } : config.rules;
  return { ...config, rules, liquid: { ...config.liquid, tags: { ...plugins.tags, ...config.liquid.tags } } };
}
