/** Parses one source file, once, into the Document every rule reads. */
import type { Html, Parent, Root } from 'mdast';
import type { Document } from '../types.js';
import { blankRanges } from '../text/blank-ranges.js';
import { LineIndex } from '../text/line-index.js';
import { parseFrontMatter, type FrontMatter } from './front-matter.js';
import { parseLiquid, type LiquidBlock } from './liquid-tree.js';
import { parseMarkdown } from './markdown.js';
import { maskLiquid } from './mask-liquid.js';
import { kramdownBlocks, type KramdownBlocks, type Range } from './kramdown-html-blocks.js';
import { markdownWrappers, maskMarkdownWrappers, type MarkdownWrapper } from './mask-html-wrappers.js';
import { maskParenListMarkers } from './mask-paren-lists.js';
import { keepUnreadFences, maskKramdownFences, strippedLineBreaks } from './kramdown-fences.js';
import { rereadSpanLines } from './kramdown-span-lines.js';
import { checkComplexity } from './parse-budget.js';
import type { TagRegistry } from './tag-registry.js';

/** How the site's Markdown converter reads a page (JekyllConfig.markdownReading). */
export interface MarkdownReading {
  /** kramdown's syntax: its code fences, `markdown="1"` elements, no `1)` list items; otherwise CommonMark's alone (jekyll-commonmark). */
  kramdown: boolean;
  /** Markdown inside block HTML elements stays text, as kramdown leaves it by default. */
  rawBlockHtml: boolean;
  /** What the site's own converters replace in a page before the Markdown converter reads it, in order (site/markdown-rewrites.ts). */
  rewrites?: readonly MarkdownRewrite[];
  /** The includes (as include tags name them) whose text ends without a line break: one alone on its line leaves no blank line (mask-liquid.ts). */
  openIncludes?: readonly string[];
}

/** A literal replacement a site's `Converter` plugin makes in the pages of some extensions (`"```scala mdoc\n"` -> `"```scala\n"`), keeping their lines. */
export interface MarkdownRewrite {
  /** The file extensions it converts (`.md`), compared without case when `ignoreCase`. */
  extensions: readonly string[];
  ignoreCase: boolean;
  from: string;
  to: string;
}

/** Jekyll's default: kramdown, block HTML raw. */
export const kramdownReading: MarkdownReading = { kramdown: true, rawBlockHtml: true };

/** A layout's or include's text as Jekyll reads it: a layout's front matter is read, an include's text is written whole. */
export function parseTemplate(path: string, text: string, registry: TagRegistry, kind: 'layout' | 'include', reading: MarkdownReading): Document {
  // Liquid alone renders a layout or an include (an `.md` layout too): kramdown never reads it.
  return parseDocument(path, text, registry, kind === 'layout' ? parseFrontMatter(text) : { kind: 'none' }, reading, false);
}

/**
 * Throws a ComplexityError for input over the parse budget (parse/parse-budget.ts).
 * `frontMatter`: the same text's front matter when the caller has already parsed it (the site index has).
 */
