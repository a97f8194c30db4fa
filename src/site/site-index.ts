/**
 * What pass 2 knows about the whole site: every source file, every document's front matter,
 * every URL the build will publish (and the redirects). Built from pass 1's results; the
 * anchors of a page pass 1 did not see (a run on some files only) are computed here on first
 * use, from the text already read. Rules read it; they never touch the file system themselves.
 */
import { parseDocument } from '../parse/document.js';
import { parseFrontMatter, type FrontMatter } from '../parse/front-matter.js';
import type { RenderScope } from '../parse/liquid-render.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { documentAnchors, type Anchor } from './anchors.js';
import type { JekyllConfig } from './jekyll-config.js';
import { buildUrlMap, collectionRelative, documentType, isCollectionDocument, unpublishedFilter, type UrlMap } from './urls.js';
import { withFrontMatterDefaults } from './front-matter-defaults.js';
import { detachStrings } from '../text/detach.js';
import { resolve } from 'node:path';
import { isDataFile, isFragmentFile, startsWithFrontMatter } from './discover.js';
import { isOptionalFrontMatterPage } from './github-pages-plugins.js';
import type { Document, SiteSettings } from '../types.js';
import { readSource } from './read-source.js';
import { languageBuildSite, translatedPost } from './language-builds.js';

export interface SiteIndex {
  jekyll: JekyllConfig;
  /** Every file of the site source (root-relative, forward slashes), generated output excluded. */
  files: ReadonlySet<string>;
  /** Front matter values of every content document that has valid YAML front matter, and of the other files Jekyll renders (readOtherPagesFrontMatter). */
  frontMatter: ReadonlyMap<string, Record<string, unknown>>;
  /** Every published URL (without baseurl), redirects, and each file's URL. */
  urls: UrlMap;
  /** The anchors (heading ids, explicit and HTML ids) of a content file; undefined if it is none or does not parse. */
  anchors(path: string): readonly Anchor[] | undefined;
  /** The text of a site file that is not content (an include), read on first use; undefined when it cannot be read. */
  sourceOf(path: string): string | undefined;
  /** The Liquid tags the site knows. */
  tags: TagRegistry;
  /** What Liquid sees rendering the content file `path`: the site's values and the page's. */
  renderScopeOf(path: string): RenderScope;
}

/**
 * The values a document's front matter gives `page`: none unless Jekyll renders the file as a page
 * (YAML, or a `---` line never closed, which makes a page of the whole text).
 */
export function frontMatterValues(front: FrontMatter): Record<string, unknown> | undefined {
  if (front.kind === 'unterminated') return front.bom ? undefined : {};
  return front.kind === 'yaml' && !front.bom ? front.data : undefined;
}

/** Formats that are never pages: Jekyll makes a page of any other file that starts with a `---` line (a `.tpl` as much as a `feed.xml`). */
const binaryFormats = /\.(?:png|jpe?g|gif|webp|avif|ico|bmp|tiff?|psd|pdf|zip|gz|tgz|bz2|xz|7z|rar|tar|jar|war|woff2?|ttf|otf|eot|mp3|mp4|m4a|m4v|mov|webm|ogg|ogv|wav|flac|avi|mkv|wasm|exe|dll|so|dylib|bin|dmg|iso|class|pyc|sqlite|db)$/i;

/**
 * The front matter of files Jekyll renders that doclint does not lint: a document of an output
 * collection in another format than Markdown or HTML (`_licenses/mit.txt`), or a page such as
 * `feed.xml`, `search.json` or a `.tpl` with a permalink. Their front matter (through a
 * collection's permalink, or their own `permalink:`) decides their URLs. Only the first bytes of
 * each candidate are read, and the front matter of those that start with `---`.
 */
export function readOtherPagesFrontMatter(root: string, files: Iterable<string>, content: ReadonlySet<string>, jekyll: JekyllConfig, maxFileSize: number): Map<string, Record<string, unknown>> {
  const outputCollections = new Set(jekyll.collections.filter((c) => c.output).map((c) => `_${c.name}`));
  const unpublished = unpublishedFilter(jekyll);
  const candidates = [...files].filter((file) => {
    if (content.has(file) || isDataFile(file, jekyll) || unpublished(file)) return false;
    const folders = file.split('/').slice(0, -1);
    const collectionFolder = collectionRelative(file, jekyll)?.split('/').slice(0, -1)[0];
    if (collectionFolder !== undefined && outputCollections.has(collectionFolder)) return true;
    return !binaryFormats.test(file) && !folders.some((folder) => folder.startsWith('_') || folder.startsWith('.'));
  });
  const texts: [string, string][] = [];
  for (const file of candidates) {
    if (!startsWithFrontMatter(resolve(root, file))) continue;
    const source = readSource(resolve(root, file), maxFileSize);
    if (source.ok) texts.push([file, source.text]);
  }
  return readSiteFrontMatter(texts);
}

