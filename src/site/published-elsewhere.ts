/**
 * URL paths another step of the build publishes, which no source file here gives: the globs of
 * doclint's `jekyll.published`, the files git leaves out of the repository (its .gitignore),
 * which a build step writes into the site before `jekyll build` (a bundler's `assets/`; absent
 * from a fresh clone, as in CI), and the submodules this copy does not hold. A link into any is
 * not checked: there is nothing to check it against.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { globMatcher } from './glob-matcher.js';
import type { JekyllConfig } from './jekyll-config.js';
import { readSource } from './read-source.js';
import { collectionUrlPrefix, holdsPosts, unpublishedFilter } from './urls.js';
import { excludeFilter, specialEntryFilter } from './entry-filter.js';
import type { DanglingLink } from './discover.js';

/**
 * The .gitignore lines that apply inside the site, as patterns from its root: those of each folder
 * from the repository's root down to the site's, in the order git applies them (lines naming
 * paths outside the site dropped).
 */
export function gitIgnoredPatterns(root: string, repositoryRoot: string | undefined, maxFileSize: number): string[] {
  const folders = [root];
  const up = repositoryRoot === undefined ? '..' : relative(repositoryRoot, root);
  if (!up.startsWith('..') && !isAbsolute(up)) {
    for (let folder = root; folder !== repositoryRoot && dirname(folder) !== folder; ) folders.unshift((folder = dirname(folder)));
  }
  const patterns: string[] = [];
  for (const folder of folders) {
    const file = readSource(resolve(folder, '.gitignore'), maxFileSize);
    if (!file.ok) continue;
    const site = relative(folder, root).split(sep).join('/');
    for (const line of file.text.split(/\r?\n/)) {
      if (line.trim() === '' || line.startsWith('#') || !tame(line)) continue;
      const pattern = site === '' ? line : rebasedPattern(line, `${site}/`);
      if (pattern !== undefined) patterns.push(pattern);
    }
  }
  return patterns;
}

/**
 * The git submodules inside the site this copy does not hold (their folder missing or empty: a
 * clone without `--recurse-submodules`, as actions/checkout makes by default), as patterns from
 * the site's root: the build publishes their files (GitHub Pages checks submodules out), which
 * cannot be checked here.
 */
export function absentSubmodulePatterns(root: string, repositoryRoot: string | undefined, maxFileSize: number): string[] {
  if (repositoryRoot === undefined) return [];
  const file = readSource(resolve(repositoryRoot, '.gitmodules'), maxFileSize);
  if (!file.ok) return [];
  const patterns: string[] = [];
  for (const [, path] of file.text.matchAll(/^[ \t]*path[ \t]*=[ \t]*(\S(?:.*\S)?)[ \t]*$/gm)) {
    const folder = resolve(repositoryRoot, path!);
    const inSite = relative(root, folder);
    if (inSite === '' || inSite.startsWith('..') || isAbsolute(inSite) || !emptyOrMissing(folder)) continue;
    patterns.push(`${rootPattern(inSite.split(sep).join('/'))}/`);
  }
  return patterns;
}

/** A .gitignore pattern for one path from the site's root, its glob characters escaped. */
export function rootPattern(path: string): string {
  return `/${path.replace(/[*?[\]\\!#]/g, '\\$&')}`;
}

/** Each site's .gitignore rule, built once for both questions asked of it. */
const sourceRules = new WeakMap<object, (path: string) => string | undefined>();

/**
 * Whether a build step writes this source file (from the site root) before Jekyll reads it:
 * .gitignore leaves it out of the repository (erlang.org's `_patches/` collection, which its
 * Makefile fills), other than by a `*` that ignores what git has not been told of.
 */
export function writtenBeforeBuild(jekyll: Pick<JekyllConfig, 'gitIgnored'>, sourcePath: string): boolean {
  let rule = sourceRules.get(jekyll);
  if (!rule) sourceRules.set(jekyll, (rule = gitIgnoringRule(jekyll.gitIgnored ?? [])));
  return leftToBuild(rule, sourcePath.replace(/^\/+/, ''));
}

