/**
 * What rules may know about the whole site, built once per run before any rule runs: every
 * source file, every document's front matter, every URL the build will publish (and the
 * redirects), and each page's anchors (computed on first use from the text already read).
 * Rules read it; they never touch the file system themselves.
 */
import { parseDocument } from '../parse/document.js';
import { parseFrontMatter, type FrontMatter } from '../parse/front-matter.js';
import type { RenderScope } from '../parse/liquid-render.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import type { Document } from '../types.js';
import { documentAnchors, type Anchor } from './anchors.js';
import type { JekyllConfig } from './jekyll-config.js';
import { buildUrlMap, type UrlMap } from './urls.js';

export interface SiteIndex {
  jekyll: JekyllConfig;
  /** Every file of the site source (root-relative, forward slashes), generated output excluded. */
  files: ReadonlySet<string>;
  /** Front matter values of every content document that has valid YAML front matter. */
  frontMatter: ReadonlyMap<string, Record<string, unknown>>;
  /** Every published URL (without baseurl), redirects, and each file's URL. */
  urls: UrlMap;
  /** The anchors (heading ids, explicit and HTML ids) of a content file; undefined if it is not one. */
  anchors(path: string): readonly Anchor[] | undefined;
  /** The anchors of a content file if they have been computed (or given), without parsing it. */
  knownAnchors(path: string): readonly Anchor[] | undefined;
  /** Gives the anchors of a file computed elsewhere (another worker). */
  addAnchors(path: string, anchors: readonly Anchor[]): void;
  /** What `{{ site.x }}` and `{{ page.x }}` render to in this file. */
  scope(path: string): RenderScope;
  /** The parsed content file (shared with the engine, so a page is parsed once per run). */
  document(path: string): Document | undefined;
}

/** Parsed documents kept for reuse; a bound, so memory stays flat on large sites. */
const documentCacheSize = 256;

/** Builds the index from already-read texts (the engine reads each file once). */
export function buildSiteIndex(jekyll: JekyllConfig, files: ReadonlySet<string>, texts: ReadonlyMap<string, string>, tags: TagRegistry): SiteIndex {
  const frontMatter = new Map<string, Record<string, unknown>>();
  // Kept so that parsing a document later does not read its YAML a second time.
  const parsedFrontMatter = new Map<string, FrontMatter>();
  for (const [path, text] of texts) {
    const front = parseFrontMatter(text);
    parsedFrontMatter.set(path, front);
    if (front.kind === 'yaml' && !front.bom) frontMatter.set(path, front.data);
  }
  const site = { ...jekyll.raw, baseurl: jekyll.baseurl, url: jekyll.url };
  const scope = (path: string): RenderScope => ({ site, page: frontMatter.get(path) ?? {} });
  const anchorCache = new Map<string, readonly Anchor[]>();
  const documents = new Map<string, Document>();
  const document = (path: string): Document | undefined => {
    let parsed = documents.get(path);
    if (parsed) {
      documents.delete(path);
    } else {
      const text = texts.get(path);
      if (text === undefined) return undefined;
      try {
        parsed = parseDocument(path, text, tags, parsedFrontMatter.get(path));
        parsedFrontMatter.delete(path);
      } catch {
        // Input no parser survives (the engine reports it on the file itself): no document.
        return undefined;
      }
      if (documents.size >= documentCacheSize) documents.delete(documents.keys().next().value!);
    }
    documents.set(path, parsed);
    return parsed;
  };
  return {
    jekyll,
    files,
    frontMatter,
    urls: buildUrlMap(jekyll, files, frontMatter),
    scope,
    document,
    knownAnchors: (path) => anchorCache.get(path),
    addAnchors: (path, anchors) => void anchorCache.set(path, anchors),
    anchors(path) {
      let anchors = anchorCache.get(path);
      if (!anchors) {
        const parsed = document(path);
        if (!parsed) return undefined;
        anchors = documentAnchors(parsed, scope(path), tags);
        anchorCache.set(path, anchors);
      }
      return anchors;
    },
  };
}
