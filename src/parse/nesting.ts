/**
 * A bound on how deeply block quotes and lists nest, checked before Markdown parsing: micromark
 * takes time quadratic in the depth (10,000 nested bullets on one line: 38 s) and a deep tree
 * overflows the stack of whatever walks it, at a depth that depends on the thread's stack size.
 * Real documents nest a handful of levels; beyond the bound the file is reported, not parsed.
 */
export const maxNesting = 1000;

export class NestingError extends RangeError {
  constructor(
    readonly line: number,
    readonly depth: number,
  ) {
    super(`line ${line} opens ${depth} nested block quotes or lists (more than ${maxNesting})`);
  }
}

const space = 0x20;
const tab = 0x09;

/** Throws a NestingError at the first line whose container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) nest deeper than maxNesting. */
export function checkNesting(text: string): void {
  let line = 1;
  let i = 0;
  while (i < text.length) {
    let depth = 0;
    for (;;) {
      let j = i;
      while (j - i < 3 && text.charCodeAt(j) === space) j++;
      const code = text.charCodeAt(j);
      let end = -1;
      if (code === 0x3e /* > */) end = j + 1;
      else if (code === 0x2d || code === 0x2a || code === 0x2b) end = j + 1;
      else if (code >= 0x30 && code <= 0x39) {
        let k = j;
        while (k - j < 9 && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
        if (text.charCodeAt(k) === 0x2e || text.charCodeAt(k) === 0x29) end = k + 1;
      }
      if (end === -1) break;
      const after = text.charCodeAt(end);
      // A list marker needs a space, a tab or the line's end after it; `>` does not.
      if (code !== 0x3e && after !== space && after !== tab && after !== 0x0a && after !== 0x0d && !Number.isNaN(after)) break;
      depth++;
      i = end;
      if (depth > maxNesting) throw new NestingError(line, depth);
    }
    // On to the next line (LF, CRLF or a lone CR, as micromark reads them).
    while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    i++;
    line++;
  }
}
