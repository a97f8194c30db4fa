import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(read).toBeGreaterThan(specExamples.length * 0.9);
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

  it.each([
    ['an undefined label inside other brackets', '[see [beta] here](/y)'],
    ['an undefined label around emphasis', '[*beta*] *x*'],
    ['a footnote', 'text[^1]\n\n[^1]: note'],
    ['single-tilde strikethrough', 'a ~b~ c'],
    ['a tab', '-\tx'],
    ['a CR line ending', 'a\r\nb'],
    ['a byte order mark', '\uFEFFa'],
  ])('leaves %s to micromark', (_, text) => {
    expect(lezerMarkdownTree(text)).toBeUndefined();
  });
});