export function parseDocument(path: string, text: string, registry: TagRegistry, frontMatter: FrontMatter = parseFrontMatter(text), reading: MarkdownReading = kramdownReading, markdown = !isHtmlPage(path)): Document {
  // Jekyll renders everything after a valid front matter block; with an unclosed block it
  // renders the whole file; a non-YAML block makes it a static file (nothing rendered).
  const bodyStart = frontMatter.kind === 'yaml' || frontMatter.kind === 'non-yaml' ? frontMatter.end : 0;
  const liquid = parseLiquid(text, bodyStart, text.length, registry);
  const lines = new LineIndex(text);
  const liquidMasked = maskLiquid(text, frontMatter, liquid, registry, reading.openIncludes);
  // kramdown reads a Markdown page's code fences its own way (see parse/kramdown-fences.ts).
  const fences = markdown && reading.kramdown ? maskKramdownFences(liquidMasked, bodyStart, strippedLineBreaks(text, liquid), reading.rawBlockHtml) : undefined;
  const fenced = fences?.masked ?? liquidMasked;
  const wrappers = reading.kramdown ? markdownWrappers(fenced) : [];
  const masked = maskMarkdownWrappers(fenced, wrappers);
  if (!markdown) return { path, text, lines, frontMatter, bodyStart, liquid, maskedText: masked, mdast: htmlTree(masked, bodyStart, lines) };
  const maskedText = reading.kramdown ? maskParenListMarkers(masked) : masked;
  const paragraphBrackets = checkComplexity(maskedText);
  const closed = liquid.blocks.filter((block) => block.close).sort((a, b) => a.open.start - b.open.start);
  const ownRuns = closed.filter((block) => registry.get(block.open.name)?.ownMarkdown).map((block) => ({ start: block.open.start, end: block.close!.end }));
  const kramdown: KramdownBlocks = reading.rawBlockHtml ? kramdownBlocks(maskedText, bodyStart, ownRuns) : { raw: [], dropped: [], comments: [] };
  const bodies = htmlBodies(closed, ownRuns, registry, kramdown.raw, wrappers);
  // Blanked, the bodies hold nothing for the Markdown parser; each becomes one raw HTML node.
  const dropped = kramdown.dropped.filter((range) => !bodies.some((body) => body.start < range.end && range.start < body.end));
  const blanked = [...bodies, ...dropped].sort((a, b) => a.start - b.start);
  // Blanking splits paragraphs and never joins them: the masked text's count of brackets bounds the blanked one's.
  // Masking and blanking keep every line break: the page's line index serves the parser too.
  const mdast = parseMarkdown(blanked.length === 0 ? maskedText : blankRanges(maskedText, blanked), paragraphBrackets, lines);
  if (reading.rawBlockHtml) rereadSpanLines(mdast, maskedText, lines);
  insertHtmlNodes(mdast, bodies, maskedText, lines);
  const document = { path, text, lines, frontMatter, bodyStart, liquid, maskedText, mdast };
  // The code-fence rule reports what the parse read.
  if (fences) keepUnreadFences(document, fences.unread);
  return document;
}

/**
 * The text kramdown passes through as HTML: the bodies of Liquid blocks whose tag wraps them in
 * block HTML (`body: 'html'`) and the block HTML elements it reads raw (those a Liquid block's
 * tags do not cut across: which branch renders decides what kramdown gets), outermost only, less
 * what inside them is Markdown after all: the blocks that convert their own Markdown (a
 * `{% capture %}` written out through `markdownify`) and `markdown="1"` elements.
 */
function htmlBodies(closed: readonly LiquidBlock[], ownRuns: readonly Range[], registry: TagRegistry, blockHtml: readonly Range[], wrappers: readonly MarkdownWrapper[]): Range[] {
  const liquidHtml = closed.filter((block) => registry.get(block.open.name)?.body === 'html').map((block) => ({ start: block.open.end, end: block.close!.start }));
  const html = outermost([...liquidHtml, ...uncutByLiquid(blockHtml, closed)]);
  if (html.length === 0) return html;
  const converted = outermost([...ownRuns, ...wrappers.map((wrapper) => ({ start: wrapper.offset, end: wrapper.end }))]);
  // Both lists are in order: each body takes the converted ranges that start in it, once.
  let next = 0;
  return html.flatMap((body) => {
    const segments: Range[] = [];
    let from = body.start;
    while (next < converted.length && converted[next]!.start < body.start) next++;
    for (; next < converted.length && converted[next]!.start < body.end; next++) {
      const inner = converted[next]!;
      if (inner.end > body.end) continue;
      segments.push({ start: from, end: inner.start });
      from = inner.end;
    }
    segments.push({ start: from, end: body.end });
    return segments.filter((segment) => segment.end > segment.start);
  });
}

