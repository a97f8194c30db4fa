import { describe, expect, it } from 'vitest';
import { parseFrontMatter, parsePsychYaml } from '../src/parse/front-matter.js';
import { flatYaml } from '../src/parse/yaml-flat.js';
import { locateInFrontMatter } from '../src/parse/yaml-locate.js';
import { yamlValues } from '../src/parse/yaml-values.js';

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

  it('takes tabs before a flow collection\'s items as Psych does, and tab-indented block keys as errors', () => {
    // Expected values from Ruby 3.1's YAML.safe_load (libyaml).
    const read = (yaml: string) => parseFrontMatter(`---\n${yaml}---\n`);
    expect(read('categories:\n  [\n    css,\n\tcollection hubs,\n  ]\ntitle: T\n')).toMatchObject({ kind: 'yaml', data: { categories: ['css', 'collection hubs'], title: 'T' } });
    expect(read('a: {x: 1,\n\ty: "p # q",\n\t}\nb: 2\n')).toMatchObject({ data: { a: { x: 1, y: 'p # q' }, b: 2 } });
    expect(read('a: [x,\n\t# c\n\ty]\n')).toMatchObject({ data: { a: ['x', 'y'] } });
    const block = read('a:\n\tb: 1\n');
    expect(block.kind === 'yaml' && block.yaml.errors.length).toBeGreaterThan(0);
  });

  it('ends an alias\'s name where libyaml does: `*release:` is a key (lodash.com\'s _config.yml)', () => {
    // Ruby 3.1's YAML.safe_load("a: &x v\n*x: 1\nb: [*x]\n", aliases: true) => {"a"=>"v", "v"=>1, "b"=>["v"]}.
    const read = parseFrontMatter('---\na: &x v\n*x: 1\nb: [*x]\nc: "*x: not an alias"\n---\n');
    expect(read).toMatchObject({ kind: 'yaml', data: { a: 'v', v: 1, b: ['v'], c: '*x: not an alias' } });
    // Positions stay those of the text as written: the key `c` is on line 5.
    const yaml = parsePsychYaml('a: &x v\n*x: 1\nc: 2\n');
    expect(yaml.errors).toEqual([]);
    expect(String(yaml.toJS({ maxAliasCount: -1 }).c)).toBe('2');
    const c = (yaml.contents as { items: { key: { range: number[] } }[] }).items[2]!.key.range[0];
    expect(c).toBe('a: &x v\n*x: 1\n'.length);
  });

  it('reads a quoted scalar continued at column 0 after a comment that holds a quote, as Psych does (bitcoincore.org\'s release pages)', () => {
    // Ruby 3.1's YAML.safe_load: {"a"=>1, "link"=>"magnet:?xt=1&t r=udp", "b"=>"it's # not a comment"}.
    const yaml = parsePsychYaml('a: 1\n## Link should start with: "magnet:?\nlink: "magnet:?xt=1&t\nr=udp"\nb: "it\'s # not a comment"\n');
    expect(yaml.errors).toEqual([]);
    expect(yaml.toJS()).toEqual({ a: 1, link: 'magnet:?xt=1&t r=udp', b: "it's # not a comment" });
  });

  it('reads a stream\'s first document only, as Psych does (puppet-docs\' _config.yml ends with `---`)', () => {
    // Ruby 3.1's YAML.safe_load: {"a"=>1} for the first three, nil for the fourth; the second document is never parsed.
    for (const text of ['a: 1\n---\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\nb: [\n']) {
      const yaml = parsePsychYaml(text);
      expect(yaml.errors).toEqual([]);
      expect(yaml.toJS()).toEqual({ a: 1 });
    }
    expect(parsePsychYaml('---\n---\na: 1\n').toJS()).toBeNull();
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

describe('flat front matter', () => {
  it('is read as the YAML library reads it with Psych scalars, or left to the library', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ['title', 'layout', 'tags', 'a-b', '_x', 'X2', 'y', 'n', 'on', 'yes', 'null', '1', '2fa', '__proto__', 'toString', 'a.b', 'a b', '-a', '?a'];
    const values = [
      '', 'Plain words', 'yes', 'No', 'oN', '~', 'null', 'Null', '010', '08', '0x1F', '0b101', '1,000', '1_000', '1e3', '1.5', '1.5e+3', '.5', '.', '-.', '+1', '-5', '-x', '--x', '?x', ':sym', ':',
      '.inf', '-.Inf', '.nan', '2024-01-02', '2021-02-30', '2024-1-2', '2024-01-02 10:00:00 +01:00', '2024-01-02T10:00:00Z', '1:30', '-1:30', '190:20:30.15',
      '"quoted"', '"q # x"', '"a\\"b"', '"a\\nb"', '""', '"', "'s'", "'it''s'", "''", '"x" y', '"unclosed',
      '[a, b]', '[]', '[ ]', '[a,]', '[,]', '["x", y]', "['x', 'y z']", '[a, [b]]', '[yes, 010, ~, 2024-01-02]', '[a b, c]', '[a #b]', '[a: b]', '[a:b]', '[-a]', '[a]x', '[a', '[ a , b ]',
      '{a: b}', '{}', 'a: b', 'a:b', 'a #c', 'a#c', 'C#', 'http://x.y/z?q=1#f', '&a x', '*a', '!x y', '!!str 1', '|', '>-', '@x', '`x`', '%x', 'a, b [c] {d}', 'x:', 'ünïcode ✓ 🎉', 'tail   ', "it's", 'a "b" c', '---', '...', '- a',
    ];
    // Mostly what pages hold, so that most texts are read; the rest is what must be left to the library.
    const key = (): string => (random() < 0.7 ? pick(keys.slice(0, 6)) : pick(keys));
    const value = (): string => (random() < 0.6 ? pick(['Plain words', 'yes', '010', '1.5', '2024-01-02', '"quoted"', "'s'", '[a, b]', '[]', 'ünïcode ✓ 🎉', '']) : pick(values));
    const line = (): string => {
      const roll = random();
      if (roll < 0.25) return `${pick(['', '  ', '  ', ' ', '    '])}${pick(['- ', '- ', '-  ', '-'])}${value()}`;
      if (roll < 0.31) return pick(['', '   ', '# a comment', '  # indented comment', '  continued', '- item', '  - item', '#']);
      return `${key()}${pick([': ', ': ', ': ', ':', ' : ', ':  ', ':\t'])}${value()}`;
    };
    let read = 0;
    for (let i = 0; i < 10_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 5) }, line).join('\n') + pick(['', '\n']);
      const flat = flatYaml(text);
      if (flat === undefined) continue;
      read++;
      const yaml = parsePsychYaml(text);
      expect({ text, errors: yaml.errors.map((e) => e.message), warnings: yaml.warnings.map((w) => w.message) }).toEqual({ text, errors: [], warnings: [] });
      const values = yamlValues(yaml);
      expect({ text, data: values.data, keys: Object.keys(values.data), problems: values.problems }).toEqual({ text, data: flat.data, keys: Object.keys(flat.data), problems: [] });
      const keysWritten = (yaml.contents as { items?: { key: { value: unknown } }[] } | null)?.items?.map((pair) => String(pair.key.value)) ?? [];
      expect(new Set(keysWritten).size).toBe(keysWritten.length);
      // The places rules point at are those the syntax tree gives.
      const front = parseFrontMatter(`---\n${text}\n---\n`);
      if (front.kind !== 'yaml' || !front.flatPlaces) throw new Error(`expected flat front matter: ${text}`);
      const tree = { ...front, flatPlaces: undefined };
      const paths = Object.entries(flat.data).flatMap(([key, value]) => [[key], ...Array.from({ length: (Array.isArray(value) ? value.length : 0) + 1 }, (_, i) => [key, i])]);
      for (const path of [...paths, ['missing'], ['missing', 0]]) {
        for (const target of ['key', 'value'] as const) {
          expect({ text, path, target, at: locateInFrontMatter(front, path, target) }).toEqual({ text, path, target, at: locateInFrontMatter(tree, path, target) });
        }
      }
    }
    expect(read).toBeGreaterThan(800);
  });

  it('builds the syntax tree only when it is asked for', () => {
    const front = parseFrontMatter('---\ntitle: Hi\ntags: [a, b]\n---\n');
    if (front.kind !== 'yaml') throw new Error('expected YAML front matter');
    expect(front).toMatchObject({ flatPlaces: expect.any(Map), valid: true, data: { title: 'Hi', tags: ['a', 'b'] } });
    expect(front.yaml.contents?.toJSON()).toEqual({ title: 'Hi', tags: ['a', 'b'] });
    expect(parseFrontMatter('---\ntitle: Hi\nnested:\n  a: 1\n---\n')).toMatchObject({ valid: true, data: { nested: { a: 1 } } });
    expect(parseFrontMatter('---\ntitle: Hi\nnested:\n  a: 1\n---\n')).not.toHaveProperty('flatPlaces');
  });
});
