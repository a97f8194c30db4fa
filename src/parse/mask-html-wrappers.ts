/**
 * kramdown parses Markdown inside an HTML block opened with `markdown="1"` (or "block"),
 * CommonMark does not. The wrapper's opening and closing lines are blanked (same length,
 * line breaks kept) so that remark sees the Markdown inside, at its own positions.
 */
import { blankRanges } from '../text/blank-ranges.js';

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

/** The `markdown="1"` wrappers, from their opening line to their closing line, outermost first. */
export function markdownWrappers(text: string): MarkdownWrapper[] {
  if (!text.includes('markdown=')) return [];
  const found: MarkdownWrapper[] = [];
  const open: { name: string; wrapper: MarkdownWrapper }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = opening.exec(line.replace(/\r$/, ''));
    if (start) {
      const wrapper: MarkdownWrapper = { offset, line, end: text.length };
      found.push(wrapper);
      open.push({ name: start[1]!.toLowerCase(), wrapper });
    } else if (open.length > 0 && new RegExp(`^[ \\t]*</${open.at(-1)!.name}>[ \\t]*\\r?$`, 'i').test(line)) {
      const { wrapper } = open.pop()!;
      wrapper.closing = offset;
      wrapper.end = offset + line.length;
    }
    offset += line.length + 1;
  }
  return found;
}

export function maskMarkdownWrappers(text: string): string {
  const wrappers = markdownWrappers(text);
  if (wrappers.length === 0) return text;
  const lines: { start: number; end: number }[] = [];
  for (const wrapper of wrappers) {
    lines.push({ start: wrapper.offset, end: wrapper.offset + wrapper.line.length });
    if (wrapper.closing !== undefined) lines.push({ start: wrapper.closing, end: wrapper.end });
  }
  return blankRanges(text, lines.sort((a, b) => a.start - b.start));
}
