/**
 * kramdown starts a paragraph at a line that opens with a span element's tag (`<br>`, `<img …>`,
 * `<span>`, `</em>`); CommonMark, when such a tag stands alone on its line after a blank line,
 * starts an HTML block that takes every line up to the next blank one, Markdown and all. Such a
 * block is read again as the paragraph kramdown makes of it (checked against kramdown 2.4.0:
 * `<br>\n[a](b)` is `<p><br />\n<a href="b">a</a></p>`), or, when the next line opens a heading,
 * list, quote or fence (which end a paragraph in kramdown's GFM input), as the tag's own
 * paragraph and the blocks after it (`<a id="x"/>\n## Title` is a paragraph and an `<h2>`).
 */
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import { isSpanElement } from './kramdown-html.js';
import { remarkTree } from './markdown.js';

const loneTag = / {0,3}<\/?([A-Za-z][\w-]*)(?:\s[^<>]*)?\/?>[ \t]*\r?\n/y;

/** Rereads, in place, the HTML blocks of the tree (outside quotes) that kramdown reads as paragraphs. */
export function rereadSpanLines(tree: Root, maskedText: string, lines: LineIndex): void {
  const budget = { left: maxRereads };
  // Root, lists and list items, walked without recursion: lists nest a thousand deep.
  const parents: Parent[] = [tree];
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    for (const node of parent.children) if (node.type === 'list' || node.type === 'listItem') parents.push(node);
    rereadIn(parent, maskedText, lines, budget);
  }
}

/** Each reread is a parse of its own: a page gets this many, to keep it bounded (real pages have a handful). */
const maxRereads = 500;

function rereadIn(parent: Parent, maskedText: string, lines: LineIndex, budget: { left: number }): void {
  let changed = false;
  const children = parent.children.flatMap((node): RootContent[] => {
    if (node.type !== 'html' || budget.left === 0) return [node];
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    loneTag.lastIndex = start;
    const tag = loneTag.exec(maskedText);
    if (!tag || start + tag[0].length >= end || !isSpanElement(tag[1]!)) return [node];
    const text = maskedText.slice(start, end);
    const rest = text.slice(tag[0].length);
    let reread: RootContent[];
    if (endsParagraph.test(rest)) {
      // A heading, list, quote or fence on the next line ends kramdown's paragraph: the tag is one of its own, the rest blocks.
      const line = text.slice(0, tag[0].length).replace(/\r?\n$/, '');
      const tagStart = line.length - line.trimStart().length;
      const html: RootContent = { type: 'html', value: line.trim(), position: span(start + tagStart, start + line.trimEnd().length, lines) };
      reread = [{ type: 'paragraph', children: [html as PhrasingContent], position: html.position }];
      const blocks = remarkTree(rest).children as RootContent[];
      for (const child of blocks) reposition(child, start + tag[0].length, lines);
      reread.push(...blocks);
    } else {
      // Joined to the line after it, the tag no longer stands alone: the same text, one paragraph.
      // remark reads these few lines: a small text through the page parser's tree builder leaves it slower for the run's other pages.
      reread = remarkTree(`${text.slice(0, tag[0].length - 1)} ${rest}`).children as RootContent[];
      for (const child of reread) reposition(child, start, lines);
    }
    changed = true;
    budget.left--;
    return reread;
  });
  if (changed) parent.children = children as Parent['children'];
}

/** kramdown's paragraph ends (GFM's PARAGRAPH_END) at a line that opens a heading, list, quote or fence. */
const endsParagraph = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|[*+-][ \t]|\d+\.[ \t]|`{3,}|~{3,})/;

function span(from: number, to: number, lines: LineIndex): NonNullable<RootContent['position']> {
  return { start: lines.point(from), end: lines.point(to) };
}

/** Positions in the page for a subtree parsed from the text at `base` (walked without recursion). */
function reposition(root: RootContent, base: number, lines: LineIndex): void {
  const at = (offset: number) => lines.point(base + offset);
  const nodes: RootContent[] = [root];
  for (let node = nodes.pop(); node; node = nodes.pop()) {
    if (node.position) node.position = { start: at(node.position.start.offset!), end: at(node.position.end.offset!) };
    if ('children' in node) for (const child of node.children as RootContent[]) nodes.push(child);
  }
}
