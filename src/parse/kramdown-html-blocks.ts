/**
 * kramdown (Jekyll's default converter, `parse_block_html` off) passes a block-level HTML
 * element through as it is, from its start tag to its matching end tag, blank lines or not: the
 * Markdown inside stays text (no link, heading or table), and what follows the end tag is
 * Markdown again. CommonMark ends such a block at the first blank line, and also at none for a
 * `<hr>`. Ported from kramdown 2.4 parser/kramdown/html.rb and parser/html.rb
 * (parse_block_html, parse_raw_html): a line that starts, after at most three spaces, with a
 * start tag whose element is not a span element opens the block; inside it, nested elements are
 * matched by name (case-blind for HTML's own), end tags of no open element are text, comments
 * and `<script>`/`<style>` bodies are skipped.
 *
 * kramdown's own `{::nomarkdown}` … `{:/}` blocks are written out as they are (HTML, not
 * Markdown) and `{::comment}` blocks not at all; nothing in either opens an element. After
 * `{::options parse_block_html="true" /}` block HTML is read as Markdown (as CommonMark reads it
 * here) until `parse_block_html="false"`.
 *
 * Where kramdown would read to the page's end (an element never closed, a comment never ended),
 * nothing more is taken as raw: such a page renders its rest as literal text, and a source whose
 * Liquid opens an element in one branch only must not hide the links after it.
 */
import { FenceTracker } from './fences.js';
import { elementsWithoutBody, isSpanElement, normalizedElementName, readEndTag, readStartTag } from './kramdown-html.js';

export interface Range {
  start: number;
  end: number;
}


const rawBodyEnds = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };

/** After the end tag of a `<script>` or `<style>` body (kramdown's handle_raw_html_tag), or -1. */
function rawBodyEnd(text: string, from: number, name: 'script' | 'style'): number {
  const pattern = rawBodyEnds[name];
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index + match[0].length : -1;
}

/** Where the element opened before `from` ends (after its end tag), as parse_raw_html finds it; -1 when the text ends first. */
function elementEnd(text: string, from: number, name: string, skipped: readonly Range[], limit: number): number {
  const open = [normalizedElementName(name)];
  let i = from;
  let skip = 0;
  while ((i = text.indexOf('<', i)) !== -1 && i < limit) {
    while (skip < skipped.length && skipped[skip]!.end <= i) skip++;
    if (skip < skipped.length && skipped[skip]!.start <= i) {
      i = skipped[skip]!.end;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return -1;
      i = end + 3;
    } else if (text[i + 1] === '?') {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return -1;
      i = end + 2;
    } else if (text[i + 1] === '/') {
      const close = readEndTag(text, i);
      if (!close) {
        i++;
        continue;
      }
      if (normalizedElementName(close.name) === open.at(-1)) open.pop();
      if (open.length === 0) return close.end > limit ? -1 : close.end;
      i = close.end;
    } else {
      const tag = readStartTag(text, i);
      if (!tag) {
        i++;
        continue;
      }
      const inner = normalizedElementName(tag.name);
      if (inner === 'script' || inner === 'style') {
        const end = rawBodyEnd(text, tag.end, inner);
        if (end === -1) return -1;
        i = end;
        continue;
      }
      if (!tag.closed && !elementsWithoutBody.has(inner)) open.push(inner);
      i = tag.end;
    }
  }
  return -1;
}

/**
 * The Liquid blocks with a kramdown run of their own (in order; Liquid blocks nest), asked about
 * elements in order: which ones an element opened at `at` skips, and where it must end.
 */
class OwnRuns {
  private next = 0;
  private open: Range[] = [];

  constructor(private readonly runs: readonly Range[]) {}

  /** The runs after `at` to skip (outermost, in order), and the end of the innermost run holding `at` (else the text's). */
  around(at: number, textEnd: number): [Range[], number] {
    while (this.next < this.runs.length && this.runs[this.next]!.start <= at) this.open.push(this.runs[this.next++]!);
    this.open = this.open.filter((run) => run.end > at);
    const limit = Math.min(textEnd, ...this.open.map((run) => run.end));
    const skipped: Range[] = [];
    for (let i = this.next; i < this.runs.length && this.runs[i]!.start < limit; i++) {
      const run = this.runs[i]!;
      if (run.end <= limit && run.end > (skipped.at(-1)?.end ?? -1)) skipped.push(run);
    }
    return [skipped, limit];
  }
}

// A line that may matter: one that starts (after blanks) a fence, a quote, a tag or an extension.
const candidateStart = /\n[ \t]*[<{`~>]/g;

/** The start of the first line at or after the line start `at` that may matter, or -1. */
function candidateLine(text: string, at: number): number {
  if (at >= text.length) return -1;
  if (/^[ \t]*[<{`~>]/.test(text.slice(at, at + 64))) return at;
  candidateStart.lastIndex = at;
  const match = candidateStart.exec(text);
  return match ? match.index + 1 : -1;
}

const lineEnd = (text: string, at: number): number => {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
};

