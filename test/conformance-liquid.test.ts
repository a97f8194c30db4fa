/**
 * Every case of fixtures/conformance/liquid-tags.json (a real `jekyll build` with the
 * help-center plugins) against doclint. doclint must agree with Jekyll's outcome (error /
 * warning / ok) except where it deliberately says more; each deviation says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/load.js';
import { createTagRegistry } from '../src/parse/tag-registry.js';
import { readJekyllConfig } from '../src/site/jekyll-config.js';
import { buildSiteIndex } from '../src/site/site-index.js';
import type { LintContext } from '../src/lint/lint-files.js';
import type { Finding } from '../src/types.js';
import { lintString, repoRoot } from './helpers.js';

interface Case {
  input: string;
  expected: 'ok' | 'warning' | 'error';
  note: string;
  whole_file?: boolean;
}

const { cases } = JSON.parse(readFileSync(join(repoRoot, 'fixtures/conformance/liquid-tags.json'), 'utf8')) as { cases: Case[] };

type Outcome = 'ok' | 'warning' | 'error';
/** Where doclint reports more than Jekyll prints, on purpose. */
const deviations: Record<string, { outcome: Outcome; why: string }> = {
  '{% image pic.png %}': { outcome: 'warning', why: 'no caption means no alt text (accessibility)' },
  '{% image pic.png %}{% image pic2.png %}': { outcome: 'warning', why: 'no caption means no alt text' },
  '{%- image pic.png -%}': { outcome: 'warning', why: 'no caption means no alt text' },
  '| a | b |\n|---|---|\n| {% image pic.png %} | 2 |': { outcome: 'warning', why: 'no alt text' },
  'Press {% icon fa-cog  fa-lg %} now.': { outcome: 'warning', why: 'the double space silently drops fa-lg' },
  '{% image pic.png "quoted" caption %}': { outcome: 'warning', why: 'the quote breaks the alt attribute: the image renders as text' },
  '[x]({{site.baseURL}}/article/x/)': { outcome: 'warning', why: 'renders empty: the link loses /help' },
  '[x]({{site.base_url}}/article/x/)': { outcome: 'warning', why: 'renders empty: the link loses /help' },
  '[x]({{ site.baseurl | no_such_filter }}/article/x/)': { outcome: 'warning', why: 'the unknown filter is silently ignored' },
};
/** Whole-file cases where doclint is stricter than the build's exit code. */
const wholeFileDeviations: Record<string, { outcome: Outcome; why: string }> = {
  'WHOLE FILE: a UTF-8 byte order mark before the front matter': { outcome: 'error', why: 'Jekyll silently publishes the article as a static file' },
  'WHOLE FILE: invalid YAML in the front matter': { outcome: 'error', why: 'the page loses its layout and title' },
};

const frontMatter = '---\nlayout: article\ntitle: Case\n---\n';
const config = resolveConfig({});
const tags = createTagRegistry();
// The vectors' site: baseurl /help, the article at /article/case/ (see site_config in the file).
const jekyll = { ...readJekyllConfig(repoRoot, []), baseurl: '/help', collections: [{ name: 'articles', output: true, permalink: '/article/:name/' }] };
const contextFor = (text: string): LintContext => ({
  config,
  tags,
  site: buildSiteIndex(jekyll, new Set(['_config.yml', '_articles/case.md', '_layouts/article.html']), new Map([['_articles/case.md', text]]), tags),
});

/**
 * What the vectors judge: Liquid, `{% link %}` (a build error), and whether Jekyll sees the front
 * matter; not doclint's schema opinions, nor links to pages the one-article test site lacks.
 */
const judged = (f: Finding): boolean =>
  f.ruleId.startsWith('liquid-') || f.ruleId === 'front-matter-syntax' || (f.ruleId === 'link-internal' && f.message.startsWith('`{% link'));

function outcomeOf(text: string): { outcome: Outcome; rules: string[] } {
  const findings = lintString(text, undefined, '_articles/case.md', contextFor(text)).filter(judged);
  const outcome = findings.some((f) => f.severity === 'error') ? 'error' : findings.length > 0 ? 'warning' : 'ok';
  return { outcome, rules: [...new Set(findings.map((f) => f.ruleId))] };
}

describe('Liquid conformance (jekyll 4.3.1, Liquid 5.4, help-center plugins)', () => {
  it('has the vectors', () => {
    expect(cases.length).toBeGreaterThan(70);
  });

  for (const c of cases) {
    const title = `${c.expected.padEnd(7)} ${c.note}: ${JSON.stringify(c.input).slice(0, 70)}`;
    it(title, () => {
      const deviation = c.whole_file ? wholeFileDeviations[c.note.split(' (')[0]!] : deviations[c.input];
      const { outcome, rules } = outcomeOf(c.whole_file ? c.input : frontMatter + c.input);
      expect(outcome, `rules: ${rules.join(', ')}${deviation ? ` (deviation: ${deviation.why})` : ''}`).toBe(deviation?.outcome ?? c.expected);
    });
  }
});