/** Whether a .gitignore rule leaves a path to the build: it names the path, other than by a `*` that ignores what git has not been told of. */
function leftToBuild(rule: (path: string) => string | undefined, path: string): boolean {
  const pattern = rule(path);
  return pattern !== undefined && !ignoresUntracked(pattern);
}

/**
 * The symbolic links inside the site that lead nowhere, and that `jekyll build` stops on
 * ("No such file or directory", as GitHub Pages' build does): those it reads (not excluded, not in
 * a folder it passes over) whose target no build step makes (.gitignore leaves it out, or a
 * submodule this copy lacks holds it). The others' targets are the build's.
 */
export function linksJekyllStopsOn(jekyll: Pick<JekyllConfig, 'gitIgnored' | 'exclude' | 'include' | 'collections'>, links: readonly DanglingLink[]): DanglingLink[] {
  if (links.length === 0) return [];
  const ignoringRule = gitIgnoringRule(jekyll.gitIgnored ?? []);
  const built = (path: string): boolean => leftToBuild(ignoringRule, path);
  const excluded = excludeFilter(jekyll.exclude);
  const isSpecial = specialEntryFilter(jekyll.include);
  // Jekyll 4.3.1 stops on such a link in these folders too; in `_layouts` and `_includes` it passes over it.
  const readWhole = new Set(['_posts', '_data', ...jekyll.collections.map((collection) => `_${collection.name}`)]);
  return links.filter(({ path, target }) => !built(target) && !built(path) && !excluded(path) && !isSpecial(path, (segment) => readWhole.has(segment)));
}

/**
 * The URL globs of the collections whose folder a build step fills (git ignores it: erlang.org's
 * `_patches`, which its Makefile writes): what their documents publish is the build's.
 */
export function builtCollectionUrls(jekyll: JekyllConfig): string[] {
  const collectionsDir = jekyll.collectionsDir ? `${jekyll.collectionsDir}/` : '';
  return jekyll.collections
    .filter((collection) => collection.output && writtenBeforeBuild(jekyll, `${collectionsDir}_${collection.name}/`))
    .flatMap((collection) => collectionUrlPrefix(collection, jekyll) ?? [])
    .map((prefix) => `${prefix}**`);
}

/**
 * The folders of posts that .gitignore leaves to a build step and this copy lacks (plotly's
 * Makefile clones other repositories' docs into `_posts/python/html/`): a post's URL does not
 * follow its folder, so the build's posts there publish where their own front matter and dates
 * say, which cannot be known here. (A collection's documents follow their folder: see
 * builtCollectionUrls.) Only a line naming one folder counts (no glob, a `/` before its end, as
 * git anchors it; a `/` after it, or no extension).
 */
export function filledPostFolders(root: string, jekyll: Pick<JekyllConfig, 'collectionsDir'>, patterns: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const pattern of patterns) {
    const folder = pattern.replace(/^\/+|\/+$/g, '');
    // A folder: a line ending in `/`, or a name without an extension (`_posts/python/html`).
    const named = !pattern.startsWith('!') && !/[*?[\]\\]/.test(pattern) && (folder.includes('/') || pattern.startsWith('/')) && (pattern.endsWith('/') || !/\.[^/]*$/.test(folder));
    if (!named || folder.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) continue;
    if (holdsPosts(folder, jekyll) && emptyOrMissing(resolve(root, folder))) folders.add(`${folder}/`);
  }
  return [...folders];
}

/** `*` (then `!` for each tracked file, as some repositories keep their lists) ignores what git has not been told of, not what a build writes. */
const ignoresUntracked = (pattern: string): boolean => /^[*/]+$/.test(pattern);

/** Whether a folder is missing or holds nothing (a symbolic link is neither: it is left alone). */
function emptyOrMissing(folder: string): boolean {
  try {
    return lstatSync(folder).isDirectory() && readdirSync(folder).length === 0;
  } catch {
    return true;
  }
}

/**
 * The lines `ignore` matches in bounded time: the file comes from the repository (a pull request),
 * and a line of many `**` takes exponential time on a deep path (`a/`, three `**` segments, `z`:
 * minutes). Real lines are short and have a `**` or two.
 */
