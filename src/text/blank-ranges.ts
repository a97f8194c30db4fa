/** Text ranges (sorted, not overlapping) replaced by spaces of the same length, line breaks kept, so every offset stays where it was. */
export function blankRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  let out = '';
  let from = 0;
  for (const { start, end } of ranges) {
    out += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return out + text.slice(from);
}
