/**
 * The anchors a page has once Jekyll built it: heading ids exactly as kramdown (GFM input,
 * auto_ids) generates them, explicit `{#id}` and `{: #id}` ids (on blocks, and on span elements
 * right before them), definition terms' ids (a list with `{:auto_ids}`), and raw HTML `id` and `<a name>`.
 *
 * kramdown-parser-gfm's generate_gfm_header_id: the heading's text after Liquid and span
 * parsing (code verbatim, typographic `--`/`---` as dashes, link text without the URL, no
 * images or tags), lowercased; every character that is not a word character, `-`, space or
 * tab deleted; each space or tab becomes `-`; a repeat within the same kramdown run gets
 * `-1`, `-2`… (a `{% callout %}` or `{% table %}` body is its own run); an empty id is not
 * written but still counts. A heading inside a `markdown="1"` HTML block is not reached by
 * kramdown-parser-gfm: the HTML converter gives it kramdown's basic id (ASCII letters, digits and
 * dashes of the same text, tags left out; `section` when none), numbered apart from the GFM ids.
 */
import type { Definition, FootnoteReference, Heading, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { nodesOfType } from '../parse/document-nodes.js';
import { detached } from '../text/detach.js';
import { decodeCharacterReferences } from '../text/html-entities.js';
import { idAttributes } from '../parse/html-tags.js';
import { markdownWrappers } from '../parse/mask-html-wrappers.js';
import { attributeListId, autoIdTerms, type AutoIdTerm } from '../parse/kramdown-definition-lists.js';
import type { Document } from '../types.js';
import type { LiquidBlock } from '../parse/liquid-tree.js';
import { renderOutput, type RenderScope } from '../parse/liquid-render.js';
import { parseMarkdown } from '../parse/markdown.js';
import { skippedBranches } from '../parse/liquid-branches.js';
import { withinRanges } from '../text/ranges.js';
import { isHtmlPage } from '../parse/document.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { commonMarkOptions, isCommonMark, markdownConverter, redcarpetExtensions, settingsOf } from './jekyll-config.js';
import { redcarpetHeadingId } from './redcarpet-ids.js';
import { commonMarkHtml, gitHubPagesHeadingId } from './commonmark-ids.js';
import { embeddedContents } from './embedded-content.js';

export interface Anchor {
  id: string;
  /** Offset of the heading or element that carries it. */
  offset: number;
  /** The heading's text, for messages (empty for HTML ids). */
  text: string;
  /** Set where the page writes other documents' content (embedded-content.ts): their collection ('' when not known); the id is the output as written. */
  embeds?: string;
}

// REXML's XML name characters, as kramdown's HEADER_ID takes them.
const nameStart = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const explicitId = new RegExp(`[\\t ]\\{#([${nameStart}][${nameStart}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*)\\}[\\t ]*$`, 'u');
const attributeList = /^\{:(?![\w-]+:)\s*([^}]*)\}$/;
const notIdCharacter = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu;

/**
 * The `id` (and `<a name>`) values of a piece of HTML's tags, as written in `text` (Liquid kept) and
 * read as a browser does (character references decoded); `masked` is the same piece with Liquid
 * masked, where the tags are found.
 */
function* sourceIds(masked: string, text: string, written: (start: number, end: number) => boolean = () => true): Generator<string> {
  for (const { start, end } of idAttributes(masked)) if (written(start, end)) yield decodeCharacterReferences(text.slice(start, end));
}

/** kramdown's basic_generate_id (the HTML converter's), before `section` and numbering. */
function basicHeadingId(source: string): string {
  return source.replace(/^[^a-zA-Z]+/, '').replace(/[^a-zA-Z0-9 -]/g, '').replace(/ /g, '-').toLowerCase();
}

/** kramdown's auto id for a heading text (before duplicate numbering). */
export function gfmHeadingId(text: string): string {
  return text.toLowerCase().replace(notIdCharacter, '').replace(/[ \t]/g, '-');
}

/** The site's kramdown options for heading ids (Jekyll passes `kramdown:` to kramdown): `auto_ids` (default true) and `auto_id_prefix`. */
export function headingIdOptions(site: Record<string, unknown>): { auto: boolean; prefix: string } {
  const kramdown = settingsOf(site.kramdown);
  return { auto: kramdown.auto_ids !== false, prefix: typeof kramdown.auto_id_prefix === 'string' ? kramdown.auto_id_prefix : '' };
}

