/**
 * table-delimiter-row: a kramdown table has a delimiter row (`|---|---|`) right after its
 * header row, with one valid alignment cell per column. Without one kramdown renders no
 * header; a malformed one (`|---|x--|`) is read as a body row; one before any row is ignored
 * (a top border, when a delimiter row follows the header: no finding).
 * A single line of prose with an unescaped `|` is a one-row table in kramdown: escape it. A single
 * line that starts with `|` was written as a table row: it is judged as a table with no header.
 * A header and delimiter row with no body row under them are no table to kramdown but a paragraph
 * of text; most often the blank line that ends them is a loop's tag line (`{% for %}` prints an
 * empty line), and whitespace control (`{%- for %}`, `{%- endfor %}`) keeps the rows in the table.
 */
import { bodilessTables, kramdownTables, type BodilessTable, type KramdownTable } from '../src/parse/kramdown-tables.js';
import type { LiquidBlock } from '../src/parse/liquid-tree.js';
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
    for (const table of bodilessTables(document, site)) {
      const finding = bodilessReport(document, table);
      if (finding) report(finding);
    }
  },
};

// Tags that print nothing where they stand: a line holding only them is an empty line of the page.
// Narrower than the tags mask-liquid.ts blanks: an include alone on its line writes the rows it holds.
const silentTags = new Set(['for', 'endfor', 'if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'case', 'when', 'endcase', 'assign', 'capture', 'endcapture', 'comment', 'endcomment', 'break', 'continue']);

/**
 * A header and delimiter row with no body row. The line under them is blank in the page, or holds
 * only tags that print nothing there (a loop's opening tag: its rows follow that empty line);
 * a line of output or of any other tag may print the rows, so the table is not judged.
 */
function bodilessReport(document: Document, table: BodilessTable): Report | undefined {
  const first = table.lines[0]!;
  const last = table.lines.at(-1)!;
  const nextLine = document.lines.position(last.end).line + 1;
  const nextStart = nextLine > document.lines.lineCount ? document.text.length : document.lines.lineStart(nextLine);
  const nextEnd = nextLine > document.lines.lineCount ? document.text.length : document.lines.lineEnd(nextLine);
  const where = { start: first.start, end: last.end };
  if (document.text.slice(nextStart, nextEnd).trim() === '') {
    return { ...where, message: 'This table has no body row: kramdown renders no table here, but its header and delimiter rows as a paragraph of text. Add a row under the delimiter row.' };
  }
  // Liquid's output masks as text: a line blank in the masked text holds tags and nothing else.
  const tags = document.liquid.tags.filter((tag) => tag.start >= nextStart && tag.end <= nextEnd);
  const blocks = document.liquid.blocks.filter((block) => block.open.start >= nextStart && block.open.end <= nextEnd);
  const tagsOnly = document.maskedText.slice(nextStart, nextEnd).trim() === '';
  if (!tagsOnly || tags.length === 0 || !tags.every((tag) => silentTags.has(tag.name))) return undefined;
  const loop = blocks.length === 1 && tags.length === 1 ? blocks[0]! : undefined;
  const shown = `{% ${tags[0]!.name} %}`;
  return {
    ...where,
    message: `This table has no body row: the line under it, \`${shown}\`, is an empty line of the page Liquid writes, which ends the table, so kramdown renders its header and delimiter rows as a paragraph of text${loop?.open.name === 'for' ? ' (and each row the loop writes as a table of its own)' : ''}. Take that line break out with whitespace control: \`{%- ${tags[0]!.name} … %}\`${loop?.close ? ` and \`{%- ${loop.close.name} %}\`` : ''}.`,
    fix: loop ? wholeRowsFix(document, loop) : undefined,
  };
}

/**
 * `{%- for %}` and `{%- endfor %}`: certain when the loop's body is rows and outputs only (no tag
 * of its own may print an empty line) and neither tag has whitespace control yet.
 */
function wholeRowsFix(document: Document, loop: LiquidBlock): Report['fix'] {
  const { open, close } = loop;
  if (open.name !== 'for' || !close || loop.branches.length > 0) return undefined;
  if (loop.children.some((child) => child.kind !== 'output')) return undefined;
  const text = document.text;
  const controlled = (tag: { start: number; end: number }): boolean => text[tag.start + 2] === '-' || text[tag.end - 3] === '-';
  if (controlled(open) || controlled(close)) return undefined;
  const lineStart = text.lastIndexOf('\n', close.start - 1) + 1;
  const lineEnd = text.indexOf('\n', close.end);
  const closeAlone = text.slice(lineStart, close.start).trim() === '' && text.slice(close.end, lineEnd === -1 ? text.length : lineEnd).trim() === '';
  if (!closeAlone) return undefined;
  return { start: open.start, end: close.end, text: `{%-${text.slice(open.start + 2, close.start)}{%-${text.slice(close.start + 2, close.end)}` };
}

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
