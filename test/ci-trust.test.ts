/**
 * Never a silent pass, paths as GitHub reads them, settings that take effect: the built CLI and
 * the library as users run them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../src/lint/lint.js';
import { runCli, tempCopy } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function repo(files: Record<string, string>): string {
  const { dir, cleanup } = tempCopy();
  cleanups.push(cleanup);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

const tagged = '---\ntitle: T\n---\n{% callout nope %}\nx\n{% endcallout %}\n';

describe('never a silent pass', () => {
  it('a named Jekyll config that is missing is exit 2; --jekyll-config is relative to the working directory', async () => {
    const dir = repo({ 'docs/_config.yml': 'title: t\n', 'docs/a.md': '---\ntitle: A\n---\n# A\n', 'docs/extra.yml': 'baseurl: /x\n' });
    const missing = await runCli(['check', '--root', 'docs', '--jekyll-config', '_nope.yml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Jekyll config file not found');
    const found = await runCli(['check', '--root', 'docs', '--jekyll-config', 'docs/_config.yml,docs/extra.yml', '--print-config'], dir);
    expect(found.code).toBe(0);
  });

  it('lint() rejects a missing root with a typed error', async () => {
    await expect(lint({ root: '/no/such/site' })).rejects.toMatchObject({ name: 'ConfigError' });
  });
});

describe('settings that take effect', () => {
  it('accepts a user config object as the README shows it', async () => {
    const dir = repo({ '_config.yml': 'title: t\n', 'a.md': '---\ntitle: A\n---\n# A\n' });
    const result = await lint({ root: dir, config: { maxFileSize: 1e6, rules: { 'file-unreadable': ['warn'] } } });
    expect(result.files).toEqual(['a.md']);
  });

  it('a rule set to its default severity reports every finding at it', async () => {
    const dir = repo({ '_config.yml': 'title: t\n', 'a.md': tagged });
    const defaults = await lint({ root: dir, config: {} });
    expect(defaults.findings.find((f) => f.ruleId === 'liquid-tag-arguments')?.severity).toBe('warning');
    const explicit = await lint({ root: dir, config: { rules: { 'liquid-tag-arguments': 'error' } } });
    expect(explicit.findings.find((f) => f.ruleId === 'liquid-tag-arguments')?.severity).toBe('error');
  });
});

describe('SARIF as GitHub code scanning reads it', () => {
  it('paths from the repository root when the site is a sub-folder, fingerprints stable when lines move', async () => {
    const dir = repo({ 'docs/_config.yml': 'title: t\n', 'docs/a.md': tagged });
    const first = await runCli(['check', '--root', 'docs', '--format', 'sarif'], dir);
    writeFileSync(join(dir, 'docs/a.md'), tagged.replace('---\n{%', '---\n\nNew paragraph.\n\n{%'));
    const second = await runCli(['check', '--root', 'docs', '--format', 'sarif'], dir);
    const results = (run: { stdout: string }) => JSON.parse(run.stdout).runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; partialFingerprints: Record<string, string> }[];
    const [a, b] = [results(first)[0]!, results(second)[0]!];
    expect(a.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/a.md');
    expect(b.locations[0]!.physicalLocation.region.startLine).toBe(a.locations[0]!.physicalLocation.region.startLine + 3);
    expect(b.partialFingerprints).toEqual(a.partialFingerprints);
    expect(JSON.parse(first.stdout).runs[0].columnKind).toBe('utf16CodeUnits');
    expect(readFileSync(join(dir, 'docs/a.md'), 'utf8')).toContain('New paragraph');
  });
});