export interface KramdownBlocks {
  /** Block HTML elements and `{::nomarkdown}` blocks: written out as they are. */
  raw: Range[];
  /** `{::comment}` blocks: not written out. */
  dropped: Range[];
  /** HTML comment blocks (`<!--` … `-->`, blank lines or not): written out, and nothing in them is Markdown. */
  comments: Range[];
}

const blockHtmlOption = /^\{::options\s[^}\n]*\bparse_block_html=["']?(true|false)["']?[^}\n]*\/\}/;
const extensionStart = /^\{::(nomarkdown|comment)(?:\s[^}\n]*?)?(\/)?\}[ \t]*$/;

interface ExtensionStop {
  /** The stop's name (`{:/nomarkdown}`), empty for `{:/}`. */
  name: string;
  start: number;
  end: number;
}

const extensionStopLine = /^ {0,3}\{:\/(\w*)\}[ \t]*\r?$/;

/** The lines that stop a block extension (`{:/}`, `{:/name}`), in order. */
function extensionStops(text: string): ExtensionStop[] {
  const stops: ExtensionStop[] = [];
  for (let at = text.indexOf('{:/'); at !== -1; at = text.indexOf('{:/', at + 3)) {
    const start = text.lastIndexOf('\n', at) + 1;
    const stop = extensionStopLine.exec(text.slice(start, lineEnd(text, at)));
    if (stop) stops.push({ name: stop[1]!, start, end: start + stop[0].replace(/\r$/, '').length });
  }
  return stops;
}

/** Where kramdown's block extension opened by the line [at, lineStop) ends (its `{:/}` line's end), or undefined. */
function extensionEnd(text: string, at: number, lineStop: number, stops: readonly ExtensionStop[]): { name: string; end: number } | undefined {
  const start = extensionStart.exec(text.slice(at, lineStop).replace(/\r$/, ''));
  if (!start || start[2]) return undefined;
  let low = 0;
  let high = stops.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (stops[middle]!.start <= lineStop) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < stops.length; i++) if (stops[i]!.name === '' || stops[i]!.name === start[1]) return { name: start[1]!, end: stops[i]!.end };
  return undefined;
}

/**
 * The block HTML elements kramdown passes through raw, each from its line's start to the end of
 * its end tag's line (only those whose end tag ends a line: text after it is Markdown to kramdown,
 * which a blanked range would turn into code), and its extension blocks. `text` is the
 * Liquid-masked source; `ownRuns`, the Liquid blocks whose body is converted by a kramdown run of
 * its own (a capture written out through `markdownify`, a callout): Liquid leaves none of their
 * Markdown where it stands, so nothing in them closes or opens an element around them, and an
 * element opened inside one ends inside it.
 */
export function kramdownBlocks(text: string, from: number, ownRuns: readonly Range[] = []): KramdownBlocks {
  const blocks: Range[] = [];
  const dropped: Range[] = [];
  const comments: Range[] = [];
  if (!text.includes('<', from) && !text.includes('{::', from)) return { raw: blocks, dropped, comments };
  const fences = new FenceTracker();
  let rawHtml = true;
  let stops: ExtensionStop[] | undefined;
  const runs = new OwnRuns(ownRuns);
  for (let start = candidateLine(text, from), next = 0; start !== -1; start = candidateLine(text, next)) {
    const stop = lineEnd(text, start);
    next = stop + 1;
    let at = start;
    while (text[at] === ' ' || text[at] === '\t') at++;
    const first = text[at];
    if (first === '`' || first === '~' || first === '>') {
      fences.isCode(text.slice(start, stop));
      continue;
    }
    if (fences.inside || (first !== '<' && first !== '{') || at - start > 3 || text.slice(start, at).includes('\t')) continue;
    if (first === '{') {
      // {::options parse_block_html="true" /} has kramdown parse the Markdown in block HTML from there on.
      const option = blockHtmlOption.exec(text.slice(at, stop));
      if (option) rawHtml = option[1] === 'false';
      const extension = text.startsWith('{::', at) ? extensionEnd(text, at, stop, (stops ??= extensionStops(text))) : undefined;
      if (extension) {
        (extension.name === 'comment' ? dropped : blocks).push({ start, end: extension.end });
        next = extension.end + 1;
      }
      continue;
    }
    if (!rawHtml) continue;
    if (text.startsWith('<!--', at)) {
      // A comment block: nothing in it opens an element.
      const close = text.indexOf('-->', at + 4);
      if (close === -1) break;
      comments.push({ start, end: close + 3 });
      next = lineEnd(text, close) + 1;
      continue;
    }
    const tag = readStartTag(text, at);
    if (!tag || isSpanElement(tag.name) || (tag.markdown !== undefined && tag.markdown !== '0')) continue;
    const name = normalizedElementName(tag.name);
    const end = tag.closed || elementsWithoutBody.has(name) ? tag.end : name === 'script' || name === 'style' ? rawBodyEnd(text, tag.end, name) : elementEnd(text, tag.end, name, ...runs.around(start, text.length));
    if (end === -1) break;
    const blockStop = lineEnd(text, end);
    if (text.slice(end, blockStop).trim() !== '') continue;
    blocks.push({ start, end: blockStop });
    next = blockStop + 1;
  }
  return { raw: blocks, dropped, comments };
}
