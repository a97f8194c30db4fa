/**
 * Two plugins GitHub Pages turns on for every site (and a site may name itself) that change what
 * a Markdown file is and where its links go:
 * - jekyll-optional-front-matter: a Markdown file without front matter is a page, not a static
 *   file (but a README, LICENSE, CONTRIBUTING… unless `include` names it);
 * - jekyll-relative-links: in a Markdown page, a link to a file by its path (`Foo.md`,
 *   `../img/a.png`, `/docs/Bar.md`) becomes a link to the URL that file is published at;
 * - jekyll-readme-index (0.3, as GitHub Pages pins it): a README left a static file is also its
 *   folder's index page when the folder has none; with `readme_index.with_frontmatter`, a README
 *   page moves there too.
 */
import { posix } from 'node:path';
import type { JekyllConfig } from './jekyll-config.js';

/** JekyllOptionalFrontMatter::FILENAME_BLACKLIST: files left as they are (the repository's, not the site's). */
const repositoryFiles = new Set(['README', 'LICENSE', 'LICENCE', 'COPYING', 'CODE_OF_CONDUCT', 'CONTRIBUTING', 'ISSUE_TEMPLATE', 'PULL_REQUEST_TEMPLATE']);

function isMarkdown(path: string, jekyll: Pick<JekyllConfig, 'markdownExtensions'>): boolean {
  return jekyll.markdownExtensions.includes(posix.extname(path).slice(1));
}

function option(jekyll: Pick<JekyllConfig, 'raw'>, key: string, name: string): unknown {
  const settings = jekyll.raw[key];
  return settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>)[name] : undefined;
}

/** Whether a Markdown file without front matter is a page (jekyll-optional-front-matter). */
export function isOptionalFrontMatterPage(path: string, jekyll: Pick<JekyllConfig, 'plugins' | 'raw' | 'markdownExtensions' | 'include'>): boolean {
  if (!jekyll.plugins.includes('jekyll-optional-front-matter') || option(jekyll, 'optional_front_matter', 'enabled') === false || jekyll.raw.require_front_matter) return false;
  return isMarkdown(path, jekyll) && (!repositoryFiles.has(posix.parse(path).name.toUpperCase()) || jekyll.include.includes(path));
}

/** Whether the plugin removes the Markdown file it made a page of from the static files (`remove_originals`). */
export function removesOptionalFrontMatterOriginals(jekyll: Pick<JekyllConfig, 'raw'>): boolean {
  return option(jekyll, 'optional_front_matter', 'remove_originals') === true || Boolean(jekyll.raw.require_front_matter);
}

/**
 * The source path a link of a Markdown page names, when jekyll-relative-links rewrites it to
 * that file's URL: a relative path (or one from the site's root) without Liquid, with its
 * `%XX` and `+` decoded as CGI.unescape does. Collection documents' links are rewritten only
 * with `relative_links: {collections: true}`.
 */
export function relativeLinkSource(
  raw: string,
  fromPath: string,
  jekyll: Pick<JekyllConfig, 'plugins' | 'raw' | 'markdownExtensions'>,
  isDocument: (path: string) => boolean,
): string | undefined {
  if (!jekyll.plugins.includes('jekyll-relative-links') || option(jekyll, 'relative_links', 'enabled') === false) return undefined;
  if (!isMarkdown(fromPath, jekyll) || (isDocument(fromPath) && option(jekyll, 'relative_links', 'collections') !== true)) return undefined;
  const path = raw.trim().replace(/#.*$/, '');
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || /[{}]/.test(path)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
  const joined = decoded.startsWith('/') ? posix.normalize(decoded.slice(1)) : posix.join(posix.dirname(fromPath), decoded);
  // A path that leaves the site names no file of it.
  return joined === '..' || joined.startsWith('../') ? undefined : joined.replace(/^\.\//, '');
}

/** Whether jekyll-readme-index may make this static file its folder's index page (the folder must have none). */
export function isReadmeIndexCandidate(path: string, jekyll: Pick<JekyllConfig, 'plugins' | 'raw' | 'markdownExtensions'>): boolean {
  if (!jekyll.plugins.includes('jekyll-readme-index') || option(jekyll, 'readme_index', 'enabled') === false) return false;
  return isMarkdown(path, jekyll) && posix.parse(path).name.toLowerCase() === 'readme';
}

/**
 * The READMEs jekyll-readme-index makes their folder's index page, rendered though they have no
 * front matter: those of folders without an index file (`index.html`, `index.md`, …). A page
 * elsewhere whose permalink is the folder is not seen here (the URL map sees it).
 */
export function readmeIndexPages(files: Iterable<string>, jekyll: Pick<JekyllConfig, 'plugins' | 'raw' | 'markdownExtensions'>): Set<string> {
  const readmes: string[] = [];
  const indexed = new Set<string>();
  for (const file of files) {
    const { name, ext } = posix.parse(file);
    if (isReadmeIndexCandidate(file, jekyll)) readmes.push(file);
    else if (name.toLowerCase() === 'index' && (/^\.(?:html?|xhtml|xml)$/i.test(ext) || isMarkdown(file, jekyll))) indexed.add(posix.dirname(file));
  }
  return new Set(readmes.filter((readme) => !indexed.has(posix.dirname(readme))));
}

/** Whether jekyll-readme-index also makes a README page (one with front matter) its folder's index (`with_frontmatter`). */
export function indexesReadmePages(jekyll: Pick<JekyllConfig, 'raw'>): boolean {
  return option(jekyll, 'readme_index', 'with_frontmatter') === true;
}

/** Whether jekyll-readme-index removes the README it made an index of from the static files (`remove_originals`). */
export function removesReadmeOriginals(jekyll: Pick<JekyllConfig, 'raw'>): boolean {
  return option(jekyll, 'readme_index', 'remove_originals') === true;
}
