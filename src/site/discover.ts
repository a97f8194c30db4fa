/**
 * Finds the site's content files the way Jekyll reads them: Markdown pages outside
 * `_`/`.` folders, documents of every collection in `_<name>/`, minus Jekyll's `exclude`
 * and doclint's `ignores`. Explicit paths (pre-commit, --changed files) narrow what is
 * linted, never what the site index sees.
 */
import { closeSync, existsSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { excludeFilter, specialEntryFilter } from './entry-filter.js';
import { globMatcher } from './glob-matcher.js';
import type { JekyllConfig } from './jekyll-config.js';
import { readSource } from './read-source.js';
import { translatedPost } from './language-builds.js';

/** Never part of the site source, whatever the config says. */
const alwaysIgnored = ['**/node_modules/**', '_site/**', '**/.git/**', 'vendor/**', '.jekyll-cache/**', '.sass-cache/**'];

let alwaysIgnoredMatcher: ((path: string) => boolean) | undefined;

/** Whether a root-relative path (a file, or a folder itself) is in a folder never part of the site source. */
export function isAlwaysIgnored(path: string): boolean {
  alwaysIgnoredMatcher ??= globMatcher(alwaysIgnored);
  return alwaysIgnoredMatcher(path);
}

/** Every file of the site source (root-relative, forward slashes), generated output excluded. */
export async function listSiteFiles(root: string): Promise<Set<string>> {
  return (await listSite(root)).files;
}

export interface SiteListing {
  files: Set<string>;
  /** Folders that could not be read (permissions): their files are unknown, and the user is told. */
  unreadableFolders: string[];
  /**
   * Symbolic links inside the site to a path inside it that does not exist (erlang.org's `doc ->
   * docs/doc`, a folder its build generates), with that path from the root: Jekyll fails on them
   * unless the build makes what they lead to (see linksJekyllStopsOn).
   */
  danglingLinks: DanglingLink[];
}

export interface DanglingLink {
  path: string;
  target: string;
}

export async function listSite(root: string): Promise<SiteListing> {
  // The crawl lists folders in parallel, in whatever order they answer: sorted, the site's files
  // come in one order every run (the URL map, and which of two equally close pages a suggestion names, depend on it).
  const entries = (await glob('**/*', { cwd: root, dot: true, ignore: alwaysIgnored, followSymbolicLinks: false, onlyFiles: false })).sort();
  const files = new Set<string>();
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.endsWith('/')) folders.push(entry.slice(0, -1));
    else files.add(entry);
  }
  const linked = await linkedFiles(root, folders);
  for (const file of linked.files) files.add(file);
  // The glob passes over a folder it cannot read in silence; only a folder with nothing listed in it may be one.
  const parents = new Set(entries.map((entry) => entry.replace(/\/?[^/]*\/?$/, '')));
  const unreadableFolders = folders.filter((folder) => !parents.has(folder) && !canRead(resolve(root, folder)));
  return { files, unreadableFolders, danglingLinks: linked.dangling };
}

/**
 * The files symbolic links in the site give it: Jekyll follows a link that stays inside the
 * site's root (GitHub Pages too), as `_topics -> topics` gives a collection its documents, and
 * lists a linked folder's files under the link's path. A link out of the root, one that leads
 * back to a folder around it, and links inside a linked folder are not followed.
 */
