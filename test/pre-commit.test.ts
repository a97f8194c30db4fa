/**
 * The hook for real: Debian's `pre-commit` runs `try-repo` against this repository (it
 * installs the package with npm as it would from GitHub, on the system Node) in a
 * throwaway docs repository with one broken and one clean staged article.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempCopy } from './helpers.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
if (!hasPreCommit && process.env.CI) throw new Error('pre-commit is not installed: .ci/run installs it (apt-get install pre-commit)');

const { dir, cleanup } = tempCopy(join(repoRoot, 'fixtures/sites/help-center'));
afterAll(cleanup);
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
const env = { ...process.env, PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'pre-commit-home-')), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };

function tryRepo(file: string) {
  return spawnSync('pre-commit', ['try-repo', repoRoot, 'doclint', '--files', file], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
}

describe.skipIf(!hasPreCommit)('pre-commit hook (pre-commit try-repo)', () => {
  it('blocks a broken staged article and passes a clean one', () => {
    git('init', '-q');
    writeFileSync(join(dir, '_articles/broken.md'), '---\nlayout: article\ntitle: Broken\ncategories: [account]\n---\n\n{% callout info %}\nNever closed.\n');
    writeFileSync(join(dir, '_articles/clean.md'), '---\nlayout: article\ntitle: Clean\ncategories: [account]\n---\n\nSee [reset]({{site.baseurl}}/article/reset-password/#reset-by-email).\n');
    git('add', '-A');

    const broken = tryRepo('_articles/broken.md');
    expect(broken.status, broken.stdout + broken.stderr).toBe(1);
    expect(broken.stdout).toMatch(/_articles\/broken\.md\s+7:1\s+error\s+`\{% callout %\}` is never closed/);

    const clean = tryRepo('_articles/clean.md');
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/doclint\.+Passed/);
  }, 300_000);
});
