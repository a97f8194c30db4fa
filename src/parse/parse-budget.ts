/**
 * The per-file budget of the Markdown parse, checked in one linear pass before parsing.
 * micromark's time or memory grows faster than the input on a few shapes no real page has;
 * a file over the budget is reported (`file-too-complex`) instead of parsed, and the run goes on.
 *
 * - lines: about 1.2 KB of parser state per line (a file of blank lines under maxFileSize
 *   would exhaust the heap);
 * - containers: every line re-enters each open block quote and list (an indented item counts its indentation), so
 *   the cost is their depth summed over lines; one line also nests at most maxNesting deep
 *   (a deep tree overflows the stack of whatever walks it);
 * - brackets: each unclosed `[` of a paragraph is searched again by every later `]`, and closed
 *   pairs cost more the more a paragraph has (50,000 `[a]` in a row: 13 s);
 * - emphasis: `*`/`_` delimiters of one paragraph are matched against each other (an `_`
 *   inside a word, as in snake_case, is none);
 * - unclosed HTML: each `<!--`, `<?`, `<![CDATA[` or `<!X` with no `-->`, `?>`, `]]>` or `>` after
 *   it in its paragraph is searched for one to the paragraph's end (10,000 `<!--` in a row: 3.4 s
 *   in micromark), so the cost is those distances summed.
 * Real pages stay far below each bound (the largest help-center page: 40x below).
 */
export const complexityBudget = {
  lines: 200_000,
  nesting: 1000,
  containerDepthSum: 60_000,
  openBrackets: 1000,
  paragraphBrackets: 10_000,
  emphasisDelimiters: 10_000,
  unclosedHtmlScan: 20_000_000,
};

export class ComplexityError extends RangeError {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
  }
}

const space = 0x20;
const tab = 0x09;
const lf = 0x0a;
const cr = 0x0d;
// What the budget counts on a line, and its end: `<` only before `!` or `?` (what may open HTML
// searched to its close); `>` only while such HTML is open (it may close it).
const countedOrLineEnd = /[[\]*_\n\r]|<(?=[!?])/g;
const countedClosingOrLineEnd = /[[\]*_>\n\r]|<(?=[!?])/g;

/** The HTML an inline parser searches to its close, by index: comments, processing instructions, CDATA sections, declarations. */
const HtmlKind = { Comment: 0, Instruction: 1, Cdata: 2, Declaration: 3 } as const;
type HtmlKind = (typeof HtmlKind)[keyof typeof HtmlKind];

/** The kind of HTML the `<` at `at` opens, if one that is searched to its close. */
function htmlOpened(text: string, at: number): HtmlKind | undefined {
  if (text.startsWith('<!--', at)) return HtmlKind.Comment;
  if (text.startsWith('<![CDATA[', at)) return HtmlKind.Cdata;
  const next = text.charCodeAt(at + 1);
  if (next === 0x3f /* ? */) return HtmlKind.Instruction;
  if (next === 0x21 /* ! */ && /[A-Za-z]/.test(text[at + 2] ?? '')) return HtmlKind.Declaration;
  return undefined;
}

/**
 * The openers of a paragraph that no close follows yet, per kind (count and summed offsets): at
 * the paragraph's end each costs its distance to it; a close before then ends them all.
 */
class UnclosedHtml {
  private readonly counts = [0, 0, 0, 0];
  private readonly offsets = [0, 0, 0, 0];
  /** Openers of any kind not closed yet. */
  pending = 0;

  add(kind: HtmlKind, at: number): void {
    this.counts[kind]!++;
    this.offsets[kind]! += at;
    this.pending++;
  }

  /** The `>` at `at` closes declarations, and the kinds whose close it ends. */
  close(text: string, at: number): void {
    this.clear(HtmlKind.Declaration);
    if (text.startsWith('-->', at - 2)) this.clear(HtmlKind.Comment);
    if (text.charCodeAt(at - 1) === 0x3f /* ? */) this.clear(HtmlKind.Instruction);
    if (text.startsWith(']]>', at - 2)) this.clear(HtmlKind.Cdata);
  }

  /** What the openers cost if the paragraph ends at `end`. */
  scanTo(end: number): number {
    let cost = 0;
    for (let kind = 0; kind < this.counts.length; kind++) cost += this.counts[kind]! * end - this.offsets[kind]!;
    return cost;
  }

  reset(): void {
    this.counts.fill(0);
    this.offsets.fill(0);
    this.pending = 0;
  }

  private clear(kind: HtmlKind): void {
    this.pending -= this.counts[kind]!;
    this.counts[kind] = 0;
    this.offsets[kind] = 0;
  }
}

