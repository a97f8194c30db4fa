import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv4 from 'ajv-draft-04';
import { allRules } from '../rules/index.js';
import { reporters } from '../src/report/index.js';
import type { ReportInput } from '../src/report/types.js';
import type { Finding } from '../src/types.js';

const findings: Finding[] = [
  { ruleId: 'front-matter-syntax', severity: 'error', message: 'Bad, with a comma: and 100% "quotes"\nsecond line', file: 'docs/a b.md', line: 3, column: 2, endLine: 3, endColumn: 9 },
  { ruleId: 'front-matter-syntax', severity: 'warning', message: 'Duplicate | key', file: 'docs/c.md', line: 1, column: 1, fix: { start: 0, end: 1, text: '' } },
];
const input: ReportInput = {
  root: '/site',
  cwd: '/',
  fileCount: 3,
  findings,
  rules: allRules.map((r) => r.meta),
  toolVersion: '1.2.3',
};

describe('reporters', () => {
  it('stylish groups by file with positions, severity, rule and a summary', () => {
    const text = reporters.stylish(input);
    expect(text).toContain('site/docs/a b.md\n  3:2  error    Bad');
    expect(text).toContain('front-matter-syntax');
    expect(text).toContain('✖ 2 problems (1 error, 1 warning) in 2 files of 3 checked');
    expect(text).toContain('1 problem can be fixed with --fix.');
    expect(text).not.toContain('\u001b[');
    expect(reporters.stylish({ ...input, color: true })).toContain('\u001b[31m');
    expect(reporters.stylish({ ...input, findings: [] })).toBe('No problems in 3 files.\n');
  });

  it('json has the documented stable shape', () => {
    const parsed = JSON.parse(reporters.json(input));
    expect(Object.keys(parsed)).toEqual(['version', 'tool', 'root', 'summary', 'findings']);
    expect(parsed.summary).toEqual({ files: 3, errors: 1, warnings: 1, fixable: 1 });
    expect(parsed.findings[0]).toEqual(findings[0]);
  });

  it('sarif validates against the SARIF 2.1.0 schema', () => {
    const require = createRequire(import.meta.url);
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // The published schema has a pattern that is only valid without the u flag.
    const ajv = new Ajv4({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const log = JSON.parse(reporters.sarif(input));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [result] = log.runs[0].results;
    expect(result).toMatchObject({
      ruleId: 'front-matter-syntax',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/a%20b.md', uriBaseId: 'ROOT' }, region: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 9 } } }],
    });
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    expect(log.runs[0].tool.driver.rules[0].help.text).toContain('front-matter-syntax.md');
  });

  it('github emits escaped workflow commands', () => {
    const lines = reporters.github(input).trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=site/docs/a b.md,line=3,col=2,endLine=3,endColumn=9,title=doclint(front-matter-syntax)::Bad, with a comma: and 100%25 "quotes"%0Asecond line',
    );
    expect(lines[1]).toMatch(/^::warning file=site\/docs\/c.md,line=1,col=1,title=doclint\(front-matter-syntax\)::Duplicate \| key$/);
  });

  it('markdown renders a summary table with escaped cells', () => {
    const text = reporters.markdown(input);
    expect(text).toContain('**1 error**, **1 warning** in 2 files of 3 checked');
    expect(text).toContain('| `front-matter-syntax` | 2 |');
    expect(text).toContain('Duplicate \\| key');
    expect(reporters.markdown({ ...input, findings: [] })).toContain('No problems in 3 files');
  });

  it('puts new findings first and reports pre-existing ones apart, never counted', () => {
    const old: Finding = { ruleId: 'link-internal', severity: 'error', message: 'Old', file: 'docs/c.md', line: 2, column: 1, preExisting: true };
    const mixed: ReportInput = { ...input, findings: [old, findings[1]!, findings[0]!] };
    expect(reporters.github(mixed).trimEnd().split('\n').map((line) => line.split(' ')[0])).toEqual(['::error', '::warning', '::notice']);
    expect(reporters.stylish(mixed)).toContain('✖ 2 problems (1 error, 1 warning) in 2 files of 3 checked (and 1 pre-existing, not counted)');
    const summary = reporters.markdown(mixed);
    expect(summary).toContain('1 pre-existing finding');
    expect(summary.indexOf('error (pre-existing)')).toBeGreaterThan(summary.indexOf('| warning |'));
    const sarif = JSON.parse(reporters.sarif(mixed)).runs[0].results;
    expect(sarif.map((r: { level: string; baselineState: string }) => `${r.level}:${r.baselineState}`)).toEqual(['note:unchanged', 'warning:new', 'error:new']);
    expect(JSON.parse(reporters.json(mixed)).summary).toMatchObject({ errors: 1, warnings: 1, preExisting: 1 });
  });
});
