/**
 * Every link a document makes, with the destination as written (Liquid included), where it
 * is written, and what it renders to: Markdown links, images and reference definitions
 * (autolinks included), `href`/`src` in raw HTML, tags with a `linkPrefix` (`{% image %}`),
 * and `{% link %}` tags. Computed once per document.
 */
import type { Definition, Image, Link, PhrasingContent, Text } from 'mdast';
import { renderOutput, servedBaseurl, type RenderScope } from '../parse/liquid-render.js';
import { skippedBranches } from '../parse/liquid-branches.js';
import { firstOutputFrom, outputAt } from '../parse/liquid-tree.js';
import { withinRanges } from '../text/ranges.js';
import { documentUrlAt, type DocumentUrl } from './document-urls.js';
import { decodeCharacterReferences } from '../text/html-entities.js';
import { linkAttributes } from '../parse/html-tags.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { nodesOfType } from '../parse/document-nodes.js';
import { commonMarkExtensions, isCommonMark, markdownConverter } from '../site/jekyll-config.js';
import { gfmAutolinks } from './gfm-autolinks.js';
import { detached } from '../text/detach.js';
import type { Document } from '../types.js';

export interface LinkRef {
  source: 'markdown' | 'image' | 'definition' | 'html' | 'tag' | 'link-tag' | 'post-url-tag' | 'data' | 'template' | 'redirect-to';
  /** The destination as written, and its offsets in the file. */
  raw: string;
  start: number;
  end: number;
  /** The destination after Liquid; undefined when it cannot be known without building. */
  url: string | undefined;
  /** `{% link path %}`: the source file it names; `{% post_url name %}`: the post's file name. */
  sourcePath?: string;
  /** A reference definition an included file gives the page (see included-references.ts): the file; the link is at its use. */
  definedIn?: string;
  /** A destination built around one `{% link %}` or `{% post_url %}` tag (`{{ site.baseurl }}{% link a.md %}#b`): the site index gives its URL. */
  tagged?: TaggedUrl;
  /** A destination that starts with a variable the page does not define (`{{ BASE_PATH }}/x.html`): its name, and the rest rendered (see base-path-variables.ts). */
  variableBase?: { name: string; rest: string };
  /** A destination that starts with a document's own `url`, which lacks the baseurl (`post.url`; see document-urls.ts). */
  documentUrl?: DocumentUrl;
  /** A template's link inside an `{% if %}`, `{% unless %}` or `{% case %}` block: some pages may not get it. */
  inBranch?: true;
}

/** The parts of a destination around its one `{% link %}` or `{% post_url %}` tag, Liquid rendered. */
export interface TaggedUrl {
  before: string;
  tag: 'link' | 'post_url';
  name: string;
  after: string;
}

/** A link written in Markdown syntax (an inline link, an image, a reference definition), as kramdown reads it. */
export function isMarkdownSyntax(link: Pick<LinkRef, 'source'>): boolean {
  return link.source === 'markdown' || link.source === 'image' || link.source === 'definition';
}

const cache = new WeakMap<Document, LinkRef[]>();

export function documentLinks(document: Document, scope: RenderScope, tags: TagRegistry): LinkRef[] {
  let links = cache.get(document);
  if (!links) {
    links = extractLinks(document, scope, tags);
    cache.set(document, links);
  }
  return links;
}