async function linkedFiles(root: string, folders: readonly string[]): Promise<{ files: string[]; dangling: DanglingLink[] }> {
  const links: string[] = [];
  for (const folder of ['', ...folders]) {
    let entries;
    try {
      entries = readdirSync(resolve(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) if (entry.isSymbolicLink()) links.push(folder === '' ? entry.name : `${folder}/${entry.name}`);
  }
  if (links.length === 0) return { files: [], dangling: [] };
  const realRoot = realpathSync(root);
  const files: string[] = [];
  const dangling: DanglingLink[] = [];
  for (const link of links.sort()) {
    let real: string;
    let folder: boolean;
    try {
      real = realpathSync(resolve(root, link));
      folder = statSync(real).isDirectory();
    } catch {
      const target = targetInside(root, link);
      if (target !== undefined) dangling.push({ path: link, target });
      continue;
    }
    const below = relative(realRoot, real);
    if (escapes(below)) continue;
    if (!folder) {
      files.push(link);
      continue;
    }
    // A link to a folder around it would list that folder inside itself, again and again.
    if (below === '' || link === below || link.startsWith(`${below}/`)) continue;
    for (const file of await glob('**/*', { cwd: real, dot: true, ignore: alwaysIgnored, followSymbolicLinks: false })) files.push(`${link}/${file}`);
  }
  return { files, dangling };
}

/** The path inside the root a symbolic link's own text names (from the root), if it names one. */
function targetInside(root: string, link: string): string | undefined {
  try {
    const path = resolve(root, link);
    const target = relative(root, resolve(dirname(path), readlinkSync(path)));
    return escapes(target) ? undefined : target.split(sep).join('/');
  } catch {
    return undefined;
  }
}

function canRead(folder: string): boolean {
  try {
    readdirSync(folder);
    return true;
  } catch {
    return false;
  }
}

/**
 * The content files among the site's files: what `doclint check` lints by default. Markdown files,
 * and `.html` pages when `isRendered` says Jekyll renders them (they start with front matter).
 */
export function selectContent(files: Iterable<string>, jekyll: JekyllConfig, ignores: readonly string[], isRendered: (file: string) => boolean = () => false): string[] {
  const extensions = new Set(jekyll.markdownExtensions.map((e) => `.${e}`));
  const collectionFolders = new Set(jekyll.collections.map((c) => `_${c.name}`).concat('_drafts'));
  // Collections, posts and drafts are read below `collections_dir` (a folder Jekyll reads even when it starts with `_`).
  const collectionsDir = jekyll.collectionsDir ? `${jekyll.collectionsDir}/` : '';
  const depth = collectionsDir.split('/').length - 1;
  const excluded = excludeFilter(jekyll.exclude);
  const isSpecial = specialEntryFilter(jekyll.include);
  const ignored = globMatcher(ignores);
  return [...files]
    .filter((file) => {
      const dot = file.lastIndexOf('.');
      const html = /\.html?$/i.test(file);
      if (dot === -1 || !(extensions.has(file.slice(dot)) || html)) return false;
      // Posts live in `_posts/` and in any `<dir>/_posts/` (their categories come from `<dir>`).
      const inside = file.startsWith(collectionsDir);
      const postsAt = inside ? file.split('/').indexOf('_posts', depth) : -1;
      // So do a language's posts in `_i18n/<language>/_posts/` (jekyll-multiple-languages-plugin).
      const translated = postsAt === 2 && file.startsWith('_i18n/') && typeof translatedPost(jekyll, file) === 'object';
      const readAnyway = (segment: string, index: number) => inside && (index < depth || (index === depth && (collectionFolders.has(segment) || translated)) || index === postsAt);
      return !isSpecial(file, readAnyway) && !excluded(file) && !ignored(file) && (!html || isRendered(file));
    })
    .sort();
}

/**
 * The static HTML files among the site's files (no front matter: Jekyll copies them as they
 * are): linted for their links and ids alone, as html-proofer reads them in the built site. Those
 * in `_` and `.` folders (collections' too) are left out, as are Jekyll's `exclude` and doclint's `ignores`.
 */
export function selectStaticHtml(files: Iterable<string>, jekyll: JekyllConfig, ignores: readonly string[], isRendered: (file: string) => boolean): string[] {
  const excluded = excludeFilter(jekyll.exclude);
  const isSpecial = specialEntryFilter(jekyll.include);
  const ignored = globMatcher(ignores);
  return [...files].filter((file) => /\.html?$/i.test(file) && !isSpecial(file, () => false) && !excluded(file) && !ignored(file) && !isRendered(file)).sort();
}

/** Apache's directives that have the server assemble `.html` pages from server-side includes (`<!--#include virtual="…" -->`). */
const serverSideIncludes = /^[ \t]*(?:Options\b.*[ \t+]Includes\b|AddHandler[ \t]+server-parsed\b|AddOutputFilter[ \t]+INCLUDES\b|XBitHack[ \t]+on\b)/im;

/**
 * Whether the site's static HTML files are published as Jekyll publishes them: not where
 * `.nojekyll` has GitHub Pages publish the folder as it is (`_static/` too: Sphinx's output), nor
 * where the root's `.htaccess` turns on server-side includes (Apache, not Jekyll, puts the pages
 * together: apache/kafka-site), so that a static HTML file's links and ids are not the page's.
 */
export function jekyllPublishesStaticHtml(root: string, maxFileSize: number): boolean {
  if (existsSync(resolve(root, '.nojekyll'))) return false;
  const htaccess = readSource(resolve(root, '.htaccess'), maxFileSize);
  return !(htaccess.ok && serverSideIncludes.test(htaccess.text));
}

/**
 * A Markdown file Jekyll never renders on its own but pages may take in whole: one in the
 * includes folder (`{% include note.md %}`), or one whose name starts with `_` outside the special
 * folders (`{% include_relative _part.md %}`). Linted as a fragment: its findings hold only where a
 * page takes it in (lint/first-pass-in-site.ts).
 */
export function isFragmentFile(file: string, jekyll: Pick<JekyllConfig, 'includesDir' | 'markdownExtensions'>): boolean {
  if (!isMarkdownFile(file, jekyll)) return false;
  if (isMarkdownInclude(file, jekyll)) return true;
  const segments = file.split('/');
  return segments.at(-1)!.startsWith('_') && segments.slice(0, -1).every((folder) => !folder.startsWith('_') && !folder.startsWith('.'));
}

/** The fragment files among the site's files (isFragmentFile), minus Jekyll's `exclude` and doclint's `ignores`. */
export function selectFragmentFiles(files: Iterable<string>, jekyll: JekyllConfig, ignores: readonly string[]): string[] {
  const excluded = excludeFilter(jekyll.exclude);
  const ignored = globMatcher(ignores);
  return [...files].filter((file) => isFragmentFile(file, jekyll) && !excluded(file) && !ignored(file)).sort();
}

/**
 * The files linted for their links alone, minus doclint's `ignores`: data files (YAML and JSON
 * under `_data`), which layouts read URLs from, and the layouts and includes (their Liquid too).
 */
export function selectLinksOnlyFiles(files: Iterable<string>, jekyll: JekyllConfig, ignores: readonly string[]): string[] {
  const ignored = globMatcher(ignores);
  return [...files].filter((file) => (isDataFile(file, jekyll) || isTemplateFile(file, jekyll)) && !ignored(file)).sort();
}

/** Whether the file is a layout or include, which Jekyll renders into the pages that use it. */
export function isTemplateFile(file: string, jekyll: Pick<JekyllConfig, 'includesDir' | 'layoutsDir' | 'markdownExtensions'>): boolean {
  return templateKind(file, jekyll) !== undefined;
}

export function templateKind(file: string, jekyll: Pick<JekyllConfig, 'includesDir' | 'layoutsDir' | 'markdownExtensions'>): 'layout' | 'include' | undefined {
  if (templateContent(file) === undefined) return undefined;
  if (file.startsWith(`${jekyll.layoutsDir ?? '_layouts'}/`)) return 'layout';
  // A Markdown include is a fragment of the pages that take it in (isFragmentFile).
  return inIncludesFolder(file, jekyll) && !isMarkdownInclude(file, jekyll) ? 'include' : undefined;
}

/** Text a layout or include holds besides HTML, which Liquid renders all the same (scripts, styles, feeds, SVG, data). */
const liquidText = /\.(?:js|mjs|json|css|scss|sass|svg|xml|rss|atom|txt|csv|tsv|ya?ml|md|markdown|tpl|ics|webmanifest)$/i;

/**
 * What a layout's or include's file holds, by its name: HTML (`.html`, `.liquid`), whose tags
 * hold links and images, or other text (`.js`, `.scss.liquid`, a snippet without an extension),
 * of which only the Liquid is checked; undefined for anything else (an image in the folder).
 */
export function templateContent(file: string): 'html' | 'text' | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.liquid$/i, '');
  if (/\.html?$/i.test(name) || (!name.includes('.') && /\.liquid$/i.test(file))) return 'html';
  return liquidText.test(name) || (name !== '' && !name.includes('.')) ? 'text' : undefined;
}

