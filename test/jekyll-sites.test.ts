/**
 * Sites of other shapes than the help center (fixtures/jekyll-sites): doclint's findings match
 * what `jekyll build` and html-proofer found on them, with no configuration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint/lint.js';
import { repoRoot } from './helpers.js';

const folder = join(repoRoot, 'fixtures/jekyll-sites');
const { sites } = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { sites: Record<string, string[]> };

describe('Jekyll sites of other shapes, no configuration', () => {
  it.each(Object.entries(sites))('%s', async (site, expected) => {
    const result = await lint({ root: join(folder, site) });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.severity}`)).toEqual(expected);
  });

  it('lints posts in every _posts folder', async () => {
    const result = await lint({ root: join(folder, 'posts') });
    expect(result.files).toEqual(expect.arrayContaining(['_posts/2021-05-06-first-post.md', 'docs/guides/_posts/2022-02-03-setup.md']));
  });
});
