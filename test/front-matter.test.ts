import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/parse/front-matter.js';

describe('parseFrontMatter', () => {
  it('reads YAML with Jekyll (YAML 1.1) semantics', () => {
    const front = parseFrontMatter('---\nfeatured: yes\nhidden: off\norder: 010\ntitle: Hi\n---\nBody');
    expect(front).toMatchObject({ kind: 'yaml', bom: false, data: { featured: true, hidden: false, order: 8, title: 'Hi' } });
  });

  it('finds the body after the closing line, with CRLF', () => {
    const text = '---\r\ntitle: x\r\n---\r\nBody';
    const front = parseFrontMatter(text);
    expect(front.kind).toBe('yaml');
    if (front.kind === 'yaml') expect(text.slice(front.end)).toBe('Body');
  });

  it('accepts `...` as the closing line and spaces after the delimiters', () => {
    expect(parseFrontMatter('---  \ntitle: x\n...\n').kind).toBe('yaml');
  });

  it('needs the `---` at the very start of the file', () => {
    expect(parseFrontMatter('\n---\ntitle: x\n---\n').kind).toBe('none');
    expect(parseFrontMatter('# Title\n').kind).toBe('none');
    expect(parseFrontMatter('').kind).toBe('none');
  });

  it('marks a BOM before the front matter', () => {
    expect(parseFrontMatter('\uFEFF---\ntitle: x\n---\n')).toMatchObject({ kind: 'yaml', bom: true, start: 1 });
  });

  it('classifies unterminated and non-YAML blocks', () => {
    expect(parseFrontMatter('---\ntitle: x\n').kind).toBe('unterminated');
    expect(parseFrontMatter('---js\n{ a: 1 }\n---\n')).toMatchObject({ kind: 'non-yaml', language: 'js' });
    expect(parseFrontMatter('+++\na = 1\n+++\n')).toMatchObject({ kind: 'non-yaml', language: 'toml' });
  });

  it('never evaluates YAML tags and survives alias bombs', () => {
    const front = parseFrontMatter('---\nx: !!js/function "function(){}"\n---\n');
    expect(front.kind === 'yaml' && front.yaml.warnings.length).toBeGreaterThan(0);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 10; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    const bombed = parseFrontMatter(`---\n${bomb.join('\n')}\n---\n`);
    // Psych loads it; doclint reads the keys that expand past the budget as empty, and says so.
    if (bombed.kind !== 'yaml') throw new Error('expected YAML front matter');
    expect(bombed.data.a).toEqual(Array(9).fill('x'));
    expect(bombed.data.k).toBeNull();
    expect(bombed.valueProblems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('alias bomb') })]);
  });
});
