/**
 * Fenced code blocks, line by line, for the masks that read the source a line at a time: a run
 * of three or more backticks or tildes opens one (at any indent, inside quotes too) and a run of
 * the same character, at least as long, closes it.
 */
const fence = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})/;

export class FenceTracker {
  private open: string | undefined;

  /** Whether the line is fenced code: a fence, or a line between two. Call it for every line, in order. */
  isCode(line: string): boolean {
    return this.sawFence(fence.exec(line)?.[1]) || this.inside;
  }

  /** Takes a line's leading run of backticks or tildes (three or more): whether it opened or closed a block. */
  private sawFence(marker: string | undefined): boolean {
    if (!marker || (this.open !== undefined && (marker[0] !== this.open[0] || marker.length < this.open.length))) return false;
    this.open = this.open === undefined ? marker : undefined;
    return true;
  }

  /** Whether the lines now are inside a fenced block. */
  get inside(): boolean {
    return this.open !== undefined;
  }
}
