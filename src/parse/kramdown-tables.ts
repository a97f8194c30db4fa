/**
 * Tables as kramdown (Jekyll's Markdown converter) finds them, which is not how GFM does:
 * a table needs no delimiter row, must start after a blank line (or at the start of its
 * container), ends the block where it ends (a trailing line without a pipe turns the whole
 * block back into a paragraph), needs at least one body row, and a one-line paragraph with
 * an unescaped pipe is a one-row table. Ported from kramdown 2.4 parser/kramdown/table.rb.
 *
 * remark's tree supplies the block structure (code blocks, lists, quotes, blank lines);
 * the rows are read from the Liquid-masked text, so Liquid output never splits a cell. A line
 * break Liquid's whitespace control takes out (`{%- for row in rows %}` alone on a line between
 * the delimiter row and the rows) joins the lines around it, as in the page Liquid writes.
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { Document, SiteSettings } from '../types.js';
import { strippedLineBreaks } from './kramdown-fences.js';
import { blockElements, elementsWithoutBody, normalizedElementName, readEndTag, readStartTag } from './kramdown-html.js';

export interface TableCell {
  start: number;
  end: number;
}

export interface TableLine {
  kind: 'row' | 'separator' | 'footer-separator';
  /** Offsets of the line's content (container prefix and trailing blanks excluded). */
  start: number;
  end: number;
  /** Rows: the cells as kramdown splits them. Separators: one entry per alignment cell. */
  cells: TableCell[];
  /** Where in the table kramdown puts a row. */
  section?: 'thead' | 'tbody' | 'tfoot';
  /** Index of the tbody a row belongs to (a later separator row starts a new one). */
  group?: number;
}

export interface KramdownTable {
  lines: TableLine[];
  /** True when a separator row follows the first row(s): they render as the header. */
  hasHeader: boolean;
  /** Whether the table's first line starts with a pipe (kramdown then drops an empty first cell of every row). */
  leadingPipe: boolean;
}

/** A header and its delimiter row with no body row: kramdown ignores them as a table ("Found table without body"): they are a paragraph. */
export interface BodilessTable {
  lines: TableLine[];
}

interface DocumentTables {
  tables: KramdownTable[];
  bodiless: BodilessTable[];
}

const cache = new WeakMap<Document, DocumentTables>();

function documentTables(document: Document): DocumentTables {
  let found = cache.get(document);
  if (!found) {
    found = findTables(document);
    cache.set(document, found);
  }
  return found;
}

/**
 * The document's kramdown tables, computed once per document; none where the site's Markdown
 * converter is not kramdown (jekyll-commonmark reads GFM tables: a line with a `|` and no
 * delimiter row under it is prose, extra cells are dropped).
 */
export function kramdownTables(document: Document, site?: Pick<SiteSettings, 'jekyll'>): KramdownTable[] {
  return site && site.jekyll.markdownConverter !== 'kramdown' ? [] : documentTables(document).tables;
}

/** The document's table lines kramdown renders as a paragraph since no body row follows the header (kramdown sites only). */
export function bodilessTables(document: Document, site?: Pick<SiteSettings, 'jekyll'>): BodilessTable[] {
  return site && site.jekyll.markdownConverter !== 'kramdown' ? [] : documentTables(document).bodiless;
}

// kramdown's line patterns (TABLE_LINE's pipe check, TABLE_SEP_LINE, TABLE_FSEP_LINE, TABLE_HSEP_ALIGN).
const pipeCheck = /^(?:\||.*?[^\\\n]\|)/;

/** kramdown's TABLE_PIPE_CHECK: a line with a `|` that is not escaped, which makes it a table line. */
export const isTableLine = (line: string): boolean => pipeCheck.test(line);
const separatorLine = /^[+|: \t-]*?-[+|: \t-]*?[ \t]*$/;
const footerSeparatorLine = /^[+|: \t]*?=[+|: \t=]*?[ \t]*$/;
const alignmentCell = /[ \t]?(:?)-+(:?)[ \t]?/g;

interface SourceLine {
  start: number;
  end: number;
  text: string;
}

