/**
 * table-cell-count: every row of a kramdown table has as many cells as its first row.
 * kramdown pads short rows and widens the whole table for long ones, silently, so the
 * mistake never shows in the HTML; cells are counted in the source, as kramdown splits them.
 */
import { kramdownTables, type TableLine } from '../src/parse/kramdown-tables.js';
import { gfmTables, type GfmTable } from '../src/parse/gfm-tables.js';
import { gfmTablesOn } from '../src/site/jekyll-config.js';
import type { Document, Fix, DocumentRule, Report } from '../src/types.js';

export const tableCellCount: DocumentRule = {
  meta: {
    id: 'table-cell-count',
    description: 'Every table row has as many cells as the header (kramdown silently pads or widens).',
    severity: 'error',
    fixable: true,
  },
  check({ document, site, report }) {
    if (gfmTablesOn(site.jekyll.raw)) {
      for (const table of gfmTables(document)) checkGfmTable(document, table, report);
      return;
    }
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

/** A GFM table (jekyll-commonmark): a short row is padded, a long one loses its last cells. */
function checkGfmTable(document: Document, { header, rows }: GfmTable, report: (finding: Report) => void): void {
  const expected = header.cells.length;
  for (const row of rows) {
    const found = row.cells.length;
    if (found < expected) {
      report({
        message: `This row has ${found} cell${found === 1 ? '' : 's'}, the header has ${expected}: GFM pads it with ${expected - found} empty cell${expected - found === 1 ? '' : 's'}.`,
        start: row.start,
        end: row.end,
        fix: padRow(document, row, expected - found),
      });
    } else if (found > expected) {
      report({
        message: `This row has ${found} cells, the header has ${expected}: GFM drops the last ${found - expected} (their text is not on the page).`,
        start: row.cells[expected]!.start,
        end: row.end,
      });
    }
  }
}

/** Appends empty cells at the end of the row (a pipe that is escaped does not end a row). */
function padRow(document: Document, row: TableLine, missing: number): Fix {
  const text = document.text.slice(row.start, row.end);
  const endsWithPipe = text.endsWith('|') && !text.endsWith('\\|');
  return { start: row.end, end: row.end, text: ' |'.repeat(endsWithPipe ? missing : missing + 1) };
}
