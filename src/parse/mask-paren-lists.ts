/**
 * kramdown starts an ordered list item only at `1.`; CommonMark also at `1)`. kramdown reads
 * `39) **Step** …` as a paragraph, so four-space-indented lines after it are a code block, where
 * CommonMark sees the item's paragraphs (and links in them). The `)` of such a marker is masked
 * (same length, a no-break space) outside fenced code, so that the parsers see what kramdown does.
 */
const parenMarker = /^((?:[ \t]*>)*[ \t]*\d{1,9})\)(?=[ \t\r]|$)/;
const fence = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})/;

export function maskParenListMarkers(text: string): string {
  if (!/\d\)/.test(text)) return text;
  let inFence: string | undefined;
  let changed = false;
  const lines = text.split('\n').map((line) => {
    const opened = fence.exec(line)?.[1];
    if (opened && (inFence === undefined || (opened[0] === inFence[0] && opened.length >= inFence.length))) {
      inFence = inFence === undefined ? opened : undefined;
      return line;
    }
    if (inFence !== undefined) return line;
    const marker = parenMarker.exec(line);
    if (!marker) return line;
    changed = true;
    return `${marker[1]}\u00a0${line.slice(marker[0].length)}`;
  });
  return changed ? lines.join('\n') : text;
}
