/**
 * table-cell-count: every row of a kramdown table has as many cells as its first row.
 * kramdown pads short rows and widens the whole table for long ones, silently, so the
 * mistake never shows in the HTML; cells are counted in the source, as kramdown splits them.
 */
import { kramdownTables, type TableLine } from '../src/parse/kramdown-tables.js';
import type { Document, Fix, DocumentRule } from '../src/types.js';

export const tableCellCount: DocumentRule = {
  meta: {
    id: 'table-cell-count',
    description: 'Every table row has as many cells as the header (kramdown silently pads or widens).',
    severity: 'error',
    fixable: true,
  },
  check({ document, site, report }) {
    for (const table of kramdownTables(document, site)) {
      const rows = table.lines.filter((line) => line.kind === 'row');
      const header = rows[0];
      if (!header || rows.length < 2) continue;
      const expected = header.cells.length;
      const what = table.hasHeader ? 'the header' : 'the first row';
      for (const row of rows.slice(1)) {
        const found = row.cells.length;
        if (found === expected) continue;
        if (found < expected) {
          report({
            message: `This row has ${found} cell${found === 1 ? '' : 's'}, ${what} has ${expected}: kramdown pads it with ${expected - found} empty cell${expected - found === 1 ? '' : 's'}.`,
            start: row.start,
            end: row.end,
            fix: padRow(document, row, expected - found),
          });
        } else {
          report({
            message: `This row has ${found} cells, ${what} has ${expected}: kramdown widens the whole table with empty cells to fit it.`,
            start: row.cells[expected]?.start ?? row.start,
            end: row.end,
          });
        }
      }
    }
  },
};

/** Appends empty cells at the end of the row (a pipe that is escaped does not end a row). */
function padRow(document: Document, row: TableLine, missing: number): Fix {
  const text = document.text.slice(row.start, row.end);
  const endsWithPipe = text.endsWith('|') && !text.endsWith('\\|');
  return { start: row.end, end: row.end, text: ' |'.repeat(endsWithPipe ? missing : missing + 1) };
}
