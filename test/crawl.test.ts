/** `doclint crawl` on a built folder and on a live URL (a static server on 127.0.0.1 started here). */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFromFolder } from '../src/crawl/crawl.js';
import { repoRoot, runCli, tempCopy } from './helpers.js';

const built = join(repoRoot, 'fixtures/built-site');
const { dir: configDir, cleanup } = tempCopy();
const server = createServer((request, response) => {
  const path = join(built, decodeURIComponent(new URL(request.url!, 'http://x').pathname));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(built) || !existsSync(file)) {
    response.writeHead(404);
    return response.end();
  }
  response.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'application/octet-stream' });
  response.end(readFileSync(file));
});
let origin = '';

beforeAll(async () => {
  // Fragments of the site's own pages are checked with no setting for them.
  writeFileSync(join(configDir, 'doclint.config.json'), JSON.stringify({ external: { timeout: 2000 } }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  cleanup();
});

const crawlFindings = (stdout: string) => JSON.parse(stdout).findings.map((f: { file: string; line: number; column: number; message: string }) => `${f.file}:${f.line}:${f.column}: ${f.message}`);

describe('doclint crawl', () => {
  it('crawls a built folder (its baseurl sub-folder), and its pages no link reaches, and reports broken pages, images and fragments on every page that links them', async () => {
    const run = await runCli(['crawl', built, '--format', 'json'], configDir);
    expect(run.code).toBe(1);
    // Each finding is filed under the page holding the link, at its line (linkinator files a URL under the first page it met it on).
    // A fragment is checked whatever the order the pages were crawled in (other/ links reset/#gone).
    // Pages no link reaches are checked too (404.html, a redirect_from stub), not one whose name glob syntax would misread.
    expect(crawlFindings(run.stdout)).toEqual([
      'help/404.html:5:10: Broken link to /help/article/removed/ (HTTP 404).',
      'help/article/other/index.html:4:10: Broken link to /help/article/reset/#gone (the page has no such fragment).',
      'help/article/reset/index.html:5:10: Broken link to /help/article/reset/#nope (the page has no such fragment).',
      'help/article/reset/index.html:6:10: Broken link to /help/article/missing/ (HTTP 404).',
      'help/index.html:5:10: Broken link to /help/article/missing/ (HTTP 404).',
      'help/index.html:6:11: Broken link to /help/images/gone.png (HTTP 404).',
      'help/old/index.html:5:31: Broken link to /help/article/moved/ (HTTP 404).',
      'help/old/index.html:8:12: Broken link to /help/article/moved/ (HTTP 404).',
      // Named as on disk, not as in its URL (`release%20notes.html`).
      'help/release notes.html:2:22: Broken link to /help/article/gone-too/ (HTTP 404).',
    ]);
    // The link to a private address (http://10.0.0.1/admin) is never requested.
    expect(run.stdout).not.toContain('10.0.0.1');
  }, 30_000);

  it('crawls a live URL', async () => {
    const run = await runCli(['crawl', `${origin}/help/`, '--format', 'json'], configDir);
    expect(run.code).toBe(1);
    const found = crawlFindings(run.stdout);
    expect(found).toContain(`${origin}/help/:5:10: Broken link to ${origin}/help/article/missing/ (HTTP 404).`);
    expect(found).toContain(`${origin}/help/article/reset/:5:10: Broken link to ${origin}/help/article/reset/#nope (the page has no such fragment).`);
    expect(found.some((f: string) => f.includes('gone.png'))).toBe(true);
    // The pages are named by their URLs, in every format.
    const stylish = await runCli(['crawl', `${origin}/help/`], configDir);
    expect(stylish.stdout).toContain(`${origin}/help/\n  5:10  error    Broken link to ${origin}/help/article/missing/ (HTTP 404).`);
    const sarif = JSON.parse((await runCli(['crawl', `${origin}/help/`, '--format', 'sarif'], configDir)).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: expect.stringMatching(new RegExp(`^${origin}/help/`)) });
  }, 30_000);

  it('holds a server on this machine to 8 requests at a time (linkinator alone starts them all at once)', async () => {
    let inFlight = 0;
    let most = 0;
    const many = createServer((request, response) => {
      most = Math.max(most, ++inFlight);
      response.on('close', () => inFlight--);
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(request.url === '/' ? Array.from({ length: 40 }, (_, i) => `<a href="/p${i}">${i}</a>`).join('\n') : '<p>page</p>');
      }, 30);
    });
    await new Promise<void>((resolve) => many.listen(0, '127.0.0.1', resolve));
    try {
      const run = await runCli(['crawl', `http://127.0.0.1:${(many.address() as AddressInfo).port}/`, '--format', 'json'], configDir);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).summary.files).toBe(41);
      expect(most).toBeLessThanOrEqual(8);
    } finally {
      many.closeAllConnections();
      many.close();
    }
  }, 30_000);

  it('exits 2 when it reaches nothing beyond its start page (an empty index.html)', async () => {
    const empty = tempCopy();
    try {
      writeFileSync(join(empty.dir, 'index.html'), '');
      const run = await runCli(['crawl', empty.dir], configDir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('reached no page beyond its start page');
    } finally {
      empty.cleanup();
    }
  }, 30_000);

  // html-proofer 3.19 on the same folder: the same two fragments, and the text fragment, which names no element (a browser scrolls to the text).
  it('checks every page of a folder with no index page, fragments included, with no finding for the missing start', async () => {
    const site = tempCopy();
    try {
      writeFileSync(join(site.dir, 'a.html'), '<html><body><h2 id="there">A</h2><a href="b.html#there">x</a> <a href="#gone">y</a></body></html>\n');
      writeFileSync(join(site.dir, 'b.html'), '<html><body><a href="a.html#there">ok</a> <a href="a.html#:~:text=A">text</a></body></html>\n');
      const run = await runCli(['crawl', site.dir, '--format', 'json'], configDir);
      expect(crawlFindings(run.stdout)).toEqual([
        'a.html:1:43: Broken link to /b.html#there (the page has no such fragment).',
        'a.html:1:72: Broken link to /a.html#gone (the page has no such fragment).',
      ]);
    } finally {
      site.cleanup();
    }
  }, 30_000);

  it('reports a missing page at every link to it, whatever #fragment each names', async () => {
    // Homebrew's built docs: 101 links to /rubydoc/… pages (generated elsewhere), most with a fragment; html-proofer names each.
    const site = tempCopy();
    try {
      writeFileSync(join(site.dir, 'index.html'), '<html><body><a href="a.html">a</a>\n<a href="gone.html#one">1</a></body></html>\n');
      writeFileSync(join(site.dir, 'a.html'), '<html><body>\n<a href="gone.html#two">2</a> <a href="gone.html">3</a></body></html>\n');
      const run = await runCli(['crawl', site.dir, '--format', 'json'], configDir);
      expect(crawlFindings(run.stdout)).toEqual([
        'a.html:2:10: Broken link to /gone.html (HTTP 404).',
        'a.html:2:40: Broken link to /gone.html (HTTP 404).',
        'index.html:2:10: Broken link to /gone.html (HTTP 404).',
      ]);
    } finally {
      site.cleanup();
    }
  }, 30_000);

  it('a page linked with 50,000 distinct fragments finishes, each missing one at its link', async () => {
    // A javadoc page is linked with a fragment per method: gathering each page's links once per fragment was quadratic.
    const site = tempCopy();
    try {
      writeFileSync(join(site.dir, 'index.html'), `<html><body>\n${Array.from({ length: 50_000 }, (_, i) => `<a href="t.html#f${i}">x</a>`).join('\n')}\n</body></html>\n`);
      writeFileSync(join(site.dir, 't.html'), '<html><body><p id="f0">t</p></body></html>\n');
      const report = join(site.dir, 'report.json');
      await runCli(['crawl', site.dir, '--format', 'json', '--output', report], configDir);
      const { findings } = JSON.parse(readFileSync(report, 'utf8'));
      expect(findings).toHaveLength(49_999);
      expect(findings[0]).toMatchObject({ file: 'index.html', line: 3, message: 'Broken link to /t.html#f1 (the page has no such fragment).' });
    } finally {
      site.cleanup();
    }
  }, 30_000);

  it('reports a folder path with a malformed %-escape without asking for it (linkinator\'s server threw, ending the process), and resolves links as a <base href> says', async () => {
    const site = tempCopy();
    try {
      writeFileSync(join(site.dir, 'index.html'), '<html><head><base href="/sub/"></head><body>\n<a href="/%E0%A4%A">u</a> <a href="%">p</a>\n<a href="b.html">b</a> <a href="gone.png">g</a>\n<a href="http://127.0.0.1:9/%zz">elsewhere</a></body></html>\n');
      mkdirSync(join(site.dir, 'sub'));
      writeFileSync(join(site.dir, 'sub/b.html'), '<html><body><a href="../index.html">up</a></body></html>\n');
      const run = await runCli(['crawl', site.dir, '--skip-external', '--format', 'json'], configDir);
      expect(run.stderr).toBe('');
      expect(crawlFindings(run.stdout)).toEqual([
        'index.html:2:10: Broken link to /%E0%A4%A (the folder has no such file).',
        'index.html:2:36: Broken link to /sub/% (the folder has no such file).',
        'index.html:3:33: Broken link to /sub/gone.png (HTTP 404).',
      ]);
    } finally {
      site.cleanup();
    }
  }, 30_000);

  it('reports a link that is no URL, and judges those linkinator cannot decode (a malformed %-escape in the #fragment) itself, with no request', async () => {
    // opensource.guide's built pages link `…/#:~:text=maintaining%20balance% 2C%20pacing`: linkinator said "broken", even with --skip-external.
    const site = tempCopy();
    try {
      const links = ['http://exa mple.com/', 'http://127.0.0.1:9/x#a% 2C', 'sub/b.html#x% 2C', 'sub/b.html#x', 'sub/gone.html#x% 2C'];
      writeFileSync(join(site.dir, 'index.html'), `<html><body>\n${links.map((link) => `<a href="${link}">x</a>`).join('\n')}\n</body></html>\n`);
      mkdirSync(join(site.dir, 'sub'));
      writeFileSync(join(site.dir, 'sub/b.html'), '<html><body><p id="x">b</p></body></html>\n');
      const skipped = await runCli(['crawl', site.dir, '--skip-external', '--format', 'json'], configDir);
      const own = [
        'index.html:2:10: Broken link to http://exa mple.com/ (not a valid URL).',
        'index.html:4:10: Broken link to /sub/b.html#x%%202C (the page has no such fragment).',
        'index.html:6:10: Broken link to /sub/gone.html (the folder has no such file).',
      ];
      expect(crawlFindings(skipped.stdout)).toEqual(own);
      const all = await runCli(['crawl', site.dir, '--format', 'json'], configDir);
      expect(crawlFindings(all.stdout)).toEqual([...own.slice(0, 1), 'index.html:3:10: Link to http://127.0.0.1:9/x#a% 2C was not checked: linkinator cannot decode its `#fragment` (a malformed %-escape).', ...own.slice(1)]);
    } finally {
      site.cleanup();
    }
  }, 30_000);

  it('serves a page named without its `.html` as GitHub Pages and `jekyll serve` do, fragments included, beside a folder of that name with no index page, and a path that starts with `//` as the path', async () => {
    const site = tempCopy();
    try {
      writeFileSync(join(site.dir, 'index.html'), '<html><body><a href="/a">a</a> <a href="/a#there">t</a> <a href="/a#gone">g</a> <a href="/b">b</a> <a href=".//a.html">s</a></body></html>\n');
      writeFileSync(join(site.dir, 'a.html'), '<html><body><h2 id="there">A</h2></body></html>\n');
      // abseil.io links `/resources/swe-book` (swe-book.html) beside a `swe-book/` folder of the book's pages.
      mkdirSync(join(site.dir, 'a'));
      writeFileSync(join(site.dir, 'a/part.html'), '<html><body>Part</body></html>\n');
      const run = await runCli(['crawl', site.dir, '--format', 'json'], configDir);
      expect(crawlFindings(run.stdout)).toEqual(['index.html:1:66: Broken link to /a#gone (the page has no such fragment).', 'index.html:1:90: Broken link to /b (HTTP 404).']);
    } finally {
      site.cleanup();
    }
  }, 30_000);

  it('--skip-external requests nothing beyond the site; a link that times out could not be confirmed (a warning)', async () => {
    const elsewhere: string[] = [];
    const other = createServer((request, response) => {
      elsewhere.push(request.url!);
      response.end('ok');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const live = createServer((request, response) => {
      if (request.url === '/hang') return; // never answers
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(request.url === '/' ? `<a href="/page">page</a> <a href="/hang">hang</a> <a href="${otherUrl}/x">elsewhere</a>` : '<p>page</p>');
    });
    await new Promise<void>((resolve) => live.listen(0, '127.0.0.1', resolve));
    const liveUrl = `http://127.0.0.1:${(live.address() as AddressInfo).port}/`;
    const { dir, cleanup: done } = tempCopy();
    try {
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000 } }));
      const skipped = await runCli(['crawl', liveUrl, '--skip-external', '--format', 'json'], dir);
      expect(elsewhere).toEqual([]);
      expect(skipped.code).toBe(0);
      expect(JSON.parse(skipped.stdout).findings).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('could not be confirmed') })]);
      await runCli(['crawl', liveUrl, '--format', 'json'], dir);
      expect(elsewhere).toContain('/x');
    } finally {
      live.closeAllConnections();
      live.close();
      other.close();
      done();
    }
  }, 30_000);

  it('answers from the folder for a link to the folder\'s own server that timed out behind the crawl\'s work: a file, or a folder with an index page', () => {
    // On Azure/azure-sdk's 884 built pages, 235-571 requests to missing files timed out waiting their turn (linkinator starts them all at once).
    expect(['/help/', '/help', '/help/index.html', '/help/release%20notes.html', '/help/draft%5B1%5D.html', '/help/old', '/help/404'].map((path) => servedFromFolder(built, path))).toEqual([true, true, true, true, true, true, true]);
    expect(['/help/nope.html', '/help/article/', '/help/article/nope/', '/README.md/x', '/../built-site/help/index.html', '/%E0%A4%A.html'].map((path) => servedFromFolder(built, path))).toEqual([false, false, false, false, false, false]);
  });
});
