/**
 * Code fences as kramdown-parser-gfm (Jekyll's Markdown input) reads them, where CommonMark
 * differs: kramdown takes ```` ``` ```` or `~~~` for a fence only when at most one word follows
 * it (```` ```js ````, not ```` ```js title ````) and a closing fence (the same run, or longer) comes
 * later (kramdown-parser-gfm 1.1.0, FENCED_CODEBLOCK_MATCH). Otherwise the line is text, the
 * lines after it are Markdown, and the next fence line opens a block of its own. CommonMark
 * makes code of both, an unclosed fence to the end of the page. The other way round, kramdown's
 * regular expression gives back part of a run with no closing line as long (```` ```` ```` closed
 * by ```` ``` ````, the word being ```` ` ````), and takes a word holding a backtick (```` ```py` ````),
 * where CommonMark reads no fence.
 *
 * A fence in a list item or a quote must close inside it. kramdown cuts a quote and a list item
 * out of the page first, by lines (kramdown 2.4.0 parse_blockquote, parse_list): a quote takes
 * every line up to a blank one, a list item every line up to a blank one (its lazy lines) and
 * after it the lines indented under it. So a fence line right under a list item's or quote's
 * line belongs to it, and when a blank line comes before its closing line, it is text; CommonMark
 * ends the item there and reads the fence. The blocks are read so, nested up to maxDepth, and an
 * indented code block takes the lines right under it (a fence line there is code). Checked against
 * kramdown on random documents of fence, list, quote, text and blank lines: the heading ids of 3 to
 * 6 in 100 of them differ (9 to 14 before), where CommonMark's blocks cannot be made kramdown's by
 * masking fences: code lines written without a quote's `>` or under a list item without its
 * indent (CommonMark ends the quote or item there), and indented code's lazy lines.
 */
import type { Document, SiteSettings } from '../types.js';
import type { LiquidParse } from './liquid-tree.js';
import { withinRanges } from '../text/ranges.js';
import { kramdownBlocks, type Range } from './kramdown-html-blocks.js';
import { isSpanElement } from './kramdown-html.js';
import { isTableLine } from './kramdown-tables.js';

export interface UnreadFence {
  /** Offset of the fence's run of backticks or tildes, and its end. */
  start: number;
  end: number;
  /** Why kramdown reads no fence here: no closing line, in the page or in the list item or quote that holds it; more than a word after it. */
  reason: 'unclosed' | 'container' | 'info';
}

export interface KramdownFences {
  /** The fence lines kramdown reads as text. */
  unread: UnreadFence[];
  /**
   * Characters of a fence kramdown reads that CommonMark would read otherwise: backticks in the
   * word after it (CommonMark reads no fence then), and the part of a run kramdown takes for the word;
   * and the run of a line meant to close a fence kramdown does not read, when nothing closes it.
   */
  commonMarkMasks: { start: number; end: number }[];
}

/** A line as the block holding it reads it (a quote's `>` or a list item's indent taken off), and where it ends in the page. */
interface Line {
  text: string;
  /** The page offset of the line's end: the character of `text` at i is at end - text.length + i. */
  end: number;
  /** A lazy line of a list item or quote that holds it (not indented under the item, no `>`): CommonMark ends the item or quote before it. */
  lazy?: boolean;
}

/** What a reading of the page gathers, and the block HTML elements kramdown passes through raw (no fence line in them is one). */
interface Reading extends KramdownFences {
  raw?: readonly Range[];
}

/** Quotes and list items in quotes and list items: deeper ones are left to the Markdown parser. */
const maxDepth = 8;
const fenceLine = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const quoteStart = /^ {0,3}> ?/;
/** kramdown's LIST_START_UL and LIST_START_OL (`[\t| ]` includes `|`, as kramdown's own class does). */
const bulletStart = /^( {0,3}[+*-])([\t| ].*)$/;
const numberStart = /^( {0,3}\d+\.)([\t| ].*)$/;
const horizontalRule = /^ {0,3}([*_-])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$/;
const blank = /^\s*$/;
const indentedCode = /^(?:\t| {4})/;
const endOfBlock = /^\^\s*$/;
const attributeListLine = /^ {0,3}\{:(?!:|\/)(?:\\\}|[^}])+\}\s*$/;

