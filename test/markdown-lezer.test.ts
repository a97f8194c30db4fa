import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parser } from '@lezer/markdown';
import type { Tree } from '@lezer/common';
import { commonMarkParser } from '../src/parse/lezer-parser.js';
import { lezerMarkdownTree } from '../src/parse/markdown-lezer.js';
import { remarkTree } from '../src/parse/markdown.js';

const { tests: specExamples } = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; example: number; section: string }[] };

function markdownFixtures(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** lezer's tree is micromark's, node for node, or it declines the text. */
function expectSameTreeOrDeclined(text: string): boolean {
  const fast = lezerMarkdownTree(text);
  if (fast) expect(fast).toEqual(remarkTree(text));
  return fast !== undefined;
}

describe('the lezer reader', () => {
  it('builds micromark’s tree for every CommonMark spec example it reads, and reads most of them', () => {
    const read = specExamples.filter((example) => expectSameTreeOrDeclined(example.markdown)).length;
    expect(read).toBeGreaterThan(specExamples.length * 0.85);
  });

  it('builds micromark’s tree for every Markdown fixture it reads', () => {
    const files = markdownFixtures('fixtures');
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expectSameTreeOrDeclined(readFileSync(file, 'utf8'));
  });

  it('reads the shapes help articles are made of', () => {
    const article = [
      '## Install {#install}',
      '',
      'See [the guide](/help/guide/#step "Guide"), [ref][Docs], [Docs] and <https://example.com/a>.',
      '{: .note #intro}',
      '',
      '1. Open **Settings** &rarr; `Vault`:',
      '',
      '   ```bash',
      '   bw login <you@example.com>',
      '   ```',
      '',
      '   ![Screen](/help/images/a.png){: .screenshot}',
      '2. Done, in ~/docs\\',
      '   next line',
      '',
      '> **Note**',
      '> Quoted *text* with <span id="x">HTML</span> and [optional] words.',
      '',
      '<div class="card" markdown="1">',
      'Inside',
      '</div>',
      '',
      '    indented code',
      '',
      '| a | b |',
      '|---|---|',
      '',
      '[docs]: /help/docs/ \'Docs\'',
      '',
    ].join('\n');
    expect(expectSameTreeOrDeclined(article)).toBe(true);
  });

  it('builds micromark’s tree for every random document it reads, built from the constructs help articles use', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const spans = ['word', '*em*', '**strong**', '_u_', '`code`', '``a ` b``', '[link](/a/b "t")', '[ref]', '[Ref][ref]', '[undef]', '[undef][none]', '[Undef][]', '[x][ref]', '[ref][none]', '![u][none]', '[a [undef] b](/x)', '[see [none]]', '*[undef]*', '1[ x] y', '[ ] task', '\\[undef]', '[undef]: x', '![img](/i.png)', '![alt *x*][ref]', '<span id="x">h</span>', '<https://e.com>', '<a@b.co>', '&amp;', '&#35;', '\\*', '\\[', '  ', '[a [b] c](/x)', '[x](<a b>)', '[y](/p(q))', '*a [b*](/c)', '~x', '~~s~~', 'a\\', '<!-- c -->', '{: #id}', '{#h}', 'a | b', '**x*', '[', ']', '](', '{:target="_blank"}', '_a_b_', '(*)', 'a * b', 'x_y', '[a](/b "c d")', "![i](/j 'k')", '<br>', '<a href="/x">y</a>', '[a](/b&amp;c)', '[a]( /b )', '{{x}}', '  \\n', 'a `b', '``', '`a\n  b`', '[ref][ ]', '<!--\n  c -->'];
    const inline = (): string => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(spans)).join(pick([' ', '', '\n']));
    const indent = (): string => pick(['', ' ', '  ', '   ', '    ']);
    const blocks = [
      () => `- a\n  - ${inline()}\n    ${pick(['```', '> ', '1. ', '    ', ''])}${inline()}\n${pick(['', '  ', '    '])}${inline()}`,
      () => `> - ${inline()}\n>   ${inline()}\n>\n> ${pick(['', '    ', '```', '# '])}${inline()}`,
      () => `1. ${inline()}\n\n   ${pick(['```sh', '<div>', '| a |'])}\n   ${inline()}\n   ${pick(['```', '</div>', '|---|', ''])}\n2. x`,
      () => `${pick(['#', '##'])} ${inline()}${pick(['', ' ##', ' {#x}', '  '])}`,
      () => `${inline()}\n${pick(['===', '---', '-'])}`,
      () => `${indent()}${inline()}`,
      () => `${pick(['-', '*', '1.', '2)'])}${pick([' ', '  ', '    ', '     '])}${inline()}`,
      () => `- a\n\n  ${pick(['```', '    ', '> ', '- '])}${inline()}\n  ${pick(['```', '', 'x'])}`,
      () => `> ${inline()}\n${pick(['> ', '', '>'])}${inline()}`,
      () => `${indent()}\`\`\`${pick(['', 'js', 'js x'])}\n${indent()}${inline()}\n${indent()}\`\`\``,
      () => `<div${pick(['', ' markdown="1"'])}>\n${inline()}\n</div>`,
      () => `[ref]: ${pick(['/r', '<r r>', '/r "t"', '/r (t)'])}`,
      () => `| a | b |\n|---|---|\n| ${inline()} | x |`,
      () => pick(['***', '', '   ']),
    ];
    let read = 0;
    for (let i = 0; i < 4000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(blocks)()).join(pick(['\n', '\n\n']));
      if (expectSameTreeOrDeclined(text)) read++;
    }
    expect(read).toBeGreaterThan(800);
  });

  it('builds micromark’s tree for every random string of Markdown’s characters it reads', () => {
    let seed = 3;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const atoms = ['***', '__', '<a>', '</a>', '    ', '> ', '- ', '1. ', '```', '{#x}', 'http://e.com', '<http://e.com>', '  \n', '\\[', '![a]', '[a][b]', '[a][]', '](/y)', '[', ']', '(', ')', '!', '*', '_', '`', ':', ' ', '\n', '\n\n', 'a', 'b', '1', '.', '/x', '<', '>', '\\', '#', '-', '"', '[a]', '[b]', '[a]: /u', '[ ]', '~', '&amp;', '|', '\t', 'a\tb', '\t\t', '<br/>', '<a_b>', '<x />'];
    let read = 0;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: 2 + Math.floor(random() * 14) }, () => atoms[Math.floor(random() * atoms.length)]).join('');
      if (expectSameTreeOrDeclined(text)) read++;
    }
    expect(read).toBeGreaterThan(10000);
  });

  it('reads plain text in one step without changing lezer’s tree', () => {
    const nodes = (tree: Tree): string[] => {
      const out: string[] = [];
      tree.iterate({ enter: (node) => void out.push(`${node.name} ${node.from}-${node.to}`) });
      return out;
    };
    let seed = 5;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const atoms = ['a', 'é', '😀', ' ', '  ', '   ', '\n', '\n\n', '  \n', ' \n', '\\\n', '*', '_', '`', '\\', '[', ']', '(', ')', '!', '<', '>', '&amp;', '#', '- ', '1. ', '~', '{', '|', '<a>', '<!--', '-->', '    ', '> ', '\t'];
    const texts = [
      ...specExamples.map((example) => example.markdown),
      ...Array.from({ length: 20000 }, () => Array.from({ length: 2 + Math.floor(random() * 20) }, () => atoms[Math.floor(random() * atoms.length)]).join('')),
    ];
    for (const text of texts) expect(nodes(commonMarkParser.parse(text))).toEqual(nodes(parser.parse(text)));
  });

  // lezer alone reads a run of spaces in inline text in the square of its length (200,000: 46 s);
  // its plain-text step (parse/lezer-parser.ts) reads it once.
  it('reads long runs of spaces after text, and a line of spaces alone, as micromark does', () => {
    for (const text of [`[a](${' '.repeat(200_000)}x\n`, `text${' '.repeat(200_000)}\n`, `a${' '.repeat(200_000)}*b*  \nc\n`, `${' '.repeat(300)}\n\n# Title\n`]) {
      expect(lezerMarkdownTree(text)).toEqual(remarkTree(text));
    }
  });

  it('reads references no definition has as text, as micromark does', () => {
    for (const text of ['See [the guide][guide] and [docs][].', '![Screen][shot] here', 'A [b][c] d [e]', '[see [beta] here](/y)', '* [a [#1]](/b) and *[c]*']) {
      expect(expectSameTreeOrDeclined(text)).toBe(true);
    }
    // Brackets read as text never make a label valid: a label with brackets is none.
    expectSameTreeOrDeclined('[a [b] c]: /x\n\n[a [b] c] and [foo][ref[bar]]\n\n[ref[bar]]: /uri');
    // A label next to another could form a link with it: micromark's to read.
    expect(lezerMarkdownTree('[a][b][c]\n\n[c]: /x')).toBeUndefined();
  });

  it.each([
    ['an undefined label around emphasis', '[*beta*] *x*'],
    ['a footnote', 'text[^1]\n\n[^1]: note'],
    ['single-tilde strikethrough', 'a ~b~ c'],
    ['runs of `*` right after `_`, which micromark lets close', 'a _N_**2 b\nc _N_**2 d'],
    ['a self-closing tag alone on a line (an HTML block to micromark)', 'a\n\n<img src="x.png" />\n\nb'],
    ['a tag name with `_` (text to micromark)', 'GET /_cat/<node_name>'],
    ['an autolink holding `<`', '<http://e.com~<http://e.com> b'],
    ['a reference label over two lines of a list item', '* You can [a\n  b] ok.\n\n[a b]: /x'],
    ['a lazy tag line in a list item', '* a\n<a href="x">b</a>'],
    ['a tag with `/` in an unquoted attribute value (text to micromark)', '<img src=https://o.com/a.jpg>\n\nx <img src=a/b.png> y'],
    ['a tab after a list marker', '-\tx'],
    ['a tab that indents', 'a\n\tb'],
    ['a tab at a line end', 'a\t\nb'],
    ['a tab in a link destination', '[a](/u\t"t")'],
    ['a tab in a fenced code block of a list item', '- a\n\n  ```\n  \tb\n  ```'],
    ['a CR line ending', 'a\r\nb'],
    ['a byte order mark', '\uFEFFa'],
    ['a backtick run right after an escaped backtick', 'a \\``b` c'],
    ['a line prefix after a backtick run no code span took', '- `a\n  *b*'],
    ['a blank second label', '[a][ ]\n\n[a]: /u'],
    ['a code span over an indented line', '`a\n b`'],
    ['inline HTML over an indented line', 'a <!--\n -->'],
    ['indented code right under a quote', '>\n    a\n    '],
    ['a quote holding only spaces', '>      \n'],
  ])('leaves %s to micromark', (_, text) => {
    expect(lezerMarkdownTree(text)).toBeUndefined();
  });

  it.each([
    ['backtick runs no code span took', 'a `b c\n\nd ``e` *f*\n\n1. ```\nx\n2. `y'],
    ['a setext heading in a quote', '> b\n> -'],
    ['tag lines under a list item\'s text', '* a\n  <a href="x">b</a> c\n* d\n  <span>e</span>\n> f\n> <b>g</b>'],
    ['a block tag line under a list item\'s text', '* a\n  <div>b</div>'],
  ])('reads %s as micromark does', (_, text) => {
    expect(expectSameTreeOrDeclined(text)).toBe(true);
  });

  it.each([
    ['between words', 'a\tb *c* d\te'],
    ['in a heading, a link text and a code span', '# a\tb\n\n[x\ty](/u) `p\tq`'],
    ['in a fenced code block at the start of the lines', 'Go:\n\n```go\nfunc f() {\n\treturn\n}\n```\n\n~~~\n\t\tx\n'],
  ])('reads a tab %s as micromark does', (_, text) => {
    expect(lezerMarkdownTree(text)).toEqual(remarkTree(text));
  });
});
