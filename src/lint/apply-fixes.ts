/** Applies fixes (offset edits) to a text: non-overlapping ones in one pass, the rest wait for the next pass. */
import type { Fix } from '../types.js';

export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const unique = new Map(fixes.map((fix) => [`${fix.start}:${fix.end}:${fix.text}`, fix]));
  const sorted = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  let output = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of sorted) {
    if (fix.start < cursor || fix.start > fix.end || fix.end > text.length) continue;
    output += text.slice(cursor, fix.start) + fix.text;
    cursor = fix.end;
    applied++;
  }
  return { text: output + text.slice(cursor), applied };
}
