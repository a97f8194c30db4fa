/**
 * Worker threads (the built CLI, whose worker script exists): a whole-site run spread over
 * workers reports exactly what one thread reports, including what crosses between workers
 * (anchors of pages another worker parsed, front matter of the whole collection).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { exampleSite, repoRoot, runCli, tempCopy, threadBarrier, type CliRun } from './helpers.js';

const { dir, cleanup } = tempCopy(exampleSite);
afterAll(cleanup);

const article = (i: number, body: string, order = `${i}`): string => `---\nlayout: article\ntitle: Page ${i}\ncategories: [getting-started]\norder: ${order}\n---\n${body}`;
mkdirSync(join(dir, '_articles/many'));
for (let i = 0; i < 12; i++) {
  const next = (i + 1) % 12;
  const body = [`## Part ${i}`, '', `[next](page-${next}.md) [ok]({{site.baseurl}}/article/page-${next}/#part-${next}) [bad]({{site.baseurl}}/article/page-${next}/#part-${i})`, ''];
  writeFileSync(join(dir, `_articles/many/page-${i}.md`), article(i, body.join('\n'), i === 3 ? '"03"' : `${i}`));
}
writeFileSync(join(dir, '_articles/many/deep.md'), article(99, `${'>'.repeat(10_000)} deep\n`));
writeFileSync(join(dir, '_articles/many/to-deep.md'), article(98, '[x]({{site.baseurl}}/article/deep/#x)\n'));
writeFileSync(join(dir, '_articles/many/latin1.md'), Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'));
// Three pages claim one redirect_from: whichever threads read them, the same one must win as on one thread.
for (const name of ['dup-a', 'dup-b', 'dup-c']) writeFileSync(join(dir, `_articles/many/${name}.md`), `---\nlayout: article\ntitle: ${name}\ncategories: [getting-started]\nredirect_from: /article/dup/\n---\n`);
writeFileSync(join(dir, '_articles/many/to-dup.md'), article(97, '[x]({{site.baseurl}}/article/dup/)\n'));

// A README jekyll-readme-index renders as its folder's index page is linted on any thread.
writeFileSync(join(dir, '_config.yml'), readFileSync(join(dir, '_config.yml'), 'utf8').replace('  - jekyll-redirect-from\n', '  - jekyll-redirect-from\n  - jekyll-readme-index\n'));
mkdirSync(join(dir, 'guides'));
writeFileSync(join(dir, 'guides/README.md'), '# Guides\n\n[Gone]({{site.baseurl}}/article/gone/)\n');
writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ customRules: [threadBarrier(dir, 0).rule] }));
/** With more than one thread, every worker takes files (see threadBarrier). */
const spread = (workers: string): NodeJS.ProcessEnv => (workers === '1' ? {} : threadBarrier(dir, Number(workers) - 1).env);

const args = (workers: string): string[] => ['check', '--root', dir, '--format', 'json', '--workers', workers];
const check = (workers: string): Promise<CliRun> => runCli(args(workers), repoRoot, { DOCLINT_DEBUG: '1', ...spread(workers) });
/** The committed bundle, which is its own worker script. */
const checkBundled = (workers: string): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot, 'bin/doclint.mjs'), ...args(workers)], { env: { ...process.env, DOCLINT_DEBUG: '1', ...spread(workers) } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });

describe('worker threads', () => {
  it('report exactly what one thread reports', async () => {
    const [one, two, three, bundled] = await Promise.all([check('1'), check('2'), check('3'), checkBundled('2')]);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('on 1 thread(s)');
    expect(two.stderr).toContain('on 2 thread(s)');
    expect(three.stderr).toContain('on 3 thread(s)');
    expect(bundled.stderr).toContain('on 2 thread(s)');
    for (const run of [two, three, bundled]) expect(run.stdout).toBe(one.stdout);
    const rules = new Set(JSON.parse(one.stdout).findings.map((f: { ruleId: string }) => f.ruleId));
    for (const id of ['link-anchor', 'link-internal', 'file-unreadable', 'front-matter-value-type']) expect(rules).toContain(id);
    expect(JSON.parse(one.stdout).findings.map((f: { file: string }) => f.file)).toContain('guides/README.md');
  }, 60_000);

  it('fills the result cache on a first run, which the next run reuses', async () => {
    const first = await runCli([...args('2'), '--cache'], repoRoot, { DOCLINT_DEBUG: '1', ...spread('2') });
    expect(first.stderr).toMatch(/, 0 from the cache, on 2 thread/);
    const second = await runCli([...args('2'), '--cache'], repoRoot, { DOCLINT_DEBUG: '1' });
    const files = Number(/(\d+) files,/.exec(second.stderr)![1]);
    // All but latin1.md: a file that cannot be read has no entry, and is reported afresh.
    expect(second.stderr).toContain(`${files - 1} from the cache, on 1 thread`);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe((await check('1')).stdout);
  }, 60_000);

  it('lints here the file a worker was on when it died', async () => {
    const { dir: site, cleanup: remove } = tempCopy(dir);
    try {
      const barrier = threadBarrier(site, 1);
      // After the barrier, so the worker has taken a file; process.exit() in a worker ends its thread only.
      writeFileSync(join(site, 'exit.mjs'), "import { isMainThread } from 'node:worker_threads';\nexport default { meta: { id: 'worker-exit', description: 'Test only.', severity: 'warning', fixable: false }, check() { if (!isMainThread) process.exit(3); } };\n");
      writeFileSync(join(site, 'doclint.config.json'), JSON.stringify({ customRules: [barrier.rule, './exit.mjs'] }));
      const run = (workers: string, env: NodeJS.ProcessEnv): Promise<CliRun> => runCli(['check', '--root', site, '--format', 'json', '--workers', workers], repoRoot, { DOCLINT_DEBUG: '1', ...env });
      const [one, two] = await Promise.all([run('1', {}), run('2', barrier.env)]);
      expect(two.stderr).toContain('on 2 thread(s)');
      expect(two.stdout).toBe(one.stdout);
    } finally {
      remove();
    }
  }, 60_000);

  it('rejects a worker count that is not a whole number', async () => {
    const run = await check('0');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workers 0');
  });
});

describe('facts kept for pass 2 (SharedStrings)', () => {
  it('gives the facts their values back (one copy of each, which JavaScript cannot observe) and packs line starts', async () => {
    const { SharedStrings } = await import('../src/lint/shared-strings.js');
    const copy = (text: string): string => ` ${text}`.slice(1);
    const facts = (path: string) => ({
      path,
      rendered: true,
      links: [{ source: 'html' as const, raw: copy('../../overview-summary.html'), start: 0, end: 27, url: copy('../../overview-summary.html') }],
      anchors: [{ id: copy('method.summary'), offset: 0, text: '' }],
      lineStarts: [0, 10, 20],
      length: 30,
      suppressions: [],
      collected: {},
    });
    const strings = new SharedStrings();
    const [a, b] = [strings.share(facts('a.html')), strings.share(facts('b.html'))];
    expect(a.links[0]).toMatchObject({ raw: '../../overview-summary.html', url: '../../overview-summary.html' });
    expect(b.anchors).toEqual([{ id: 'method.summary', offset: 0, text: '' }]);
    expect([...b.lineStarts as Uint32Array]).toEqual([0, 10, 20]);
    expect(b.lineStarts).toBeInstanceOf(Uint32Array);
    expect(strings.share(b)).toBe(b);
  });
});