function findTables(document: Document): DocumentTables {
  const tables: KramdownTable[] = [];
  const bodiless: BodilessTable[] = [];
  const masked = document.maskedText;
  const stripped = strippedLineBreaks(document.text, document.liquid);
  // Blocks are next to each other when one line break Liquid leaves separates them (none: one line).
  const adjacent = (before: RootContent, after: RootContent | undefined): boolean => {
    if (!before.position || !after?.position) return false;
    if (!stripped) return after.position.start.line === before.position.end.line + 1;
    return lineBreaksBetween(masked, before.position.end.offset!, after.position.start.offset!, stripped) <= 1;
  };
  const visit = (parent: Parent | Root, inQuote: boolean): void => {
    const children = parent.children as RootContent[];
    let group: RootContent[] = [];
    const flush = (next?: RootContent): void => {
      // Every line of a table has a pipe: most paragraphs have none and need not be split into lines.
      if (group.length > 0 && hasPipe(group, masked)) {
        const parts = splitAtMarkers(linesOf(group, masked, inQuote, stripped));
        parts.forEach(({ lines, afterBoundary }, index) => {
          // kramdown's before_block_boundary? after a table: a block right under the last row makes the lines a paragraph.
          if (!afterBoundary || (index === parts.length - 1 && adjacent(group.at(-1)!, next))) return;
          const table = readTable(lines);
          if (table && 'bodiless' in table) bodiless.push({ lines: table.bodiless });
          else if (table) tables.push(table);
        });
      }
      group = [];
    };
    children.forEach((child, index) => {
      if (child.type === 'paragraph' || child.type === 'table') {
        const previous = children[index - 1];
        const touchesPrevious = previous !== undefined && adjacent(previous, child);
        if (group.length > 0 && touchesPrevious) group.push(child);
        else {
          flush(child);
          // kramdown only starts a table after a block boundary (a blank line or the container's start).
          if (!touchesPrevious) group.push(child);
        }
        return;
      }
      flush(child);
      if ('children' in child && child.type !== 'heading' && child.type !== 'link' && child.type !== 'linkReference') {
        visit(child as Parent, inQuote || child.type === 'blockquote');
      }
    });
    flush();
  };
  visit(document.mdast, false);
  return { tables, bodiless };
}

// kramdown's IAL_BLOCK_START (`{: .wide}`) and EOB_MARKER (`^`): each ends the block before it and is a block boundary.
const blockMarker = /^(?:\{:(?![:/])(?:\\\}|[^}])+\}|\^)[ \t]*$/;

/**
 * The lines of adjacent paragraphs, cut at block attribute lines and end-of-block markers (which
 * belong to no table), each part with whether a table may start it (kramdown's
 * after_block_boundary?): after `^`, or after attribute lists that follow no block (they are the
 * next block's); one right after a block is that block's, and what follows it is no new block.
 */
function splitAtMarkers(lines: SourceLine[]): { lines: SourceLine[]; afterBoundary: boolean }[] {
  const parts = [{ lines: [] as SourceLine[], afterBoundary: true }];
  for (const line of lines) {
    const part = parts.at(-1)!;
    if (!blockMarker.test(line.text)) part.lines.push(line);
    else parts.push({ lines: [], afterBoundary: line.text.startsWith('^') || (part.lines.length === 0 && part.afterBoundary) });
  }
  return parts;
}

/** Whether Liquid takes out the line break whose `\n` is at `at` (a CRLF's is noted at its `\r`). */
const takenOut = (text: string, at: number, stripped: ReadonlySet<number>): boolean => stripped.has(text[at - 1] === '\r' ? at - 1 : at);

/** The line breaks from one offset to another that Liquid leaves in the page. */
function lineBreaksBetween(text: string, from: number, to: number, stripped: ReadonlySet<number>): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) if (!takenOut(text, at, stripped)) count++;
  return count;
}

function hasPipe(group: RootContent[], text: string): boolean {
  const end = group.at(-1)!.position!.end.offset!;
  for (let i = group[0]!.position!.start.offset!; i < end; i++) if (text.charCodeAt(i) === 124) return true;
  return false;
}

/**
 * The lines a group of adjacent blocks spans, without container prefixes; a line break Liquid
 * takes out (`stripped`) is a blank inside a line (masked tags around it are blanks too).
 */
