import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempCopy } from './helpers.js';
import { gitChanges } from '../src/site/git-changes.js';

const { dir, cleanup } = tempCopy(join(repoRoot, 'fixtures/sites/help-center'));
afterAll(cleanup);
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });

describe('changed-files mode (--changed-since)', () => {
  it('lints the change and reports links elsewhere broken by a renamed heading or a removed page', async () => {
    writeFileSync(
      join(dir, '_articles/getting-started/links.md'),
      '---\nlayout: article\ntitle: Links\ncategories: [account]\n---\n\n[a]({{site.baseurl}}/article/reset-password/#reset-from-the-app)\n[b]({{site.baseurl}}/article/install/)\n',
    );
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'site');
    await runCli(['check', '--root', dir, '--cache']);

    const page = join(dir, '_articles/account/reset-password.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('## Reset from the app', '## Reset in the app'));
    git('rm', '-q', '_articles/getting-started/install.md');

    const run = await runCli(['check', '--root', dir, '--changed-since', 'HEAD', '--format', 'json']);
    // With the result cache (filled by a whole-site run before the change was made), the same report.
    expect((await runCli(['check', '--root', dir, '--changed-since', 'HEAD', '--format', 'json', '--cache'])).stdout).toBe(run.stdout);
    const result = JSON.parse(run.stdout);
    const found = result.findings.map((f: { file: string; ruleId: string; line: number }) => `${f.file}:${f.line}:${f.ruleId}`);
    expect(found).toContain('_articles/getting-started/links.md:7:link-anchor');
    expect(found).toContain('_articles/getting-started/links.md:8:link-internal');
    expect(run.code).toBe(1);
  });

  it('reads what changed and each changed file\'s text at the revision, whatever its name or bytes', async () => {
    const { dir: repo, cleanup: done } = tempCopy();
    try {
      const inRepo = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
      mkdirSync(join(repo, 'docs'));
      const files: Record<string, string> = { 'docs/a b.md': 'Ünïcødé ✓\n', 'docs/gone.md': 'gone\n', 'docs/moved.md': 'moved\n'.repeat(20), 'docs/same.md': 'same\n' };
      for (const [path, text] of Object.entries(files)) writeFileSync(join(repo, path), text);
      inRepo('init', '-q');
      inRepo('add', '-A');
      inRepo('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'base');
      writeFileSync(join(repo, 'docs/a b.md'), 'changed\n');
      inRepo('rm', '-q', 'docs/gone.md');
      inRepo('mv', 'docs/moved.md', 'docs/renamed.md');
      writeFileSync(join(repo, 'docs/new.md'), 'new\n');
      const changes = await gitChanges(join(repo, 'docs'), 'HEAD');
      expect(changes.changed.sort()).toEqual(['a b.md', 'new.md', 'renamed.md']);
      expect(Object.fromEntries(changes.before)).toEqual({ 'a b.md': files['docs/a b.md'], 'gone.md': 'gone\n', 'moved.md': files['docs/moved.md'] });
    } finally {
      done();
    }
  });

  it('keeps a finding pre-existing when only the anchors it lists or the id it suggests changed', async () => {
    const { dir: site, cleanup: done } = tempCopy(join(repoRoot, 'fixtures/sites/help-center'));
    try {
      const inSite = (...args: string[]) => execFileSync('git', args, { cwd: site, encoding: 'utf8' });
      const page = join(site, '_articles/account/reset-password.md');
      writeFileSync(page, `${readFileSync(page, 'utf8')}\nSee [the steps](#reset-form-the-app).\n`);
      inSite('init', '-q');
      inSite('add', '-A');
      inSite('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'base');
      const brokenAnchor = (result: { stdout: string }) => JSON.parse(result.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'link-anchor');
      expect(brokenAnchor(await runCli(['check', '--root', site, '--format', 'json'])).message).toContain('did you mean `#reset-from-the-app`?');
      // The page's heading is renamed: the old broken link's message now suggests another id.
      writeFileSync(page, readFileSync(page, 'utf8').replace('## Reset from the app', '## Reset in the app'));
      const run = await runCli(['check', '--root', site, '--changed-since', 'HEAD', '--format', 'json']);
      const after = brokenAnchor(run);
      expect(after.message).toContain('did you mean `#reset-in-the-app`?');
      expect(after.preExisting).toBe(true);
      expect(run.code).toBe(0);
    } finally {
      done();
    }
  });

  it('reports a layout\'s `#id` link that a renamed heading broke on one of its pages', async () => {
    const { dir: site, cleanup: done } = tempCopy();
    try {
      const inSite = (...args: string[]) => execFileSync('git', args, { cwd: site, encoding: 'utf8' });
      mkdirSync(join(site, '_layouts'));
      writeFileSync(join(site, '_layouts/default.html'), '<a href="#setup">Setup</a>{{ content }}\n');
      for (const page of ['a', 'b']) writeFileSync(join(site, `${page}.md`), '---\nlayout: default\n---\n## Setup\n\nText.\n');
      inSite('init', '-q');
      inSite('add', '-A');
      inSite('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'base');
      writeFileSync(join(site, 'a.md'), '---\nlayout: default\n---\n## Install\n\nText.\n');
      const run = await runCli(['check', '--root', site, '--changed-since', 'HEAD', '--format', 'json']);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).findings.map((f: { file: string; ruleId: string; message: string }) => `${f.file} ${f.ruleId} ${f.message.split(':')[0]}`)).toEqual([
        '_layouts/default.html link-anchor There is no anchor `#setup` on `a.md`, one of the 2 pages it is written into',
      ]);
    } finally {
      done();
    }
  });

  it('exits 2 with one line when the revision does not exist', async () => {
    const run = await runCli(['check', '--root', dir, '--changed-since', 'no-such-ref']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^doclint: .*no-such-ref/);
  });

  it('tells new findings from those the base revision had: only new ones count, a shallow clone is named', async () => {
    const { dir: site, cleanup: done } = tempCopy(join(repoRoot, 'fixtures/sites/help-center'));
    try {
      const inSite = (...args: string[]) => execFileSync('git', args, { cwd: site, encoding: 'utf8' });
      const page = join(site, '_articles/getting-started/old.md');
      writeFileSync(page, '---\nlayout: article\ntitle: Old\ncategories: [account]\n---\n\nAlready [broken]({{site.baseurl}}/article/gone/).\n');
      inSite('init', '-q');
      inSite('add', '-A');
      inSite('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-qm', 'base');
      writeFileSync(page, `${readFileSync(page, 'utf8').replace('\n\nAlready', '\n\nA new line.\n\nAlready')}`);
      const touched = await runCli(['check', '--root', site, '--changed-since', 'HEAD', '--format', 'json']);
      const old = JSON.parse(touched.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'link-internal');
      expect(old).toMatchObject({ line: 9, preExisting: true });
      expect(touched.code).toBe(0);
      const stylish = await runCli(['check', '--root', site, '--changed-since', 'HEAD']);
      expect(stylish.stdout).toContain('(pre-existing)');
      expect((await runCli(['check', '--root', site, '--changed-since', 'HEAD', '--hide-pre-existing'])).stdout).not.toContain('article/gone');

      writeFileSync(page, `${readFileSync(page, 'utf8')}\nNewly [broken]({{site.baseurl}}/article/also-gone/).\n`);
      const broken = await runCli(['check', '--root', site, '--changed-since', 'HEAD', '--format', 'json']);
      const findings = JSON.parse(broken.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'link-internal');
      expect(findings.map((f: { preExisting?: boolean }) => f.preExisting ?? false)).toEqual([true, false]);
      expect(broken.code).toBe(1);

      const shallow = tempCopy();
      try {
        execFileSync('git', ['clone', '-q', '--depth', '1', `file://${site}`, shallow.dir]);
        const run = await runCli(['check', '--root', shallow.dir, '--changed-since', 'HEAD~1']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('fetch-depth: 0');
      } finally {
        shallow.cleanup();
      }
    } finally {
      done();
    }
  });
});
