/** Parses one source file, once, into the Document every rule reads. */
import type { Html, Root } from 'mdast';
import type { Document } from '../types.js';
import { blankRanges } from '../text/blank-ranges.js';
import { LineIndex } from '../text/line-index.js';
import { parseFrontMatter, type FrontMatter } from './front-matter.js';
import { parseLiquid, type LiquidParse } from './liquid-tree.js';
import { parseMarkdown } from './markdown.js';
import { maskLiquid } from './mask-liquid.js';
import { maskMarkdownWrappers } from './mask-html-wrappers.js';
import { maskParenListMarkers } from './mask-paren-lists.js';
import { checkComplexity } from './parse-budget.js';
import type { TagRegistry } from './tag-registry.js';

/**
 * Throws a ComplexityError for input over the parse budget (parse/parse-budget.ts).
 * `frontMatter`: the same text's front matter when the caller has already parsed it (the site index has). */
export function parseDocument(path: string, text: string, registry: TagRegistry, frontMatter: FrontMatter = parseFrontMatter(text)): Document {
  // Jekyll renders everything after a valid front matter block; with an unclosed block it
  // renders the whole file; a non-YAML block makes it a static file (nothing rendered).
  const bodyStart = frontMatter.kind === 'yaml' || frontMatter.kind === 'non-yaml' ? frontMatter.end : 0;
  const liquid = parseLiquid(text, bodyStart, text.length, registry);
  const lines = new LineIndex(text);
  const masked = maskMarkdownWrappers(maskLiquid(text, frontMatter, liquid, registry));
  if (isHtmlPage(path)) return { path, text, lines, frontMatter, bodyStart, liquid, maskedText: masked, mdast: htmlTree(masked, bodyStart, lines) };
  const maskedText = maskParenListMarkers(masked);
  const paragraphBrackets = checkComplexity(maskedText);
  const bodies = htmlBodies(liquid, registry);
  if (bodies.length === 0) return { path, text, lines, frontMatter, bodyStart, liquid, maskedText, mdast: parseMarkdown(maskedText, paragraphBrackets) };
  // Blanked, the bodies hold nothing for the Markdown parser; each becomes one raw HTML node.
  const mdast = parseMarkdown(blankRanges(maskedText, bodies));
  for (const body of bodies) insertHtmlNode(mdast, body, maskedText, lines);
  return { path, text, lines, frontMatter, bodyStart, liquid, maskedText, mdast };
}

interface Range {
  start: number;
  end: number;
}

/**
 * The text kramdown passes through as HTML: the bodies of blocks whose tag wraps them in block
 * HTML (`body: 'html'`), outermost only, less the blocks inside that convert their own Markdown.
 */
function htmlBodies(liquid: LiquidParse, registry: TagRegistry): Range[] {
  const closed = liquid.blocks.filter((block) => block.close).sort((a, b) => a.open.start - b.open.start);
  const outermost = (ranges: Range[]): Range[] => ranges.filter((range, i) => !ranges.slice(0, i).some((outer) => outer.start <= range.start && range.end <= outer.end));
  const html = outermost(closed.filter((block) => registry.get(block.open.name)?.body === 'html').map((block) => ({ start: block.open.end, end: block.close!.start })));
  const converted = outermost(closed.filter((block) => registry.get(block.open.name)?.ownMarkdown).map((block) => ({ start: block.open.start, end: block.close!.end })));
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

/** A raw HTML node for a body kramdown passes through, in document order among the top-level blocks. */
function insertHtmlNode(mdast: Root, { start, end }: Range, maskedText: string, lines: LineIndex): void {
  const at = (offset: number) => ({ ...lines.position(offset), offset });
  const node: Html = { type: 'html', value: maskedText.slice(start, end), position: { start: at(start), end: at(end) } };
  const index = mdast.children.findIndex((child) => (child.position?.start.offset ?? 0) > start);
  mdast.children.splice(index === -1 ? mdast.children.length : index, 0, node);
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