function tame(line: string): boolean {
  return line.length <= 200 && line.split('**').length <= 3 && line.split('*').length <= 7;
}

/** Deeper or longer paths are not looked up: no output folder is, and the time must stay bounded. */
const maxSegments = 64;
const maxPathLength = 1000;

/** A .gitignore line of a folder above the site, for paths from the site root; undefined when it names none inside. */
function rebasedPattern(line: string, sitePrefix: string): string | undefined {
  const negated = line.startsWith('!');
  const pattern = negated ? line.slice(1) : line;
  // A slash before the end anchors the pattern to the .gitignore's folder; without one it matches at any depth.
  if (!pattern.replace(/\/+$/, '').includes('/') || pattern.startsWith('**/')) return line;
  const anchored = pattern.replace(/^\//, '');
  if (!anchored.startsWith(sitePrefix)) return undefined;
  return `${negated ? '!' : ''}/${anchored.slice(sitePrefix.length)}`;
}

const predicates = new WeakMap<Pick<JekyllConfig, 'publishedElsewhere' | 'gitIgnored' | 'exclude' | 'markdownExtensions'>, (path: string) => boolean>();

/** Whether another step of the build publishes the URL path (baseurl removed), compiled once per run. */
export function publishedElsewhere(jekyll: Pick<JekyllConfig, 'publishedElsewhere' | 'gitIgnored' | 'exclude' | 'markdownExtensions'>, path: string): boolean {
  let predicate = predicates.get(jekyll);
  if (!predicate) predicates.set(jekyll, (predicate = compile(jekyll)));
  return predicate(path);
}

function compile(jekyll: Pick<JekyllConfig, 'publishedElsewhere' | 'gitIgnored' | 'exclude' | 'markdownExtensions'>): (path: string) => boolean {
  const published = globMatcher((jekyll.publishedElsewhere ?? []).map((glob) => glob.replace(/^\/+/, '')));
  // What Jekyll itself leaves out (node_modules, `exclude`) is missing from any build, git or not.
  const unpublished = unpublishedFilter(jekyll);
  return (path) => {
    const relativePath = path.replace(/^\/+/, '');
    if (published(relativePath)) return true;
    if (relativePath === '' || unpublished(relativePath.replace(/\/$/, ''))) return false;
    return writtenBeforeBuild(jekyll, relativePath) || pageSources(relativePath, jekyll.markdownExtensions).some((source) => writtenBeforeBuild(jekyll, source));
  };
}

/** Jekyll's own list has five; a site adds one or two. */
const maxPageExtensions = 16;

/**
 * The source files that could publish a page at this URL path (from the site root): travis-ci's
 * Rakefile renders `user/notifications.md` (git ignores it), published at `/user/notifications/`.
 */
function pageSources(path: string, markdownExtensions: readonly string[]): string[] {
  // `markdown_ext` comes from the repository: a list of thousands would be as many lookups per missing link.
  const extensions = [...markdownExtensions.slice(0, maxPageExtensions), 'html'];
  if (path.endsWith('/')) return extensions.flatMap((extension) => [`${path.slice(0, -1)}.${extension}`, `${path}index.${extension}`]);
  // `/feed.xml` or `/app.css` is published from a source of its own name, checked as it is.
  const page = path.endsWith('.html') ? path.slice(0, -'.html'.length) : path;
  if (/\.[^/]*$/.test(page)) return [];
  return extensions.map((extension) => `${page}.${extension}`).filter((source) => source !== path);
}

/**
 * The .gitignore line (gitIgnoredPatterns) that leaves a path (from the site root, a folder's with
 * its trailing `/`) out of the repository, as `git check-ignore -v` names it; undefined when none does.
 */
export function gitIgnoringRule(patterns: readonly string[]): (path: string) => string | undefined {
  if (patterns.length === 0) return () => undefined;
  const ignored = ignore().add([...patterns]);
  return (path) => {
    if (path === '' || path.length > maxPathLength || path.split('/').length > maxSegments) return undefined;
    try {
      return ignored.test(path).rule?.pattern;
    } catch {
      return undefined;
    }
  };
}