/** The document's links, their Liquid rendered in `scope` (documentLinks keeps them with the document). */
export function extractLinks(document: Document, scope: RenderScope, tags: TagRegistry): LinkRef[] {
  const links: LinkRef[] = [];
  // A branch the site's config or the page's values never take renders no link.
  const skipped = skippedBranches(document.liquid, scope.site, scope.page);
  const add = (source: LinkRef['source'], start: number, end: number): LinkRef | undefined => {
    if (withinRanges(skipped, start, end)) return undefined;
    const raw = document.text.slice(start, end);
    const url = renderUrl(document, raw, start, scope);
    // The destination ends up in an HTML attribute: the browser decodes its character references.
    const link: LinkRef = { source, raw, start, end, url: url === undefined ? undefined : decodeCharacterReferences(url) };
    const tagged = url === undefined ? taggedUrl(document, start, end, scope, tags) : undefined;
    if (tagged) link.tagged = tagged;
    const variableBase = url === undefined && !tagged ? variableBaseOf(document, start, end, scope) : undefined;
    if (variableBase) link.variableBase = variableBase;
    const documentUrl = url === undefined && !tagged && !variableBase ? documentUrlAt(document.liquid, start, end, scope.site) : undefined;
    if (documentUrl) link.documentUrl = documentUrl;
    links.push(link);
    return link;
  };
  for (const { node } of nodesOfType(document, 'link', 'image', 'definition', 'html')) {
    if (node.type !== 'html') {
      const range = destinationRange(document, node);
      if (!range) continue;
      const link = add(node.type === 'link' ? 'markdown' : node.type, range.start, range.end);
      // An email autolink (`<a@b.org>`) is a mailto: link, as both kramdown and CommonMark write it.
      if (link && node.url.startsWith('mailto:') && !/^mailto:/i.test(document.text.slice(range.start, range.end))) link.url = node.url;
    } else {
      // node.value lacks list and quote prefixes: read the source itself so offsets stay true.
      const offset = node.position!.start.offset!;
      for (const { start, end } of linkAttributes(document.maskedText.slice(offset, node.position!.end.offset!))) add('html', offset + start, offset + end);
    }
  }
  // Links only kramdown reads: jekyll-commonmark's converters read CommonMark's alone, and with
  // the autolink extension link bare URLs too.
  const converter = markdownConverter(scope.site);
  const kramdown = converter === 'kramdown';
  const autolinks = isCommonMark(converter) && commonMarkExtensions(scope.site).includes('autolink');
  for (const { node } of autolinks ? nodesOfType(document, 'paragraph', 'heading') : []) {
    for (const text of textNodes(node.children)) {
      const from = text.position!.start.offset!;
      for (const autolink of gfmAutolinks(document.maskedText.slice(from, text.position!.end.offset!), document.maskedText[from - 1])) {
        const link = add('markdown', from + autolink.start, from + autolink.end);
        if (link) link.url = autolink.url;
      }
    }
  }
  for (const { node } of kramdown ? nodesOfType(document, 'paragraph', 'heading') : []) {
    for (const text of plainTexts(node.children)) {
      for (const { image, start, end } of kramdownOnlyLinks(document, text.position!.start.offset!, text.position!.end.offset!)) add(image ? 'image' : 'markdown', start, end);
    }
  }
  for (const tag of document.liquid.tags) {
    const word = /\S+/.exec(tag.markup);
    const prefix = tags.get(tag.name)?.linkPrefix;
    if (!word || prefix === undefined || withinRanges(skipped, tag.start, tag.end)) continue;
    const start = tag.markupStart + word.index;
    links.push({ source: 'tag', raw: word[0], start, end: start + word[0].length, url: `${servedBaseurl(scope.site)}${prefix}${word[0]}` });
  }
  links.push(...linkTags(document, tags, scope.site, scope.page));
  return links.map(ownStrings).sort((a, b) => a.start - b.start);
}

/** `{% link path %}` and `{% post_url name %}` tags that name their file as written: a build fails when there is none. */
export function linkTags({ liquid }: Pick<Document, 'liquid'>, tags: TagRegistry, site: RenderScope['site'], page?: RenderScope['page']): LinkRef[] {
  const links: LinkRef[] = [];
  const skipped = skippedBranches(liquid, site, page);
  for (const tag of liquid.tags) {
    if (!isJekyllLinkTag(tag.name, tags) || withinRanges(skipped, tag.start, tag.end)) continue;
    const word = /\S+/.exec(tag.markup);
    if (!word || word[0].includes('{{')) continue;
    const start = tag.markupStart + word.index;
    links.push({ source: tag.name === 'link' ? 'link-tag' : 'post-url-tag', raw: word[0], start, end: start + word[0].length, url: undefined, sourcePath: word[0] });
  }
  return links;
}

