/**
 * Untrusted content and hostile environments, one block per class of defect: data loss,
 * one bad file stopping the run, resource exhaustion, reaching outside. Property tests are
 * seeded and bounded (a longer run: `DOCLINT_FUZZ_RUNS=20000 npx vitest run test/hardening.test.ts`).
 */
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../src/lint/lint.js';
import { writeFixedFile } from '../src/lint/write-fixed.js';
import { isPrivateAddress } from '../src/links/external/network-guard.js';
import { parseFrontMatter } from '../src/parse/front-matter.js';
import { checkComplexity, ComplexityError } from '../src/parse/parse-budget.js';
import { printable } from '../src/report/summary.js';
import { mergeReports, type JsonReport } from '../src/report/merge.js';
import { runCli, tempCopy } from './helpers.js';

const runs = Number(process.env.DOCLINT_FUZZ_RUNS ?? 300);
const property = { numRuns: runs, seed: 20261202 };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A small help-center-shaped site in a temp folder. */
function site(files: Record<string, string> = {}): string {
  const { dir, cleanup } = tempCopy();
  cleanups.push(cleanup);
  const all: Record<string, string> = {
    '_config.yml': 'collections:\n  articles:\n    output: true\n    permalink: /article/:name/\n',
    '_articles/a.md': '---\ntitle: A\n---\n# A\n\nSee [b](/article/b/) and [missing](/article/nope/).\n',
    '_articles/b.md': '---\ntitle: B\n---\n# B\n',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const config = { rules: { 'front-matter-schema': 'off' } };
const ids = (findings: { file: string; ruleId: string }[]): string[] => findings.map((f) => `${f.file}:${f.ruleId}`);

describe('one bad file never stops the run', () => {
  it.each([
    ['a list that holds itself', 'x: &a [*a]'],
    ['a map that holds itself', 'x: &a {y: *a}'],
    ['a merge key that merges itself', '<<: &a {y: 1, <<: *a}'],
    ['an unknown alias', 'x: *nope'],
    ['a permalink named like Object.prototype members', 'permalink: constructor'],
    ['a __proto__ permalink', 'permalink: __proto__'],
    ['a category that is a map with toString', 'categories: [{toString: 1}]'],
  ])('%s: a finding at most, and the other files are linted', async (_, yaml) => {
    const dir = site({ '_articles/c.md': `---\ntitle: C\n${yaml}\n---\n# C\n` });
    const result = await lint({ root: dir, config });
    expect(ids(result.findings)).toContain('_articles/a.md:link-internal');
    expect(ids(result.findings)).not.toContain('_articles/c.md:internal-error');
  });

  it.each([
    ['theme: constructor\nplugins: [toString, __proto__, hasOwnProperty]\n'],
    ['theme: __proto__\ntimezone: valueOf\nfeed:\n  collections: {constructor: {}, __proto__: {path: x}}\n'],
  ])('a Jekyll config whose theme, plugins and feeds are named like Object.prototype members: %s', async (extra) => {
    const dir = site({
      '_config.yml': `collections:\n  articles:\n    output: true\n    permalink: /article/:name/\n${extra}`,
      '_layouts/constructor.html': '---\nlayout: toString\n---\n<a href="/article/b/">B</a>{% include __proto__.html %}{{ content }}\n',
      '_includes/__proto__.html': '<a href="/article/gone/">Gone</a>\n',
    });
    const result = await lint({ root: dir, config });
    expect(ids(result.findings)).toEqual(['_articles/a.md:link-internal', '_includes/__proto__.html:link-internal']);
  });

  it('reports recursive and unknown aliases where they are', () => {
    const recursive = parseFrontMatter('---\ntitle: t\nx: &a [*a]\n---\n');
    const unknown = parseFrontMatter('---\ntitle: t\nx: *nope\n---\n');
    if (recursive.kind !== 'yaml' || unknown.kind !== 'yaml') throw new Error('expected YAML');
    expect(recursive.data).toEqual({ title: 't', x: [null] });
    expect(recursive.valueProblems).toEqual([expect.objectContaining({ severity: 'warning', start: 16 })]);
    expect(unknown.valueProblems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('Unknown alias `*nope`') })]);
  });

  it('keeps the scalars of a billion-laughs front matter', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefghij'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`)];
    const front = parseFrontMatter(`---\n${levels.join('\n')}\nlayout: article\n---\n`);
    if (front.kind !== 'yaml') throw new Error('expected YAML');
    expect(front.data.layout).toBe('article');
    expect(front.data.j).toBeNull();
  });

  it('any front matter of aliases and anchors parses without throwing', () => {
    const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constantFrom('x', '1', '*a', '*b', '*c'), tie('list'), tie('map')),
      list: fc.tuple(fc.constantFrom('', '&a ', '&b ', '&c '), fc.array(tie('value') as fc.Arbitrary<string>, { maxLength: 4 })).map(([anchor, items]) => `${anchor}[${items.join(', ')}]`),
      map: fc.tuple(fc.constantFrom('', '&a ', '&b '), fc.array(fc.tuple(fc.constantFrom('k', 'l', '<<'), tie('value') as fc.Arbitrary<string>), { maxLength: 3 })).map(([anchor, pairs]) => `${anchor}{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    })).value;
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 4 }), (values) => {
        const front = parseFrontMatter(`---\n${values.map((v, i) => `k${i}: ${v}`).join('\n')}\n---\n`);
        if (front.kind === 'yaml') JSON.stringify(front.data);
      }),
      property,
    );
  });

  it('a Liquid expression nested past 100 brackets is a syntax finding, not an internal error', async () => {
    const dir = site({ '_articles/c.md': `---\ntitle: C\n---\n{{ a${'['.repeat(5000)} }}\n{{ ${'('.repeat(5000)} }}\n` });
    const found = ids((await lint({ root: dir, config })).findings);
    expect(found).toContain('_articles/c.md:liquid-output');
    expect(found).not.toContain('_articles/c.md:internal-error');
  });

  it('a definition label of many Liquid parts against long references costs time linear in each reference', async () => {
    // As a regular expression of `.*`s, each reference below would take of the order of 900^30 steps.
    const label = Array.from({ length: 30 }, () => '{{ a }}x').join('') + 'y';
    const references = Array.from({ length: 50 }, () => `[${'x'.repeat(900)}][](u)`).join('\n');
    const dir = site({ '_includes/refs.md': `[${label}]: /u/\n`, '_articles/c.md': `---\ntitle: C\n---\n${references}\n\n{% include refs.md %}\n` });
    const found = ids((await lint({ root: dir, config })).findings);
    expect(found.filter((id) => id === '_articles/c.md:link-internal')).toHaveLength(50);
  });

  it('a self-referencing _config.yml with the result cache on is a warning, not a crash', async () => {
    const dir = site({ '_config.yml': 'x: &a [*a]\ncollections:\n  articles:\n    output: true\n' });
    const run = await runCli(['check', '--cache', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings).toContainEqual(expect.objectContaining({ file: '_config.yml', severity: 'warning' }));
  });
});

describe('--fix never loses an edit', () => {
  const original = '---\ntitle: z\n---\n[a]({{site.baseURL}}/article/b/)\n';

  it('leaves a file that changed since it was read', async () => {
    const dir = site({ '_articles/z.md': `${original}saved meanwhile\n` });
    const outcome = await writeFixedFile(dir, join(dir, '_articles/z.md'), original, original.replace('baseURL', 'baseurl'));
    expect(outcome).toEqual({ written: false, reason: 'it changed on disk during the run' });
    expect(readFileSync(join(dir, '_articles/z.md'), 'utf8')).toContain('saved meanwhile');
  });

  it('writes through a symlink to its target inside the root, and not to one outside', async () => {
    const dir = site({ 'pages/real.md': original, 'outside/victim.md': original });
    symlinkSync('../pages/real.md', join(dir, '_articles/link.md'));
    const root = join(dir);
    expect(await writeFixedFile(root, join(dir, '_articles/link.md'), original, 'fixed\n')).toEqual({ written: true });
    expect(readFileSync(join(dir, 'pages/real.md'), 'utf8')).toBe('fixed\n');
    expect(statSync(join(dir, '_articles/link.md'), { throwIfNoEntry: true }).isFile()).toBe(true);
    const inner = join(dir, 'outside');
    expect(await writeFixedFile(join(dir, 'pages'), join(inner, 'victim.md'), original, 'fixed\n')).toMatchObject({ written: false });
    expect(readFileSync(join(inner, 'victim.md'), 'utf8')).toBe(original);
  });

  it('a fix that cannot be written is a fix-skipped finding, and the file keeps its findings', async () => {
    const dir = site({ '_articles/z.md': original, 'outside/victim.md': original });
    symlinkSync('../outside/victim.md', join(dir, '_articles/link.md'));
    const result = await lint({ root: join(dir, '_articles', '..'), files: ['_articles/z.md', '../outside/victim.md'], fix: true, config });
    expect(readFileSync(join(dir, 'outside/victim.md'), 'utf8')).toBe(original);
    expect(readFileSync(join(dir, '_articles/z.md'), 'utf8')).toContain('site.baseurl');
    expect(result.fixedFiles).toEqual(['_articles/z.md']);
    expect(result.findings).toContainEqual(expect.objectContaining({ file: '../outside/victim.md', ruleId: 'file-unreadable' }));
  });

  it('writes a fix exactly when the file still holds the text the fix was made from (property)', async () => {
    const dir = site();
    const file = join(dir, '_articles/p.md');
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(text, text, text, async (original, onDisk, fixed) => {
        writeFileSync(file, onDisk);
        const outcome = await writeFixedFile(dir, file, original, fixed);
        expect(outcome.written).toBe(onDisk === original);
        expect(readFileSync(file, 'utf8')).toBe(onDisk === original ? fixed : onDisk);
      }),
      { ...property, numRuns: Math.min(runs, 100) },
    );
  });

  it('a read-only folder: files the user may write are fixed in place', async () => {
    const dir = site({ '_articles/z.md': original });
    chmodSync(join(dir, '_articles'), 0o555);
    cleanups.unshift(() => chmodSync(join(dir, '_articles'), 0o755));
    expect(await writeFixedFile(dir, join(dir, '_articles/z.md'), original, 'fixed\n')).toEqual({ written: true });
    expect(readFileSync(join(dir, '_articles/z.md'), 'utf8')).toBe('fixed\n');
  });
});

describe('caches are checked, never trusted or overwritten blindly', () => {
  it('refuses to write the result cache over a file that is not one', async () => {
    const dir = site();
    const before = readFileSync(join(dir, '_articles/b.md'), 'utf8');
    const run = await runCli(['check', '--cache-location', '_articles/b.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a doclint result cache');
    expect(readFileSync(join(dir, '_articles/b.md'), 'utf8')).toBe(before);
  });

  it('rebuilds a result cache whose bytes changed, with the same report', async () => {
    const dir = site();
    const cold = await runCli(['check', '--cache'], dir);
    const file = join(dir, 'node_modules/.cache/doclint/results.bin');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('title');
    expect(at).toBeGreaterThan(0);
    bytes.write('TITLE', at);
    writeFileSync(file, bytes);
    const warm = await runCli(['check', '--cache'], dir, { DOCLINT_DEBUG: '1' });
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stderr).toContain('0 from the cache');
  });

  it('drops external-cache entries of the wrong shape, and survives a folder it cannot write', async () => {
    const dir = site({ '_articles/a.md': '---\ntitle: A\n---\n# A\n' });
    mkdirSync(join(dir, 'node_modules/.cache/doclint'), { recursive: true });
    for (const entries of ['{"https://example.com/":{"status":null,"checkedAt":1}}', '[1,2,3]']) {
      writeFileSync(join(dir, 'node_modules/.cache/doclint/external.json'), `{"version":1,"entries":${entries}}`);
      const run = await runCli(['check', '--external', '--rule', 'front-matter-schema:off'], dir);
      expect(run.code).toBe(0);
    }
  });
});

describe('nothing outside the root, the public network or plain text is reached', () => {
  it('lint({ files }) does not read files outside the root, and rejects a string', async () => {
    const dir = site({ 'outside/x.md': '---\ntitle: x\n---\n[x](/nope/)\n' });
    const root = join(dir, '_articles', '..');
    const result = await lint({ root: join(root, '_articles'), files: ['../outside/x.md', '/etc/passwd'], config, allowEmpty: true });
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining('outside the site root'), expect.stringContaining('outside the site root')]);
    await expect(lint({ root, files: '_articles/a.md' as unknown as string[] })).rejects.toThrow(TypeError);
  });

  it('a named page that is a symlink out of the root is not read', async () => {
    const dir = site();
    symlinkSync('/etc/passwd', join(dir, '_articles/passwd.md'));
    const result = await lint({ root: dir, files: ['_articles/passwd.md'], config });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'file-unreadable', message: expect.stringContaining('outside the site root') })]);
  });

  it('reads `plugins_dir` inside the root only: `../outside` is `outside` under it (Jekyll would read the folder outside)', async () => {
    const plugin = 'class T < Liquid::Tag; end\nLiquid::Template.register_tag("outsidetag", T)\n';
    const dir = site({ 'outside/x.rb': plugin, 'site/_config.yml': 'plugins_dir: ../outside\n', 'site/index.md': '---\n---\n{% outsidetag %}\n' });
    expect((await lint({ root: join(dir, 'site') })).findings.map((f) => f.message)).toEqual(['Unknown Liquid tag `outsidetag`: Jekyll fails on tags it does not know.']);
    mkdirSync(join(dir, 'site/outside'));
    writeFileSync(join(dir, 'site/outside/x.rb'), plugin);
    expect((await lint({ root: join(dir, 'site') })).findings).toEqual([]);
    // A list of folders, as Jekyll takes one: each is read.
    writeFileSync(join(dir, 'site/_config.yml'), 'plugins_dir: [_plugins, ../outside]\n');
    expect((await lint({ root: join(dir, 'site') })).findings).toEqual([]);
  });

  it('a missing root rejects with a ConfigError', async () => {
    await expect(lint({ root: '/no/such/site' })).rejects.toMatchObject({ name: 'ConfigError' });
  });

  it('every IPv6 form of a private IPv4 address is private', () => {
    const privateV4 = fc.oneof(
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
    );
    const hex = (a: number, b: number): string => ((a << 8) | b).toString(16);
    fc.assert(
      fc.property(privateV4, ([a, b, c, d]) => {
        const dotted = `${a}.${b}.${c}.${d}`;
        for (const form of [`::ffff:${dotted}`, `[::ffff:${hex(a, b)}:${hex(c, d)}]`, `::${dotted}`, `64:ff9b::${dotted}`, `2002:${hex(a, b)}:${hex(c, d)}::1`]) {
          expect(isPrivateAddress(form), form).toBe(true);
          expect(isPrivateAddress(new URL(`http://[${form.replace(/^\[|\]$/g, '')}]/`).hostname), form).toBe(true);
        }
      }),
      property,
    );
    expect(isPrivateAddress('::ffff:8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
  });

  it('no control character survives printable()', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(printable(text)).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      property,
    );
  });

  it('an error message holds no control character of the config it quotes', async () => {
    const dir = site({ 'doclint.config.json': JSON.stringify({ external: { ignore: ['[\u001b[2J'] } }) });
    const run = await runCli(['check', '--external', '--no-cache'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing closing ]: `[\\x1B[2J`');
    expect(run.stderr).not.toMatch(/\u001b/);
  });

  it('the stylish report of a link full of escape sequences holds none', async () => {
    const dir = site({ '_articles/c.md': '---\ntitle: C\n---\n# C\n\n[x](#%1B]0;TITLE%07%1B[2J%0D)\n' });
    const run = await runCli(['check', '--rule', 'front-matter-schema:off'], dir);
    expect(run.stdout).toContain('\\x1B]0;TITLE');
    expect(run.stdout).not.toMatch(/[\u001b\u0007\r]/);
  });

  it('a JavaScript config is refused where code is not allowed', async () => {
    const { loadConfig } = await import('../src/config/load.js');
    const dir = site({ 'doclint.config.mjs': "globalThis.ran = true; export default {};\n" });
    await expect(loadConfig(dir, undefined, { allowCode: false })).rejects.toThrow(/trust-config-code/);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('config files that link to a device are refused at once', async () => {
    for (const name of ['_config.yml', 'doclint.config.json']) {
      const dir = site();
      writeFileSync(join(dir, name), '');
      const { rmSync } = await import('node:fs');
      rmSync(join(dir, name));
      symlinkSync('/dev/zero', join(dir, name));
      const run = await runCli(['check'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Not a regular file');
    }
  });
});

describe('time and memory stay linear in the input', () => {
  it('a file over the parse budget is file-too-complex, at its line, and the rest is linted', async () => {
    const dir = site({
      '_articles/blank.md': `---\ntitle: x\n---\n${'\n'.repeat(250_000)}`,
      '_articles/brackets.md': `---\ntitle: x\n---\n${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      '_articles/quotes.md': `---\ntitle: x\n---\n${Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} x\n`).join('')}`,
      // Each `<!--` is searched for its `-->` to the paragraph's end: minutes in micromark, 10 s in lezer.
      '_articles/comments.md': `---\ntitle: x\n---\nx | ${'<!--'.repeat(100_000)}\n`,
    });
    const result = await lint({ root: dir, config });
    expect(ids(result.findings)).toEqual(expect.arrayContaining(['_articles/a.md:link-internal', '_articles/blank.md:file-too-complex', '_articles/brackets.md:file-too-complex', '_articles/quotes.md:file-too-complex', '_articles/comments.md:file-too-complex']));
  });

  it('the budget check never throws anything but a ComplexityError', () => {
    const piece = fc.constantFrom('>', '- ', '  ', '[', ']', '*', '_', 'x', '\n', '\r\n', '1. ', 'a_b', '<!--', '-->', '<?', '<!A', '<![CDATA[', ']]>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (pieces) => {
        try {
          checkComplexity(pieces.join(''));
        } catch (error) {
          expect(error).toBeInstanceOf(ComplexityError);
        }
      }),
      property,
    );
  });

  it('an include of 40,000 unclosed `<script` tags and 20,000 Liquid links finishes, its links checked', async () => {
    const dir = site({
      '_includes/scripts.html': '<script '.repeat(40_000),
      '_includes/links.html': '<a href="{{ site.baseurl }}/article/gone/">x</a>\n'.repeat(20_000),
    });
    const result = await lint({ root: dir, files: ['_includes/scripts.html', '_includes/links.html'], config });
    expect(result.findings.filter((f) => f.file === '_includes/links.html' && f.ruleId === 'link-internal')).toHaveLength(20_000);
  });

  it('link-anchor over 10,000 headings and 10,000 broken fragments finishes, with one finding each', async () => {
    const dir = site({ '_articles/c.md': `---\ntitle: x\n---\n${'# a\n\n[x](#b)\n'.repeat(10_000)}` });
    const result = await lint({ root: dir, files: ['_articles/c.md'], config });
    expect(result.findings.filter((f) => f.ruleId === 'link-anchor')).toHaveLength(10_000);
  });

  it('link-internal over 3,000 static files and 3,000 distinct missing ones finishes, each with its suggestion', async () => {
    // Each missing path is compared with every published URL for a suggestion: 9 million pairs.
    const files: Record<string, string> = { 'index.md': '---\n---\nHome.\n' };
    for (let i = 0; i < 3_000; i++) files[`api/p${i}.html`] = `<a href="p${i + 3_000}.html">next</a>\n`;
    const result = await lint({ root: site(files), config });
    const missing = result.findings.filter((f) => f.ruleId === 'link-internal' && f.file.startsWith('api/'));
    expect(missing).toHaveLength(3_000);
    expect(missing.find((f) => f.file === 'api/p7.html')?.message).toBe('No page or file is published at `/api/p3007.html` (did you mean `/api/p1007.html`?).');
  });

  it('a Jekyll `exclude` glob of many stars and a 255-character file name finish (the glob expression backtracks), the file linted', async () => {
    const name = `${'a'.repeat(252)}.md`;
    const dir = site({ '_config.yml': 'exclude: ["*a*a*a*a*a*a*c"]\ncollections:\n  articles:\n    output: true\n    permalink: /article/:name/\n', [name]: '---\n---\n[x](/gone/)\n' });
    const result = await lint({ root: dir, config });
    expect(ids(result.findings)).toContain(`${name}:link-internal`);
  });

  it('a .gitignore line of many `**` and links 300 folders deep finish (matching them takes exponential time), the links reported', async () => {
    const deep = `/a/${'b/'.repeat(300)}c.html`;
    const dir = site({ '.gitignore': `a/${'**/'.repeat(9)}z\nassets/\n`, '_articles/c.md': `---\ntitle: C\n---\n${`[x](${deep}) [y](/assets/${'d/'.repeat(300)}e.css)\n`.repeat(50)}` });
    const result = await lint({ root: dir, files: ['_articles/c.md'], config });
    expect(result.findings.filter((f) => f.ruleId === 'link-internal')).toHaveLength(100);
  });

  it('a bare URL ending in 200,000 `)` on a jekyll-commonmark site with autolinks, and 40,000 branches, finish (cmark-gfm recounts the `)` each time), the links reported', async () => {
    const dir = site({
      '_config.yml': 'url: https://example.org\nmarkdown: CommonMarkGhPages\ncommonmark:\n  extensions: [autolink]\n',
      // Branches by the thousand, with links in them: decided in time linear in the page.
      'index.md': `---\ntitle: C\n---\nSee https://example.org/gone/${')'.repeat(200_000)} and a page condition {% if ${'page.a == 1 and '.repeat(20_000)}page.b %}x{% endif %}.\n\n{% if page.a %}${'{% elsif page.b %}x'.repeat(20_000)}{% endif %}${'{% if page.title == "D" %}[x](/z){% endif %}\n\n'.repeat(20_000)}`,
    });
    const result = await lint({ root: dir, files: ['index.md'], config });
    expect(result.findings.map((f) => f.message)).toEqual(['This site does not publish `/gone/` (the link is on its own `url`, where the server may serve other content).']);
  });

  it('a build file with a long line of `pagefind` words finishes (the search for a Pagefind step reads short lines only)', async () => {
    const dir = site({ 'package.json': JSON.stringify({ scripts: { x: 'pagefind '.repeat(200_000) } }), '_articles/c.md': '---\ntitle: C\n---\n[x](/pagefind/ui.css)\n' });
    const result = await lint({ root: dir, files: ['_articles/c.md'], config });
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['link-internal error']);
  });

  it("a schema's `pattern` and an `external.ignore` expression that backtrack exponentially finish (they run on RE2)", async () => {
    const requested: string[] = [];
    const server = createServer((request, response) => {
      requested.push(request.url!);
      response.end('ok');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    cleanups.push(() => server.close());
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const long = 'a'.repeat(60);
    const dir = site({ '_articles/c.md': `---\ntitle: ${long}!\n---\n[x](${origin}/${long}) [y](${origin}/${long}b)\n` });
    const schema = { type: 'object', properties: { title: { type: 'string', pattern: '^(\\w+\\s?)*$' } } };
    const external = { enabled: true, cache: false, allowPrivate: true, ignore: ['(a+)+b'] };
    const result = await lint({ root: dir, files: ['_articles/c.md'], config: { rules: { 'front-matter-schema': ['error', { schemas: [{ files: '**', schema }] }] }, external } });
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^`title` must match `\^\(\\w\+\\s\?\)\*\$`/)]);
    expect(requested).toEqual([`/${long}`]);
  });

  it('an `.htaccess` of thousands of long or much repeated expressions and a page of many missing links finish (such expressions are left out, the rest capped)', async () => {
    const htaccess = ['RedirectMatch 301 ^/[a-z]{1000}x$ /start/', ...Array.from({ length: 3000 }, (_, i) => `RedirectMatch 301 ^/r${i}(.*){10}x$ /start/`), 'Redirect 301 /moved /article/b/', ''].join('\n');
    const links = Array.from({ length: 300 }, (_, i) => `[l${i}](/missing-${i}/${'a'.repeat(200)})`).join(' ');
    const dir = site({ '.htaccess': htaccess, '_articles/c.md': `---\ntitle: C\n---\n${links} [m](/moved)\n` });
    const result = await lint({ root: dir, files: ['_articles/c.md'], config });
    expect(result.findings.filter((f) => f.ruleId === 'link-internal')).toHaveLength(300);
    expect(result.findings.filter((f) => f.ruleId === 'link-redirect')).toHaveLength(1);
  });

  it('an `.htaccess` expression that backtracks exponentially finishes (Apache\'s rules run on RE2)', async () => {
    const long = 'a'.repeat(60);
    const dir = site({ '.htaccess': 'RedirectMatch 301 ^/(a+)+$ /start/\nRewriteEngine On\nRewriteRule ^((a|aa)+)+$ /start/ [R=301]\n', '_articles/c.md': `---\ntitle: C\n---\n[x](/${long}!)\n` });
    const result = await lint({ root: dir, files: ['_articles/c.md'], config });
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['link-internal error']);
  });

  it('an expression RE2 refuses (lookaround) is a config error in `external.ignore`, a schema problem in a `pattern`', async () => {
    const dir = site();
    await expect(lint({ root: dir, config: { ...config, external: { enabled: true, cache: false, ignore: ['^https://(?!docs)'] } } })).rejects.toThrow(/^external\.ignore: "\^https:\/\/\(\?!docs\)" is not an RE2 regular expression/);
    const schema = { type: 'object', properties: { title: { type: 'string', pattern: '^(?=A)' } } };
    const result = await lint({ root: dir, files: ['_articles/b.md'], config: { rules: { 'front-matter-schema': ['error', { schemas: [{ files: '**', schema }] }] } } });
    expect(result.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([expect.stringMatching(/^internal-error: Rule front-matter-schema failed on this file: schema is invalid: .*\(\?=.*no lookaround/)]);
  });
});

describe('smaller wrong results', () => {
  it('merge refuses a report that is not one', () => {
    const report = (summary: unknown, findings: unknown[] = []): JsonReport => ({ version: 1, root: '/', summary, findings }) as JsonReport;
    expect(() => mergeReports([report({ files: 1e21 })])).toThrow(/summary.files/);
    expect(() => mergeReports([report({ files: 1 }, [{ ruleId: 'x' }])])).toThrow(/finding/);
    expect(mergeReports([report({ files: 2 })]).files).toBe(2);
  });

  it('rejects negated ignores, prototype rule ids and an empty --changed-since; -o makes its folder', async () => {
    const dir = site({ 'doclint.config.json': '{"ignores": ["!"]}' });
    expect((await runCli(['check'], dir)).stderr).toContain('negated patterns are not supported');
    const plain = site();
    expect((await runCli(['check', '--rule', 'constructor:off'], plain)).code).toBe(2);
    expect((await runCli(['check', '--changed-since', ''], plain)).code).toBe(2);
    const run = await runCli(['check', '-o', 'reports/new/report.txt'], plain);
    expect(run.code).toBe(1);
    expect(existsSync(join(plain, 'reports/new/report.txt'))).toBe(true);
  });
});
