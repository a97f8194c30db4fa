/**
 * The bundles patch a dependency's hot code (scripts/patches.mjs). The patched compiler must
 * build exactly the trees the published one builds: both are run over every Markdown file of the
 * fixtures, the patched one bundled by esbuild with the same plugin the bundles use.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { afterAll, describe, expect, it } from 'vitest';
import { patchPlugin, patches } from '../scripts/patches.mjs';
import { repoRoot } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'doclint-patches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const markdownFiles = readdirSync(join(repoRoot, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
const extra = ['1. a\n\n   b\n2. c\n- [x] d\n\n> quote [ref][]\n\n[ref]: /x "t"\n', 'Text[^1] ~~gone~~ *em* __strong__ `code` <b>html</b>\n\n[^1]: Note.\n', ''];
const options = () => ({ extensions: [gfmStrikethrough(), gfmFootnote()], mdastExtensions: [gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown()] });

describe('dependency patches in the bundles', () => {
  it('find the text they replace in the installed dependencies', () => {
    for (const patch of patches) {
      expect(readFileSync(join(repoRoot, 'node_modules', patch.module), 'utf8').split(patch.from)).toHaveLength(2);
    }
  });

  it('build the same mdast trees as the published mdast-util-from-markdown', async () => {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, "export { fromMarkdown } from 'mdast-util-from-markdown';\n");
    const outfile = join(dir, 'patched.mjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, plugins: [patchPlugin], nodePaths: [join(repoRoot, 'node_modules')], logLevel: 'silent' });
    expect(readFileSync(outfile, 'utf8')).toMatch(/context\d*\.sliceSerialize = events\d*\[index\d*\]\[2\]\.sliceSerialize;/);
    const patched = (await import(pathToFileURL(outfile).href)) as { fromMarkdown: typeof fromMarkdown };
    const texts = [...markdownFiles.map((file) => readFileSync(join(repoRoot, 'fixtures', file), 'utf8')), ...extra];
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(patched.fromMarkdown(text, options())).toEqual(fromMarkdown(text, options()));
  });
});
