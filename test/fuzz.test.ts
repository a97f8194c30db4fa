/**
 * Property-based tests (fast-check) over generated and mutated documents mixing front matter,
 * Liquid, Markdown, tables and links: no exception escapes, every finding lies inside the
 * file, linting terminates quickly, and --fix is idempotent and never touches a file that
 * has no fixable finding. Runs are bounded so the suite stays fast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/load.js';
import { applyFixes } from '../src/lint/apply-fixes.js';
import { LineIndex } from '../src/text/line-index.js';
import type { Finding } from '../src/types.js';
import { lintString } from './helpers.js';

const config = resolveConfig({ rules: { 'link-anchor': ['error', { fixClosest: true }] } });

const pieces = [
  '---\n', 'title: Fuzz\n', 'order: 08\n', 'categories: [a, b]\n', 'layout: article\n', 'title: "x\n', '\uFEFF', '\r\n', '\r', '\n', '\n\n',
  '{% callout info %}', '{% endcallout %}', '{% callout danger %}', '{% if a %}', '{% else %}', '{% endif %}', '{% raw %}', '{% endraw %}',
  '{% comment %}', '{% endcomment %}', '{% icon fa-cog %}', '{% icon %}', '{% image x.png A caption %}', '{% image %}', '{% include a.html %}',
  '{{ site.baseurl }}', '{{site.baseURL}}', '{{ page.title | upcase }}', '{{', '}}', '{%', '%}', '{{{x}}}',
  '  {%- if a %}\n', '{%- endif -%}', '{{- page.title -}}', '  ```\n', '```js title\n', '<div>\n', '<pre>```</pre>\n',
  '| a | b |\n', '|---|---|\n', '| 1 |\n', '|:-:|x--|\n', 'Press Ctrl+| now\n', '\\|',
  '# Heading\n', '## Heading {#id}\n', '{: #ial}\n', '> quote ', '- item ', '1. step ', '    code\n', '```\n', '`code | span`',
  '[link]({{site.baseurl}}/article/x/#heading)', '[rel](../x/)', '![](img.png)', '<img src="a.png">', '<a href="#h">h</a>',
  '<div markdown="1">\n', '</div>\n', '[^1]', '[^1]: note\n', '~~s~~', '*em*', '**b**', '\\', '`', '*', '_', '<', '>', '&amp;', 'é', '🚀', ' ', '\t',
  '<!-- doclint-disable -->', '<!-- doclint-enable -->', '<!-- doclint-disable-next-line -->',
];

const documents = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));

function assertInside(text: string, findings: Finding[]): void {
  const lines = new LineIndex(text);
  for (const finding of findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines.lineCount);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    if (finding.fix) {
      expect(finding.fix.start).toBeGreaterThanOrEqual(0);
      expect(finding.fix.end).toBeLessThanOrEqual(text.length);
      expect(finding.fix.start).toBeLessThanOrEqual(finding.fix.end);
    }
  }
}

/** Fixes the way the engine does: passes until nothing fixable remains (at most 10). */
function fixAll(text: string): string {
  for (let pass = 0; pass < 10; pass++) {
    const fixes = lintString(text, config, '_articles/fuzz.md').flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) return text;
    const next = applyFixes(text, fixes).text;
    if (next === text) return text;
    text = next;
  }
  return text;
}

describe('fuzzing the document model and the rules', () => {
  it('never throws, keeps every finding inside the file, and ends quickly', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const started = performance.now();
        const findings = lintString(text, config, '_articles/fuzz.md');
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
        assertInside(text, findings);
      }),
      { numRuns: Number(process.env.DOCLINT_FUZZ_RUNS ?? 300), seed: 20261125 },
    );
  });

  it('fixes idempotently and leaves files without fixable findings untouched', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const findings = lintString(text, config, '_articles/fuzz.md');
        const fixed = fixAll(text);
        if (!findings.some((f) => f.fix)) expect(fixed).toBe(text);
        expect(fixAll(fixed)).toBe(fixed);
      }),
      { numRuns: Number(process.env.DOCLINT_FUZZ_RUNS ?? 150), seed: 7 },
    );
  });
});
