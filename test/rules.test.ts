/**
 * The generic rule runner (a RuleTester): every fixtures/rules/<rule-id>/<case>.md is linted; the
 * rule's findings must equal <case>.expected.json (none when absent), and <case>.fixed.md, when
 * present, is the text after --fix, which must then be free of that rule's fixable findings.
 * A `site/` folder beside the cases is the site they are linted in (as `_articles/<case>.md`).
 * The runner holds the fixtures to its own rules: a `valid-*` case expects nothing and an
 * `invalid-*` case at least one finding; every expectation states its line and column; a case
 * whose findings carry fixes states the fixed text; a rule that is not fixable offers no fix.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { resolveConfig } from '../src/config/load.js';
import { applyFixes } from '../src/lint/apply-fixes.js';
import { lintString, repoRoot, siteContext } from './helpers.js';

interface Expected {
  line: number;
  column: number;
  severity?: 'error' | 'warning';
  message?: string;
}

const fixtureRoot = join(repoRoot, 'fixtures/rules');

describe.each(readdirSync(fixtureRoot))('rule %s', (ruleId) => {
  const folder = join(fixtureRoot, ruleId);
  const cases = readdirSync(folder).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'));
  const configFile = join(folder, 'config.json');
  const config = resolveConfig(existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : {});
  const siteDir = join(folder, 'site');
  const hasSite = existsSync(siteDir);
  const rule = allRules.find((r) => r.meta.id === ruleId)!;

  it('is a known rule with docs beside it', () => {
    expect(allRules.map((r) => r.meta.id)).toContain(ruleId);
    expect(existsSync(join(repoRoot, 'rules', `${ruleId}.md`))).toBe(true);
  });

  it.each(cases)('%s', async (name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    const path = hasSite ? `_articles/${name}` : `${ruleId}/${name}`;
    // The case is one more page of the fixture site, so links to it and within it resolve.
    const context = await siteContext(config, hasSite ? siteDir : undefined, new Map([[path, text]]));
    const findings = lintString(text, config, path, context).filter((f) => f.ruleId === ruleId);
    const expectedFile = join(folder, name.replace(/\.md$/, '.expected.json'));
    const expected: Expected[] = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : [];
    expect(name, 'a case is named valid-* or invalid-*').toMatch(/^(valid|invalid)-/);
    if (name.startsWith('valid')) expect(expected).toEqual([]);
    else expect(expected.length, 'an invalid case expects at least one finding').toBeGreaterThan(0);
    for (const e of expected) expect([typeof e.line, typeof e.column], `${name}: every expectation states line and column`).toEqual(['number', 'number']);
    expect(findings.map((f) => ({ line: f.line, column: f.column, severity: f.severity, message: f.message }))).toEqual(
      expected.map((e) => expect.objectContaining({ line: e.line, column: e.column, ...(e.severity ? { severity: e.severity } : {}), message: expect.stringContaining(e.message ?? '') })),
    );
    const fixes = findings.filter((f) => f.fix);
    if (!rule.meta.fixable) expect(fixes, `${ruleId} is not fixable, so it offers no fix`).toEqual([]);
    const fixedFile = join(folder, name.replace(/\.md$/, '.fixed.md'));
    if (fixes.length > 0) expect(existsSync(fixedFile), `${name} has fixes: ${name.replace(/\.md$/, '.fixed.md')} states the fixed text`).toBe(true);
    if (existsSync(fixedFile)) {
      const fixed = applyFixes(text, findings.flatMap((f) => (f.fix ? [f.fix] : []))).text;
      expect(fixed).toBe(readFileSync(fixedFile, 'utf8'));
      const fixedContext = await siteContext(config, hasSite ? siteDir : undefined, new Map([[path, fixed]]));
      expect(lintString(fixed, config, path, fixedContext).filter((f) => f.ruleId === ruleId && f.fix)).toEqual([]);
    }
  });
});

describe('rule options', () => {
  it('link-anchor: a fragment written as its heading\'s text is fixed without fixClosest, a near miss only with it', async () => {
    const text = '---\ntitle: T\n---\n## Around the `PMD` class\n\n[a](#Around-the-PMD-class) [b](#around-the-pmd-clas)\n';
    const fixes = async (config = resolveConfig({})) => {
      const context = await siteContext(config, join(repoRoot, 'fixtures/rules/link-anchor/site'), new Map([['doc.md', text]]));
      return lintString(text, config, 'doc.md', context).filter((f) => f.ruleId === 'link-anchor').map((f) => f.fix?.text);
    };
    expect(await fixes()).toEqual(['#around-the-pmd-class', undefined]);
    expect(await fixes(resolveConfig({ rules: { 'link-anchor': ['error', { fixClosest: true }] } }))).toEqual(['#around-the-pmd-class', '#around-the-pmd-class']);
  });

  it('table-delimiter-row: allowHeaderless accepts a table with no header, with or without a top border, of one row too', () => {
    const text = '---\ntitle: T\n---\n| a | b |\n| c | d |\n\n|---|---|\n| e | f |\n| g | h |\n\n| `-l` | list |\n';
    const rows = (config?: ReturnType<typeof resolveConfig>) => lintString(text, config).filter((f) => f.ruleId === 'table-delimiter-row').map((f) => f.line);
    expect(rows()).toEqual([4, 7, 11]);
    expect(rows(resolveConfig({ rules: { 'table-delimiter-row': ['error', { allowHeaderless: true }] } }))).toEqual([]);
  });
});
