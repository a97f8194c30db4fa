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
import { markdownWrappers, maskMarkdownWrappers } from './mask-html-wrappers.js';
import { maskParenListMarkers } from './mask-paren-lists.js';
import { rereadSpanLines } from './kramdown-span-lines.js';
import { checkComplexity } from './parse-budget.js';
import type { TagRegistry } from './tag-registry.js';

/**
 * Throws a ComplexityError for input over the parse budget (parse/parse-budget.ts).
 * `frontMatter`: the same text's front matter when the caller has already parsed it (the site index has).
 * `rawBlockHtml`: Markdown inside block HTML elements stays text, as kramdown leaves it by default (JekyllConfig.rawBlockHtml). */
export function parseDocument(path: string, text: string, registry: TagRegistry, frontMatter: FrontMatter = parseFrontMatter(text), rawBlockHtml = true): Document {
  // Jekyll renders everything after a valid front matter block; with an unclosed block it
  // renders the whole file; a non-YAML block makes it a static file (nothing rendered).
  const bodyStart = frontMatter.kind === 'yaml' || frontMatter.kind === 'non-yaml' ? frontMatter.end : 0;
  const liquid = parseLiquid(text, bodyStart, text.length, registry);
  const lines = new LineIndex(text);
  const masked = maskMarkdownWrappers(maskLiquid(text, frontMatter, liquid, registry));
  if (isHtmlPage(path)) return { path, text, lines, frontMatter, bodyStart, liquid, maskedText: masked, mdast: htmlTree(masked, bodyStart, lines) };
  const maskedText = maskParenListMarkers(masked);
  const paragraphBrackets = checkComplexity(maskedText);
  const closed = liquid.blocks.filter((block) => block.close).sort((a, b) => a.open.start - b.open.start);
  const ownRuns = closed.filter((block) => registry.get(block.open.name)?.ownMarkdown).map((block) => ({ start: block.open.start, end: block.close!.end }));
  const kramdown: KramdownBlocks = rawBlockHtml ? kramdownBlocks(maskedText, bodyStart, ownRuns) : { raw: [], dropped: [] };
  const bodies = htmlBodies(closed, ownRuns, registry, kramdown.raw, text);
  // Blanked, the bodies hold nothing for the Markdown parser; each becomes one raw HTML node.
  const dropped = kramdown.dropped.filter((range) => !bodies.some((body) => body.start < range.end && range.start < body.end));
  const blanked = [...bodies, ...dropped].sort((a, b) => a.start - b.start);
  // Blanking splits paragraphs and never joins them: the masked text's count of brackets bounds the blanked one's.
  const mdast = parseMarkdown(blanked.length === 0 ? maskedText : blankRanges(maskedText, blanked), paragraphBrackets);
  if (rawBlockHtml) rereadSpanLines(mdast, maskedText, lines);
  for (const body of bodies) insertHtmlNode(mdast, body, maskedText, lines);
  return { path, text, lines, frontMatter, bodyStart, liquid, maskedText, mdast };
}

/**
 * The text kramdown passes through as HTML: the bodies of Liquid blocks whose tag wraps them in
 * block HTML (`body: 'html'`) and the block HTML elements it reads raw (those a Liquid block's
 * tags do not cut across: which branch renders decides what kramdown gets), outermost only, less
 * what inside them is Markdown after all: the blocks that convert their own Markdown (a
 * `{% capture %}` written out through `markdownify`) and `markdown="1"` elements.
 */
function htmlBodies(closed: readonly LiquidBlock[], ownRuns: readonly Range[], registry: TagRegistry, blockHtml: readonly Range[], text: string): Range[] {
  const byStart = (a: Range, b: Range): number => a.start - b.start || b.end - a.end;
  const outermost = (ranges: Range[]): Range[] => ranges.filter((range, i) => !ranges.slice(0, i).some((outer) => outer.start <= range.start && range.end <= outer.end));
  const liquidHtml = closed.filter((block) => registry.get(block.open.name)?.body === 'html').map((block) => ({ start: block.open.end, end: block.close!.start }));
  const uncut = blockHtml.filter((range) => !closed.some((block) => cutsAcross(block, range)));
  const html = outermost([...liquidHtml, ...uncut].sort(byStart));
  if (html.length === 0) return html;
  const wrappers = blockHtml.length > 0 ? markdownWrappers(text).map((wrapper) => ({ start: wrapper.offset, end: wrapper.end })) : [];
  const converted = outermost([...ownRuns, ...wrappers].sort(byStart));
  return html.flatMap((body) => {
    const segments: Range[] = [];
    let from = body.start;
    for (const inner of converted) {
      if (inner.start < body.start || inner.end > body.end) continue;
      segments.push({ start: from, end: inner.start });
      from = inner.end;
    }
    segments.push({ start: from, end: body.end });
    return segments.filter((segment) => segment.end > segment.start);
  });
}

/** Whether some of the block's tags (open, branches, end) are inside the range and some are not. */
function cutsAcross(block: LiquidBlock, range: Range): boolean {
  const tags = [block.open, ...block.branches, block.close!];
  const inside = tags.filter((tag) => tag.start >= range.start && tag.end <= range.end).length;
  return inside > 0 && inside < tags.length;
}

const containers = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** A raw HTML node for a body kramdown passes through, in document order, in the innermost quote, list item or note that holds it. */
function insertHtmlNode(mdast: Root, { start, end }: Range, maskedText: string, lines: LineIndex): void {
  const at = (offset: number) => ({ ...lines.position(offset), offset });
  const node: Html = { type: 'html', value: maskedText.slice(start, end), position: { start: at(start), end: at(end) } };
  const holds = (child: { position?: { start: { offset?: number }; end: { offset?: number } } }): boolean => (child.position?.start.offset ?? 0) <= start && end <= (child.position?.end.offset ?? 0);
  let parent: Parent = mdast;
  for (;;) {
    const list = parent.children.find((child) => child.type === 'list' && holds(child)) as Parent | undefined;
    const inner = (list ?? parent).children.find((child) => containers.has(child.type) && holds(child)) as Parent | undefined;
    if (!inner) break;
    parent = inner;
  }
  const index = parent.children.findIndex((child) => (child.position?.start.offset ?? 0) > start);
  parent.children.splice(index === -1 ? parent.children.length : index, 0, node as never);
}

/** An `.html` page: Jekyll renders its Liquid and no Markdown. */
export function isHtmlPage(path: string): boolean {
  return /\.html?$/i.test(path);
}

/** The tree of an HTML page: its body as one raw HTML node (links and ids are read from it; no Markdown constructs). */
function htmlTree(maskedText: string, bodyStart: number, lines: LineIndex): Root {
  const at = (offset: number) => ({ ...lines.position(offset), offset });
  const body = maskedText.slice(bodyStart);
  return { type: 'root', children: body.trim() === '' ? [] : [{ type: 'html', value: body, position: { start: at(bodyStart), end: at(maskedText.length) } }] };
}
