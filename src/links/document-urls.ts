/**
 * Destinations that start with a Jekyll document's own `url`: `{{ page.url }}`,
 * `{{ page.next.url }}`, or `{{ post.url }}` in a loop over documents (`site.posts`,
 * `paginator.posts`, `site.pages`, a collection, `site.categories[c]`). Jekyll's `url` is the
 * path within the site, without the baseurl: on a site with one, such a link leads outside it
 * unless a filter adds the baseurl (`| relative_url`), so none is taken here. A `#fragment` after
 * it is on the documents the loop's list holds (documentsOfList).
 */
import { outputAt, type LiquidParse } from '../parse/liquid-tree.js';
import { readCollections } from '../site/jekyll-config.js';
import type { SiteIndex } from '../site/site-index.js';
import { collectionRelative, isDraft, isPostOrDraft } from '../site/urls.js';

/** `post.url`, `page.next.url`: a variable's (or its neighbour's) url, and nothing else in the output. */
const ownUrl = /^\s*([A-Za-z_][\w-]*)((?:\.(?:next|previous))?)\.url\s*$/;

/** The loop variable and the list of `{% for post in site.posts limit: 5 %}`. */
const forLoop = /^\s*([\w-]+)\s+in\s+(\(?[^\s)]+)/;

/** Lists of documents besides the collections: Jekyll's own, jekyll-paginate's, and posts by category or tag. */
const documentLists = /^(?:site\.(?:pages|html_pages|documents|related_posts)|paginator\.posts|site\.(?:categories|tags)(?:\.[\w-]+|\[[^\]]+\]))$/;

/** A collection's whole list (`site.posts`, `site.guides`): doclint knows its documents one by one. */
const isCollectionList = (list: string, site: Record<string, unknown>): boolean => readCollections(site.collections).some((collection) => list === `site.${collection.name}`);

/** Whether a loop's list holds documents, whose `url` lacks the baseurl. */
const isDocumentList = (list: string, site: Record<string, unknown>): boolean => documentLists.test(list) || isCollectionList(list, site);

/** A destination that starts with a document's own `url`. */
export interface DocumentUrl {
  /** The output's expression: `post.url`, `page.url`, `page.next.url`. */
  expression: string;
  /** The list the loop takes the document from (`site.posts`, `site.categories.blog`); none for the page's own. */
  list?: string;
  /**
   * The loop writes the link for every document of its list: `site.posts` or a collection, no
   * `limit`/`offset`, no `break`/`continue`, and no condition or capture around the link.
   */
  every?: true;
}

/**
 * The output at `start` when it writes a document's `url` (`post.url`), the destination
 * running from `start` to `end`; undefined otherwise.
 */
export function documentUrlAt(liquid: Pick<LiquidParse, 'outputs' | 'blocks' | 'tags'>, start: number, end: number, site: Record<string, unknown>): DocumentUrl | undefined {
  const output = outputAt(liquid.outputs, start);
  if (!output || output.end > end) return undefined;
  const match = ownUrl.exec(output.markup);
  if (!match) return undefined;
  const [, variable, neighbour] = match;
  const expression = `${variable}${neighbour}.url`;
  const around = liquid.blocks.filter((block) => block.open.end <= start && (!block.close || block.close.start >= output.end));
  // The innermost loop that binds the variable around the output (a loop may rebind `page` too).
  const loop = around.filter((block) => block.open.name === 'for' && forLoop.exec(block.open.markup)?.[1] === variable).sort((a, b) => b.open.start - a.open.start)[0];
  if (!loop) return variable === 'page' ? { expression } : undefined;
  const list = forLoop.exec(loop.open.markup)![2]!;
  if (!isDocumentList(list, site)) return undefined;
  if (neighbour) return { expression };
  const loopEnd = loop.close?.start ?? Number.POSITIVE_INFINITY;
  const every =
    isCollectionList(list, site) &&
    !/\b(?:limit|offset)\s*:/.test(loop.open.markup) &&
    around.every((block) => block.open.name === 'for') &&
    !liquid.tags.some((tag) => (tag.name === 'break' || tag.name === 'continue') && tag.start > loop.open.end && tag.start < loopEnd);
  return { expression, list, ...(every ? { every: true as const } : {}) };
}

const listsBySite = new WeakMap<SiteIndex, Map<string, readonly string[] | undefined>>();

/**
 * The published documents a loop's list may hold, by source file: every post for
 * `site.categories.blog` or `paginator.posts` (a superset: which of them a page gets is not read),
 * a collection's documents for `site.<name>`; undefined for a list not read here.
 */
export function documentsOfList(list: string, site: SiteIndex): readonly string[] | undefined {
  let lists = listsBySite.get(site);
  if (!lists) listsBySite.set(site, (lists = new Map()));
  if (lists.has(list)) return lists.get(list);
  const { jekyll, urls } = site;
  const published = [...urls.urlOf.keys()].filter((path) => !urls.unpublishedPages.has(path));
  const kind = (path: string) => urls.targets.get(urls.urlOf.get(path)!)?.kind;
  // A collection's files without front matter (an image in `_posts/`) are static files, in no list of documents.
  const documentsOnly = published.filter((path) => kind(path) === 'document');
  const collection = /^site\.([\w-]+)$/.exec(list)?.[1];
  const documents = /^(?:site\.(?:posts|related_posts|categories|tags)|paginator\.posts)\b/.test(list)
    ? documentsOnly.filter((path) => isPostOrDraft(path, jekyll) && !isDraft(path, jekyll))
    : list === 'site.pages' || list === 'site.html_pages'
      ? published.filter((path) => kind(path) === 'page')
      : list === 'site.documents'
        ? documentsOnly
        : collection !== undefined
          ? documentsOnly.filter((path) => collectionRelative(path, jekyll)?.startsWith(`_${collection}/`))
          : undefined;
  lists.set(list, documents);
  return documents;
}
