/**
 * Tables as cmark-gfm's table extension reads them (jekyll-commonmark with `commonmark:
 * extensions: [table]`): a header row, then a delimiter row of as many cells (`---`, `:--`,
 * `--:`, `:-:`, one `|` at least), then every line up to the paragraph's end is a row. Cells
 * are split at each `|` not escaped, inside code spans too; a leading and a trailing `|` are
 * dropped. A row with fewer cells than the header is padded, one with more loses the rest.
 * Read from paragraphs, where the CommonMark reading without the extension leaves them: at the
 * top level, in list items and in block quotes (whose `>` starts each line). Checked with jekyll
 * 4.3.1, jekyll-commonmark 1.4.0 and commonmarker 0.23.6.
 */
import type { Document } from '../types.js';
import { nodesOfType } from './document-nodes.js';
import type { TableCell, TableLine } from './kramdown-tables.js';

export interface GfmTable {
  header: TableLine;
  rows: TableLine[];
}

const delimiterCell = /^\s*:?-+:?\s*$/;

export function gfmTables(document: Document): GfmTable[] {
  const tables: GfmTable[] = [];
  for (const { node } of nodesOfType(document, 'paragraph')) {
    const lines = linesOf(document.maskedText, node.position!.start.offset!, node.position!.end.offset!);
    for (let i = 0; i + 1 < lines.length; i++) {
      const header = lines[i]!;
      const delimiter = lines[i + 1]!;
      if (!delimiter.text.includes('|')) continue;
      const delimiterCells = cellsOf(delimiter);
      if (delimiterCells.length === 0 || !delimiterCells.every((cell) => delimiterCell.test(document.maskedText.slice(cell.start, cell.end)))) continue;
      const headerRow = row(header);
      if (headerRow.cells.length !== delimiterCells.length) continue;
      tables.push({ header: headerRow, rows: lines.slice(i + 2).map(row) });
      break;
    }
  }
  return tables;
}

interface Line {
  text: string;
  start: number;
}

/** The paragraph's lines, each after its containers' prefix (a quote's `>`, an item's indent is left to the cells' trimming). */
function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  const inQuote = text.slice(text.lastIndexOf('\n', from - 1) + 1, from).includes('>');
  let start = from;
  for (const [index, piece] of text.slice(from, to).split('\n').entries()) {
    const prefix = index > 0 && inQuote ? /^[ \t]*(?:>[ \t]*)*/.exec(piece)![0].length : 0;
    lines.push({ text: piece.slice(prefix), start: start + prefix });
    start += piece.length + 1;
  }
  return lines;
}

function row(line: Line): TableLine {
  const content = line.text.trimEnd();
  const indent = content.length - content.trimStart().length;
  return { kind: 'row', start: line.start + indent, end: line.start + content.length, cells: cellsOf(line) };
}

/** The cells of a line: split at unescaped pipes, less a leading and a trailing one. */
function cellsOf(line: Line): TableCell[] {
  const text = line.text;
  let from = text.length - text.trimStart().length;
  let to = text.trimEnd().length;
  if (text[from] === '|') from++;
  if (to > from && text[to - 1] === '|' && text[to - 2] !== '\\') to--;
  const cells: TableCell[] = [];
  let cellStart = from;
  for (let i = from; i < to; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') {
      cells.push({ start: line.start + cellStart, end: line.start + i });
      cellStart = i + 1;
    }
  }
  if (to > cellStart || cells.length > 0 || to > from) cells.push({ start: line.start + cellStart, end: line.start + to });
  return cells;
}
