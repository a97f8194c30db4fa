/**
 * Liquid runs before Markdown, so the Markdown parser must see what Liquid leaves behind,
 * at the same offsets. Each construct is replaced by text of the same UTF-16 length
 * (line breaks kept), so every position in the tree is a position in the original file:
 * - a tag that renders nothing and stands alone on its line (block tags, `assign`) becomes
 *   spaces: Liquid leaves an empty line there, which Markdown reads as a blank line;
 * - every other tag and every `{{ output }}` becomes `x`s: it renders as some text, and
 *   `{{site.baseurl}}/x/` stays one link destination even when written with spaces;
 * - comment bodies and front matter become blank; raw bodies stay as written.
 */
import type { FrontMatter } from './front-matter.js';
import type { LiquidParse } from './liquid-tree.js';
import type { TagRegistry } from './tag-registry.js';

const rendersNothing = new Set(['assign', 'break', 'continue', 'decrement', 'increment']);

export function maskLiquid(text: string, frontMatter: FrontMatter, liquid: LiquidParse, registry: TagRegistry): string {
  const chars = text.split('');
  const blank = (start: number, end: number): void => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const letters = (start: number, end: number): void => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = 'x';
  };

  if (text.startsWith('\uFEFF')) chars[0] = ' ';
  if (frontMatter.kind === 'yaml' || frontMatter.kind === 'non-yaml') blank(frontMatter.start, frontMatter.end);

  for (const block of liquid.blocks) {
    if (block.open.name === 'comment' && block.close) blank(block.open.end, block.close.start);
  }
  const silentTags = new Set<{ start: number; end: number }>();
  for (const block of liquid.blocks) {
    silentTags.add(block.open);
    for (const branch of block.branches) silentTags.add(branch);
    if (block.close) silentTags.add(block.close);
  }
  for (const tag of liquid.tags) {
    const spec = registry.get(tag.name);
    if (spec?.block || rendersNothing.has(tag.name)) silentTags.add(tag);
  }
  for (const tag of silentTags) {
    if (aloneOnLine(text, tag.start, tag.end)) blank(tag.start, tag.end);
    else letters(tag.start, tag.end);
  }
  for (const tag of liquid.tags) if (!silentTags.has(tag)) letters(tag.start, tag.end);
  for (const output of liquid.outputs) letters(output.start, output.end);
  return chars.join('');
}

function aloneOnLine(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') break;
    if (c !== ' ' && c !== '\t') return false;
  }
  for (let i = end; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') break;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}