/** A Markdown file in the includes folder: `{% include note.md %}` takes it in, and kramdown reads it where a Markdown page does. */
export function isMarkdownInclude(file: string, jekyll: Pick<JekyllConfig, 'includesDir' | 'markdownExtensions'>): boolean {
  return inIncludesFolder(file, jekyll) && isMarkdownFile(file, jekyll);
}

/** Whether `{% include %}` reads the file: it is in the includes folder (HTML or Markdown). */
export function inIncludesFolder(file: string, jekyll: Pick<JekyllConfig, 'includesDir'>): boolean {
  return file.startsWith(`${jekyll.includesDir}/`);
}

/** Whether kramdown converts the file (`markdown_ext`). */
export function isMarkdownFile(file: string, jekyll: Pick<JekyllConfig, 'markdownExtensions'>): boolean {
  return jekyll.markdownExtensions.some((extension) => file.endsWith(`.${extension}`));
}

/** Whether Jekyll reads the file as YAML or JSON data (`site.data`). */
export function isDataFile(file: string, jekyll: Pick<JekyllConfig, 'dataDir'>): boolean {
  return file.startsWith(`${jekyll.dataDir}/`) && /\.(?:ya?ml|json)$/i.test(file);
}

export interface SelectedPaths {
  files: string[];
  /** Paths given that are outside the root or match nothing: told to the user, not linted. */
  unmatched: string[];
}