function linesOf(group: RootContent[], text: string, inQuote: boolean, stripped: ReadonlySet<number> | undefined): SourceLine[] {
  const first = group[0]!.position!;
  const last = group.at(-1)!.position!;
  const lines: SourceLine[] = [];
  let lineStart = first.start.offset! - (first.start.column - 1);
  const end = last.end.offset!;
  while (lineStart <= end) {
    let lineEnd = text.indexOf('\n', lineStart);
    while (stripped && lineEnd !== -1 && lineEnd < end && takenOut(text, lineEnd, stripped)) lineEnd = text.indexOf('\n', lineEnd + 1);
    if (lineEnd === -1) lineEnd = text.length;
    let contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    let contentStart = lineStart;
    const prefix = inQuote ? /^(?:[ \t\r\n]*>)*[ \t\r\n]*/ : /^[ \t\r\n]*/;
    contentStart += prefix.exec(text.slice(lineStart, contentEnd))![0].length;
    while (contentEnd > contentStart && ' \t\r\n'.includes(text[contentEnd - 1]!)) contentEnd--;
    const content = text.slice(contentStart, contentEnd);
    lines.push({ start: contentStart, end: contentEnd, text: stripped ? content.replace(/[\r\n]/g, ' ') : content });
    lineStart = lineEnd + 1;
  }
  return lines;
}

function readTable(lines: SourceLine[]): KramdownTable | { bodiless: TableLine[] } | undefined {
  if (lines.length === 0 || !lines.every((line) => pipeCheck.test(line.text)) || !pipeOnEachLine(lines.map((line) => line.text).join('\n'))) return undefined;
  const leadingPipe = lines[0]!.text.startsWith('|');
  const result: TableLine[] = [];
  // kramdown's add_container: pending rows become a thead, tbody or tfoot element.
  const sections: ('thead' | 'tbody' | 'tfoot')[] = [];
  let pending: TableLine[] = [];
  let hasHeader = false;
  let hasFooter = false;
  const addSection = (type: 'thead' | 'tbody' | 'tfoot', force: boolean): void => {
    if (hasFooter && type === 'tbody' && !force) return;
    for (const row of pending) {
      row.section = type;
      row.group = sections.length;
    }
    sections.push(type);
    pending = [];
  };
  for (const line of lines) {
    if (separatorLine.test(line.text)) {
      result.push({ kind: 'separator', start: line.start, end: line.end, cells: alignmentCells(line) });
      if (pending.length === 0) continue;
      if (!hasHeader && !hasFooter) {
        addSection('thead', false);
        hasHeader = true;
      } else addSection('tbody', false);
    } else if (footerSeparatorLine.test(line.text)) {
      result.push({ kind: 'footer-separator', start: line.start, end: line.end, cells: [] });
      if (pending.length > 0) addSection('tbody', true);
      hasFooter = true;
    } else {
      const row: TableLine = { kind: 'row', start: line.start, end: line.end, cells: splitCells(line, leadingPipe) };
      pending.push(row);
      result.push(row);
    }
  }
  if (pending.length > 0) addSection(hasFooter ? 'tfoot' : 'tbody', false);
  // kramdown: "Found table without body - ignoring it".
  if (!sections.includes('tbody')) return hasHeader ? { bodiless: result } : undefined;
  return { lines: result, hasHeader, leadingPipe };
}

function alignmentCells(line: SourceLine): TableCell[] {
  const cells: TableCell[] = [];
  for (const match of line.text.matchAll(alignmentCell)) cells.push({ start: line.start + match.index, end: line.start + match.index + match[0].length });
  return cells;
}

/** Splits a row on pipes that are not escaped and not inside a `<code>` element or a code span, as kramdown does. */
function splitCells(line: SourceLine, leadingPipe: boolean): TableCell[] {
  const cells: TableCell[] = [];
  let cellStart = 0;
  for (const pipe of rowPipes(line.text)) {
    cells.push({ start: line.start + cellStart, end: line.start + pipe });
    cellStart = pipe + 1;
  }
  cells.push({ start: line.start + cellStart, end: line.end });
  const blank = (cell: TableCell): boolean => line.text.slice(cell.start - line.start, cell.end - line.start).trim() === '';
  if (leadingPipe && cells.length > 0 && blank(cells[0]!)) cells.shift();
  if (cells.length > 0 && blank(cells.at(-1)!)) cells.pop();
  return cells;
}

/**
 * kramdown's check that each line of a table has a pipe outside code spans and span HTML elements
 * (parse_table's `pipe_on_line`), made over the lines' text read for those alone, where a code span
 * may run on to the next line (`hash(a || b` and `|| c)` on two lines are no table) and an element
 * hides its content (`<code>a || b</code>` alone on a line is no table). A line break inside a
 * code span ends the check, and the table stands if the line before had such a pipe.
 */
