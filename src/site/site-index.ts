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
import { detachStrings } from '../text/detach.js';

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

export interface SiteIndexOptions {
  /** The front matter already read (a worker gets the whole site's from the others). */
  frontMatter?: SiteFrontMatter;
  /**
   * Parsed documents kept for reuse; a bound, so memory stays flat on large sites. A batch run,
   * which asks each page once, keeps only the one being linted: parse trees it would keep only
   * make the collector work (100x corpus: 67 s with 256 kept, 49 s with 2).
   */
  keepDocuments?: number;
}

/** Every file's front matter, read once: the values the index needs, and the parse a document reuses. */
export interface SiteFrontMatter {
  /** Values of each content file with valid YAML front matter (possibly read by other workers). */
  data: Map<string, Record<string, unknown>>;
  /** This process's own files' parsed front matter, handed to their documents when they are parsed. */
  parsed: Map<string, FrontMatter>;
}

export function readSiteFrontMatter(texts: ReadonlyMap<string, string>): SiteFrontMatter {
  const data = new Map<string, Record<string, unknown>>();
  const parsed = new Map<string, FrontMatter>();
  for (const [path, text] of texts) {
    const front = parseFrontMatter(text);
    parsed.set(path, front);
    if (front.kind !== 'yaml' || front.bom) continue;
    // Kept for the whole run: they must not keep the file's text alive.
    detachStrings(front.data);
    data.set(path, front.data);
  }
  return { data, parsed };
}

/**
 * Builds the index from already-read texts (the engine reads each file once). A worker passes
 * the front matter of the whole site and the texts of its own files only.
 */
export function buildSiteIndex(jekyll: JekyllConfig, files: ReadonlySet<string>, texts: ReadonlyMap<string, string>, tags: TagRegistry, options: SiteIndexOptions = {}): SiteIndex {
  const { data: frontMatter, parsed: parsedFrontMatter } = options.frontMatter ?? readSiteFrontMatter(texts);
  const keepDocuments = options.keepDocuments ?? 256;
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
      if (documents.size >= keepDocuments) documents.delete(documents.keys().next().value!);
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