/**
 * The line breaks Liquid's whitespace control takes out (their offsets): `{%-` and `{{-` strip the
 * whitespace before them, `-%}` and `-}}` the whitespace after, line breaks included, so a line
 * holding only such a tag is no line of the page Liquid writes, and the lines around it are next to
 * each other (a fence and its code, no blank line between them). None without such a tag.
 */
export function strippedLineBreaks(text: string, liquid: Pick<LiquidParse, 'tags' | 'outputs' | 'blocks'>): ReadonlySet<number> | undefined {
  if (!/\{[%{]-|-[%}]\}/.test(text)) return undefined;
  const stripped = new Set<number>();
  const isSpace = (at: number): boolean => /\s/.test(text[at] ?? '');
  const note = (at: number): void => {
    if (text[at] === '\n' || text[at] === '\r') stripped.add(at);
  };
  // A raw body is text: its `endraw` strips nothing, and the `-%}` of `{% raw -%}` strips what
  // follows `{% endraw %}` (Liquid trims the next text token it parses).
  const rawCloseStarts = new Set<number>();
  const stripsAfterRaw = new Map<number, number>();
  for (const block of liquid.blocks) {
    if (!block.rawBody || !block.close) continue;
    rawCloseStarts.add(block.close.start);
    stripsAfterRaw.set(block.open.start, block.close.end);
  }
  const tokens = [...liquid.tags, ...liquid.outputs, ...liquid.blocks.flatMap((block) => [...block.branches, ...(block.close ? [block.close] : [])])];
  for (const token of tokens) {
    if (rawCloseStarts.has(token.start)) continue;
    // Each run of whitespace ends at a token or text: the runs scanned do not overlap but at their ends.
    if (text[token.start + 2] === '-') for (let at = token.start - 1; isSpace(at); at--) note(at);
    if (text[token.end - 3] === '-') for (let at = stripsAfterRaw.get(token.start) ?? token.end; isSpace(at); at++) note(at);
  }
  return stripped.size > 0 ? stripped : undefined;
}

/**
 * `stripped`: line breaks Liquid takes out (strippedLineBreaks): the lines around each are one line
 * here. `raw`: the block HTML elements kramdown passes through (kramdownBlocks), in order.
 */
