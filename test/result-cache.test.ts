/**
 * The result cache (--cache): a warm run reports exactly what a cold run reports, reads again only
 * the files whose text changed, and still sees what a change does elsewhere (a renamed heading
 * breaks links in files that did not change), since pass 2 always runs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstPassWithCache } from '../src/lint/cached-lint.js';
import type { FirstPass } from '../src/lint/lint-files.js';
import { ResultCache, ResultMemory } from '../src/lint/result-cache.js';
import { lint } from '../src/lint/lint.js';
import { exampleSite, runCli, tempCopy, type CliRun } from './helpers.js';

const { dir, cleanup } = tempCopy(exampleSite);
afterAll(cleanup);

const page = (title: string, body: string): string => `---\nlayout: article\ntitle: ${title}\ncategories: [getting-started]\n---\n${body}`;
writeFileSync(join(dir, '_articles/getting-started/target.md'), page('Target', '## First heading\n\nText.\n'));
writeFileSync(join(dir, '_articles/getting-started/source.md'), page('Source', '[a]({{site.baseurl}}/article/target/#first-heading)\n'));

const run = (...extra: string[]): Promise<CliRun> => runCli(['check', '--root', dir, '--format', 'json', ...extra], undefined, { DOCLINT_DEBUG: '1' });
const cold = (): Promise<CliRun> => run('--no-cache');
const reused = (result: CliRun): number => Number(/(\d+) from the cache/.exec(result.stderr)?.[1]);
const files = (result: CliRun): number => Number(/(\d+) files,/.exec(result.stderr)?.[1]);
const ruleIds = (result: CliRun, file: string): string[] =>
  JSON.parse(result.stdout)
    .findings.filter((f: { file: string }) => f.file === file)
    .map((f: { ruleId: string }) => f.ruleId);
const edit = (file: string, from: string, to: string): void => {
  const path = join(dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
};

describe('result cache', () => {
  it('reuses every file on an unchanged site, with the same report', async () => {
    const first = await run('--cache');
    expect(reused(first)).toBe(0);
    expect(existsSync(join(dir, 'node_modules/.cache/doclint/results.bin'))).toBe(true);
    const second = await run('--cache');
    expect(reused(second)).toBe(files(second));
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toBe((await cold()).stdout);
  });

  it('re-lints only a file whose body changed', async () => {
    edit('_articles/getting-started/target.md', 'Text.', 'Text with {% callout nope %}x{% endcallout %}.');
    const warm = await run('--cache');
    expect(reused(warm)).toBe(files(warm) - 1);
    expect(ruleIds(warm, '_articles/getting-started/target.md')).toContain('liquid-tag-arguments');
    expect(warm.stdout).toBe((await cold()).stdout);
  });

  it('reports the files that link to a renamed heading', async () => {
    expect(ruleIds(await run('--cache'), '_articles/getting-started/source.md')).not.toContain('link-anchor');
    edit('_articles/getting-started/target.md', '## First heading', '## Renamed heading');
    const warm = await run('--cache');
    expect(ruleIds(warm, '_articles/getting-started/source.md')).toContain('link-anchor');
    expect(warm.stdout).toBe((await cold()).stdout);
  });

  it('serves a run on given files (pre-commit) from the whole-site cache', async () => {
    await run('--cache');
    const file = '_articles/getting-started/target.md';
    const warm = await run('--cache', join(dir, file));
    expect(files(warm)).toBe(1);
    expect(reused(warm)).toBe(1);
    expect(warm.stdout).toBe((await run('--no-cache', join(dir, file))).stdout);
  });

  it('takes the other files\' front matter and anchors from the cache in a run on given files, and sees an edited heading among them', async () => {
    await run('--cache');
    const source = join(dir, '_articles/getting-started/source.md');
    expect((await run('--cache', source)).stdout).toBe((await run('--no-cache', source)).stdout);
    edit('_articles/getting-started/target.md', '## Renamed heading', '## First heading');
    const afterEdit = await run('--cache', source);
    expect(ruleIds(afterEdit, '_articles/getting-started/source.md')).not.toContain('link-anchor');
    expect(afterEdit.stdout).toBe((await run('--no-cache', source)).stdout);
  });

  it('starts afresh from a cache it cannot read, or one written under another config', async () => {
    writeFileSync(join(dir, 'node_modules/.cache/doclint/results.bin'), 'not a cache');
    const fresh = await run('--cache');
    expect(reused(fresh)).toBe(0);
    expect(fresh.stdout).toBe((await cold()).stdout);
    const otherConfig = await run('--cache', '--rule', 'image-alt:off');
    expect(reused(otherConfig)).toBe(0);
  });

  it('keeps the cache where --cache-location says', async () => {
    await run('--cache-location', 'cache/doclint.bin');
    expect(existsSync(join(dir, 'cache/doclint.bin'))).toBe(true);
    expect(reused(await run('--cache-location', 'cache/doclint.bin'))).toBeGreaterThan(0);
  });

  it('gives the files it answers for before pass 1 of the others starts (their external URLs go out first)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'doclint-cache-order-'));
    try {
      const path = join(folder, 'results.bin');
      const texts = new Map([['a.md', 'a'], ['b.md', 'b'], ['c.md', 'c']]);
      const pass = (file: string): FirstPass => ({ findings: [], frontMatter: { title: file } });
      const passAll = async (files: string[]) => ({ results: new Map(files.map((file) => [file, pass(file)])), threads: 1 });
      await firstPassWithCache(await ResultCache.load(path, 'key'), [...texts.keys()], texts, passAll);
      texts.set('b.md', 'b, edited');
      const order: string[] = [];
      const warm = await firstPassWithCache(
        await ResultCache.load(path, 'key'),
        [...texts.keys()],
        texts,
        async (files) => {
          order.push(`pass 1 of ${files.join()}`);
          return passAll(files);
        },
        async (file) => void order.push(`reused ${file}`),
      );
      expect(order).toEqual(['reused a.md', 'reused c.md', 'pass 1 of b.md']);
      expect(warm.reused).toBe(2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('holds the results in memory between lint() calls given the same ResultMemory (a watch loop, an editor)', async () => {
    const memory = new ResultMemory();
    const config = { cache: false as const };
    const first = await lint({ root: dir, config, memory });
    expect(first.reused).toBe(0);
    const second = await lint({ root: dir, config, memory });
    expect(second.reused).toBe(second.files.length);
    expect(second.findings).toEqual(first.findings);
    edit('_articles/getting-started/target.md', '## First heading', '## Heading renamed in memory');
    const edited = await lint({ root: dir, config, memory });
    expect(edited.reused).toBe(edited.files.length - 1);
    expect(edited.findings).toEqual((await lint({ root: dir, config })).findings);
    expect(edited.findings.some((f) => f.file === '_articles/getting-started/source.md' && f.ruleId === 'link-anchor')).toBe(true);
    // Another config: nothing held applies.
    expect((await lint({ root: dir, config: { ...config, rules: { 'image-alt': 'off' } }, memory })).reused).toBe(0);
    edit('_articles/getting-started/target.md', '## Heading renamed in memory', '## First heading');
  });
});
