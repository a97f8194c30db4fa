import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/parse/front-matter.js';
import { repoRoot } from './helpers.js';

interface Case {
  input: string;
  expected: { null: true } | { bool: boolean } | { number: number | 'inf' | '-inf' | 'nan' } | { string: string } | { date: string } | { time: string } | { error: string };
}

const { cases } = JSON.parse(readFileSync(join(repoRoot, 'fixtures/conformance/safe-yaml-scalars.json'), 'utf8')) as { cases: Case[] };

/** What doclint read, in the vectors' terms. */
function described(value: unknown, errors: readonly unknown[]): Case['expected'] {
  if (errors.length > 0) return { error: 'ArgumentError' };
  if (value === null) return { null: true };
  if (typeof value === 'boolean') return { bool: value };
  if (typeof value === 'number') return { number: Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : value === -Infinity ? '-inf' : value };
  if (value instanceof Date) return value.toISOString().endsWith('T00:00:00.000Z') ? { date: value.toISOString().slice(0, 10) } : { time: value.toISOString() };
  return { string: String(value) };
}

describe('front matter values as Jekyll (SafeYAML) reads them', () => {
  it(`agrees with SafeYAML on ${cases.length} plain scalars`, () => {
    for (const { input, expected } of cases) {
      const front = parseFrontMatter(`---\nv: ${input}\n---\n`);
      if (front.kind !== 'yaml') throw new Error(`expected YAML front matter: ${input}`);
      // Ruby's Date at midnight and a Time at midnight UTC are the same instant to doclint.
      const want = 'time' in expected && expected.time.endsWith('T00:00:00.000Z') ? { date: expected.time.slice(0, 10) } : 'error' in expected ? { error: 'ArgumentError' } : expected;
      expect({ input, got: described(front.data.v, front.yaml.errors) }).toEqual({ input, got: want });
    }
  });

  it('reads a Ruby Symbol as text, and warns that Psych safe_load refuses it', () => {
    const front = parseFrontMatter('---\npermalink: :title\nsass:\n  style: :compressed\n---\n');
    if (front.kind !== 'yaml') throw new Error('expected YAML front matter');
    expect(front.yaml.errors).toEqual([]);
    expect(front.data).toEqual({ permalink: ':title', sass: { style: ':compressed' } });
    expect(front.valueProblems).toEqual([
      expect.objectContaining({ severity: 'warning', start: 11, end: 17, message: expect.stringContaining("Debian's and Ubuntu's jekyll package") }),
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('`:compressed`') }),
    ]);
    const quoted = parseFrontMatter('---\npermalink: ":title"\n---\n');
    expect(quoted.kind === 'yaml' && quoted.valueProblems).toEqual([]);
  });
});
