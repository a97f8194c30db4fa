/**
 * Every case of fixtures/conformance/kramdown-tables.json and kramdown-table-spans.json (real kramdown / jekyll output):
 * doclint's table reader must find the same tables, with every row in the same section
 * (thead/tbody/tfoot, and which one) and the same rendered width (kramdown pads every row
 * to the table's widest row).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kramdownTables } from '../src/parse/kramdown-tables.js';
import { parse, repoRoot } from './helpers.js';

interface Row {
  table: number;
  section: string;
  group: number;
  cells: number;
}
interface Case {
  input: string;
  note: string;
  via: string;
  expected: { tables: number; rows: Row[] };
}

const read = (file: string): Case[] => (JSON.parse(readFileSync(join(repoRoot, 'fixtures/conformance', file), 'utf8')) as { cases: Case[] }).cases;
// The project's own vectors (sources/kramdown-table-spans.rb): pipes inside span HTML and code spans.
const cases = [...read('kramdown-tables.json'), ...read('kramdown-table-spans.json')];

/** Where a table's row count differs for a reason outside table parsing, with the reason. */
const outside: Record<string, string> = {
  '| a | b |\n|---|---|\n| {% image pic.png %} | 2 |':
    '{% image %} renders multi-line HTML that breaks the table: the table-liquid-output rule reports it instead',
};

describe('kramdown table conformance', () => {
  it.each(cases.map((c) => [`${c.note}: ${JSON.stringify(c.input).slice(0, 60)}`, c] as const))('%s', (_, c) => {
    if (outside[c.input]) return;
    const document = parse(`---\ntitle: Case\n---\n${c.input}\n`);
    const tables = kramdownTables(document);
    const rows = tables.flatMap((table, index) => {
      const bodyRows = table.lines.filter((line) => line.kind === 'row');
      const width = Math.max(...bodyRows.map((row) => row.cells.length));
      return bodyRows.map((row) => ({ table: index, section: row.section, group: row.group, cells: width }));
    });
    expect({ tables: tables.length, rows }).toEqual(c.expected);
  });
});
