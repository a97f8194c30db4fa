/** Parses one source file, once, into the Document every rule reads. */
import type { Root } from 'mdast';
import type { Document } from '../types.js';
import { LineIndex } from '../text/line-index.js';
import { parseFrontMatter, type FrontMatter } from './front-matter.js';
import { parseLiquid } from './liquid-tree.js';
import { parseMarkdown } from './markdown.js';
import { maskLiquid } from './mask-liquid.js';
import { maskMarkdownWrappers } from './mask-html-wrappers.js';
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
  const maskedText = maskMarkdownWrappers(maskLiquid(text, frontMatter, liquid, registry));
  const lines = new LineIndex(text);
  if (isHtmlPage(path)) return { path, text, lines, frontMatter, bodyStart, liquid, maskedText, mdast: htmlTree(maskedText, bodyStart, lines) };
  checkComplexity(maskedText);
  return { path, text, lines, frontMatter, bodyStart, liquid, maskedText, mdast: parseMarkdown(maskedText) };
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
