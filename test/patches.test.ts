/**
 * The bundles patch dependencies' hot code (scripts/patches.mjs). The patched parser must build
 * exactly the trees the published packages build: doclint's Markdown parser is bundled by esbuild
 * with the plugin the bundles use, and both are run over every Markdown file of the fixtures and
 * over generated documents that mix every construct (containers, lazy lines, code, HTML, links,
 * emphasis, footnotes, strikethrough).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchPlugin, patches } from '../scripts/patches.mjs';
import { parseMarkdown } from '../src/parse/markdown.js';
import { repoRoot } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'doclint-patches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const markdownFiles = readdirSync(join(repoRoot, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
const extra = ['1. a\n\n   b\n2. c\n- [x] d\n\n> quote [ref][]\n\n[ref]: /x "t"\n', 'Text[^1] ~~gone~~ *em* __strong__ `code` <b>html</b>\n\n[^1]: Note.\n', ''];
/** Pieces of Markdown that open, continue and close every kind of construct. */
const pieces = ['\n', '\n\n', '> ', '- ', '* ', '1. ', '2) ', '  ', '    ', '\t', '# ', '## ', 'Title\n===', '---', '```', '~~~', '*', '**', '_', '__', '~', '~~', '`', '[', ']', '(', ')', '![', '](/x)', '[^1]', '[^1]: ', '[ref]: /x "t"', '[ref]', '<', '>', '<div>', '</div>', '<a href="x">', '<!-- ', ' -->', 'text', 'word ', 'https://x.y', '<https://x.y>', '\\', '&amp;', '&#123;', ' | ', '[x] ', 'a@b.c', '  \n'];

let patched: typeof parseMarkdown;
let bundle: string;

beforeAll(async () => {
  const outfile = join(dir, 'markdown.mjs');
  await build({ entryPoints: [join(repoRoot, 'src/parse/markdown.ts')], bundle: true, platform: 'node', format: 'esm', outfile, plugins: [patchPlugin], logLevel: 'silent' });
  bundle = readFileSync(outfile, 'utf8');
  patched = ((await import(pathToFileURL(outfile).href)) as { parseMarkdown: typeof parseMarkdown }).parseMarkdown;
});

describe('dependency patches in the bundles', () => {
  it('find each text they replace once in the installed dependencies, and are in the bundled code', () => {
    for (const patch of patches) {
      const source = readFileSync(join(repoRoot, 'node_modules', patch.module), 'utf8');
      for (const edit of patch.edits) expect(source.split(edit.from), `${patch.module}: ${edit.from}`).toHaveLength(2);
      expect(bundle, patch.module).toMatch(patch.applied);
    }
  });

  it('build the same trees as the published packages over every fixture', () => {
    const texts = [...markdownFiles.map((file) => readFileSync(join(repoRoot, 'fixtures', file), 'utf8')), ...extra];
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(patched(text)).toEqual(parseMarkdown(text));
  });

  it('build the same trees as the published packages over generated documents', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(patched(text)).toEqual(parseMarkdown(text));
      }),
      { numRuns: 3000 },
    );
  });
});