/** Reads each text's front matter values (for the content files pass 1 did not read). */
export function readSiteFrontMatter(texts: Iterable<[string, string]>): Map<string, Record<string, unknown>> {
  const data = new Map<string, Record<string, unknown>>();
  for (const [path, text] of texts) {
    const values = frontMatterValues(parseFrontMatter(text));
    // Kept for the whole run: they must not keep the file's text alive.
    if (!values) continue;
    detachStrings(values);
    data.set(path, values);
  }
  return data;
}

/** What `{{ site.x }}` and `{{ page.x }}` render to in a page with this front matter. */
/**
 * Whether Jekyll renders the document as a page of its own. In a site, a file without front matter
 * is a static file (a README), unless jekyll-optional-front-matter makes it a page (or
 * jekyll-readme-index its folder's index); a fragment (discover.ts: isFragmentFile) is never
 * rendered on its own. Without a site (a snippet, remark) everything is.
 */
export function rendersAsPage({ path, frontMatter }: Pick<Document, 'path' | 'frontMatter'>, site: SiteSettings): boolean {
  return site.standalone || (!isFragmentFile(path, site.jekyll) && (frontMatter.kind !== 'none' || isCollectionDocument(path, site.jekyll) || isOptionalFrontMatterPage(path, site.jekyll) || site.readmeIndexes.has(path)));
}

const scopes = new WeakMap<Pick<Document, 'path' | 'frontMatter'>, { site: SiteSettings; scope: RenderScope }>();

/**
 * The scope a document's own Liquid renders in: a page's, or none for a fragment (its `page.*` is
 * the page's that takes it in). One object per document: the rules and the document pass that ask
 * share it, and with it the branches worked out for its values (liquid-branches.ts).
 */
export function documentScope(document: Pick<Document, 'path' | 'frontMatter'>, site: SiteSettings): RenderScope {
  const known = scopes.get(document);
  if (known?.site === site) return known.scope;
  const scope = rendersAsPage(document, site) ? renderScope(site.jekyll, document.frontMatter, document.path) : { site: site.jekyll.raw, page: undefined };
  scopes.set(document, { site, scope });
  return scope;
}

export function renderScope(jekyll: JekyllConfig, front: FrontMatter, path: string): RenderScope {
  return scopeOfValues(jekyll, frontMatterValues(front), path);
}

function scopeOfValues(jekyll: JekyllConfig, own: Record<string, unknown> | undefined, path: string): RenderScope {
  // A page's front matter defaults are its values too (`{{ page.root }}` in Carpentries lessons).
  const page = own && jekyll.frontMatterDefaults.length > 0 ? withFrontMatterDefaults(jekyll.frontMatterDefaults, path, documentType(path, jekyll), own) : own;
  // `{{ site.x }}` is the config's value as written: `{{ site.baseurl }}` is `/blog/` for `baseurl: /blog/` (only relative_url trims it).
  // A translated post renders in its language's build alone (jekyll-multiple-languages-plugin).
  const translated = translatedPost(jekyll, path);
  const site = typeof translated === 'object' ? languageBuildSite(jekyll.raw, translated.build) : jekyll.raw;
  return { site, page: page ?? {}, ...(jekyll.pluginPageKeys.length > 0 ? { pluginPageKeys: jekyll.pluginPageKeys } : {}) };
}

/**
 * The index of a site whose content texts have been read. `frontMatter`: the values pass 1
 * found, in the site's file order (which of two clashing URLs wins depends on it); read from
 * the texts when not given. `anchors`: the pages' anchors already known (pass 1's facts), which
 * are then not computed again.
 */
export function buildSiteIndex(
  jekyll: JekyllConfig,
  files: ReadonlySet<string>,
  texts: ReadonlyMap<string, string>,
  tags: TagRegistry,
  frontMatter = readSiteFrontMatter(texts),
  anchors: ReadonlyMap<string, readonly Anchor[]> = new Map(),
  readFile: (path: string) => string | undefined = () => undefined,
): SiteIndex {
  const anchorCache = new Map<string, readonly Anchor[] | undefined>(anchors);
  const sources = new Map<string, string | undefined>();
  return {
    jekyll,
    files,
    frontMatter,
    urls: buildUrlMap(jekyll, files, frontMatter),
    tags,
    renderScopeOf: (path) => scopeOfValues(jekyll, frontMatter.get(path), path),
    sourceOf(path) {
      if (!files.has(path)) return undefined;
      if (!sources.has(path)) sources.set(path, readFile(path));
      return sources.get(path);
    },
    anchors(path) {
      if (anchorCache.has(path)) return anchorCache.get(path);
      const text = texts.get(path);
      let anchors: readonly Anchor[] | undefined;
      if (text !== undefined) {
        try {
          const document = parseDocument(path, text, tags, undefined, jekyll.markdownReading);
          anchors = documentAnchors(document, renderScope(jekyll, document.frontMatter, path), tags);
        } catch {
          // Input no parser survives (the engine reports it on the file itself): no anchors.
        }
      }
      anchorCache.set(path, anchors);
      return anchors;
    },
  };
}
