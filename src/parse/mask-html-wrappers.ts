/**
 * kramdown parses Markdown inside an HTML block opened with `markdown="1"` (or "block"),
 * CommonMark does not. The wrapper's opening and closing lines are blanked (same length,
 * line breaks kept) so that remark sees the Markdown inside, at its own positions.
 */
const opening = /^[ \t]*<([a-zA-Z][\w-]*)\b[^>]*\smarkdown\s*=\s*["']?(?:1|block)["']?[^>]*>[ \t]*$/;

export function maskMarkdownWrappers(text: string): string {
  if (!text.includes('markdown=')) return text;
  const lines = text.split('\n');
  const open: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = opening.exec(line.replace(/\r$/, ''));
    if (start) {
      open.push(start[1]!.toLowerCase());
      lines[i] = blank(line);
    } else if (open.length > 0 && new RegExp(`^[ \\t]*</${open.at(-1)}>[ \\t]*\\r?$`, 'i').test(line)) {
      open.pop();
      lines[i] = blank(line);
    }
  }
  return lines.join('\n');
}

/** The offsets and text of the `markdown="1"` wrappers' opening lines (their ids are the page's). */
export function markdownWrapperOpenings(text: string): { offset: number; line: string }[] {
  if (!text.includes('markdown=')) return [];
  const found: { offset: number; line: string }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (opening.test(line.replace(/\r$/, ''))) found.push({ offset, line });
    offset += line.length + 1;
  }
  return found;
}

function blank(line: string): string {
  return line.replace(/[^\r]/g, ' ');
}