function pipeOnEachLine(text: string): boolean {
  let pipeOnLine = false;
  for (const segment of spanSegments(text)) {
    const lines = rubyLines(segment.value);
    if (segment.code) {
      if (lines.length > 2 || (lines.length === 2 && !pipeOnLine)) break;
      if (lines.length === 2) pipeOnLine = false;
    } else {
      if (lines.length > 1 && !pipeOnLine && !pipeCheck.test(lines[0]!)) break;
      pipeOnLine = (lines.length > 1 ? false : pipeOnLine) || pipeCheck.test(lines.at(-1) ?? '');
    }
  }
  return pipeOnLine;
}

/** Ruby's `split("\n")`: trailing empty strings dropped. */
function rubyLines(text: string): string[] {
  const lines = text.split('\n');
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** One child of what kramdown's span parsers make of the text: a code span's code, or the value of text, a comment or an element (its name: its content is inside it). */
interface SpanSegment {
  code: boolean;
  value: string;
}

/**
 * The text as kramdown parses it with its code span and span HTML parsers alone
 * (parser/kramdown/codespan.rb, html.rb's parse_span_html), as parse_table does for its pipe check.
 * A backtick run opens a span closed by the next equal run (no backslash escapes), one backtick
 * with whitespace on both sides is text, a span of two or more trims one space at each end. A
 * span element (`<em>`, `<code>`) runs to its end tag, or to the end of the text when it has none;
 * a block element's tag, a stray end tag and a `<` that starts no tag are text; a comment is a
 * child of its own.
 */
function spanSegments(text: string): SpanSegment[] {
  const segments: SpanSegment[] = [];
  // Text runs on in one child (kramdown's add_text), up to the next code span, element or comment.
  let textOpen = false;
  const addText = (value: string): void => {
    if (textOpen) segments.at(-1)!.value += value;
    else segments.push({ code: false, value });
    textOpen = true;
  };
  const apart = (segment: SpanSegment): void => {
    segments.push(segment);
    textOpen = false;
  };
  const lastCommentClose = text.lastIndexOf('-->');
  let textStart = 0;
  let at = 0;
  for (let next = nextSpanStart(text, at); next !== -1; next = nextSpanStart(text, at)) {
    if (text[next] === '`') {
      const span = codeSpanAt(text, next);
      at = span.end;
      if (span.code === undefined) continue;
      if (next > textStart) addText(text.slice(textStart, next));
      apart({ code: true, value: span.code });
      textStart = at;
      continue;
    }
    const html = spanHtmlAt(text, next, true, lastCommentClose);
    if (html === undefined) {
      at = next + 1;
      continue;
    }
    if (next > textStart) addText(text.slice(textStart, next));
    if (html.kind === 'text') addText(html.value);
    else apart({ code: false, value: html.value });
    textStart = at = html.kind === 'open' ? elementEnd(text, html, lastCommentClose) : html.end;
  }
  if (textStart < text.length) addText(text.slice(textStart));
  return segments;
}

/**
 * kramdown's code span parser at a backtick run: the span's code and its end, or only the run's end
 * when it is text (one backtick with white space on both sides, or no equal run closing it).
 */
function codeSpanAt(text: string, start: number): { code?: string; end: number } {
  let run = 1;
  while (text[start + run] === '`') run++;
  const after = start + run;
  if (run === 1 && /\s/.test(text[start - 1] ?? '') && /\s/.test(text[after] ?? '')) return { end: after };
  const close = text.indexOf('`'.repeat(run), after);
  if (close === -1) return { end: after };
  const code = text.slice(after, close);
  return { code: run > 1 ? code.replace(/^ /, '').replace(/ $/, '') : code, end: close + run };
}

/** Where the next code span or span HTML may start: a backtick, or `<` before a name, `!--` or `/`. */
function nextSpanStart(text: string, from: number): number {
  spanStart.lastIndex = from;
  return spanStart.exec(text)?.index ?? -1;
}
const spanStart = /`|<(?:[A-Za-z_\u00C0-\uFFFF]|!--|\/)/g;

/** HTML_CONTENT_MODEL_RAW: an element whose content no span parser but the HTML one reads. */
const rawContent = new Set('script style math option textarea pre code kbd samp var'.split(' '));

/** What kramdown's parse_span_html makes of a `<`: a comment, an element with no content, one whose content follows (`open`), or text (a stray end tag, a block element's tag). */
type SpanHtml = { kind: 'comment' | 'empty' | 'text'; value: string; end: number } | { kind: 'open'; value: string; end: number; spans: boolean };

/** The span HTML at `start`, undefined when no pattern matches (the `<` alone is text). `spans`: whether content is parsed for code spans (not in a raw element's); `lastCommentClose`: where the text's last `-->` is. */
function spanHtmlAt(text: string, start: number, spans: boolean, lastCommentClose: number): SpanHtml | undefined {
  if (text.startsWith('<!--', start)) {
    // Past the text's last `-->` none is searched for: a text of openers and no close is read once.
    const close = start + 4 <= lastCommentClose ? text.indexOf('-->', start + 4) : -1;
    return close === -1 ? undefined : { kind: 'comment', value: text.slice(start, close + 3), end: close + 3 };
  }
  const strayEnd = readEndTag(text, start);
  if (strayEnd) return { kind: 'text', value: text.slice(start, strayEnd.end), end: strayEnd.end };
  const tag = readStartTag(text, start);
  if (!tag) return undefined;
  const name = normalizedElementName(tag.name);
  if (blockElements.has(name)) return { kind: 'text', value: text.slice(start, tag.end), end: tag.end };
  if (tag.closed || elementsWithoutBody.has(name)) return { kind: 'empty', value: name, end: tag.end };
  return { kind: 'open', value: name, end: tag.end, spans: spans && !rawContent.has(name) };
}

/**
 * Where an element's end tag ends, its content parsed for nested elements (and code spans where
 * `spans`), each closed by its own end tag (in any case for an HTML element kramdown knows); the
 * text's end when one has none. Nested elements are kept on a list, not the call stack: any depth is read.
 */
function elementEnd(text: string, element: Extract<SpanHtml, { kind: 'open' }>, lastCommentClose: number): number {
  const open = [{ name: element.value, spans: element.spans }];
  for (let at = element.end; at < text.length; ) {
    const inner = open.at(-1)!;
    const endTag = text[at] === '<' ? readEndTag(text, at) : undefined;
    if (endTag && normalizedElementName(endTag.name) === inner.name) {
      at = endTag.end;
      open.pop();
      if (open.length === 0) return at;
    } else if (inner.spans && text[at] === '`') {
      at = codeSpanAt(text, at).end;
    } else if (text[at] === '<') {
      const nested = spanHtmlAt(text, at, inner.spans, lastCommentClose);
      if (nested?.kind === 'open') open.push({ name: nested.value, spans: nested.spans });
      at = nested ? nested.end : at + 1;
    } else at++;
  }
  return text.length;
}

