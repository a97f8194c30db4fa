/**
 * Bad input never crashes the run and never loses the other files' findings: each hostile
 * file gets a clear finding with its position, in bounded time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFile } from '../src/lint/lint-files.js';
import { lintString, runCli, siteContext, tempCopy } from './helpers.js';

const { dir, cleanup } = tempCopy();
afterAll(cleanup);
const fm = '---\ntitle: t\n---\n';

describe('hostile input', () => {
  it('reports each hostile file and still lints the others', async () => {
    writeFileSync(join(dir, '_config.yml'), 'title: hostile\n');
    writeFileSync(join(dir, 'deep-quote.md'), `${fm}${'>'.repeat(10_000)} deep\n`);
    writeFileSync(join(dir, 'deep-liquid.md'), `${fm}${'{% if a %}'.repeat(5_000)}${'{% endif %}'.repeat(5_000)}`);
    writeFileSync(join(dir, 'braces.md'), `${fm}${'{{'.repeat(50_000)}${'{%'.repeat(50_000)}`);
    // CR line ends: Jekyll sees no front matter, so the page is a static file (nothing reported, nothing crashes).
    writeFileSync(join(dir, 'cr-only.md'), '---\rtitle: t\r---\r{% if x %}\r');
    writeFileSync(join(dir, 'long-line.md'), `${fm}${'word '.repeat(200_000)}\n`);
    writeFileSync(join(dir, 'huge.md'), Buffer.alloc(6 * 1024 * 1024, 'a'));
    writeFileSync(join(dir, 'normal.md'), `${fm}\n{% callout nope %}\nx\n{% endcallout %}\n`);
    const started = performance.now();
    const run = await runCli(['check', '--root', dir, '--format', 'json']);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    const found = JSON.parse(run.stdout).findings.map((f: { file: string; ruleId: string; line: number }) => `${f.file}:${f.line}:${f.ruleId}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'deep-quote.md:4:file-too-complex',
        'deep-liquid.md:4:liquid-syntax',
        'braces.md:4:liquid-syntax',
        'huge.md:1:file-unreadable',
        'normal.md:5:liquid-tag-arguments',
      ]),
    );
    expect(found.filter((f: string) => f.startsWith('long-line.md'))).toEqual([]);
  }, 90_000);
});

describe('large and deep input, in bounded time and memory', () => {
  it('skips a 50 MB file without reading it, on a 96 MB heap', async () => {
    const { dir: site, cleanup: done } = tempCopy();
    try {
      writeFileSync(join(site, '_config.yml'), 'title: big\n');
      writeFileSync(join(site, 'big.md'), Buffer.concat([Buffer.from(fm), Buffer.alloc(50 * 1024 * 1024, 'word ')]));
      writeFileSync(join(site, 'small.md'), `${fm}{% callout nope %}\nx\n{% endcallout %}\n`);
      const run = await runCli(['check', '--root', site, '--format', 'json'], undefined, { NODE_OPTIONS: '--max-old-space-size=96' });
      expect(run.code, run.stderr).toBe(1);
      const found = JSON.parse(run.stdout).findings.map((f: { file: string; ruleId: string; message: string }) => `${f.file}:${f.ruleId}:${f.message}`);
      expect(found).toEqual([expect.stringMatching(/^big\.md:file-unreadable:The file is 52428817 bytes, over the 5242880-byte limit/), expect.stringMatching(/^small\.md:liquid-tag-arguments:/)]);
    } finally {
      done();
    }
  }, 60_000);

  it('finds the one short row of a 100,000-row table, at its line', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => (i === 70_000 ? '| short |' : `| ${i} | cell |`));
    const text = `${fm}\n| Number | Text |\n|---|---|\n${rows.join('\n')}\n`;
    const started = performance.now();
    const findings = lintString(text, undefined, '_articles/x.md');
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(findings.filter((f) => f.ruleId === 'table-cell-count').map((f) => f.line)).toEqual([7 + 70_000]);
  }, 90_000);

  it.each([
    ['bullet lists', `${'- '.repeat(10_000)}x\n`],
    ['ordered lists', `${'1. '.repeat(10_000)}x\n`],
    ['lists in quotes', `${'> - '.repeat(5_000)}x\n`],
    ['quotes, CR line ends', `text\r${'>'.repeat(10_000)} x\r`],
  ])('10,000 levels of %s: reported at the line, not parsed', async (_, body) => {
    const context = await siteContext();
    const findings = lintFile('_articles/x.md', `${fm}${body}`, context);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'file-too-complex', line: body.startsWith('text') ? 5 : 4, message: expect.stringContaining('more than 1000 nested block quotes or lists') })]);
  });

  it('parses 1,000 levels, the bound, in bounded time', async () => {
    const context = await siteContext();
    const started = performance.now();
    const findings = lintFile('_articles/x.md', `${fm}${'- '.repeat(1_000)}x\n`, context);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(findings.filter((f) => f.ruleId === 'file-unreadable')).toEqual([]);
  });
});

describe('adversarial input for every regular expression over content (ReDoS)', () => {
  const fm = '---\ntitle: t\n---\n';
  it.each([
    ['HTML attributes', `${fm}<div>\n${'<a '.repeat(20_000)}\n`],
    ['img without alt', `${fm}<p>${'<img '.repeat(20_000)}</p>\n`],
    ['href', `${fm}<p>${' href='.repeat(20_000)}</p>\n`],
    ['a long table line', `${fm}\n${'a'.repeat(200_000)}|\n`],
    ['backtick runs in a row', `${fm}\n| ${'`'.repeat(50_000)} |\n|---|\n`],
    ['attribute lists', `${fm}## h\n{:${' #'.repeat(50_000)}\n`],
    ['explicit ids', `${fm}## h${' {#a'.repeat(30_000)}\n`],
    ['unclosed flow YAML', `---\n${'a: ['.repeat(20_000)}\n---\n`],
    ['long Liquid markup', `${fm}{{ ${'a.'.repeat(100_000)} }}\n`],
    ['many filter arguments', `${fm}{{ x${' | f: "a", b'.repeat(20_000)} }}\n`],
    ['disable directive lists', `${fm}<!-- doclint-disable${' x,'.repeat(50_000)} -->\n`],
    ['unbalanced link parentheses', `${fm}[a](${'('.repeat(50_000)}\n`],
    ['closed bracket pairs in one paragraph', `${fm}${'[a] '.repeat(50_000)}\n`],
    ['markdown="1" wrappers', `${fm}${'<div markdown="1">\n'.repeat(20_000)}`],
    ['markdown="1" wrappers around raw elements', `${fm}${'<div markdown="1">\n<div>\n'.repeat(20_000)}`],
    ['block HTML elements', `${fm}${'<div>x</div>\n\n'.repeat(50_000)}`],
    ['block HTML never closed', `${fm}${'<div>\n'.repeat(50_000)}`],
    ['a tag with many attributes, never ended', `${fm}<div${' a="x"'.repeat(50_000)}\n`],
    ['extension blocks never stopped', `${fm}${'{::nomarkdown}\n'.repeat(30_000)}`],
    ['span element lines', `${fm}${'<br>\n[l](l.html)\n\n'.repeat(20_000)}`],
    ['HTML comments never closed', `${fm}<p>${'<!-- <a href="x">'.repeat(20_000)}\n`],
    ['script elements never ended', `${fm}<div>${'<script>'.repeat(20_000)}\n`],
    ['attribute quotes never closed', `${fm}<p>${'<a href="x '.repeat(20_000)}\n`],
    ['end tags never ended', `${fm}<p>${'</a '.repeat(20_000)}\n`],
  ])('%s', (_, text) => {
    const started = performance.now();
    lintString(text, undefined, '_articles/x.md');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('content cannot reach outside', () => {
  it('reports paths that leave the site instead of reading them', () => {
    const findings = lintString('---\ntitle: t\n---\n{% include_relative ../../../../etc/passwd %}\n', undefined, '_articles/x.md');
    expect(findings.filter((f) => f.ruleId === 'liquid-include').map((f) => f.message)).toEqual([expect.stringContaining('Jekyll refuses this name')]);
  });

  it('never hands a revision to a shell', async () => {
    const { dir: repo, cleanup: done } = tempCopy();
    try {
      writeFileSync(join(repo, 'a.md'), '---\ntitle: t\n---\n');
      const run = await runCli(['check', '--root', repo, '--changed-since', 'HEAD;touch PWNED']);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      const { existsSync } = await import('node:fs');
      expect(existsSync(join(repo, 'PWNED'))).toBe(false);
      // A revision that git would read as an option (git option injection) is refused outright.
      const injected = await runCli(['check', '--root', repo, '--changed-since=--upload-pack=touch PWNED']);
      expect(injected.code).toBe(2);
      expect(injected.stderr).toContain('not a revision');
      expect(existsSync(join(repo, 'PWNED'))).toBe(false);
    } finally {
      done();
    }
  });
});