/** The ranges no other range holds, in order. */
function outermost(ranges: Range[]): Range[] {
  const kept: Range[] = [];
  let reach = -1;
  for (const range of ranges.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (range.end <= reach) continue;
    kept.push(range);
    reach = range.end;
  }
  return kept;
}

/**
 * The ranges (in order, apart) that no Liquid block's tags cut across: some of its tags (open,
 * branches, end) inside the range and some not.
 */
function uncutByLiquid(ranges: readonly Range[], closed: readonly LiquidBlock[]): Range[] {
  if (ranges.length === 0 || closed.length === 0) return [...ranges];
  const tags = closed.flatMap((block, id) => [block.open, ...block.branches, block.close!].map((tag) => ({ id, start: tag.start, end: tag.end }))).sort((a, b) => a.start - b.start);
  const tagCount = closed.map((block) => block.branches.length + 2);
  let next = 0;
  return ranges.filter((range) => {
    while (next < tags.length && tags[next]!.start < range.start) next++;
    const inside = new Map<number, number>();
    for (let i = next; i < tags.length && tags[i]!.start < range.end; i++) if (tags[i]!.end <= range.end) inside.set(tags[i]!.id, (inside.get(tags[i]!.id) ?? 0) + 1);
    return [...inside].every(([id, count]) => count === tagCount[id]);
  });
}

const containers = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };
const startOf = (node: Positioned): number => node.position?.start.offset ?? 0;

/** The last child that starts at or before `offset` (children are in order), when it holds [offset, end]. */
function childHolding(parent: Parent, offset: number, end: number): Parent | undefined {
  let low = 0;
  let high = parent.children.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (startOf(parent.children[middle]!) <= offset) low = middle;
    else high = middle - 1;
  }
  const child = parent.children[low] as Positioned | undefined;
  return child && startOf(child) <= offset && end <= (child.position?.end.offset ?? 0) && 'children' in child ? (child as Parent) : undefined;
}

/** Raw HTML nodes for the bodies kramdown passes through (in order), each in the innermost quote, list item or note that holds it, in document order. */
function insertHtmlNodes(mdast: Root, bodies: readonly Range[], maskedText: string, lines: LineIndex): void {
  const at = (offset: number) => lines.point(offset);
  const added = new Map<Parent, Html[]>();
  for (const { start, end } of bodies) {
    let parent: Parent = mdast;
    for (let inner = childHolding(parent, start, end); inner; inner = childHolding(parent, start, end)) {
      const item = inner.type === 'list' ? childHolding(inner, start, end) : inner;
      if (!item || !containers.has(item.type)) break;
      parent = item;
    }
    const nodes = added.get(parent) ?? [];
    nodes.push({ type: 'html', value: maskedText.slice(start, end), position: { start: at(start), end: at(end) } });
    added.set(parent, nodes);
  }
  for (const [parent, nodes] of added) {
    const merged: Parent['children'] = [];
    let next = 0;
    for (const child of parent.children) {
      while (next < nodes.length && startOf(nodes[next]!) < startOf(child)) merged.push(nodes[next++]! as never);
      merged.push(child);
    }
    while (next < nodes.length) merged.push(nodes[next++]! as never);
    parent.children = merged;
  }
}

/** An `.html` page: Jekyll renders its Liquid and no Markdown. */
export function isHtmlPage(path: string): boolean {
  return /\.html?$/i.test(path);
}

/** The tree of an HTML page: its body as one raw HTML node (links and ids are read from it; no Markdown constructs). */
function htmlTree(maskedText: string, bodyStart: number, lines: LineIndex): Root {
  const at = (offset: number) => lines.point(offset);
  const body = maskedText.slice(bodyStart);
  return { type: 'root', children: body.trim() === '' ? [] : [{ type: 'html', value: body, position: { start: at(bodyStart), end: at(maskedText.length) } }] };
}
