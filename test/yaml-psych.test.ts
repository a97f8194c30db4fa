import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/parse/front-matter.js';

/** Each pair was checked with Ruby 3.1.2 / Psych 4.0.3: Psych.safe_load("v: X", permitted_classes: [Date, Time]). */
const psych: [string, unknown][] = [
  ['08', '08'], ['09', '09'], ['07', 7], ['010', 8], ['00', 0], ['-0', 0], ['012345678', '012345678'], ['0o10', '0o10'],
  ['1,000', 1000], ['1_000', 1000], ['+12', 12], ['0x1F', 31], ['0b101', 5],
  ['1:30', 5400], ['-1:30', -1800], ['12:30:45', 45045], ['1:30.5', 5430],
  ['y', 'y'], ['n', 'n'], ['Y', 'Y'], ['yEs', true], ['On', true], ['no', false], ['TRUE', true], ['False', false],
  ['NULL', null], ['Null', null], ['~', null],
  ['1e3', '1e3'], ['1.0e3', '1.0e3'], ['.5', 0.5], ['3.0', 3], ['.inf', Infinity],
  ['hello world', 'hello world'], ['"08"', '08'],
];

describe('front matter values as Jekyll (Psych) reads them', () => {
  it.each(psych)('%s', (source, expected) => {
    const front = parseFrontMatter(`---\nv: ${source}\n---\n`);
    expect(front.kind === 'yaml' && front.yaml.errors).toEqual([]);
    expect(front.kind === 'yaml' && front.data.v).toEqual(expected);
  });

  it('reads dates as dates and impossible dates as strings', () => {
    const front = parseFrontMatter('---\na: 2020-01-31\nb: 2020-1-5\nc: 2021-02-30\n---\n');
    expect(front.kind === 'yaml' && front.data).toEqual({ a: new Date(Date.UTC(2020, 0, 31)), b: new Date(Date.UTC(2020, 0, 5)), c: '2021-02-30' });
  });

  it('refuses Ruby symbols, as safe_load does', () => {
    const front = parseFrontMatter('---\ntitle: :x\n---\n');
    expect(front.kind === 'yaml' && front.yaml.errors[0]?.message).toContain('Ruby Symbol');
  });
});
