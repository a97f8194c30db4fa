/**
 * kramdown starts an ordered list item only at `1.`; CommonMark also at `1)`. kramdown reads
 * `39) **Step** …` as a paragraph, so four-space-indented lines after it are a code block, where
 * CommonMark sees the item's paragraphs (and links in them). The `)` of such a marker is masked
 * (same length, a no-break space) outside fenced code, so that the parsers see what kramdown does.
 */
import { FenceTracker } from './fences.js';

const parenMarker = /^((?:[ \t]*>)*[ \t]*\d{1,9})\)(?=[ \t\r]|$)/;

export function maskParenListMarkers(text: string): string {
  if (!/\d\)/.test(text)) return text;
  const fences = new FenceTracker();
  let changed = false;
  const lines = text.split('\n').map((line) => {
    if (fences.isCode(line)) return line;
    const marker = parenMarker.exec(line);
    if (!marker) return line;
    changed = true;
    return `${marker[1]}\u00a0${line.slice(marker[0].length)}`;
  });
  return changed ? lines.join('\n') : text;
}