export function documentAnchors(document: Document, scope: RenderScope, tags: TagRegistry): Anchor[] {
  const anchors: Anchor[] = [];
  const ids = headingIdOptions(scope.site);
  const counters = new Map<string, Map<string, number>>();
  const runs = document.liquid.blocks.filter((block) => tags.get(block.open.name)?.ownMarkdown && block.close);
  const runOf = (offset: number): string => {
    let inner: LiquidBlock | undefined;
    for (const block of runs) if (offset >= block.open.end && offset < block.close!.start && (!inner || block.open.start > inner.open.start)) inner = block;
    return inner ? String(inner.open.start) : 'page';
  };

  // jekyll-commonmark's converters and Redcarpet read no kramdown syntax: no `markdown="1"`, `{#id}`, block attributes, table of contents or term ids.
  const converter = markdownConverter(scope.site);
  const converterAnchors = isCommonMark(converter) ? commonMarkIds(document, converter === 'CommonMarkGhPages', commonMarkOptions(scope.site)) : converter === 'redcarpet' ? redcarpetIds(document, redcarpetExtensions(scope.site)) : undefined;
  // What a branch Liquid never renders holds is never converted: no id, and no number taken from a repeat.
  const skipped = skippedBranches(document.liquid, scope.site, scope.page);
  const written = (start: number, end = start + 1): boolean => !withinRanges(skipped, start, end);
  // A `markdown="1"` element's tags are masked out of the Markdown: their ids are read here.
  const wrappers = converterAnchors ? [] : markdownWrappers(document.text);
  for (const { offset, line } of wrappers) {
    for (const id of sourceIds(line, line, (start, end) => written(offset + start, offset + end))) anchors.push({ id, offset, text: '' });
  }
  // A tag that writes a text not read here (a remote file) writes its ids too: an id Liquid writes, unknown.
  for (const tag of document.liquid.tags) if (tags.get(tag.name)?.writesUnreadText && written(tag.start, tag.end)) anchors.push({ id: document.text.slice(tag.start, tag.end), offset: tag.start, text: '' });
  const inWrapper = (offset: number): boolean => wrappers.some((wrapper) => offset > wrapper.offset && offset < wrapper.end);
  // Other documents' content written here brings their ids: which, pass 2 knows (see embedded-content.ts).
  const tokens = document.text.includes('.content') ? [...document.liquid.tags, ...document.liquid.outputs].sort((a, b) => a.start - b.start) : [];
  for (const embedded of embeddedContents(document.text, tokens)) {
    if (written(embedded.start, embedded.end)) anchors.push({ id: embedded.source, offset: embedded.start, text: '', embeds: embedded.collection });
  }
  // kramdown's footnote ids: fn:name on the note, fnref:name on the first reference, fnref:name:1… on later ones.
  const references = new Map<string, number>();
  const headings: Anchor[] = [];
  const addHeading = (anchor: Anchor): void => {
    headings.push(anchor);
    anchors.push(anchor);
  };
  let tableOfContents: { id: string; offset: number } | undefined;
  for (const { node, index, parent } of nodesOfType(document, 'html', 'heading', 'paragraph', 'footnoteDefinition', 'footnoteReference')) {
    if (node.type !== 'html' && !written(node.position!.start.offset!)) continue;
    if (converterAnchors && node.type !== 'html') {
      const anchor = converterAnchors.anchor(node, node.type === 'heading' ? headingChildren(document, node, scope) : [], runOf(node.position!.start.offset!));
      if (anchor) anchors.push(anchor);
      continue;
    }
    if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') {
      const name = node.label ?? node.identifier;
      const offset = node.position!.start.offset!;
      if (node.type === 'footnoteDefinition') anchors.push({ id: `fn:${name}`, offset, text: '' });
      else {
        const seen = references.get(name) ?? 0;
        references.set(name, seen + 1);
        anchors.push({ id: seen === 0 ? `fnref:${name}` : `fnref:${name}:${seen}`, offset, text: '' });
      }
      continue;
    }
    if (node.type === 'paragraph') {
      if (!tableOfContents && parent.type === 'listItem' && index === parent.children.length - 1 && !isHtmlPage(document.path)) {
        const id = tableOfContentsId(document.maskedText, node, parent as ListItem);
        if (id) tableOfContents = { id, offset: node.position!.start.offset! };
      }
      // kramdown ends a paragraph at a block attribute line and gives the paragraph (or, right
      // after a heading, the heading) its id: either way the page has that id.
      const siblings = parent.children as RootContent[];
      const lastLine = node.position!.end.line - node.position!.start.line;
      for (const { id, line } of paragraphAttributeIds(node)) {
        const takenByHeading = (line === 0 && adjacentHeading(siblings, index, -1)) || (line === lastLine && adjacentHeading(siblings, index, 1));
        if (!takenByHeading) anchors.push({ id, offset: node.position!.start.offset!, text: '' });
      }
      continue;
    }
    if (node.type === 'html') {
      const offset = node.position!.start.offset!;
      const end = node.position!.end.offset!;
      for (const id of sourceIds(document.maskedText.slice(offset, end), document.text.slice(offset, end), (start, stop) => written(offset + start, offset + stop))) anchors.push({ id, offset, text: '' });
      continue;
    }
    if (node.children.length === 0) continue;
    if (parent.type === 'root' && !kramdownHeading(document.text, node)) continue;
    const siblings = parent.children as RootContent[];
    const { text, explicit } = headingText(document, node, scope);
    const ial = blockAttributeId(siblings[index + 1], node.position!.end.line + 1) ?? blockAttributeId(siblings[index - 1], node.position!.start.line - 1);
    const offset = node.position!.start.offset!;
    if (explicit ?? ial) {
      addHeading({ id: (explicit ?? ial)!, offset, text: detached(text) });
      continue;
    }
    const byConverter = inWrapper(offset);
    const run = `${runOf(offset)}${byConverter ? ' converter' : ''}`;
    let seen = counters.get(run);
    if (!seen) counters.set(run, (seen = new Map()));
    // kramdown's `auto_ids: false` writes no id of its own; `auto_id_prefix` goes before each.
    if (!ids.auto) continue;
    const base = byConverter ? basicHeadingId(text) || 'section' : gfmHeadingId(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const id = count === 0 ? base : `${base}-${count}`;
    if (id !== '') addHeading({ id: `${ids.prefix}${id}`, offset, text: detached(text) });
  }
  if (tableOfContents) {
    // kramdown writes the list with the id and each entry's link as `<list id>-<heading id>`. Here every
    // heading has an entry (kramdown leaves out `.no_toc` ones and those outside toc_levels): no link to one is reported wrongly.
    const { id, offset } = tableOfContents;
    if (!anchors.some((anchor) => anchor.id === id)) anchors.push({ id, offset, text: '' });
    for (const heading of headings) anchors.push({ id: `${id}-${heading.id}`, offset, text: heading.text });
  }
  if (converterAnchors) return anchors;
  for (const { id, offset } of spanAttributeIds(document)) if (written(offset)) anchors.push({ id, offset, text: '' });
  // kramdown reads Markdown pages only.
  const terms = isHtmlPage(document.path) ? [] : autoIdTerms(document.maskedText, document.bodyStart).filter((term) => written(term.start));
  termTexts(document, terms, scope).forEach((text, i) => {
    const term = terms[i]!;
    const id = term.id ?? `${term.prefix}${basicHeadingId(text)}`;
    if (id !== '') anchors.push({ id, offset: term.start, text: detached(text.trim()) });
  });
  return anchors;
}

