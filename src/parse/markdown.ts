/**
 * The Markdown tree, as close to kramdown's GFM input (what Jekyll uses) as remark gets:
 * CommonMark plus the two GFM extensions kramdown-parser-gfm has, strikethrough and footnotes.
 * Not GFM tables (kramdown's tables differ; parse/kramdown-tables.ts reads them) and not bare-URL
 * autolinks (kramdown leaves `https://…` and `www.…` as text). Built once, reused for every file.
 * Most documents are read by @lezer/markdown instead (parse/markdown-lezer.ts), which builds the
 * same tree several times faster and leaves the documents it might read differently to remark.
 */
import type { Root } from 'mdast';
import type { LineIndex } from '../text/line-index.js';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { lezerMarkdownTree } from './markdown-lezer.js';

function kramdownGfm(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmStrikethrough(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(kramdownGfm).freeze();

/**
 * `paragraphBrackets`: the most `[` one paragraph holds, when the caller has counted them; `lines`: the
 * line index of a text with the same line breaks, when the caller has one (see lezerMarkdownTree).
 */
export function parseMarkdown(text: string, paragraphBrackets?: number, lines?: LineIndex): Root {
  return lezerMarkdownTree(text, paragraphBrackets, lines) ?? remarkTree(text);
}

/** The tree remark-parse builds: what parseMarkdown returns, whichever parser read the text. */
export function remarkTree(text: string): Root {
  return processor.parse(text);
}
