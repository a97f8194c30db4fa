/**
 * kramdown parses Markdown inside an HTML block opened with `markdown="1"` (or "block"),
 * CommonMark does not. The wrapper's opening and closing lines are blanked (same length,
 * line breaks kept) so that remark sees the Markdown inside, at its own positions.
 */
import { blankRanges } from '../text/blank-ranges.js';
import { FenceTracker } from './fences.js';

const opening = /^[ \t]*<([a-zA-Z][\w-]*)\b[^>]*\smarkdown\s*=\s*["']?(?:1|block)["']?[^>]*>[ \t]*$/;

export interface MarkdownWrapper {
  /** Where the opening line starts, and its text (its ids are the page's). */
  offset: number;
  line: string;
  /** Where the closing line starts, when there is one. */
  closing?: number;
  /** Where the closing line ends (the text's end when it is never closed). */
  end: number;
}

/**
 * The `markdown="1"` wrappers, from their opening line to their closing line, outermost first.
 * Elements of the wrapper's name opened and closed inside it (a raw `<div>` in a wrapping
 * `<div markdown="1">`) are counted, so that their end tags do not end the wrapper.
 */
export function markdownWrappers(text: string): MarkdownWrapper[] {
  if (!text.includes('markdown=')) return [];
  const found: MarkdownWrapper[] = [];
  const open: { name: string; wrapper: MarkdownWrapper; depth: number }[] = [];
  const fences = new FenceTracker();
  let offset = 0;
  for (const line of text.split('\n')) {
    const code = fences.isCode(line);
    const start = code ? null : opening.exec(line.replace(/\r$/, ''));
    const innermost = open.at(-1);
    if (start) {
      const wrapper: MarkdownWrapper = { offset, line, end: text.length };
      found.push(wrapper);
      open.push({ name: start[1]!.toLowerCase(), wrapper, depth: 0 });
    } else if (innermost && !code) {
      if (innermost.depth === 0 && tagsOf(innermost.name).closingLine.test(line)) {
        open.pop();
        innermost.wrapper.closing = offset;
        innermost.wrapper.end = offset + line.length;
      } else if (line.includes('<')) {
        // Only the innermost wrapper's count matters: it must close (at depth 0) before an outer one can.
        const outsideCode = line.replace(/`+[^`]*`+/g, '');
        const { opens, closes } = tagsOf(innermost.name);
        innermost.depth = Math.max(0, innermost.depth + count(outsideCode, opens) - count(outsideCode, closes));
      }
    }
    offset += line.length + 1;
  }
  return found;
}

const count = (text: string, pattern: RegExp): number => [...text.matchAll(pattern)].length;

const tagPatterns = new Map<string, { closingLine: RegExp; opens: RegExp; closes: RegExp }>();
/** An element name's patterns: its end tag alone on a line, its start tags (not self-closed), its end tags. */
function tagsOf(name: string): { closingLine: RegExp; opens: RegExp; closes: RegExp } {
  let patterns = tagPatterns.get(name);
  if (!patterns) {
    if (tagPatterns.size >= 256) tagPatterns.clear();
    patterns = { closingLine: new RegExp(`^[ \\t]*</${name}>[ \\t]*\\r?$`, 'i'), opens: new RegExp(`<${name}(?=[\\s>])[^>]*(?<!/)>`, 'gi'), closes: new RegExp(`</${name}\\s*>`, 'gi') };
    tagPatterns.set(name, patterns);
  }
  return patterns;
}

/** The text with the wrappers' opening and closing lines blanked. */
export function maskMarkdownWrappers(text: string, wrappers: readonly MarkdownWrapper[]): string {
  if (wrappers.length === 0) return text;
  const lines: { start: number; end: number }[] = [];
  for (const wrapper of wrappers) {
    lines.push({ start: wrapper.offset, end: wrapper.offset + wrapper.line.length });
    if (wrapper.closing !== undefined) lines.push({ start: wrapper.closing, end: wrapper.end });
  }
  return blankRanges(text, lines.sort((a, b) => a.start - b.start));
}