/**
 * The id kramdown gives the list it turns into the page's table of contents: a list whose block
 * attribute list names `toc` (`* TOC` then `{:toc}`) on the line right after its last line, less
 * indented than its item's content (more, it is the item's paragraph's). `markdown-toc` unless
 * the list names an id. Checked with kramdown 2.4.0.
 */
function tableOfContentsId(text: string, paragraph: Paragraph, item: ListItem): string | undefined {
  const end = paragraph.position!.end.offset!;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (lineStart <= paragraph.position!.start.offset!) return undefined;
  const line = text.slice(lineStart, end);
  const list = attributeList.exec(line.trim());
  if (!list || !/(?:^|\s)toc(?=\s|$)/.test(list[1]!.replace(/"[^"]*"|'[^']*'/g, ' '))) return undefined;
  const marker = /^(?:[*+-]|\d{1,9}[.)])(?: {1,4})?/.exec(text.slice(item.position!.start.offset!, item.position!.start.offset! + 16));
  const contentColumn = item.position!.start.column - 1 + (marker?.[0].length ?? 1);
  if (line.length - line.trimStart().length >= contentColumn) return undefined;
  return attributeListId(list[1]!) ?? 'markdown-toc';
}

/**
 * The id of a `{: #id}` line right next to a heading: the first line of the paragraph that starts
 * on the line after it, or the last line of the paragraph that ends on the line before it.
 */
function blockAttributeId(node: RootContent | undefined, line: number): string | undefined {
  if (node?.type !== 'paragraph' || !node.position) return undefined;
  const ids = paragraphAttributeIds(node as Paragraph);
  if (node.position.start.line === line) return ids.find((id) => id.line === 0)?.id;
  if (node.position.end.line === line) return ids.find((id) => id.line === node.position!.end.line - node.position!.start.line)?.id;
  return undefined;
}

/** The `{: … #id …}` lines of a paragraph's plain text, with their line within the paragraph. */
function paragraphAttributeIds(paragraph: Paragraph): { id: string; line: number }[] {
  if (!paragraph.children.some((child) => child.type === 'text' && child.value.includes('{:'))) return [];
  const found: { id: string; line: number }[] = [];
  let line = 0;
  let lineText = '';
  let plain = true;
  const endLine = (): void => {
    const list = plain ? attributeList.exec(lineText.trim()) : null;
    const id = list ? attributeListId(list[1]!) : undefined;
    if (id) found.push({ id, line });
    line++;
    lineText = '';
    plain = true;
  };
  for (const child of paragraph.children) {
    if (child.type === 'break') {
      endLine();
      continue;
    }
    if (child.type !== 'text') {
      plain = false;
      continue;
    }
    const parts = child.value.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) endLine();
      lineText += part;
    });
  }
  endLine();
  return found;
}

