/**
 * The Markdown tree, as close to kramdown's GFM input (what Jekyll uses) as remark gets:
 * CommonMark plus the two GFM extensions kramdown-parser-gfm has, strikethrough and footnotes.
 * Not GFM tables (kramdown's tables differ; parse/kramdown-tables.ts reads them) and not bare-URL
 * autolinks (kramdown leaves `https://…` and `www.…` as text). Built once, reused for every file.
 */
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function kramdownGfm(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmStrikethrough(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(kramdownGfm).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
