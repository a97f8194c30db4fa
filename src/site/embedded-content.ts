/**
 * A Liquid output that writes another document's content: `{{ spec.content }}` in a loop over a
 * collection (json-api's specification page), `{{ post.content }}` on a blog's home page. The page
 * then has the ids of those documents. The collection is read from the loop (`{% for post in
 * site.posts %}`, `paginator.posts`, or a variable assigned from a collection through filters that
 * keep its documents, `{% assign shown = site.plugins | where: "category", include.category %}`);
 * the ids are those of all its documents. Where the documents cannot be told, the ids are open.
 * The page's own content (`page.`) and an include's parameter (`include.`, text the call passes)
 * are not others', and filters that turn the HTML into text or a count write no ids.
 */
import { parseOutputMarkup } from '../parse/liquid-expression.js';
import { hasLiquid, scanLiquid, type LiquidToken } from '../parse/liquid-tokens.js';
import type { Anchor } from './anchors.js';
import type { IncludeIds } from './include-anchors.js';
import type { SiteIndex } from './site-index.js';
import { documentType, isDraft } from './urls.js';

const otherContent = /^\s*(?!(?:page|include)\b)([\w-]+)((?:\.[\w-]+|\[[^\]]*\])*)\.content\s*(?:\||$)/;
const textFilters = new Set(['strip_html', 'truncate', 'truncatewords', 'number_of_words', 'size', 'jsonify', 'escape', 'escape_once', 'xml_escape', 'cgi_escape', 'uri_escape', 'url_encode', 'slugify', 'normalize_whitespace']);
// Filters whose result holds some of the same documents.
const subsetFilters = new Set(['where', 'where_exp', 'sort', 'sort_natural', 'reverse', 'uniq', 'compact']);

export interface EmbeddedContent {
  start: number;
  end: number;
  /** The output as written (`{{ post.content }}`). */
  source: string;
  /** The collection whose documents it writes (`posts`, `format`); '' when that cannot be told. */
  collection: string;
}

/** The outputs among a text's Liquid tokens (in document order) that write other documents' content. */
export function embeddedContents(text: string, tokens: readonly LiquidToken[]): EmbeddedContent[] {
  if (!text.includes('.content')) return [];
  const found: EmbeddedContent[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'output') return;
    const written = otherContent.exec(token.markup);
    if (!written || parseOutputMarkup(token.markup).filters.some((filter) => textFilters.has(filter.name))) return;
    const [, root, path] = written;
    const collection = root === 'site' || root === 'paginator' ? collectionOf(`${root}${path}`) : loopCollection(root!, tokens.slice(0, index));
    found.push({ start: token.start, end: token.end, source: text.slice(token.start, token.end), collection: collection ?? '' });
  });
  return found;
}

/** Those of a template's text (an include or a layout). */
export function templateEmbeddedContents(text: string): EmbeddedContent[] {
  return text.includes('.content') ? embeddedContents(text, scanLiquid(text)) : [];
}

/** `site.posts`, `site.format.first`, `paginator.posts`: the collection named. */
function collectionOf(expression: string): string | undefined {
  if (/^paginator\.posts\b/.test(expression)) return 'posts';
  const name = /^site\.([\w-]+)/.exec(expression)?.[1];
  return name === undefined || name === 'pages' || name === 'html_pages' || name === 'documents' || name === 'data' ? undefined : name;
}

/** The collection the last `{% for variable in … %}` before the output runs over, directly or through an assigned variable. */
function loopCollection(variable: string, before: readonly LiquidToken[]): string | undefined {
  const loop = before.findLast((token) => token.kind === 'tag' && token.name === 'for' && new RegExp(`^\\s*${variable}\\s+in\\s`).test(token.markup));
  if (!loop || loop.kind !== 'tag') return undefined;
  const over = /^\s*[\w-]+\s+in\s+\(?([\w.-]+)/.exec(loop.markup)?.[1];
  if (over === undefined) return undefined;
  const named = collectionOf(over);
  if (named !== undefined || over.includes('.')) return named;
  const assign = before.findLast((token) => token.kind === 'tag' && token.name === 'assign' && token.start < loop.start && new RegExp(`^\\s*${over}\\s*=`).test(token.markup));
  if (!assign || assign.kind !== 'tag') return undefined;
  const value = assign.markup.slice(assign.markup.indexOf('=') + 1);
  const source = /^\s*([\w.-]+)/.exec(value)?.[1];
  const filters = parseOutputMarkup(value).filters;
  return source !== undefined && filters.every((filter) => subsetFilters.has(filter.name)) ? collectionOf(source) : undefined;
}

type CollectionSite = Pick<SiteIndex, 'jekyll' | 'frontMatter' | 'anchors'>;

const idsBySite = new WeakMap<CollectionSite, Map<string, IncludeIds>>();

/** The ids of every document of a collection (open when it is none the site has, or a document's cannot be known). */
export function collectionIds(collection: string, site: CollectionSite): IncludeIds {
  let known = idsBySite.get(site);
  if (!known) idsBySite.set(site, (known = new Map()));
  const cached = known.get(collection);
  if (cached) return cached;
  // While its documents are read: one that writes its own collection's content again adds nothing.
  known.set(collection, { ids: new Set(), open: false });
  const isCollection = collection === 'posts' || site.jekyll.collections.some((c) => c.name === collection);
  const ids = new Set<string>();
  let open = !isCollection;
  for (const path of isCollection ? site.frontMatter.keys() : []) {
    if (documentType(path, site.jekyll) !== collection || isDraft(path, site.jekyll)) continue;
    for (const anchor of site.anchors(path) ?? []) open = !addAnchorIds(anchor, site, ids) || open;
  }
  const result = { ids, open };
  known.set(collection, result);
  return result;
}

/**
 * Adds the ids an anchor of a document writes: its own, or those of the documents it embeds.
 * False when they cannot all be known (Liquid in the id, documents of no collection the site has).
 */
export function addAnchorIds(anchor: Anchor, site: CollectionSite, ids: Set<string>): boolean {
  if (anchor.embeds !== undefined) {
    const embedded = collectionIds(anchor.embeds, site);
    for (const id of embedded.ids) ids.add(id);
    return !embedded.open;
  }
  if (hasLiquid(anchor.id)) return false;
  ids.add(anchor.id);
  return true;
}