export function kramdownFences(text: string, from: number, stripped?: ReadonlySet<number>, raw?: readonly Range[]): KramdownFences {
  const fences: KramdownFences = { unread: [], commonMarkMasks: [] };
  if (!text.includes('```', from) && !text.includes('~~~', from)) return fences;
  const lines: Line[] = [];
  const lineEnd = /\r\n?|\n/g;
  lineEnd.lastIndex = from;
  let start = from;
  // A line holding breaks Liquid takes out has them as spaces: offsets within it stay the page's.
  const line = (end: number): Line => {
    const written = text.slice(start, end);
    return { text: stripped ? written.replace(/[\r\n]/g, ' ') : written, end };
  };
  for (let match = lineEnd.exec(text); match; match = lineEnd.exec(text)) {
    if (stripped?.has(match.index)) {
      // Liquid takes out the whole run of whitespace around the break: a line that held only
      // tags before it starts where the text after the run does.
      if (!/\S/.test(text.slice(start, match.index))) {
        while (/\s/.test(text[lineEnd.lastIndex] ?? '')) lineEnd.lastIndex++;
        start = lineEnd.lastIndex;
      }
      continue;
    }
    lines.push(line(match.index));
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push(line(text.length));
  readBlocks(lines, 0, raw ? { ...fences, raw } : fences);
  return fences;
}

type FenceChar = '`' | '~';

/** A line that starts with a fence's run, and the word after it (a line with nothing after its run may close a fence). */
interface FenceLine {
  /** Its index in the block's lines, and the page offsets of its run and word. */
  line: number;
  start: number;
  run: string;
  info: string;
  infoStart: number;
}

const closes = (fence: FenceLine, char: FenceChar, length: number): boolean => fence.info === '' && fence.run[0] === char && fence.run.length >= length;

/** Per character, at k: the longest run alone on a line among fence lines k and after (at k + 1, those after line k). */
function longestClosingRuns(fences: readonly FenceLine[]): Record<FenceChar, number[]> {
  const longest = { '`': new Array<number>(fences.length + 1).fill(0), '~': new Array<number>(fences.length + 1).fill(0) };
  for (let k = fences.length - 1; k >= 0; k--) {
    for (const char of ['`', '~'] as const) longest[char][k] = longest[char][k + 1]!;
    const { run, info } = fences[k]!;
    if (info === '') longest[run[0] as FenceChar][k] = Math.max(longest[run[0] as FenceChar][k]!, run.length);
  }
  return longest;
}

/** kramdown's LIST_START: a bullet or number item's first line. */
const startsList = (text: string): boolean => bulletStart.test(text) || numberStart.test(text);

/** The page offset of a line's character. */
const offsetOf = (line: Line, at: number): number => line.end - line.text.length + at;

/** The fences of a run of lines kramdown parses as blocks (the page, a quote's or a list item's lines). */
function readBlocks(lines: readonly Line[], depth: number, fences: Reading): void {
  // Past the last line holding a fence's characters there is nothing to read, here or in a list or quote.
  let last = lines.length - 1;
  while (last >= 0 && !lines[last]!.text.includes('```') && !lines[last]!.text.includes('~~~')) last--;
  if (last < 0) return;
  // The lines that start with a fence's run, in order; those with nothing after the run could close a fence.
  const candidates: FenceLine[] = [];
  const candidateAt = new Int32Array(lines.length).fill(-1);
  lines.forEach((line, index) => {
    const match = fenceLine.exec(line.text);
    if (!match) return;
    const at = match[0].indexOf(match[1]!);
    if (fences.raw && withinRanges(fences.raw, offsetOf(line, at), offsetOf(line, at) + 1)) return;
    const after = match[2]!;
    candidateAt[index] = candidates.length;
    candidates.push({ line: index, start: offsetOf(line, at), run: match[1]!, info: after.trim(), infoStart: offsetOf(line, at + match[1]!.length + after.length - after.trimStart().length) });
  });
  // kramdown's regular expression gives back part of a longer run, as the start of the word, until
  // a closing line comes (four backticks closed by three are a fence of three and the word "`").
  const longestAfter = longestClosingRuns(candidates);
  // Where the search for each closing run (character and length) stopped: openers come in order, so
  // no search goes over a line twice. One is found: the run is at most the longest after the opener.
  const searched = new Map<string, number>();
  const closingLine = (char: FenceChar, length: number, after: number): number => {
    const key = `${char}${length}`;
    let k = Math.max(searched.get(key) ?? 0, after + 1);
    while (!closes(candidates[k]!, char, length)) k++;
    searched.set(key, k);
    return k;
  };
  // The lines meant to close a fence kramdown does not read for the words after it: that fence's
  // finding covers them (one that nothing closes is no fence either, and is masked unreported:
  // "close the block" would be the wrong advice).
  const meantToClose = new Set<number>();
  /** Reads the fence line `k` opens: the index of the line after the block (after the line itself when it is no fence). */
  const readFence = (k: number): number => {
    const { line, start, run, info, infoStart } = candidates[k]!;
    const char = run[0] as FenceChar;
    // A backtick in the words after a backtick run: CommonMark reads no fence, nor does kramdown
    // unless one word and a closing fence follow (```` ```$ git status``` ```` is inline code to both).
    const inline = char === '`' && info.includes('`');
    if (/\s/.test(info)) {
      if (!inline) {
        fences.unread.push({ start, end: start + run.length, reason: 'info' });
        if (longestAfter[char][k + 1]! >= run.length) meantToClose.add(closingLine(char, run.length, k));
      }
      return line + 1;
    }
    const length = Math.min(run.length, longestAfter[char][k + 1]!);
    // Given back, the run's end and the word must make one word: not with a space between them.
    const split = length >= 3 && length < run.length && info !== '' && infoStart > start + run.length;
    if (length < 3 || split) {
      if (meantToClose.has(k)) fences.commonMarkMasks.push({ start, end: start + run.length });
      else if (!inline) fences.unread.push({ start, end: start + run.length, reason: depth > 0 && !split ? 'container' : 'unclosed' });
      return line + 1;
    }
    // What CommonMark must not read as part of the fence's run or word: the run kramdown gave back, backticks in the word.
    if (length < run.length) fences.commonMarkMasks.push({ start: start + length, end: start + run.length });
    if (inline) for (let at = info.indexOf('`'); at !== -1; at = info.indexOf('`', at + 1)) fences.commonMarkMasks.push({ start: infoStart + at, end: infoStart + at + 1 });
    const closing = candidates[closingLine(char, length, k)]!;
    // A fence in an item or quote closed by a lazy line: CommonMark ends the code with the item,
    // and would read the closing line as a fence of its own.
    if (!lines[line]!.lazy && lines[closing.line]!.lazy) fences.commonMarkMasks.push({ start: closing.start, end: closing.start + closing.run.length });
    return closing.line + 1;
  };
  /**
   * An indented code block, whose lazy lines may be fence lines: code to kramdown, a fence to
   * CommonMark, which is left to read it where it closes inside the block (code either way), and
   * otherwise not let read it (it would take the rest of the page).
   */
  const readIndentedCode = (first: number): number => {
    const end = indentedCodeEnd(lines, first);
    const inside = [];
    for (let line = first + 1; line < end; line++) if (candidateAt[line] !== -1) inside.push(candidates[candidateAt[line]!]!);
    const longest = longestClosingRuns(inside);
    for (let k = 0; k < inside.length; k++) {
      const { start, run } = inside[k]!;
      const char = run[0] as FenceChar;
      if (longest[char][k + 1]! < run.length) fences.commonMarkMasks.push({ start, end: start + run.length });
      else while (!closes(inside[++k]!, char, run.length));
    }
    return end;
  };
  // Whether a block starts at the line (not a paragraph's next line): an indented one is code then.
  let blockStart = true;
  for (let i = 0; i <= last; ) {
    const text = lines[i]!.text;
    const isBlank = blank.test(text);
    const next: number = isBlank
      ? i + 1
      : blockStart && indentedCode.test(text)
        ? readIndentedCode(i)
        : candidateAt[i] !== -1
          ? readFence(candidateAt[i]!)
          : depth < maxDepth && quoteStart.test(text)
            ? readQuote(lines, i, depth, fences)
            : depth < maxDepth && startsList(text) && !horizontalRule.test(text) && !isTableLine(text)
              ? readList(lines, i, depth, fences)
              : i + 1;
    // A line of text (a fence line kramdown reads as text too) goes on as a paragraph; a heading or rule is a block of its own.
    blockStart = next > i + 1 || isBlank || text.startsWith('#') || horizontalRule.test(text);
    i = next;
  }
}

/**
 * The end of the indented code block at `first` (kramdown's CODEBLOCK_MATCH): indented lines, and
 * after them any line that is not blank (a lazy line: a fence or list line there is code too),
 * again after blank lines while indented lines come.
 */
function indentedCodeEnd(lines: readonly Line[], first: number): number {
  let end = first;
  for (;;) {
    while (end < lines.length && !endsLazyLines(lines[end]!.text)) end++;
    let after = end;
    while (after < lines.length && blank.test(lines[after]!.text)) after++;
    if (after === end || after === lines.length || !indentedCode.test(lines[after]!.text)) return end;
    end = after;
  }
}

/** A line that ends a quote, and a list item's lazy lines (kramdown's LAZY_END). */
const endsLazyLines = (text: string): boolean => blank.test(text) || endOfBlock.test(text) || attributeListLine.test(text) || startsWithBlockTag(text);

/** kramdown's LAZY_END_HTML_START and LAZY_END_HTML_STOP: a start or end tag of an element that is not a span element, at most three spaces in. */
function startsWithBlockTag(text: string): boolean {
  const tag = /^ {0,3}<(\/?)([A-Za-z_:][\w:.-]*)(\s*>)?/.exec(text);
  return tag !== null && (tag[1] === '' || tag[3] !== undefined) && !isSpanElement(tag[2]!) && tag[2]!.toLowerCase() !== 'script';
}

/** The quote from line `first` (up to a blank line), read as blocks: the index of the line after it. */
function readQuote(lines: readonly Line[], first: number, depth: number, fences: Reading): number {
  let end = first + 1;
  while (end < lines.length && !endsLazyLines(lines[end]!.text)) end++;
  readBlocks(lines.slice(first, end).map(({ text, end: lineEnd, lazy }) => ({ text: text.replace(quoteStart, ''), end: lineEnd, lazy: lazy || !quoteStart.test(text) })), depth + 1, fences);
  return end;
}

/**
 * The list from line `first`, as kramdown's parse_list cuts it into items: each item's lines (in
 * parts: a nested list starts a part) read as blocks. The index of the line after the list.
 */
function readList(lines: readonly Line[], first: number, depth: number, fences: Reading): number {
  const start = bulletStart.test(lines[first]!.text) ? bulletStart : numberStart;
  const parts: Line[][] = [];
  let sibling = start;
  let indentation = 0;
  let underItem = contentLine(0);
  let lastBlank = false;
  let nested = false;
  let i = first;
  for (; i < lines.length; i++) {
    const { text, end, lazy } = lines[i]!;
    if (lastBlank && horizontalRule.test(text)) break;
    if (endOfBlock.test(text)) {
      i++;
      break;
    }
    const item = i === first ? start.exec(text) : sibling.exec(text);
    if (item) {
      const firstLine = firstItemLine(item[1]!.length, item[2]!, end);
      indentation = firstLine.indentation;
      parts.push([firstLine.line]);
      sibling = siblingStart(start === numberStart, indentation);
      underItem = contentLine(indentation);
      nested = startsList(firstLine.line.text);
      lastBlank = false;
      continue;
    }
    const isBlank = blank.test(text);
    if (!isBlank && (underItem.test(text) || (!lastBlank && !lazyLineStop(text, indentation)))) {
      let content = text.startsWith('\t') ? text.replace(/^\t+/, (tabs) => ' '.repeat(4 * tabs.length)) : text;
      const indented = /^ */.exec(content)![0].length >= indentation;
      if (indented) content = content.slice(indentation);
      const listLine = startsList(content);
      if (!nested && indented && listLine) {
        parts.push([]);
        nested = true;
      } else if (nested && !indented && listLine) content = ' '.repeat(indentation + 4) + content;
      parts.at(-1)!.push({ text: content, end, lazy: lazy || !indented });
      lastBlank = false;
    } else if (isBlank) {
      nested = true;
      lastBlank = true;
      parts.at(-1)!.push({ text: '', end });
    } else break;
  }
  for (const part of parts) readBlocks(part, depth + 1, fences);
  return i;
}

/** kramdown's parse_first_list_line: the item's indentation (its marker and the spaces after it, tabs to the next stop), and its first line. */
function firstItemLine(markerLength: number, rest: string, end: number): { indentation: number; line: Line } {
  let indentation = markerLength;
  if (/^\s*(?:\{:(?![\w-]*:|\/)(?:\\\}|[^}])+\}\s*)?$/.test(rest)) indentation = 4;
  else {
    let spaces = rest;
    while (/^ *\t/.test(spaces)) spaces = spaces.replace(/^( *)(\t+)/, (_, before: string, tabs: string) => before + ' '.repeat(4 - ((before.length + indentation) % 4) + (tabs.length - 1) * 4));
    indentation += /^ */.exec(spaces)![0].length;
  }
  return { indentation, line: { text: rest.replace(/^\s*/, ''), end } };
}

