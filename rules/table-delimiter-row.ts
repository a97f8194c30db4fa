/**
 * table-delimiter-row: a kramdown table has a delimiter row (`|---|---|`) right after its
 * header row, with one valid alignment cell per column. Without one kramdown renders no
 * header; a malformed one (`|---|x--|`) is read as a body row; one before any row is ignored
 * (a top border, when a delimiter row follows the header: no finding).
 * A single line of prose with an unescaped `|` is a one-row table in kramdown: escape it. A single
 * line that starts with `|` was written as a table row: it is judged as a table with no header.
 */
import { kramdownTables, type KramdownTable } from '../src/parse/kramdown-tables.js';
import type { Document, Report, DocumentRule } from '../src/types.js';

const alignment = /^\s*:?-+:?\s*$/;

interface Options {
  /** Header-less tables (key/value lists written as tables, with or without a top border) are intended: do not report them. */
  allowHeaderless: boolean;
}

export const tableDelimiterRow: DocumentRule<Options> = {
  meta: {
    id: 'table-delimiter-row',
    description: 'Tables have a valid delimiter row after the header, with one cell per column; no accidental one-line tables.',
    severity: 'error',
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { allowHeaderless: { type: 'boolean', description: 'Do not report tables that have no header: no delimiter row at all, or one before every row.' } },
    },
    defaults: { allowHeaderless: false },
  },
  check({ document, options, site, report }) {
    for (const table of kramdownTables(document, site)) checkTable(document, table, options).forEach(report);
  },
};

function checkTable(document: Document, table: KramdownTable, options: Options): Report[] {
  // Delimiter rows before the first row are a top border to kramdown (its own docs draw tables so): ignored.
  const firstRow = table.lines.findIndex((line) => line.kind === 'row');
  const border = table.lines[0]?.kind === 'separator' ? table.lines[0] : undefined;
  if (border && !table.hasHeader) {
    if (options.allowHeaderless) return [];
    return [{ message: 'The delimiter row comes before any header row: kramdown ignores it and the table has no header.', start: border.start, end: border.end }];
  }
  const lines = table.lines.slice(Math.max(firstRow, 0));
  const [first, second] = lines;
  const rows = lines.filter((line) => line.kind === 'row');
  const cellText = (cell: { start: number; end: number }): string => document.maskedText.slice(cell.start, cell.end);
  if (!first) return [];
  if (lines.length === 1 && !document.maskedText.slice(first.start, first.end).trimStart().startsWith('|')) {
    return [{
      message: 'This line has an unescaped `|`, so kramdown renders it as a one-row table. Escape it as `\\|` if it is prose, or add a header and a delimiter row.',
      start: first.start,
      end: first.end,
      severity: 'warning',
      fix: escapePipes(document, first),
    }];
  }
  if (!table.hasHeader) {
    if (second?.kind === 'row' && second.cells.some((cell) => alignment.test(cellText(cell)))) {
      const bad = second.cells.find((cell) => !alignment.test(cellText(cell)));
      const shown = bad ? `\`${cellText(bad).trim()}\`` : 'a cell';
      return [{ message: `This looks like a delimiter row, but ${shown} is not \`---\`, \`:--\`, \`--:\` or \`:-:\`: kramdown reads it as a body row, so the table has no header.`, start: (bad ?? second).start, end: (bad ?? second).end }];
    }
    if (options.allowHeaderless) return [];
    return [{
      message: 'The table has no delimiter row (`|---|---|`) after its first row: kramdown renders every row as a body row, with no header. Add one if the first row is a header (or set the rule option allowHeaderless).',
      start: first.start,
      end: first.end,
      severity: 'warning',
    }];
  }
  const header = rows[0]!;
  const delimiter = lines.find((line) => line.kind === 'separator')!;
  if (delimiter.cells.length !== header.cells.length) {
    return [{
      message: `The delimiter row has ${delimiter.cells.length} cell${delimiter.cells.length === 1 ? '' : 's'}, the header has ${header.cells.length}: columns without one get no alignment, extra ones are ignored.`,
      start: delimiter.start,
      end: delimiter.end,
      severity: 'warning',
    }];
  }
  return [];
}

function escapePipes(document: Document, line: { start: number; end: number; cells: { start: number; end: number }[] }) {
  // The cell boundaries are exactly the pipes kramdown splits on.
  const pipes = line.cells.slice(0, -1).map((cell) => cell.end);
  let text = document.text.slice(line.start, line.end);
  for (const pipe of pipes.reverse()) text = `${text.slice(0, pipe - line.start)}\\${text.slice(pipe - line.start)}`;
  return { start: line.start, end: line.end, text };
}