/** Rules keep links in requests answered after the page is gone (anchors, external checks): their strings must not keep its text alive. */
function ownStrings(link: LinkRef): LinkRef {
  const owned: LinkRef = { ...link, raw: detached(link.raw), url: link.url === undefined ? undefined : detached(link.url) };
  if (link.sourcePath !== undefined) owned.sourcePath = detached(link.sourcePath);
  if (link.tagged) owned.tagged = { ...link.tagged, before: detached(link.tagged.before), name: detached(link.tagged.name), after: detached(link.tagged.after) };
  if (link.variableBase) owned.variableBase = { name: detached(link.variableBase.name), rest: detached(link.variableBase.rest) };
  if (link.documentUrl) owned.documentUrl = { ...link.documentUrl, expression: detached(link.documentUrl.expression), ...(link.documentUrl.list === undefined ? {} : { list: detached(link.documentUrl.list) }) };
  return owned;
}

/** The text nodes of phrasing content, in emphasis and strong text too (a link's own text is left out). */
function textNodes(children: readonly PhrasingContent[]): Text[] {
  return children.flatMap((child) => (child.type === 'text' ? [child] : child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete' ? textNodes(child.children) : []));
}

/** The text nodes that may hold a `](`. */
function plainTexts(children: readonly PhrasingContent[]): Text[] {
  return textNodes(children).filter((text) => text.value.includes(']('));
}

/** The longest label and destination looked at: past them, a scan stops (each `](` costs at most this much). */
const longestLinkPart = 2000;

/**
 * Links kramdown makes where CommonMark sees text: a destination with spaces in it
 * (`[You and Your Research](You and Your Research)` is a link to `You%20and%20Your%20Research`
 * in kramdown's HTML). kramdown's inline link is `[text](destination "title")`, the destination
 * running to the `)` that closes it (parentheses paired), spaces and all. Read from a paragraph's
 * text between `from` and `to`, one line at a time; an escaped `\[` is text.
 */
function kramdownOnlyLinks(document: Document, from: number, to: number): { image: boolean; start: number; end: number }[] {
  const links: { image: boolean; start: number; end: number }[] = [];
  // Liquid masked: a link inside a tag's markup is not one, and offsets are the same.
  const text = document.maskedText.slice(from, to);
  for (let at = text.indexOf(']('); at !== -1; at = text.indexOf('](', at + 2)) {
    const open = text.lastIndexOf('[', at);
    if (open === -1 || at - open > longestLinkPart || /[\]\n]/.test(text.slice(open + 1, at)) || text[open - 1] === '\\') continue;
    const end = destinationEnd(text, at + 2);
    if (end === undefined) continue;
    const written = text.slice(at + 2, end);
    const destination = written.trim();
    if (!/\s/.test(destination)) continue;
    const start = from + at + 2 + (written.length - written.trimStart().length);
    links.push({ image: text[open - 1] === '!', start, end: start + destination.length });
  }
  return links;
}

/** Where a kramdown inline link's destination ends (before its title or its closing `)`), or undefined when the line ends first. */
function destinationEnd(text: string, from: number): number | undefined {
  let depth = 0;
  const last = Math.min(text.length, from + longestLinkPart);
  for (let i = from; i < last; i++) {
    const c = text[i]!;
    if (c === '\n') return undefined;
    if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return i;
    else if ((c === '"' || c === "'") && /[ \t]/.test(text[i - 1] ?? '')) {
      // A title: its closing quote, then only spaces before the `)`.
      const close = text.indexOf(c, i + 1);
      if (close === -1 || close >= last || text.slice(i + 1, close).includes('\n')) return undefined;
      let after = close + 1;
      while (text[after] === ' ' || text[after] === '\t') after++;
      return text[after] === ')' ? i : undefined;
    }
  }
  return undefined;
}

/** Hoisted: a regular expression literal is a new object each time it is evaluated, per character here. */
const whitespace = /\s/;

/** Where the destination of a link, image or definition is written (found in the masked text). */
function destinationRange(document: Document, node: Link | Image | Definition): { start: number; end: number } | undefined {
  const text = document.maskedText;
  const nodeStart = node.position?.start.offset;
  const nodeEnd = node.position?.end.offset;
  if (nodeStart === undefined || nodeEnd === undefined) return undefined;
  if (node.type === 'link' && text[nodeStart] !== '[') {
    // An autolink: `<https://…>` or a bare URL.
    const inner = text[nodeStart] === '<' ? 1 : 0;
    return { start: nodeStart + inner, end: nodeEnd - inner };
  }
  let from: number;
  if (node.type === 'definition') from = text.indexOf(']:', nodeStart) + 2;
  else if (node.type === 'link' && node.children.length > 0) from = text.indexOf('](', node.children.at(-1)!.position!.end.offset!) + 2;
  else from = text.indexOf('](', nodeStart) + 2;
  if (from < 2 || from > nodeEnd) return undefined;
  while (from < nodeEnd && whitespace.test(text[from]!)) from++;
  if (text[from] === '<') {
    const close = text.indexOf('>', from);
    return close === -1 || close > nodeEnd ? undefined : { start: from + 1, end: close };
  }
  let end = from;
  let depth = 0;
  while (end < nodeEnd) {
    const c = text[end]!;
    if (whitespace.test(c)) break;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (c === '\\') end++;
    end++;
  }
  // kramdown knows only quoted titles: `[x](/a/ (b))` links to `/a/ (b)`, not to `/a/` titled `b`.
  const rest = /^[ \t]+\(/.exec(text.slice(end, nodeEnd));
  if (node.type !== 'definition' && rest && text[nodeEnd - 1] === ')') {
    const close = text.lastIndexOf(')', nodeEnd - 2);
    if (close > end) end = close + 1;
  }
  return end > from ? { start: from, end } : undefined;
}

/** Jekyll's own `link` or `post_url` tag, not a site plugin's of the same name (yeoman.io's `{% link /path/ Text %}` writes an `<a>`). */
const isJekyllLinkTag = (name: string, tags: TagRegistry): name is 'link' | 'post_url' => tags.get(name)?.jekyllLink === true;

/** `{{ site.baseurl }}{% link a.md %}#b`: one link-making tag whose surroundings render. */
function taggedUrl(document: Document, start: number, end: number, scope: RenderScope, tags: TagRegistry): TaggedUrl | undefined {
  const inside = document.liquid.tags.filter((tag) => tag.start >= start && tag.end <= end);
  const [tag] = inside;
  if (inside.length !== 1 || !tag || !isJekyllLinkTag(tag.name, tags)) return undefined;
  const name = tag.markup.trim();
  if (name === '' || /\s|\{\{/.test(name)) return undefined;
  const before = renderUrl(document, document.text.slice(start, tag.start), start, scope);
  const after = renderUrl(document, document.text.slice(tag.end, end), tag.end, scope);
  if (before === undefined || after === undefined) return undefined;
  return { before: decodeCharacterReferences(before), tag: tag.name, name, after: decodeCharacterReferences(after) };
}

/** `{{ NAME }}/rest`: a bare variable first, then a path whose Liquid renders. */
function variableBaseOf(document: Document, start: number, end: number, scope: RenderScope): LinkRef['variableBase'] {
  const first = outputAt(document.liquid.outputs, start);
  const name = first && first.end < end ? /^\s*([A-Za-z_][\w-]*)\s*$/.exec(first.markup)?.[1] : undefined;
  if (!first || !name || name === 'site' || name === 'page') return undefined;
  const rest = renderUrl(document, document.text.slice(first.end, end), first.end, scope);
  return rest?.startsWith('/') ? { name, rest: decodeCharacterReferences(rest) } : undefined;
}

/** A destination written at `start` with its Liquid outputs rendered in `scope`; undefined when one cannot be, or a tag is in it. */
export function renderUrl(document: Pick<Document, 'text' | 'liquid'>, raw: string, start: number, scope: RenderScope): string | undefined {
  if (raw.includes('{%')) return undefined;
  let url = '';
  let cursor = start;
  const end = start + raw.length;
  const { outputs } = document.liquid;
  for (let i = firstOutputFrom(outputs, start); i < outputs.length && outputs[i]!.start < end; i++) {
    const output = outputs[i]!;
    if (output.end > end) continue;
    const rendered = renderOutput(output.markup, scope);
    if (rendered === undefined) return undefined;
    url += document.text.slice(cursor, output.start) + rendered;
    cursor = output.end;
  }
  url += document.text.slice(cursor, end);
  return url.includes('{{') ? undefined : url;
}