const patterns = new Map<string, RegExp>();
const cached = (source: string): RegExp => {
  if (patterns.size > 256) patterns.clear();
  return patterns.get(source) ?? patterns.set(source, new RegExp(source)).get(source)!;
};

/** kramdown's fetch_pattern: a sibling item's marker has fewer spaces before it than the item's indentation. */
const siblingStart = (ordered: boolean, indentation: number): RegExp => cached(`^( {0,${Math.min(indentation - 1, 3)}}${ordered ? '\\d+\\.' : '[+*-]'})([\\t| ].*)$`);

/** kramdown's content_re: a line indented under an item (tabs count four). */
const contentLine = (indentation: number): RegExp => cached(`^(?:(?:\\t| {4}){${indentation >> 2}} {${indentation & 3}}|(?:\\t| {4}){${(indentation >> 2) + 1}})`);

/** A line that is no lazy line of a list item (kramdown's lazy_re): an attribute list or a block element's tag, at most three spaces in. */
function lazyLineStop(text: string, indentation: number): boolean {
  if (!/^ *[<{]/.test(text)) return false;
  const spaces = /^ */.exec(text)![0].length;
  return spaces <= Math.min(indentation, 3) && (attributeListLine.test(text) || startsWithBlockTag(text));
}

/**
 * The text as kramdown reads its fences, for the Markdown parser: each fence kramdown does not read
 * masked (its run made no-break spaces, same length), and in one it reads, what CommonMark would
 * read otherwise (see commonMarkMasks) made no-break spaces too; and the fences it does not read.
 * `stripped`: as kramdownFences; `rawBlockHtml`: kramdown passes block HTML elements through (its
 * default), fence lines in them too.
 */
export function maskKramdownFences(text: string, from: number, stripped?: ReadonlySet<number>, rawBlockHtml = true): { masked: string; unread: UnreadFence[] } {
  const fences = readFences(text, from, stripped, rawBlockHtml);
  return { masked: masking(text, fences), unread: fences.unread };
}

/**
 * The fences as kramdown reads them, which is block HTML elements first (with `rawBlockHtml`,
 * its default): where an element kramdown passes through, or a comment block, holds a fence
 * line, the page is read again without the fence lines in them.
 */
function readFences(text: string, from: number, stripped: ReadonlySet<number> | undefined, rawBlockHtml: boolean): KramdownFences {
  const fences = kramdownFences(text, from, stripped);
  if (!rawBlockHtml || !text.includes('<', from) || (!text.includes('```', from) && !text.includes('~~~', from))) return fences;
  const blocks = kramdownBlocks(masking(text, fences), from);
  // A comment block holds no fence either (CommonMark reads it to its `-->` too).
  const raw = blocks.comments.length === 0 ? blocks.raw : [...blocks.raw, ...blocks.comments].sort((a, b) => a.start - b.start);
  const fenceLineIn = ({ start, end }: Range): boolean => /^ {0,3}(?:`{3}|~{3})/m.test(text.slice(start, end));
  return raw.some(fenceLineIn) ? kramdownFences(text, from, stripped, raw) : fences;
}

/** The text with the fences' masks applied. */
function masking(text: string, { unread, commonMarkMasks }: KramdownFences): string {
  if (unread.length === 0 && commonMarkMasks.length === 0) return text;
  const ranges = [...unread, ...commonMarkMasks].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const { start, end } of ranges) {
    out += text.slice(cursor, start) + '\u00a0'.repeat(end - start);
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** The fences kramdown does not read, as the parse read them (parseDocument keeps them with the document). */
const unreadByDocument = new WeakMap<Document, UnreadFence[]>();

export function keepUnreadFences(document: Document, unread: UnreadFence[]): void {
  unreadByDocument.set(document, unread);
}

/** The fences kramdown does not read in a parsed document; none where the site's converter is not kramdown. */
export function documentUnreadFences(document: Document, site?: Pick<SiteSettings, 'jekyll'>): UnreadFence[] {
  if (site && site.jekyll.markdownConverter !== 'kramdown') return [];
  return unreadByDocument.get(document) ?? [];
}