/** The pipes that split a row: kramdown first takes out `<code>` elements (`split(/(<code.*?>.*?<\/code>)/)`), then reads each part for code spans. */
function rowPipes(text: string): number[] {
  const pipes: number[] = [];
  let partStart = 0;
  const addPart = (end: number): void => {
    for (const pipe of pipesOutsideCode(text.slice(partStart, end))) pipes.push(partStart + pipe);
  };
  // The lazy pattern's matches, found in linear time: `<code`, the next `>`, the next `</code>`.
  for (let open = text.indexOf('<code'); open !== -1; open = text.indexOf('<code', partStart)) {
    const tagEnd = text.indexOf('>', open + 5);
    const close = tagEnd === -1 ? -1 : text.indexOf('</code>', tagEnd + 1);
    if (close === -1) break;
    addPart(open);
    partStart = close + '</code>'.length;
  }
  addPart(text.length);
  return pipes;
}

/** Positions of `|` not right after a backslash (kramdown's `(?<!\\)\|`) and not inside a code span. */
function pipesOutsideCode(text: string): number[] {
  const pipes: number[] = [];
  // From one backslash, backtick or pipe to the next: the characters between decide nothing.
  const marks = /[\\`|]/g;
  for (let mark = marks.exec(text); mark; mark = marks.exec(text)) {
    const i = mark.index;
    const c = mark[0];
    if (c === '\\') {
      if (text[i + 1] === '`') marks.lastIndex = i + 2;
    } else if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let close = text.indexOf(fence, i + run);
      while (close !== -1 && text[close + run] === '`') close = text.indexOf(fence, close + run + 1);
      marks.lastIndex = close === -1 ? i + run : close + run;
    } else if (text[i - 1] !== '\\') pipes.push(i);
  }
  return pipes;
}
