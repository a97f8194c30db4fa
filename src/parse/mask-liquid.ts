/**
 * Liquid runs before Markdown, so the Markdown parser must see what Liquid leaves behind,
 * at the same offsets. Each construct is replaced by text of the same UTF-16 length
 * (line breaks kept), so every position in the tree is a position in the original file:
 * - a tag that renders nothing (block tags, `assign`) with only such tags after it on its line
 *   becomes spaces: Liquid leaves nothing there (a table row's `|{% endfor %}` ends at the `|`),
 *   and an empty line where nothing comes before it either, which Markdown reads as a blank
 *   line. So does an include alone on its line: the file's last line break and the line's own
 *   end the text it writes with a blank line (what follows it starts a block: link definitions
 *   after `{% include refs.md %}` are definitions), unless the file ends without a line break;
 * - every other tag and every `{{ output }}` becomes `x`s: it renders as some text, and
 *   `{{site.baseurl}}/x/` stays one link destination even when written with spaces;
 * - comment bodies, code bodies (`highlight`: code in HTML Jekyll writes itself) and front
 *   matter become blank; raw bodies stay as written.
 */
import type { FrontMatter } from './front-matter.js';
import type { LiquidParse } from './liquid-tree.js';
import type { TagRegistry } from './tag-registry.js';

// `increment` and `decrement` print the counter's value.
const rendersNothing = new Set(['assign', 'break', 'continue']);
const endsInLineBreak = new Set(['include', 'include_relative', 'include_cached']);

const keep = 0;
const spaces = 1;
const letters = 2;

export function maskLiquid(text: string, frontMatter: FrontMatter, liquid: LiquidParse, registry: TagRegistry, openIncludes: readonly string[] = []): string {
  // What each UTF-16 unit becomes; a later range overrides an earlier one.
  const masks = maskBuffer(text.length);
  const mask = (start: number, end: number, kind: number): void => void masks.fill(kind, start, end);

  if (text.startsWith('\uFEFF')) mask(0, 1, spaces);
  if (frontMatter.kind === 'yaml' || frontMatter.kind === 'non-yaml') mask(frontMatter.start, frontMatter.end, spaces);

  for (const block of liquid.blocks) {
    // A code body becomes the tag's own HTML (highlight's <figure><pre>) before kramdown runs: it is code, not Markdown.
    if ((block.open.name === 'comment' || block.writesCode) && block.close) mask(block.open.end, block.close.start, spaces);
  }
  const silentTags = new Set<{ start: number; end: number }>();
  for (const block of liquid.blocks) {
    silentTags.add(block.open);
    for (const branch of block.branches) silentTags.add(branch);
    if (block.close) silentTags.add(block.close);
  }
  for (const tag of liquid.tags) {
    const spec = registry.get(tag.name);
    // An include alone on its line writes the file's lines, whose last line break and the tag's own make a blank line (unless the file ends without one).
    const blankAfter = endsInLineBreak.has(tag.name) && !(tag.name !== 'include_relative' && openIncludes.includes(/^\s*(\S+)/.exec(tag.markup)?.[1] ?? ''));
    if (spec?.block || rendersNothing.has(tag.name) || blankAfter) silentTags.add(tag);
  }
  const silentStarts = new Map([...silentTags].map((tag) => [tag.start, tag.end]));
  for (const tag of silentTags) mask(tag.start, tag.end, silentToLineEnd(text, tag, silentStarts) ? spaces : letters);
  for (const tag of liquid.tags) if (!silentTags.has(tag)) mask(tag.start, tag.end, letters);
  for (const output of liquid.outputs) mask(output.start, output.end, letters);
  return applyMasks(text, masks);
}

/**
 * One buffer for every page up to 1 MiB, grown as needed: a typed array of each page's size would
 * be an allocation outside the heap for each page. A larger page gets its own, not kept.
 */
let buffer = new Uint8Array(1 << 16);
const sharedBufferLimit = 1 << 20;

function maskBuffer(length: number): Uint8Array {
  if (length > sharedBufferLimit) return new Uint8Array(length);
  if (buffer.length < length) buffer = new Uint8Array(Math.min(sharedBufferLimit, Math.max(length, 2 * buffer.length)));
  const masks = buffer.subarray(0, length);
  masks.fill(keep);
  return masks;
}

/** The text with each masked run's characters replaced, line breaks kept. */
function applyMasks(text: string, masks: Uint8Array): string {
  // Unmasked runs are most of the text: their ends are found by the typed array's own search
  // (each kind's next place remembered until passed), not unit by unit.
  const next = [0, -1, -1];
  const nextOf = (kind: number, from: number): number => {
    if (next[kind]! < from) {
      const found = masks.indexOf(kind, from);
      next[kind] = found === -1 ? text.length : found;
    }
    return next[kind]!;
  };
  let masked = '';
  let runStart = 0;
  while (runStart < text.length) {
    const kind = masks[runStart]!;
    let runEnd = runStart + 1;
    if (kind === keep) runEnd = Math.min(nextOf(spaces, runStart), nextOf(letters, runStart));
    else while (runEnd < text.length && masks[runEnd] === kind) runEnd++;
    const run = text.slice(runStart, runEnd);
    masked += kind === keep ? run : run.replace(/[^\r\n]/g, kind === spaces ? ' ' : 'x');
    runStart = runEnd;
  }
  return masked;
}

/**
 * Whether nothing but blanks and other tags that render nothing follow the tag on its line
 * (`{% endcapture %}{% for issue in issues %}`, a table row's `|{% endfor %}`): Liquid leaves
 * nothing there, an empty line where nothing comes before it either.
 */
function silentToLineEnd(text: string, tag: { start: number; end: number }, silentStarts: ReadonlyMap<number, number>): boolean {
  for (let i = tag.end; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') break;
    if (c === ' ' || c === '\t') continue;
    const end = silentStarts.get(i);
    if (end === undefined) return false;
    i = end - 1;
  }
  return true;
}
