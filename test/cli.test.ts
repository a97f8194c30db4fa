import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath, exampleSite, runCli, tempCopy } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function site(files: Record<string, string | Buffer>): string {
  const { dir, cleanup } = tempCopy();
  cleanups.push(cleanup);
  writeFileSync(join(dir, '_config.yml'), 'collections:\n  articles:\n    output: true\n');
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

const good = '---\nlayout: article\ntitle: Good\n---\n\nText.\n';
const duplicate = '---\ntitle: A\ntitle: B\n---\n';

describe('doclint check (the built CLI, as a process)', () => {
  it('lints the bundled example site: findings and exit 1', async () => {
    const run = await runCli(['check', '--root', exampleSite]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/delete-account\.md\n\s+1:1\s+error\s+A byte order mark/);
    expect(run.stdout).toMatch(/✖ \d+ problems/);
    expect(run.stderr).toBe('');
  });

  it('stops writing, without a crash, when its reader goes away (`doclint check | head`), and keeps the exit code', async () => {
    const child = spawn(process.execPath, [cliPath, 'check', '--root', exampleSite, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('exits 0 on a clean site and 0 with warnings only, 1 above --max-warnings', async () => {
    expect((await runCli(['check', '--root', site({ 'a.md': good })])).code).toBe(0);
    const warned = site({ 'a.md': duplicate });
    expect((await runCli(['check', '--root', warned])).code).toBe(0);
    expect((await runCli(['check', '--root', warned, '--max-warnings', '0'])).code).toBe(1);
    const quiet = await runCli(['check', '--root', warned, '--quiet']);
    expect(quiet.stdout).not.toContain('Duplicate');
  });

  it.each(['json', 'sarif', 'github', 'markdown'])('writes --format %s to --output', async (format) => {
    const dir = site({ 'a.md': duplicate });
    const out = join(dir, `report.${format}`);
    const run = await runCli(['check', '--root', dir, '--format', format, '--output', out]);
    expect(run.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    if (format === 'json') expect(JSON.parse(text).findings[0]).toMatchObject({ ruleId: 'front-matter-syntax', file: 'a.md', line: 3 });
    if (format === 'sarif') expect(JSON.parse(text).version).toBe('2.1.0');
    if (format === 'github') expect(text).toMatch(/^::warning file=.*a\.md,line=3,col=1/);
    if (format === 'markdown') expect(text).toContain('## doclint');
  });

  it('lints only the paths given, relative to the working directory', async () => {
    const dir = site({ 'a.md': duplicate, 'b.md': duplicate, 'notes.txt': 'x' });
    const run = await runCli(['check', 'a.md', 'missing.md', '--format', 'json', '--allow-empty'], dir);
    expect(JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['a.md']);
    expect(run.stderr).toContain('missing.md');
  });

  it('fails (exit 2) when a path matches nothing, or the root holds nothing to lint, unless --allow-empty', async () => {
    const dir = site({ 'a.md': duplicate });
    const missing = await runCli(['check', 'a.md', 'missing.md'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no lintable file in the site root matches missing.md');
    const typo = await runCli(['check', '--root', 'nope'], dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/site root .*nope does not exist/);
    const empty = site({ 'notes.txt': 'x' });
    expect((await runCli(['check'], empty)).code).toBe(2);
    const allowed = await runCli(['check', '--allow-empty'], empty);
    expect([allowed.code, allowed.stdout.trim()]).toEqual([0, 'No problems in 0 files.']);
  });

  it('turns rules off with --rule and prints the resolved config', async () => {
    const dir = site({ '_config.yml': 'collections: [guides]\n', '_guides/a.md': 'no front matter' });
    expect((await runCli(['check', '--root', dir])).code).toBe(1);
    expect((await runCli(['check', '--root', dir, '--rule', 'front-matter-syntax:off'])).code).toBe(0);
    const printed = await runCli(['check', '--root', dir, '--print-config', '--rule', 'front-matter-syntax:warn']);
    expect(JSON.parse(printed.stdout).rules['front-matter-syntax'].severity).toBe('warning');
  });

  it('exits 2 with one line on a config or usage error', async () => {
    const dir = site({ 'a.md': good, 'doclint.config.json': '{ "rules": { "nope": "error" } }' });
    const bad = await runCli(['check', '--root', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('unknown key "nope"');
    expect((await runCli(['check', '--no-such-flag'])).code).toBe(2);
    expect((await runCli(['check', '--rule', 'x:y'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it('prints the version and help', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runCli(['check', '--help'])).stdout).toContain('--max-warnings');
  });

  it('never evaluates `---js` front matter', async () => {
    const dir = site({ 'evil.md': "---js\n{ title: require('fs').writeFileSync('PWNED', 'x') }\n---\n" });
    const run = await runCli(['check', '--root', dir, '--format', 'json'], dir);
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
    expect(JSON.parse(run.stdout).findings[0].message).toContain('not YAML');
  });

  it('reports unreadable files and goes on with the others', async () => {
    const dir = site({ 'bad.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]), 'bin.md': Buffer.from([1, 0, 2]), 'dup.md': duplicate });
    const run = await runCli(['check', '--root', dir, '--format', 'json']);
    const found = JSON.parse(run.stdout).findings.map((f: { file: string; ruleId: string; line: number }) => `${f.file}:${f.line}:${f.ruleId}`);
    expect(found).toEqual(['bad.md:2:file-unreadable', 'bin.md:1:file-unreadable', 'dup.md:3:front-matter-syntax']);
    expect(run.code).toBe(1);
  });

  it('--fix removes a BOM atomically, keeping line endings and file mode', async () => {
    const dir = site({ 'a.md': '\uFEFF---\r\ntitle: A\r\n---\r\nText.\r\n' });
    chmodSync(join(dir, 'a.md'), 0o640);
    const run = await runCli(['check', '--root', dir, '--fix']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('---\r\ntitle: A\r\n---\r\nText.\r\n');
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o640);
    expect(run.stderr).toContain('fixed 1 file');
  });

  it('--watch checks again after each change until Ctrl-C, reading the config again, and exits with the last run\'s code', async () => {
    const dir = site({ 'a.md': `${good}[b](b.html)\n`, 'b.md': good });
    const report = join(dir, 'report.json');
    const child = spawn(process.execPath, [cliPath, 'check', '--watch', '--root', dir, '--format', 'json', '--output', report], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    const waits: [number, () => void][] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      const runs = stderr.split('watching for changes').length - 1;
      for (const [index, wait] of waits.entries()) if (runs >= wait[0]) waits.splice(index, 1)[0]![1]();
    });
    const runs = (count: number): Promise<void> => new Promise((done) => waits.push([count, done]));
    const findings = (): string[] => JSON.parse(readFileSync(report, 'utf8')).findings.map((f: { file: string; ruleId: string }) => `${f.file}:${f.ruleId}`);

    await runs(1);
    expect(findings()).toEqual([]);
    // An unchanged file's links meet the change: a.md, held in memory, now links to a page that is gone.
    rmSync(join(dir, 'b.md'));
    await runs(2);
    expect(stderr).toContain('doclint: b.md changed: checking again');
    expect(findings()).toEqual(['a.md:link-internal']);
    writeFileSync(join(dir, '.doclintrc.json'), '{ "rules": { "link-internal": "off" } }');
    await runs(3);
    expect(findings()).toEqual([]);
    // A broken config is said, and the watching goes on.
    writeFileSync(join(dir, '.doclintrc.json'), '{ "rules": ');
    await runs(4);
    expect(stderr).toMatch(/doclint: .*\.doclintrc\.json/);
    // The report it writes under the root starts no run of its own, nor does an editor's swap file.
    const started = stderr.split('checking again').length;
    writeFileSync(join(dir, '.a.md.swp'), 'swap');
    writeFileSync(join(dir, 'a.md~'), 'backup');
    await new Promise((done) => setTimeout(done, 300));
    expect(stderr.split('checking again').length).toBe(started);
    child.kill('SIGINT');
    expect(await new Promise((done) => child.on('close', done))).toBe(2);
  });

  it('--watch refuses --fix', async () => {
    const run = await runCli(['check', '--watch', '--fix', '--root', site({ 'a.md': good })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--watch cannot be combined with --fix');
  });
});