/** Resolves explicit file and glob arguments (relative to cwd) to root-relative files. */
export async function selectPaths(root: string, cwd: string, paths: readonly string[], ignores: readonly string[]): Promise<SelectedPaths> {
  const isIgnored = globMatcher([...alwaysIgnored, ...ignores]);
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const matches = existsSync(absolute)
      ? statSync(absolute).isDirectory()
        ? (await glob('**/*', { cwd: absolute, absolute: true, dot: true, ignore: alwaysIgnored, followSymbolicLinks: false })).filter((f) => /\.(md|markdown|mkdn|mkd|mkdown)$/.test(f))
        : [absolute]
      : await glob(path, { cwd, absolute: true, dot: true, followSymbolicLinks: false });
    const inside = matches.map((m) => relative(root, m)).filter((r) => r !== '' && isInsideRoot(root, r));
    if (inside.length === 0) unmatched.push(path);
    for (const file of inside) {
      const posix = file.split(sep).join('/');
      if (!isIgnored(posix)) files.add(posix);
    }
  }
  return { files: [...files].sort(), unmatched };
}

/**
 * Whether a root-relative path names a file inside the root, also once symbolic links are
 * followed (a page that links to /etc/passwd, a folder that links elsewhere). A path that does
 * not exist yet is judged by its text.
 */
export function isInsideRoot(root: string, file: string): boolean {
  if (typeof file !== 'string' || file === '' || isAbsolute(file) || escapes(normalize(file))) return false;
  let real: string;
  try {
    real = realpathSync.native(resolve(root, file));
  } catch {
    return true;
  }
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    return false;
  }
  return !escapes(relative(realRoot, real));
}

function escapes(path: string): boolean {
  return path === '..' || path.startsWith(`..${sep}`) || path.startsWith('../') || isAbsolute(path);
}

/** Whether a file starts with a `---` line (after an optional BOM): the first bytes only. */
export function startsWithFrontMatter(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(8);
    const read = readSync(fd, head, 0, 8, 0);
    return /^(?:\uFEFF)?---[ \t]*\r?\n/.test(head.subarray(0, read).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
