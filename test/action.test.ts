/**
 * The GitHub Action run as GitHub runs it: the committed launcher and bundle (action/index.mjs) as a
 * process, with INPUT_* inputs, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and a pull_request
 * event, on a fixture repository with a real git history.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { bundles, chunksFolder, launcherText, launchers } from '../scripts/bundle.mjs';
import { repoRoot, tempCopy } from './helpers.js';

const { dir, cleanup } = tempCopy(join(repoRoot, 'fixtures/sites/help-center'));
afterAll(cleanup);
// The runner's files (event, step summary, outputs), outside the workspace.
const runnerFiles = mkdtempSync(join(tmpdir(), 'doclint-runner-'));
afterAll(() => rmSync(runnerFiles, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
let base = '';

beforeAll(() => {
  // An article that exists before the pull request and links to a heading the PR renames.
  writeFileSync(join(dir, '_articles/getting-started/old-links.md'), '---\nlayout: article\ntitle: Old\ncategories: [account]\n---\n\n[x]({{site.baseurl}}/article/reset-password/#reset-from-the-app)\n');
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'base');
  base = git('rev-parse', 'HEAD');
  const page = join(dir, '_articles/account/reset-password.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace('## Reset from the app', '## Reset in the app'));
  writeFileSync(
    join(dir, '_articles/account/new.md'),
    '---\nlayout: article\ntitle: New\ncategories: [account]\n---\n\n{% callout danger %}\nSee [reset]({{site.baseurl}}/article/reset-password/#reset-in-the-app).\n{% endcallout %}\n\n| a | b |\n|---|---|\n| 1 |\n',
  );
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'change');
});

interface ActionRun {
  code: number;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const summaryFile = join(runnerFiles, `summary-${Math.random()}`);
  const outputFile = join(runnerFiles, `output-${Math.random()}`);
  const eventFile = join(runnerFiles, 'event.json');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  writeFileSync(eventFile, JSON.stringify({ pull_request: { base: { sha: base }, head: { sha: git('rev-parse', 'HEAD') } } }));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot, 'action/index.mjs')], { cwd: dir, env }, (error, stdout) => {
      const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
      resolve({ code: error ? Number(error.code) : 0, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs });
    });
  });
}

describe('GitHub Action', () => {
  it.each(bundles.map((b) => [b.outdir, b] as const))('%s/ is bundled from the current sources, chunks included (run `npm run bundle`)', async (outdir, options) => {
    const fresh = await build({ ...options, absWorkingDir: repoRoot, write: false });
    const committed = readdirSync(join(repoRoot, outdir, chunksFolder)).map((name) => join(repoRoot, outdir, chunksFolder, name));
    expect(fresh.outputFiles.map((file) => file.path).filter((path) => dirname(path) === join(repoRoot, outdir, chunksFolder)).sort()).toEqual(committed.sort());
    for (const file of fresh.outputFiles) expect(file.text === readFileSync(file.path, 'utf8'), relative(repoRoot, file.path)).toBe(true);
  });

  it.each(launchers.map((l) => [l.file, l] as const))('%s starts its bundle (run `npm run bundle`)', (file, launcher) => {
    expect(readFileSync(join(repoRoot, file), 'utf8')).toBe(launcherText(launcher));
  });

  it("starts without loading ICU's data for yargs' help text (package.json overrides its string-width: 8-15 ms of every run)", () => {
    for (const launcher of launchers) {
      const bundle = readFileSync(join(repoRoot, dirname(launcher.file), launcher.bundle), 'utf8');
      // string-width 8 compiles `\p{RGI_Emoji}` at load, 7 makes an Intl.Segmenter at load; 6 makes one only when it measures text.
      expect(bundle).not.toContain('RGI_Emoji');
      expect(bundle).not.toMatch(/\w+\s*=\s*new Intl\.Segmenter\b/);
    }
  });

  it('the CLI bundle loads its chunks when a command needs them (crawl: linkinator)', () => {
    const crawl = spawnSync(process.execPath, [join(repoRoot, 'bin/doclint.mjs'), 'crawl', join(repoRoot, 'fixtures/built-site'), '--format', 'json'], { encoding: 'utf8' });
    expect(crawl.status, crawl.stderr).toBe(1);
    expect((JSON.parse(crawl.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toContain('link-crawl');
  });

  it('annotates the changed files of a pull request and the links the change broke elsewhere', async () => {
    const run = await runAction({ 'changed-only': 'true', 'sarif-file': 'out.sarif' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error file=_articles/account/new.md,line=13,col=1');
    expect(run.stdout).toMatch(/::warning file=_articles\/account\/new\.md,line=7,col=12,.*title=doclint\(liquid-tag-arguments\)::/);
    expect(run.stdout).toContain('::error file=_articles/getting-started/old-links.md,line=7');
    expect(run.stdout).not.toContain('file=about.md');
    expect(run.summary).toContain('## doclint');
    expect(run.outputs).toMatchObject({ errors: '2', warnings: '1', 'sarif-file': 'out.sarif' });
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).runs[0].results).toHaveLength(3);
  });

  it('honours fail-on and summarises annotations beyond GitHub per-step limits', async () => {
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `_articles/bad-${i}.md`), '---\ntitle: x\n---\n{% note %}\n');
    const run = await runAction({ 'fail-on': 'never' });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^::error /gm)).toHaveLength(10);
    expect(run.stdout).toMatch(/::notice title=doclint::\d+ more findings than GitHub annotates/);
    expect((await runAction({ 'fail-on': 'sometimes' })).code).toBe(2);
  });

  it('fails with a config error as one ::error line that holds no control character of the config', async () => {
    const config = join(runnerFiles, 'escapes.json');
    writeFileSync(config, JSON.stringify({ rules: { 'x\u001b]0;TITLE\u0007': 'off' } }));
    const run = await runAction({ config });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^::error title=doclint::.*unknown key "x\\x1B\]0;TITLE\\x07"/m);
    expect(run.stdout).not.toMatch(/[\u001b\u0007]/);
  });

  it('keeps the result cache with the cache input: reused by the next run, a notice where the cache service is absent', async () => {
    const first = await runAction({ cache: 'true', 'fail-on': 'never' });
    expect(first.stdout).toContain('::notice title=doclint::The GitHub cache service is not available here: the result cache starts empty.');
    expect(existsSync(join(dir, 'node_modules/.cache/doclint/results.bin'))).toBe(true);
    const second = await runAction({ cache: 'true', 'fail-on': 'never' });
    const files = Number(first.outputs.files);
    expect(first.stdout).toContain(`::debug::doclint linted ${files} files, 0 of them from the result cache`);
    expect(second.stdout).toContain(`::debug::doclint linted ${files} files, ${files} of them from the result cache`);
    expect(second.outputs).toEqual(first.outputs);
    expect(second.summary).toBe(first.summary);
  });

  it('checks external links, with the cache input degrading to a notice where the cache service is absent', async () => {
    writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: false } }));
    writeFileSync(join(dir, '_articles/account/external.md'), '---\nlayout: article\ntitle: E\ncategories: [account]\n---\n\n[local](http://127.0.0.1:9/x)\n');
    const run = await runAction({ external: 'true', cache: 'true', 'fail-on': 'never', paths: '_articles/account/external.md' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::notice title=doclint::The GitHub cache service is not available here');
    expect(run.outputs).toMatchObject({ errors: '0' });
  });

  it('fails with one ::error on a bad boolean input, a missing root, a missing Jekyll config or an untrusted JavaScript config', async () => {
    for (const inputs of [{ 'changed-only': 'yes' }, { root: 'nope' }, { 'jekyll-config': '_nope.yml' }, { paths: 'docs/missing.md' }]) {
      const run = await runAction(inputs);
      expect(run.code, JSON.stringify(inputs)).toBe(2);
      expect(run.stdout, JSON.stringify(inputs)).toMatch(/^::error title=doclint::/m);
    }
    writeFileSync(join(dir, 'doclint.config.mjs'), 'export default {};\n');
    try {
      const refused = await runAction({ 'fail-on': 'never', config: 'doclint.config.mjs' });
      expect(refused.code).toBe(2);
      expect(refused.stdout).toContain('trust-config-code');
      expect((await runAction({ 'fail-on': 'never', config: 'doclint.config.mjs', 'trust-config-code': 'true' })).code).toBe(0);
    } finally {
      execFileSync('rm', ['-f', join(dir, 'doclint.config.mjs')]);
    }
  });

  it('writes SARIF into a folder it creates, with paths from the repository root, fingerprints and UTF-16 columns', async () => {
    const run = await runAction({ 'fail-on': 'never', 'sarif-file': 'reports/new/doclint.sarif' });
    expect(run.code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports/new/doclint.sarif'), 'utf8'));
    expect(sarif.runs[0].columnKind).toBe('utf16CodeUnits');
    const result = sarif.runs[0].results[0];
    expect(result.partialFingerprints['doclintFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^_articles\//);
  });
});
