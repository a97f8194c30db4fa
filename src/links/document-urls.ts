/**
 * Destinations that start with a Jekyll document's own `url`: `{{ page.url }}`,
 * `{{ page.next.url }}`, or `{{ post.url }}` in a loop over documents (`site.posts`,
 * `paginator.posts`, `site.pages`, a collection, `site.categories[c]`). Jekyll's `url` is the
 * path within the site, without the baseurl: on a site with one, such a link leads outside it
 * unless a filter adds the baseurl (`| relative_url`), so none is taken here.
 */
import type { LiquidParse } from '../parse/liquid-tree.js';

/** `post.url`, `page.next.url`: a variable's (or its neighbour's) url, and nothing else in the output. */
const ownUrl = /^\s*([A-Za-z_][\w-]*)((?:\.(?:next|previous))?)\.url\s*$/;

/** The loop variable and the list of `{% for post in site.posts limit: 5 %}`. */
const forLoop = /^\s*([\w-]+)\s+in\s+(\(?[^\s)]+)/;

/** Lists of documents besides the collections: Jekyll's own, jekyll-paginate's, and posts by category or tag. */
const documentLists = /^(?:site\.(?:posts|pages|html_pages|documents|related_posts)|paginator\.posts|site\.(?:categories|tags)(?:\.[\w-]+|\[[^\]]+\]))$/;

/** The names of the site's collections as `_config.yml` gives them (a list or a map). */
function collectionNames(site: Record<string, unknown>): string[] {
  const collections = site.collections;
  if (Array.isArray(collections)) return collections.filter((name): name is string => typeof name === 'string');
  return collections && typeof collections === 'object' ? Object.keys(collections) : [];
}

/** Whether a loop's list holds documents, whose `url` lacks the baseurl. */
function isDocumentList(list: string, site: Record<string, unknown>): boolean {
  if (documentLists.test(list)) return true;
  const collection = /^site\.([\w-]+)$/.exec(list)?.[1];
  return collection !== undefined && collectionNames(site).includes(collection);
}

/**
 * The output at `start` when it writes a document's `url` (`post.url`), the destination
 * running from `start` to `end`; undefined otherwise.
 */
export function documentUrlAt(liquid: Pick<LiquidParse, 'outputs' | 'blocks'>, start: number, end: number, site: Record<string, unknown>): string | undefined {
  const output = liquid.outputs.find((candidate) => candidate.start === start);
  if (!output || output.end > end) return undefined;
  const match = ownUrl.exec(output.markup);
  if (!match) return undefined;
  const [, variable, neighbour] = match;
  const expression = `${variable}${neighbour}.url`;
  // The innermost loop that binds the variable around the output (a loop may rebind `page` too).
  let binding: string | undefined;
  let innermost = -1;
  for (const block of liquid.blocks) {
    if (block.open.name !== 'for' || block.open.end > start || (block.close && block.close.start < output.end) || block.open.start < innermost) continue;
    const loop = forLoop.exec(block.open.markup);
    if (!loop || loop[1] !== variable) continue;
    binding = loop[2];
    innermost = block.open.start;
  }
  if (binding === undefined) return variable === 'page' ? expression : undefined;
  return isDocumentList(binding, site) ? expression : undefined;
}
