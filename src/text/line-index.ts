/**
 * Maps offsets in a text to 1-based line and column, counting line endings the way
 * micromark does (LF, CRLF and a lone CR each end a line), so positions from the
 * Markdown tree and from the Liquid scanner agree. Columns count UTF-16 code units.
 */
export class LineIndex {
  /** The offset where each line starts. */
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // Most texts end lines with LF alone: the string's own search finds them faster than a loop over every unit.
    if (!text.includes('\r')) {
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) this.starts.push(end + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): { line: number; column: number } {
    return positionIn(this.starts, this.text.length, offset);
  }

  /** A Markdown tree's point (line, column and offset) for an offset. */
  point(offset: number): { line: number; column: number; offset: number } {
    const { line, column } = this.position(offset);
    return { line, column, offset };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  /** Offset just past the last content character of a line (before its line ending). */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line]! : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** Positions from a text's line starts and length alone (a page's facts keep these, not its text). */
export function positionsIn(starts: ArrayLike<number>, length: number): (offset: number) => { line: number; column: number } {
  return (offset) => positionIn(starts, length, offset);
}

function positionIn(starts: ArrayLike<number>, length: number, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, length));
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: clamped - starts[low]! + 1 };
}