function isLineEnd(code: number): boolean {
  return code === lf || code === cr || Number.isNaN(code);
}

/**
 * Throws a ComplexityError at the line where the text first exceeds the budget; else returns the
 * most `[` one paragraph holds (the Markdown parser picks by it, see markdown-lezer.ts).
 */
export function checkComplexity(text: string): number {
  const budget = complexityBudget;
  let line = 1;
  let i = 0;
  let depthSum = 0;
  let openBrackets = 0;
  let brackets = 0;
  let emphasis = 0;
  let mostBrackets = 0;
  const unclosed = new UnclosedHtml();
  const checkHtml = (end: number): void => {
    if (unclosed.scanTo(end) > budget.unclosedHtmlScan) throw new ComplexityError(line, `a paragraph opens HTML comments, declarations or processing instructions that never close, and the parser would search ${budget.unclosedHtmlScan.toLocaleString('en')} characters or more for their ends`);
  };
  while (i < text.length) {
    if (line > budget.lines) throw new ComplexityError(line, `the file has more than ${budget.lines.toLocaleString('en')} lines`);
    let indent = 0;
    while (text.charCodeAt(i + indent) === space || text.charCodeAt(i + indent) === tab) indent++;
    // An indented list item sits inside the lists its indentation continues (two columns a level, at least).
    const markers = containerMarkers(text, i + indent, line);
    const depth = markers + (markers > 0 ? Math.floor(indent / 2) : 0);
    depthSum += depth;
    if (depthSum > budget.containerDepthSum) {
      throw new ComplexityError(line, `its block quotes and lists nest ${depth} deep here, and too deep over too many lines (${budget.containerDepthSum.toLocaleString('en')} levels summed over lines)`);
    }
    // Spaces and tabs alone make a blank line; the rest of a line is searched for its line end
    // and the characters counted (brackets, emphasis), not read unit by unit.
    const blank = isLineEnd(text.charCodeAt(i + indent));
    let end = i + indent;
    for (;;) {
      const counted = unclosed.pending > 0 ? countedClosingOrLineEnd : countedOrLineEnd;
      counted.lastIndex = end;
      if (!counted.test(text)) {
        end = text.length;
        break;
      }
      end = counted.lastIndex - 1;
      const code = text.charCodeAt(end);
      if (code === lf || code === cr) break;
      if (code === 0x5b /* [ */) {
        if (++openBrackets > budget.openBrackets) throw new ComplexityError(line, `a paragraph has more than ${budget.openBrackets} \`[\` brackets open at once`);
        if (++brackets > budget.paragraphBrackets) throw new ComplexityError(line, `a paragraph has more than ${budget.paragraphBrackets.toLocaleString('en')} \`[\` brackets`);
        if (brackets > mostBrackets) mostBrackets = brackets;
      } else if (code === 0x5d /* ] */) {
        if (openBrackets > 0) openBrackets--;
      } else if (code === 0x3c /* < */) {
        const kind = htmlOpened(text, end);
        if (kind !== undefined) unclosed.add(kind, end);
      } else if (code === 0x3e /* > */) {
        unclosed.close(text, end);
      } else if (code === 0x2a || !(isWordCode(text.charCodeAt(end - 1)) && isWordCode(text.charCodeAt(end + 1)))) emphasis++;
      end++;
    }
    if (emphasis > budget.emphasisDelimiters) throw new ComplexityError(line, `a paragraph has more than ${budget.emphasisDelimiters.toLocaleString('en')} \`*\`/\`_\` emphasis delimiters`);
    // Brackets, emphasis and HTML pair up within a paragraph: a blank line ends it.
    if (blank) {
      checkHtml(i);
      unclosed.reset();
      openBrackets = brackets = emphasis = 0;
    }
    i = end;
    if (text.charCodeAt(i) === cr && text.charCodeAt(i + 1) === lf) i++;
    i++;
    line++;
  }
  checkHtml(text.length);
  return mostBrackets;
}

/** The container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) that open a line; throws past the nesting bound. */
function containerMarkers(text: string, start: number, line: number): number {
  let depth = 0;
  let i = start;
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
    if (end === -1) return depth;
    const after = text.charCodeAt(end);
    // A list marker needs a space, a tab or the line's end after it; `>` does not.
    if (code !== 0x3e && after !== space && after !== tab && after !== lf && after !== cr && !Number.isNaN(after)) return depth;
    depth++;
    i = end;
    if (depth > complexityBudget.nesting) {
      throw new ComplexityError(line, `line ${line} opens more than ${complexityBudget.nesting} nested block quotes or lists`);
    }
  }
}

function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code > 0x7f;
}
