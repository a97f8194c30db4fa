/**
 * Pass 2 reads other pages' anchors from their facts (or parses a page pass 1 did not see): the
 * findings must be the same whatever the order of the pages, and the same as linting each file
 * on its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../src/lint/lint.js';
import { tempCopy } from './helpers.js';

const { dir, cleanup } = tempCopy();
afterAll(cleanup);

const page = (title: string, body: string): string => `---\ntitle: ${title}\n---\n${body}`;
writeFileSync(join(dir, '_config.yml'), 'title: anchors\n');
mkdirSync(join(dir, 'docs'));
writeFileSync(join(dir, 'docs/a.md'), page('A', '## Alpha one\n\n[ok](b.html#beta-one) [bad](b.html#beta-two) [deep](deep.html#x)\n'));
writeFileSync(join(dir, 'docs/b.md'), page('B', '## Beta one\n\n[ok](a.html#alpha-one) [bad](a.html#alpha-two) [other](c.html#gamma)\n'));
// Never a lint target below, only a link target.
writeFileSync(join(dir, 'docs/c.md'), page('C', '## Gamma\n'));
// Too deeply nested to parse: its own finding says so; links to its anchors cannot be judged.
writeFileSync(join(dir, 'docs/deep.md'), page('Deep', `${'>'.repeat(10_000)} deep\n`));

const anchorFindings = async (files: string[]): Promise<string[]> => {
  const { findings } = await lint({ root: dir, files, config: { rules: { 'front-matter-schema': 'off', 'front-matter-references': 'off' } } });
  return findings.filter((f) => f.ruleId === 'link-anchor' || f.ruleId === 'internal-error').map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.message}`);
};

describe("pass 2 over every page's facts", () => {
  it('finds the same broken fragments in either order, and the same as one file at a time', async () => {
    const forward = await anchorFindings(['docs/a.md', 'docs/b.md']);
    const backward = await anchorFindings(['docs/b.md', 'docs/a.md']);
    const oneByOne = [...(await anchorFindings(['docs/a.md'])), ...(await anchorFindings(['docs/b.md']))];
    expect(forward).toEqual(backward);
    expect(forward).toEqual(oneByOne);
    expect(forward.map((f) => f.split(':').slice(0, 3).join(':'))).toEqual([
      'docs/a.md:6:link-anchor',
      'docs/b.md:6:link-anchor',
    ]);
    expect(forward[0]).toContain('did you mean `#beta-one`?');
  });

  it('lints a file given twice once', async () => {
    expect(await anchorFindings(['docs/a.md', 'docs/b.md', 'docs/a.md'])).toEqual(await anchorFindings(['docs/a.md', 'docs/b.md']));
  });
});