/** Inline nodes kramdown reads as span elements, which a `{: #id}` right after them gives an id. */
const spanElements = new Set(['inlineCode', 'emphasis', 'strong', 'delete', 'link', 'image', 'linkReference', 'imageReference']);
const spanAttributeList = /\{:(?![\w-]+:)([^}]*)\}/y;

/** kramdown's span attribute lists: `` `git remote -v`{: #remote} `` gives the code its id (not after plain text or a space). */
function spanAttributeIds(document: Document): { id: string; offset: number }[] {
  const { text } = document;
  // Only a list that names an id matters (most give a class or attributes: `![x](a.png){: .wide}`).
  if (!/[`*_~)\]]\{:[^}\n]*#/.test(text)) return [];
  const found: { id: string; offset: number }[] = [];
  const visit = (node: RootContent): void => {
    if (spanElements.has(node.type) && node.position) {
      spanAttributeList.lastIndex = node.position.end.offset!;
      const list = spanAttributeList.exec(text);
      const id = list ? attributeListId(list[1]!) : undefined;
      if (id) found.push({ id, offset: node.position.start.offset! });
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  for (const child of document.mdast.children) visit(child);
  return found;
}

/**
 * Whether kramdown reads a heading CommonMark reads at the top of a page: a `#` heading only at
 * the line's start, a `===`/`---` one only with one line of text and its underline at the line's
 * start (kramdown 2.4.0 ATX_HEADER_START, SETEXT_HEADER_START); otherwise it is a paragraph.
 */
function kramdownHeading(text: string, heading: Heading): boolean {
  const { start, end } = heading.position!;
  if (text[start.offset!] === '#') return start.column === 1;
  const underline = text.lastIndexOf('\n', end.offset! - 1) + 1;
  return end.line === start.line + 1 && text[underline] !== ' ' && text[underline] !== '\t';
}

/** Whether a heading sits right before (-1) or right after (1) the node, on the adjacent line. */
function adjacentHeading(siblings: readonly RootContent[], index: number, side: -1 | 1): boolean {
  const other = siblings[index + side];
  const node = siblings[index]!;
  if (other?.type !== 'heading') return false;
  return side === -1 ? other.position!.end.line + 1 === node.position!.start.line : node.position!.end.line + 1 === other.position!.start.line;
}

/**
 * The ids jekyll-commonmark's converters write: headings' (CommonMarkGhPages only, each Markdown
 * run numbered apart, as each is a conversion of its own) and, with the FOOTNOTES option,
 * footnotes'. Checked with jekyll-commonmark 1.4.0 and jekyll-commonmark-ghpages on commonmarker 0.23.6.
 */
function commonMarkIds(document: Document, gitHubPages: boolean, options: readonly string[]): ConverterIds {
  const used = new Map<string, Map<string, number>>();
  const html = { unsafe: options.includes('UNSAFE'), smart: options.includes('SMART') };
  return converterIds(document, options.includes('FOOTNOTES'), gitHubPages ? (children, definitions, run) => {
    if (!used.has(run)) used.set(run, new Map());
    return gitHubPagesHeadingId(commonMarkHtml(children, definitions, html), used.get(run)!);
  } : undefined);
}

/**
 * The ids Jekyll 3's Redcarpet converter writes: headings' with the `with_toc_data` extension
 * (redcarpet-ids.ts), footnotes' with `footnotes`. Checked with Redcarpet 3.5.1.
 */
function redcarpetIds(document: Document, extensions: readonly string[]): ConverterIds {
  // Redcarpet escapes `'` too, as a character reference the id skips; its other HTML is commonmarker's, tags and all, which the id skips.
  return converterIds(document, extensions.includes('footnotes'), extensions.includes('with_toc_data') ? (children, definitions) => redcarpetHeadingId(commonMarkHtml(children, definitions, { unsafe: true, smart: false }).replace(/'/g, '&#39;')) : undefined);
}

interface ConverterIds {
  anchor(node: RootContent | FootnoteReference, children: readonly PhrasingContent[], run: string): Anchor | undefined;
}

/**
 * The ids a converter that reads no kramdown syntax writes: headings' as `headingId` makes them
 * (none without it) and, `footnotes` on, footnotes' (`fn1`, `fnref1`…, numbered in the order of
 * their first reference).
 */
function converterIds(document: Document, footnotesOn: boolean, headingId?: (children: readonly PhrasingContent[], definitions: ReadonlyMap<string, Definition>, run: string) => string): ConverterIds {
  const definitions = new Map<string, Definition>();
  for (const { node } of nodesOfType(document, 'definition')) if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  const footnotes = new Map<string, number>();
  if (footnotesOn) {
    const defined = new Set(nodesOfType(document, 'footnoteDefinition').map(({ node }) => node.identifier));
    for (const { node } of nodesOfType(document, 'footnoteReference')) if (defined.has(node.identifier) && !footnotes.has(node.identifier)) footnotes.set(node.identifier, footnotes.size + 1);
  }
  return {
    anchor(node, children, run) {
      const offset = node.position!.start.offset!;
      if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') {
        const number = footnotes.get(node.identifier);
        return number === undefined ? undefined : { id: `${node.type === 'footnoteDefinition' ? 'fn' : 'fnref'}${number}`, offset, text: '' };
      }
      if (node.type !== 'heading' || !headingId) return undefined;
      return { id: headingId(children, definitions, run), offset, text: detached(toString(children)) };
    },
  };
}

/** A heading's content once its Liquid is rendered. */
function headingChildren(document: Document, heading: Heading, scope: RenderScope): readonly PhrasingContent[] {
  if (heading.children.length === 0) return [];
  const first = heading.children[0]!.position!.start.offset!;
  const last = heading.children.at(-1)!.position!.end.offset!;
  if (!document.liquid.tokens.some((t) => t.start < last && t.end > first)) return heading.children;
  const reparsed = parseMarkdown(`# ${renderLiquid(document, first, last, scope)}`).children[0];
  return reparsed?.type === 'heading' ? reparsed.children : [];
}

/** The heading's text as kramdown sees it after Liquid rendered (its raw text), and its explicit `{#id}`. */
function headingText(document: Document, heading: Heading, scope: RenderScope): { text: string; explicit?: string } {
  const first = heading.children[0]!.position!.start.offset!;
  const last = heading.children.at(-1)!.position!.end.offset!;
  if (document.liquid.tokens.some((t) => t.start < last && t.end > first)) {
    const rendered = renderLiquid(document, first, last, scope);
    const match = explicitId.exec(rendered);
    const reparsedSource = `# ${match ? rendered.slice(0, match.index) : rendered}`;
    const reparsed = parseMarkdown(reparsedSource).children[0];
    return { text: reparsed?.type === 'heading' ? phrasingText(reparsed.children, reparsedSource) : '', ...(match ? { explicit: match[1]! } : {}) };
  }
  const source = document.text.slice(first, last);
  const match = explicitId.exec(source);
  if (!match) return { text: phrasingText(heading.children, document.text) };
  // The `{#id}` is the end of the last text node: leave it out of the text.
  const text = phrasingText(heading.children, document.text);
  return { text: text.slice(0, text.length - (source.length - match.index)), explicit: match[1]! };
}

/**
 * Definition terms' texts as kramdown's raw text for their ids: the text of their spans (code
 * included, link targets and images not, typographic dashes dropped), trailing spaces kept. Each
 * term is one line: all are read in one parse, a heading each.
 */
function termTexts(document: Document, terms: readonly AutoIdTerm[], scope: RenderScope): string[] {
  if (terms.length === 0) return [];
  const sources = terms.map((term) => renderLiquid(document, term.start, term.end, scope));
  // A blank line between, so that no paragraph-wide limit sends many short lines to the slower parser.
  const parsed = sources.map((source) => `# ${source}`).join('\n\n');
  const headings = parseMarkdown(parsed).children;
  return sources.map((source, i) => {
    const heading = headings.length === sources.length ? headings[i] : undefined;
    const text = heading?.type === 'heading' ? phrasingText(heading.children, parsed) : source;
    return text + /[ \t]*$/.exec(source)![0].replace(/\t/g, '');
  });
}

/** The source between two offsets with Liquid replaced by what it renders (tags render no text here). */
function renderLiquid(document: Document, from: number, to: number, scope: RenderScope): string {
  let out = '';
  let cursor = from;
  const raw = document.liquid.blocks.filter((b) => b.rawBody);
  for (const token of document.liquid.tokens) {
    if (token.end <= from || token.start >= to) continue;
    if (raw.some((b) => token.start >= b.rawBody!.start && token.end <= b.rawBody!.end)) continue;
    out += document.text.slice(cursor, token.start);
    if (token.kind === 'output') out += renderOutput(token.markup, scope) ?? '';
    cursor = token.end;
  }
  return out + document.text.slice(cursor, to);
}

/** An inline tag: `/` for an end tag, its name, `/` for a self-closing one. */
const inlineTag = /^<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>$/;

/**
 * The text of inline nodes as kramdown's raw text for ids; `written`: the source their positions
 * are in. An end tag with no start tag before it is text to kramdown (`### Fun:</a>` has the id
 * `funa`); other tags are not.
 */
function phrasingText(nodes: readonly PhrasingContent[], written: string, open = new Map<string, number>()): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += withoutTypographicDashes(node.value, node.position ? written.slice(node.position.start.offset, node.position.end.offset) : '');
    else if (node.type === 'inlineCode') text += node.value;
    else if (node.type === 'html') {
      const tag = inlineTag.exec(node.value);
      if (!tag || tag[3]) continue;
      const name = tag[2]!.toLowerCase();
      if (!tag[1]) open.set(name, (open.get(name) ?? 0) + 1);
      else if (open.get(name)) open.set(name, open.get(name)! - 1);
      else text += node.value;
    } else if ('children' in node) text += phrasingText(node.children as PhrasingContent[], written, open);
  }
  return text;
}

/**
 * A text without the dashes kramdown makes typographic (`---` and `--`, taken from the left),
 * which its ids drop; escaped ones (`\-\-`) and character references stay hyphens. `source`: the
 * text as written.
 */
function withoutTypographicDashes(value: string, source: string): string {
  if (!source.includes('\\-') && !source.includes('&#')) return value.replace(/-{2,3}/g, '');
  // Each dash of the source: kept (escaped, a character reference, left over from a run), or typographic.
  const kept: boolean[] = [];
  for (const [token] of source.matchAll(/\\[\s\S]|&#(?:0*45|[xX]0*2[dD]);|-+/g)) {
    if (!token.startsWith('-')) {
      if (token === '\\-' || token.startsWith('&')) kept.push(true);
    } else for (let left = token.length; left > 0; left -= 3) kept.push(...new Array<boolean>(Math.min(left, 3)).fill(left === 1));
  }
  if (kept.length !== value.split('-').length - 1) return value.replace(/-{2,3}/g, '');
  let dash = 0;
  return value.replace(/-/g, () => (kept[dash++] ? '-' : ''));
}
