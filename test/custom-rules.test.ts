/**
 * A site's own rules (config `customRules`): a document rule and a site rule loaded from the
 * site's repository, run by the built CLI on one thread, on workers and from the result cache,
 * with options validated against their own schema, their docs in SARIF, and the same gate as a
 * JavaScript config.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/load.js';
import { repoRoot, runCli, tempCopy, threadBarrier } from './helpers.js';

const fixture = join(repoRoot, 'fixtures/custom-rules-site');
const copies: (() => void)[] = [];
afterAll(() => copies.forEach((cleanup) => cleanup()));

function site(config?: unknown): string {
  const { dir, cleanup } = tempCopy(fixture);
  copies.push(cleanup);
  if (config) writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify(config));
  return dir;
}

const findingsOf = (stdout: string): string[] => (JSON.parse(stdout) as { findings: { file: string; line: number; column: number; ruleId: string; message: string }[] }).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);

describe('custom rules', () => {
  it('runs a document rule and a site rule, with their options and disable comments, on one thread and on workers', async () => {
    const dir = site();
    const config = JSON.parse(readFileSync(join(dir, 'doclint.config.json'), 'utf8')) as { customRules: string[] };
    const barrier = threadBarrier(dir, 1);
    writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ ...config, customRules: [...config.customRules, barrier.rule] }));
    const one = await runCli(['check', '--format', 'json', '--workers', '1'], dir, { DOCLINT_DEBUG: '1' });
    expect(one.code).toBe(1);
    expect(findingsOf(one.stdout)).toEqual([
      '_articles/install.md:2:1 unique-title The title "Install" is also the title of _articles/upgrade.md.',
      '_articles/install.md:6:1 no-todo `TODO` left in the text.',
      '_articles/upgrade.md:2:1 unique-title The title "Install" is also the title of _articles/install.md.',
    ]);
    const two = await runCli(['check', '--format', 'json', '--workers', '2'], dir, { DOCLINT_DEBUG: '1', ...barrier.env });
    expect(two.stderr).toContain('on 2 thread(s)');
    expect(findingsOf(two.stdout)).toEqual(findingsOf(one.stdout));
  });

  it('lists the rules in SARIF with their own documentation links', async () => {
    const run = await runCli(['check', '--format', 'sarif'], site());
    const rules = (JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] }).runs[0]!.tool.driver.rules;
    expect(rules.find((rule) => rule.id === 'no-todo')?.helpUri).toBe('https://docs.example.org/lint/no-todo');
    expect(rules.find((rule) => rule.id === 'unique-title')?.helpUri).toBe('https://docs.example.org/lint/unique-title');
  });

  it('reuses cached results until the rule code changes', async () => {
    const dir = site();
    const cold = await runCli(['check', '--cache', '--format', 'json'], dir);
    const warm = await runCli(['check', '--cache', '--format', 'json'], dir, { DOCLINT_DEBUG: '1' });
    expect(warm.stderr).toContain('3 from the cache');
    expect(warm.stdout).toBe(cold.stdout);
    const rule = join(dir, 'rules/no-todo.mjs');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('left in the text', 'is still in the text'));
    const edited = await runCli(['check', '--cache', '--format', 'json'], dir, { DOCLINT_DEBUG: '1' });
    expect(edited.stderr).toContain('0 from the cache');
    expect(edited.stdout).toContain('`TODO` is still in the text.');
  });

  it('validates options against the rule schema, and rejects rules of the wrong shape or a taken id', async () => {
    const customRules = ['./rules/no-todo.mjs', './rules/unique-title.mjs'];
    const badOption = await runCli(['check'], site({ customRules, rules: { 'no-todo': ['warn', { marker: 'x' }] } }));
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/\/rules\/no-todo.*unknown key "marker"/);
    const unknown = await runCli(['check'], site({ customRules: ['./rules/none.mjs'] }));
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('cannot load')]);
    const dir = site({ customRules: ['./rules/shapes.mjs'] });
    writeFileSync(join(dir, 'rules/shapes.mjs'), "export default { meta: { id: 'no-check', description: 'x', severity: 'error', fixable: false } };\n");
    expect((await runCli(['check'], dir)).stderr).toContain('no-check: `check` must be a function');
    writeFileSync(join(dir, 'rules/shapes.mjs'), "export default { meta: { id: 'link-internal', description: 'x', severity: 'error', fixable: false }, check() {} };\n");
    expect((await runCli(['check'], dir)).stderr).toContain('the rule id "link-internal" is taken');
  });

  it('is code from the repository: refused where JavaScript configs are', async () => {
    const dir = site();
    await expect(loadConfig(dir, undefined, { allowCode: false })).rejects.toThrow(ConfigError);
    await expect(loadConfig(dir, undefined, { allowCode: false })).rejects.toThrow(/trust-config-code/);
    expect((await loadConfig(dir)).customRules).toEqual([join(dir, 'rules/no-todo.mjs'), join(dir, 'rules/unique-title.mjs')]);
  });
});

