/**
 * The hook for real: Debian's `pre-commit` installs this repository's committed HEAD as a
 * hook repository (npm install + npm pack + npm install -g, as it would from GitHub) and runs
 * it in a throwaway docs repository with one broken and one clean staged article. The config
 * pins `language_version: system` (pre-commit ignores a Node that lives under $HOME, like
 * npx's, and would otherwise download one).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempCopy } from './helpers.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
if (!hasPreCommit && process.env.CI) throw new Error('pre-commit is not installed: .ci/run installs it (apt-get install pre-commit)');

const { dir, cleanup } = tempCopy(join(repoRoot, 'fixtures/sites/help-center'));
afterAll(cleanup);
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
const env = { ...process.env, PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'pre-commit-home-')), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
// pre-commit's own cache: the hook repository it cloned and installed (tens of MB).
afterAll(() => rmSync(env.PRE_COMMIT_HOME, { recursive: true, force: true }));

const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();

function runHook(file: string) {
  return spawnSync('pre-commit', ['run', 'doclint', '--files', file], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
}

describe.skipIf(!hasPreCommit)('pre-commit hook (the pre-commit framework)', () => {
  it('blocks a broken staged article and passes a clean one', () => {
    git('init', '-q');
    writeFileSync(
      join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${repoRoot}\n    rev: ${head}\n    hooks:\n      - id: doclint\n        language_version: system\n`,
    );
    writeFileSync(join(dir, '_articles/broken.md'), '---\nlayout: article\ntitle: Broken\ncategories: [account]\n---\n\n{% callout info %}\nNever closed.\n');
    writeFileSync(join(dir, '_articles/clean.md'), '---\nlayout: article\ntitle: Clean\ncategories: [account]\n---\n\nSee [reset]({{site.baseurl}}/article/reset-password/#reset-by-email).\n');
    git('add', '-A');

    const broken = runHook('_articles/broken.md');
    expect(broken.status, broken.stdout + broken.stderr).toBe(1);
    expect(broken.stdout).toMatch(/_articles\/broken\.md\s+7:1\s+error\s+`\{% callout %\}` is never closed/);

    const clean = runHook('_articles/clean.md');
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/doclint\.+Passed/);
  }, 300_000);

  it('blocks a commit that renames a linked heading or deletes a linked page, though no staged file has a problem', () => {
    git('rm', '-q', '--cached', '_articles/broken.md');
    writeFileSync(join(dir, '_articles/app.md'), '---\nlayout: article\ntitle: App\ncategories: [account]\n---\n\nSee [the app]({{site.baseurl}}/article/reset-password/#reset-from-the-app).\n');
    git('add', '_articles/app.md');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'site', '--no-verify');
    const page = join(dir, '_articles/account/reset-password.md');
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, text.replace('## Reset from the app', '## Reset in the app'));
    git('add', page);
    const renamed = spawnSync('pre-commit', ['run', 'doclint'], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
    expect(renamed.status, renamed.stdout + renamed.stderr).toBe(1);
    expect(renamed.stdout).toMatch(/_articles\/app\.md\s+7:\d+\s+error\s+There is no anchor `#reset-from-the-app`/);
    writeFileSync(page, text);
    git('add', page);
    git('rm', '-q', page);
    const deleted = spawnSync('pre-commit', ['run', 'doclint'], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
    expect(deleted.status, deleted.stdout + deleted.stderr).toBe(1);
    expect(deleted.stdout).toContain('_articles/app.md');
  }, 300_000);

  it('lints a staged layout along with the staged Markdown', () => {
    git('reset', '-q', '--hard');
    mkdirSync(join(dir, '_layouts'), { recursive: true });
    writeFileSync(join(dir, '_layouts/article.html'), '<!doctype html>\n<a href="{{ site.baseurl }}/nowhere/">Nowhere</a>\n{{ content }}\n');
    writeFileSync(join(dir, '_articles/app.md'), `${readFileSync(join(dir, '_articles/app.md'), 'utf8')}\nOne more line.\n`);
    git('add', '-A');
    const result = spawnSync('pre-commit', ['run', 'doclint'], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/_layouts\/article\.html\s+2:10\s+error\s+No page or file is published at `\/help\/nowhere\/`/);
  }, 300_000);
});

describe('as a plain git hook and with lint-staged', () => {
  const { dir: repo, cleanup: cleanRepo } = tempCopy(join(repoRoot, 'fixtures/sites/help-center'));
  afterAll(cleanRepo);
  // A developer's `git commit`: none of the npm_* variables an npm/npx parent process (like the
  // suite's own `npx -p node@24` run) would leak into the hook's npx.
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const run = (...args: string[]) =>
    spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...cleanEnv, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' } });

  it('the README hook blocks a commit with a broken article and lets a clean one through', () => {
    // As if doclint were a devDependency of the docs repository.
    mkdirSync(join(repo, 'node_modules/.bin'), { recursive: true });
    symlinkSync(join(repoRoot, 'bin/doclint.mjs'), join(repo, 'node_modules/.bin/doclint'));
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
    run('init', '-q');
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const hook = /As a plain git hook[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    writeFileSync(join(repo, '.git/hooks/pre-commit'), hook, { mode: 0o755 });

    writeFileSync(join(repo, '_articles/broken.md'), '---\nlayout: article\ntitle: B\ncategories: [account]\n---\n\n{% note %}\n');
    run('add', '-A');
    const blocked = run('commit', '-qm', 'broken');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('Unknown Liquid tag `note`');

    writeFileSync(join(repo, '_articles/broken.md'), '---\nlayout: article\ntitle: B\ncategories: [account]\n---\n\nFixed.\n');
    run('add', '-A');
    expect(run('commit', '-qm', 'fixed').status).toBe(0);
  });

  it('accepts the absolute paths lint-staged passes', async () => {
    const result = await runCli(['check', join(repo, '_articles/broken.md'), join(repo, '_articles/account/reset-password.md'), '--format', 'json'], repo);
    expect(JSON.parse(result.stdout).summary.files).toBe(2);
    expect(result.code).toBe(0);
  });
});
