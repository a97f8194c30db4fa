/**
 * Fenced code blocks, line by line, for the masks that read the source a line at a time: a run
 * of three or more backticks or tildes opens one (at any indent, inside quotes too; no backtick
 * may follow a run of backticks: ```` ```$ git log``` ```` is inline code) and a run of the same
 * character, at least as long, with nothing after it, closes it, as CommonMark reads them (the
 * fences kramdown reads otherwise are masked before these run).
 */
const fence = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})(.*)/;

export class FenceTracker {
  private open: string | undefined;

  /** Whether the line is fenced code: a fence, or a line between two. Call it for every line, in order. */
  isCode(line: string): boolean {
    const run = fence.exec(line);
    return (run !== null && this.sawFence(run[1]!, run[2]!)) || this.inside;
  }

  /** Takes a line's leading run of backticks or tildes (three or more) and what follows it: whether it opened or closed a block. */
  private sawFence(marker: string, rest: string): boolean {
    if (this.open === undefined) {
      if (marker[0] === '`' && rest.includes('`')) return false;
      this.open = marker;
      return true;
    }
    if (marker[0] !== this.open[0] || marker.length < this.open.length || rest.trim() !== '') return false;
    this.open = undefined;
    return true;
  }

  /** Whether the lines now are inside a fenced block. */
  get inside(): boolean {
    return this.open !== undefined;
  }
}
