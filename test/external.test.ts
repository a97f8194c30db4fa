/**
 * The external checker against real HTTP servers on 127.0.0.1 (each port is another host),
 * started here: no mocked fetch, no internet.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternalUrls, defaultExternalOptions, ExternalChecks, parseRetryAfter, type ExternalCheckOptions } from '../src/links/external/check.js';
import { suspiciousLanding } from '../src/links/external/landing.js';
import { HostScheduler, type Slot, type Turn } from '../src/links/external/scheduler.js';
import { isPrivateAddress } from '../src/links/external/network-guard.js';
import { runCli, tempCopy } from './helpers.js';

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

interface TestServer {
  url: string;
  /** Each request, with the client's port (one per connection). */
  hits: { method: string; path: string; socket: string }[];
  maxInFlight: number;
  close(): Promise<void>;
}

const servers: TestServer[] = [];

/** keepAliveTimeout: short by default so the servers close quickly (under 1 s, undici does not reuse their connections). */
async function serve(handler: Handler, keepAliveTimeout = 100): Promise<TestServer> {
  const hits: TestServer['hits'] = [];
  let inFlight = 0;
  const state: TestServer = { url: '', hits, maxInFlight: 0, close: () => new Promise((resolve) => server.close(() => resolve())) };
  const server: Server = createServer((request, response) => {
    hits.push({ method: request.method!, path: request.url!, socket: String(request.socket.remotePort) });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    handler(request, response, hits.filter((h) => h.path === request.url).length);
  });
  server.keepAliveTimeout = keepAliveTimeout;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(state);
  return state;
}

afterAll(async () => {
  for (const server of servers) {
    server.close();
  }
});

const options: ExternalCheckOptions = { ...defaultExternalOptions, allowPrivate: true, timeout: 1_000, retries: 2, retryAfterCeiling: 2_000 };
const status = (res: ServerResponse, code: number, headers: Record<string, string> = {}) => {
  res.writeHead(code, headers);
  res.end();
};

let site: TestServer;
let other: TestServer;

beforeAll(async () => {
  site = await serve((req, res, count) => {
    const path = req.url!;
    if (path === '/ok') return status(res, 200);
    if (path === '/gone') return status(res, 410);
    if (path === '/missing') return status(res, 404);
    if (path === '/flaky') return status(res, count === 1 ? 500 : 200);
    if (path === '/down') return status(res, 503);
    if (path === '/busy') return status(res, count === 1 ? 429 : 200, count === 1 ? { 'retry-after': '1' } : {});
    if (path === '/no-head') return status(res, req.method === 'HEAD' ? 405 : 200);
    if (path === '/moved') return status(res, 301, { location: '/moved-2' });
    if (path === '/moved-2') return status(res, 302, { location: `${other.url}/final` });
    if (path === '/loop-a') return status(res, 302, { location: '/loop-b' });
    if (path === '/loop-b') return status(res, 302, { location: '/loop-a' });
    if (path === '/hang') return; // never answers
    if (path === '/reset') return req.socket.destroy();
    if (path === '/huge') {
      if (req.method === 'HEAD') return status(res, 405);
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1 << 20, 'x');
      let sent = 0;
      const write = (): void => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once('drain', write);
        else res.end();
      };
      return write();
    }
    if (path.startsWith('/slow/')) return setTimeout(() => status(res, 200), 60);
    // Pages that are gone, answering 200 at the end of a redirect.
    if (path === '/private-doc') return status(res, 302, { location: '/login?next=%2Fprivate-doc' });
    if (path === '/removed') return status(res, 301, { location: '/404.html' });
    if (path === '/deep/page') return status(res, 302, { location: '/' });
    if (['/', '/404.html', '/signin'].includes(path) || path.startsWith('/login?')) return status(res, 200);
    if (path === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<html><body><h2 id="present">P</h2><a name=\'named\'></a><p id=bare>x</p></body></html>');
    }
    if (path === '/stalled-page') {
      // The head and the start of the page, then nothing: neither more nor the end.
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.write('<h2 id="early">E</h2>');
    }
    if (path === '/long-page') {
      if (req.method === 'HEAD') return status(res, 200, { 'content-type': 'text/html' });
      // An endless page: only stopping early ends this request.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<h2 id="early">E</h2>');
      const timer = setInterval(() => res.write('<p>filler</p>'.repeat(1000)), 5);
      return res.on('close', () => clearInterval(timer));
    }
    status(res, 404);
  });
  other = await serve((req, res) => status(res, req.url === '/final' ? 200 : 404));
});

describe('checkExternalUrls (real servers on 127.0.0.1)', () => {
  it('classifies answers, retries, fallbacks, redirects and failures', async () => {
    const paths = ['/ok', '/gone', '/missing', '/flaky', '/down', '/no-head', '/moved', '/loop-a', '/hang', '/reset', '/huge'];
    const { results } = await checkExternalUrls(paths.map((p) => `${site.url}${p}`), options);
    const kind = (path: string) => results.get(`${site.url}${path}`);
    expect(kind('/ok')).toEqual({ kind: 'ok', code: 200 });
    expect(kind('/gone')).toMatchObject({ kind: 'broken', code: 410 });
    expect(kind('/missing')).toMatchObject({ kind: 'broken', code: 404 });
    expect(kind('/flaky')).toEqual({ kind: 'ok', code: 200 });
    expect(kind('/down')).toMatchObject({ kind: 'unknown', code: 503 });
    expect(kind('/no-head')).toEqual({ kind: 'ok', code: 200 });
    expect(kind('/moved')).toEqual({ kind: 'redirected', code: 200, finalUrl: `${other.url}/final`, permanent: true });
    expect(kind('/loop-a')).toMatchObject({ kind: 'broken', reason: expect.stringContaining('redirect loop') });
    expect(kind('/hang')).toMatchObject({ kind: 'unknown', reason: 'timed out' });
    expect(kind('/reset')).toMatchObject({ kind: 'unknown' });
    expect(kind('/huge')).toEqual({ kind: 'ok', code: 200 });
    expect(site.hits.filter((h) => h.path === '/no-head').map((h) => h.method)).toEqual(['HEAD', 'GET']);
    expect(site.hits.filter((h) => h.path === '/down')).toHaveLength(3);
    expect(site.hits.filter((h) => h.path === '/reset').length).toBe(3);
    // A server that hangs costs one timeout, not retries + 1 (and, let go after the host's patience first, is asked twice at most).
    expect(site.hits.filter((h) => h.path === '/hang').length).toBeLessThanOrEqual(2);
  }, 30_000);

  it('checks URLs as they are added, and done() waits for every one (none at all: at once)', async () => {
    const okHits = () => site.hits.filter((h) => h.path === '/ok').length;
    const before = okHits();
    const checks = new ExternalChecks(options);
    checks.add(`${site.url}/ok`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const requestedBeforeDone = okHits() - before;
    checks.add(`${site.url}/missing`);
    checks.add(`${site.url}/ok`);
    const { results } = await checks.done();
    expect(requestedBeforeDone).toBeGreaterThan(0);
    expect([...results.keys()].sort()).toEqual([`${site.url}/missing`, `${site.url}/ok`]);
    expect((await new ExternalChecks(options).done()).results.size).toBe(0);
  });

  it('flags redirects that land on a sign-in page, an error page or the home page', async () => {
    const paths = ['/private-doc', '/removed', '/deep/page', '/signin', '/moved'];
    const { results } = await checkExternalUrls(paths.map((p) => `${site.url}${p}`), options);
    const landing = (path: string) => (results.get(`${site.url}${path}`) as { landing?: string }).landing;
    expect(paths.map(landing)).toEqual(['login', 'not-found', 'home', undefined, undefined]);
    expect(results.get(`${site.url}/private-doc`)).toMatchObject({ kind: 'redirected', finalUrl: `${site.url}/login?next=%2Fprivate-doc` });
  });

  it('judges landings from the URLs, leaving ordinary moves alone', () => {
    const landing = (from: string, to: string) => suspiciousLanding(new URL(from), new URL(to));
    expect(landing('https://a.example/docs/x', 'https://a.example/users/sign_in')).toBe('login');
    expect(landing('https://a.example/login', 'https://a.example/login/')).toBeUndefined();
    expect(landing('https://a.example/x', 'https://a.example/error?status=404')).toBe('not-found');
    expect(landing('https://a.example/old/x', 'https://www.a.example/')).toBe('home');
    expect(landing('https://a.example/old/x', 'https://b.example/')).toBeUndefined();
    expect(landing('http://a.example/', 'https://www.a.example/')).toBeUndefined();
    expect(landing('https://a.example/x', 'https://a.example/x/')).toBeUndefined();
    expect(landing('https://a.example/blog/404-errors', 'https://a.example/blog/404-errors/')).toBeUndefined();
  });

  it('checks fragments against the ids and names of the page, reading only what it needs', async () => {
    const page = `${site.url}/page`;
    const long = `${site.url}/long-page`;
    const started = performance.now();
    const { results } = await checkExternalUrls([page, long], { ...options, fragments: true }, new Map([
      [page, new Set(['present', 'named', 'bare', 'absent'])],
      [long, new Set(['early'])],
    ]));
    expect(results.get(page)).toEqual({ kind: 'ok', code: 200, missingFragments: ['absent'] });
    expect(results.get(long)).toEqual({ kind: 'ok', code: 200 });
    expect(performance.now() - started).toBeLessThan(3_000);
    const without = await checkExternalUrls([page], options, new Map([[page, new Set(['absent'])]]));
    expect(without.results.get(page)).toEqual({ kind: 'ok', code: 200 });
  });

  it('bounds a request by its timeout, its body too: fragments a stalled page did not show are unconfirmed, not missing', async () => {
    const stalled = `${site.url}/stalled-page`;
    const { results } = await checkExternalUrls([stalled], { ...options, fragments: true, timeout: 400 }, new Map([[stalled, new Set(['early', 'later'])]]));
    expect(results.get(stalled)).toEqual({ kind: 'ok', code: 200, unconfirmedFragments: ['later'], unconfirmedBecause: 'timeout' });
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    const started = performance.now();
    const { results, rateLimitedHosts } = await checkExternalUrls([`${site.url}/busy`], options);
    expect(results.get(`${site.url}/busy`)).toEqual({ kind: 'ok', code: 200 });
    expect(rateLimitedHosts).toEqual([new URL(site.url).host]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('never has more requests in flight to one host than perHost', async () => {
    const urls = Array.from({ length: 24 }, (_, i) => `${site.url}/slow/${i}`);
    const before = site.maxInFlight;
    site.maxInFlight = 0;
    await checkExternalUrls(urls, { ...options, perHost: 3, concurrency: 64 });
    expect(site.maxInFlight).toBeLessThanOrEqual(3);
    expect(site.maxInFlight).toBeGreaterThan(1);
    site.maxInFlight = before;
  });

  it('keeps connections alive across HEAD requests: one handshake per connection, not per URL', async () => {
    const server = await serve((_req, res) => status(res, 200, { 'content-length': '0' }), 5_000);
    const { results } = await checkExternalUrls(Array.from({ length: 30 }, (_, i) => `${server.url}/page/${i}`), { ...options, perHost: 2 });
    expect([...results.values()].filter((s) => s.kind === 'ok')).toHaveLength(30);
    expect(server.hits.filter((hit) => hit.method === 'HEAD')).toHaveLength(30);
    expect(new Set(server.hits.map((hit) => hit.socket)).size).toBeLessThanOrEqual(2);
  });

  it('stays right with a server that sends a body after its HEAD answers (the connection is not trusted again)', async () => {
    const tcp = createTcpServer((socket) => {
      let pending = '';
      socket.on('error', () => undefined);
      socket.on('data', (data) => {
        pending += data.toString('latin1');
        for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
          const path = pending.slice(0, end).split(' ')[1]!;
          pending = pending.slice(end + 4);
          const code = path.startsWith('/gone') ? '404 Not Found' : '200 OK';
          socket.write(`HTTP/1.1 ${code}\r\ncontent-length: 11\r\nconnection: keep-alive\r\n\r\nhello world`);
        }
      });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(tcp.address() as AddressInfo).port}`;
    try {
      const { results } = await checkExternalUrls([...Array.from({ length: 8 }, (_, i) => `${base}/ok/${i}`), `${base}/gone`], { ...options, perHost: 1, retries: 0 });
      expect([...results].map(([url, s]) => `${url.slice(base.length)} ${s.kind}`).sort()).toEqual(['/gone broken', ...Array.from({ length: 8 }, (_, i) => `/ok/${i} ok`)]);
    } finally {
      tcp.close();
    }
  });

  it('applies per-host overrides, slows a host that answered 429, and reports progress', async () => {
    const seen: Record<string, string | undefined>[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const strict = await serve((req, res, count) => {
      seen.push({ token: req.headers['x-token'] as string | undefined });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        if (req.url === '/bot') return status(res, 999);
        if (req.url === '/limited' && count === 1) return status(res, 429, { 'retry-after': '0' });
        status(res, 200);
      }, 30);
    });
    const host = new URL(strict.url).host;
    const urls = [`${strict.url}/bot`, `${strict.url}/limited`, ...Array.from({ length: 8 }, (_, i) => `${strict.url}/p${i}`)];
    const progress: number[] = [];
    const run = await checkExternalUrls(urls, { ...options, perHost: 4, hosts: { [host]: { perHost: 2, headers: { 'x-token': 'secret' }, acceptStatuses: [999] } } }, new Map(), {
      onProgress: (done) => progress.push(done),
    });
    expect(run.results.get(`${strict.url}/bot`)).toEqual({ kind: 'ok', code: 999 });
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(seen.every((h) => h.token === 'secret')).toBe(true);
    expect(run.rateLimitedHosts).toEqual([host]);
    expect(progress).toEqual(Array.from({ length: urls.length }, (_, i) => i + 1));
  });

  it('does not request private addresses unless allowed', async () => {
    const guarded = await serve((_req, res) => status(res, 200));
    const port = new URL(guarded.url).port;
    const { results } = await checkExternalUrls([`${guarded.url}/a`, `http://localhost:${port}/b`, `http://[::1]:${port}/c`], { ...options, allowPrivate: false });
    expect([...results.values()].map((r) => r.kind)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(guarded.hits).toEqual([]);
  });

  it('knows the private ranges and reads Retry-After dates', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '0.0.0.0']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '2606:4700::1111', '172.32.0.1']) expect(isPrivateAddress(address), address).toBe(false);
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('doclint check --external', () => {
  it('requests each distinct URL once and reports it in every file that uses it', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: t\n');
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000 }, rules: { 'front-matter-syntax': 'off' } }));
      writeFileSync(join(dir, 'a.md'), `---\ntitle: a\n---\n[gone](${other.url}/gone-page) [ok](${other.url}/final) [mail](mailto:nobody)\n`);
      writeFileSync(join(dir, 'b.md'), `---\ntitle: b\n---\nSee [gone](${other.url}/gone-page#part).\n`);
      const before = other.hits.length;
      const run = await runCli(['check', '--root', dir, '--external', '--format', 'json']);
      const found = JSON.parse(run.stdout).findings.map((f: { file: string; ruleId: string; message: string }) => `${f.file}:${f.ruleId}:${f.message.split(':')[0]}`);
      expect(found).toEqual(['a.md:link-external:External link is broken', 'a.md:link-external:`mailto', 'b.md:link-external:External link is broken']);
      expect(other.hits.slice(before).filter((h) => h.path === '/gone-page').map((h) => h.method)).toEqual(['HEAD', 'GET']);
      const offline = await runCli(['check', '--root', dir, '--format', 'json']);
      expect(JSON.parse(offline.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['link-external']);
      // Pages the result cache answers for still have their URLs checked.
      await runCli(['check', '--root', dir, '--cache']);
      const cached = await runCli(['check', '--root', dir, '--external', '--cache', '--format', 'json'], undefined, { DOCLINT_DEBUG: '1' });
      expect(cached.stderr).toContain('2 from the cache');
      expect(cached.stdout).toBe(run.stdout);
    } finally {
      cleanup();
    }
  }, 30_000);

  it('requests the URLs of references an include defines, and reports them at their use without rewriting them', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: t\n');
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000, cache: false }, rules: { 'front-matter-syntax': 'off' } }));
      mkdirSync(join(dir, '_includes'));
      writeFileSync(join(dir, '_includes/refs.md'), `[gone]: ${other.url}/included-gone\n[moved]: ${site.url}/moved\n`);
      const text = '---\ntitle: a\n---\nSee [gone][] and [the move][moved].\n\n{% include refs.md %}\n';
      writeFileSync(join(dir, 'a.md'), text);
      const run = await runCli(['check', '--root', dir, '--external', '--fix', '--format', 'json']);
      const found = JSON.parse(run.stdout).findings.map((f: { line: number; column: number; message: string }) => `${f.line}:${f.column} ${f.message.split(':')[0]}`);
      expect(found).toEqual(['4:5 External link is broken', `4:18 ${site.url.split(':')[0]}`]);
      expect(JSON.parse(run.stdout).findings[1].message).toContain('(The reference is defined in `_includes/refs.md`, which the page includes.)');
      expect(other.hits.some((h) => h.path === '/included-gone')).toBe(true);
      expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(text);
      const plain = await runCli(['check', '--root', dir, '--external', '--format', 'json']);
      expect(JSON.parse(plain.stdout).findings).toEqual(JSON.parse(run.stdout).findings);
    } finally {
      cleanup();
    }
  }, 30_000);

  it('checks the URLs layouts and includes write, an error where a page uses them and a warning where none does', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: t\n');
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000, cache: false } }));
      mkdirSync(join(dir, '_includes'));
      mkdirSync(join(dir, '_layouts'));
      writeFileSync(join(dir, '_includes/footer.html'), `<a href="${other.url}/footer-gone">Gone</a>\n`);
      writeFileSync(join(dir, '_includes/spare.html'), `<a href="${other.url}/spare-gone">Gone</a>\n`);
      writeFileSync(join(dir, '_layouts/default.html'), '{{ content }}{% include footer.html %}\n');
      writeFileSync(join(dir, 'a.md'), '---\nlayout: default\ntitle: a\n---\nHello.\n');
      const run = await runCli(['check', '--root', dir, '--external', '--format', 'json']);
      const found = JSON.parse(run.stdout).findings.map((f: { file: string; severity: string; message: string }) => `${f.file}:${f.severity}:${f.message.split(':')[0]}`);
      expect(found).toEqual(['_includes/footer.html:error:External link is broken', '_includes/spare.html:warning:External link is broken']);
    } finally {
      cleanup();
    }
  }, 30_000);

  it('warns about links whose redirect lands on a page saying they are gone, and never rewrites them', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: t\n');
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000, cache: false }, rules: { 'front-matter-syntax': 'off' } }));
      const text = `---\ntitle: a\n---\n[a](${site.url}/removed) and [b](${site.url}/private-doc)\n`;
      writeFileSync(join(dir, 'a.md'), text);
      const run = await runCli(['check', '--root', dir, '--external', '--fix', '--format', 'json']);
      const found = JSON.parse(run.stdout).findings.map((f: { severity: string; message: string }) => `${f.severity}: ${f.message.split(' (')[0]}`);
      expect(found).toEqual([
        `warning: ${site.url}/removed redirects to an error page: what it linked to is probably gone`,
        `warning: ${site.url}/private-doc redirects to a sign-in page: readers who are not signed in never see what it linked to`,
      ]);
      expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(text);
    } finally {
      cleanup();
    }
  }, 30_000);

  it('caches outcomes: a second run requests only what is not fresh in the cache', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: t\n');
      const config = (ttl: object) => JSON.stringify({ external: { allowPrivate: true, timeout: 1000, cache: '.cache/external.json', cacheTtl: ttl }, rules: { 'front-matter-syntax': 'off' } });
      writeFileSync(join(dir, 'doclint.config.json'), config({}));
      writeFileSync(join(dir, 'a.md'), `---\ntitle: a\n---\n[ok](${other.url}/final) [gone](${other.url}/cached-gone)\n`);
      const hits = () => other.hits.filter((h) => h.path === '/final' || h.path === '/cached-gone').length;
      const first = hits();
      const run1 = await runCli(['check', '--root', dir, '--external', '--format', 'json']);
      const afterFirst = hits();
      expect(afterFirst).toBeGreaterThan(first);
      const run2 = await runCli(['check', '--root', dir, '--external', '--format', 'json']);
      expect(hits()).toBe(afterFirst);
      expect(JSON.parse(run2.stdout).findings).toEqual(JSON.parse(run1.stdout).findings);
      writeFileSync(join(dir, 'doclint.config.json'), config({ broken: 0 }));
      await runCli(['check', '--root', dir, '--external', '--format', 'json']);
      expect(other.hits.slice(-2).map((h) => h.path)).toEqual(['/cached-gone', '/cached-gone']);
      expect(hits()).toBe(afterFirst + 2);
    } finally {
      cleanup();
    }
  }, 30_000);

  it('splits the URLs across --shard jobs by host, and doclint merge joins their reports', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: t\n');
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000, cache: false } }));
      writeFileSync(join(dir, 'a.md'), `---\ntitle: a\n---\n[x](${site.url}/missing) [y](${other.url}/gone-too) {% note %}\n`);
      const before = [site.hits.length, other.hits.length];
      const reports: string[] = [];
      for (const shard of ['1/2', '2/2']) {
        const out = join(dir, `shard-${shard.replace('/', '-')}.json`);
        await runCli(['check', '--root', dir, '--external', '--shard', shard, '--format', 'json', '--output', out]);
        reports.push(out);
      }
      // Each host was requested by exactly one shard job.
      expect(site.hits.slice(before[0]).filter((h) => h.path === '/missing').map((h) => h.method)).toEqual(['HEAD', 'GET']);
      expect(other.hits.slice(before[1]).filter((h) => h.path === '/gone-too').map((h) => h.method)).toEqual(['HEAD', 'GET']);
      const merged = await runCli(['merge', ...reports, '--format', 'json']);
      const findings = JSON.parse(merged.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
      expect(findings.sort()).toEqual(['link-external', 'link-external', 'liquid-syntax']);
      expect(merged.code).toBe(1);
      const sarif = await runCli(['merge', ...reports, '--format', 'sarif']);
      expect(JSON.parse(sarif.stdout).runs[0].results).toHaveLength(3);
      expect((await runCli(['check', '--root', dir, '--external', '--shard', '3/2'])).code).toBe(2);
    } finally {
      cleanup();
    }
  }, 30_000);

  it('requests http://h and http://h/ once, decodes character references in ids, and says when a fragment lies past the bytes it reads', async () => {
    const pages = await serve((req, res) => {
      if (req.url === '/') return status(res, 200);
      res.writeHead(200, { 'content-type': 'text/html' });
      if (req.url === '/entity') return res.end('<h2 id="a&#38;b">A and B</h2>');
      // The anchor comes after 256 KB, written in pieces: far past a 1 KB bound.
      for (let i = 0; i < 16; i++) res.write(`<p>${'x'.repeat(16_384)}</p>`);
      return res.end('<h2 id="late">Late</h2>');
    });
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: t\n');
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000, cache: false, fragments: true, maxBodyBytes: 1024 } }));
      writeFileSync(join(dir, 'a.md'), `---\ntitle: a\n---\n[root](${pages.url}) [root again](${pages.url}/) [entity](${pages.url}/entity#a&b) [late](${pages.url}/big#late)\n`);
      const run = await runCli(['check', '--root', dir, '--external', '--format', 'json']);
      const findings = JSON.parse(run.stdout).findings.map((f: { severity: string; message: string }) => `${f.severity}: ${f.message.split(':')[0]}`);
      expect(findings).toEqual(['warning: External anchor could not be confirmed']);
      expect(pages.hits.filter((hit) => hit.path === '/')).toHaveLength(1);
    } finally {
      cleanup();
    }
  });

  it('fetches a page linked with fragments once, with GET, and looks for fragments first seen after its turn', async () => {
    const pages = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : '<h2 id="here">Here</h2>');
    });
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: t\n');
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000, cache: false, fragments: true } }));
      // A text fragment names no element (a browser scrolls to the text); `#here:~:text=x` names `here`.
      writeFileSync(join(dir, 'a.md'), `---\ntitle: a\n---\n[doc](${pages.url}/doc#here) [plain](${pages.url}/plain) [text](${pages.url}/doc#:~:text=Here) [both](${pages.url}/doc#here:~:text=Here)\n`);
      writeFileSync(join(dir, 'b.md'), `---\ntitle: b\n---\n[plain, later with a fragment](${pages.url}/plain#nowhere)\n`);
      const run = await runCli(['check', '--root', dir, '--external', '--format', 'json']);
      const findings = JSON.parse(run.stdout).findings.map((f: { file: string; message: string }) => `${f.file}: ${f.message}`);
      expect(findings).toEqual([`b.md: ${pages.url}/plain has no anchor \`#nowhere\` (no element with that id or name).`]);
      expect(pages.hits.filter((hit) => hit.path === '/doc').map((hit) => hit.method)).toEqual(['GET']);
      expect(pages.hits.filter((hit) => hit.path === '/plain').length).toBeLessThanOrEqual(2);
    } finally {
      cleanup();
    }
  });

  /**
   * A site of the github.com repository `repository` whose `url` is a loopback host (and `urlPath`),
   * where only `answering` is found; `findings` runs the CLI on it.
   */
  async function siteOnOwnerHost(repository: string, urlPath: string, answering: string, pages: Record<string, string>) {
    const owner = await serve((req, res) => {
      res.writeHead(req.url === answering ? 200 : 404, { 'content-type': 'text/html' });
      res.end();
    });
    const { dir, cleanup } = tempCopy();
    writeFileSync(join(dir, '_config.yml'), `title: s\nurl: ${owner.url}${urlPath}\n`);
    writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, timeout: 1000, cache: false } }));
    for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, name), text);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['remote', 'add', 'origin', `https://github.com/${repository}.git`], { cwd: dir });
    const findings = async (...args: string[]): Promise<{ column: number; severity: string; message: string }[]> => JSON.parse((await runCli(['check', '--root', dir, '--format', 'json', ...args])).stdout).findings;
    return { owner, cleanup, findings };
  }

  it('checks a GitHub Pages project site\'s links to its owner\'s other sites on the site\'s url, not those into the site', async () => {
    // example/project is served under /project; /other/ and /gone/ are the owner's, on the same host (the `url`'s, whatever its path).
    const { owner, cleanup, findings } = await siteOnOwnerHost('example/project', '/project', '/other/', {
      'b.md': '---\ntitle: b\npermalink: /b/\n---\nB\n',
      'index.md': '---\ntitle: a\n---\n[own](/project/b/) [sibling](/other/) [gone](/gone/)\n',
    });
    try {
      expect((await findings('--external')).map((f) => `${f.column} ${f.message}`)).toEqual([`46 External link is broken: ${owner.url}/gone/ (HTTP 404).`]);
      expect([...new Set(owner.hits.map((hit) => hit.path))].sort()).toEqual(['/gone/', '/other/']);
      // Offline, they are not checked.
      expect(await findings()).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('asks the owner\'s project site for a user site\'s link into a folder the site publishes nothing in', async () => {
    // example/example.github.io is served at the host's root; GitHub serves example/project's site at /project/ beside it.
    const { owner, cleanup, findings } = await siteOnOwnerHost('example/example.github.io', '', '/project/guide/', {
      'b.md': '---\ntitle: b\npermalink: /blog/b/\n---\nB\n',
      'index.md': '---\ntitle: a\n---\n[own](/blog/b/) [project](/project/guide/) [gone](/project/gone/) [missing](/blog/c/)\n',
    });
    try {
      expect((await findings('--external')).map((f) => `${f.column} ${f.severity} ${f.message}`)).toEqual([
        `51 error No page or file is published at \`/project/gone/\`: not by this site, nor by \`example/project\`'s GitHub Pages project site (${owner.url}/project/gone/: HTTP 404).`,
        '77 error No page or file is published at `/blog/c/` (did you mean `/blog/b/`?).',
      ]);
      expect([...new Set(owner.hits.map((hit) => hit.path))].sort()).toEqual(['/project/gone/', '/project/guide/']);
      // Offline, both stay warnings.
      expect((await findings()).map((f) => `${f.column} ${f.severity}`)).toEqual(['27 warning', '51 warning', '77 error']);
    } finally {
      cleanup();
    }
  });

  it('halves a host\'s requests at a time on 429s to two URLs in a row (not to URLs asked again after their own 429), and raises them again as it answers (AIMD)', async () => {
    const scheduler = new HostScheduler(4);
    const granted: Slot[] = [];
    for (let i = 0; i < 20; i++) void scheduler.acquire(`http://h.test/${i}`, 'first').then((slot) => granted.push(slot));
    const round = async (): Promise<Slot[]> => {
      await new Promise((resolve) => setImmediate(resolve));
      return granted.splice(0);
    };
    const first = await round();
    expect(first).toHaveLength(4);
    // One 429 among answers that are fine is that URL's own limit: no halving.
    scheduler.slowDown(first[0]!, 'http://h.test/0');
    scheduler.answered(first[1]!);
    scheduler.slowDown(first[2]!, 'http://h.test/2');
    scheduler.answered(first[3]!);
    first.forEach((slot) => scheduler.release(slot));
    const second = await round();
    expect(second).toHaveLength(4);
    // Asked again after their Retry-After and answered 429 again: those URLs' own waits, no halving.
    scheduler.slowDown(second[0]!, 'http://h.test/0');
    scheduler.slowDown(second[1]!, 'http://h.test/2');
    second.forEach((slot) => scheduler.release(slot));
    const third = await round();
    expect(third).toHaveLength(4);
    // Two in a row, for different URLs asked for the first time: the host's limit, halved.
    scheduler.slowDown(third[0]!, 'http://h.test/8');
    scheduler.slowDown(third[1]!, 'http://h.test/9');
    third.forEach((slot) => scheduler.release(slot));
    const halved = await round();
    expect(halved).toHaveLength(2);
    halved.forEach((slot) => scheduler.answered(slot));
    expect(await round()).toHaveLength(1);
  });

  it('requests a page\'s URLs, fragments included, as soon as its links are known, before the next page comes', async () => {
    const pages = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : '<h2 id="here">Here</h2>');
    });
    const { resolveConfig } = await import('../src/config/load.js');
    const { startExternalRun } = await import('../src/lint/external-run.js');
    const config = resolveConfig({ external: { allowPrivate: true, cache: false, fragments: true, timeout: 2000 } });
    const run = await startExternalRun('.', config, []);
    const link = (url: string) => ({ source: 'markdown' as const, raw: url, start: 0, end: url.length, url });
    run.addPage([link(`${pages.url}/first#here`), link(`${pages.url}/plain`)]);
    // The first page's requests reach the server while no other page has been read.
    const deadline = Date.now() + 5000;
    while (pages.hits.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pages.hits.map((hit) => `${hit.method} ${hit.path}`).sort()).toEqual(['GET /first', 'HEAD /plain']);
    run.addPage([link(`${pages.url}/first#gone`)]);
    const { results } = await run.done();
    expect(results.get(`${pages.url}/first`)).toEqual({ kind: 'ok', code: 200, missingFragments: ['gone'] });
  });

  it('halves a host\'s limit once for 429s to requests that were in flight together', async () => {
    const scheduler = new HostScheduler(4);
    const window = await Promise.all([0, 1, 2, 3].map((i) => scheduler.acquire(`http://h.test/${i}`, 'first')));
    // Every request of the window answers 429: one halving (4 -> 2), not three (down to 1).
    window.forEach((slot, i) => scheduler.slowDown(slot, `http://h.test/${i}`));
    window.forEach((slot) => scheduler.release(slot));
    const granted: Slot[] = [];
    for (let i = 4; i < 7; i++) void scheduler.acquire(`http://h.test/${i}`, 'first').then((slot) => granted.push(slot));
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted).toHaveLength(2);
  });

  it('serves a host\'s waiting requests in turn order: due again, first requests, then the rest; and the run\'s concurrency over all hosts', async () => {
    const scheduler = new HostScheduler(1);
    const busy = await scheduler.acquire('http://h.test/busy', 'first');
    const order: string[] = [];
    const ask = (path: string, turn: Turn) => scheduler.acquire(`http://h.test/${path}`, turn).then((slot) => {
      order.push(path);
      scheduler.release(slot);
    });
    const asked = [ask('hop', 'next'), ask('a', 'first'), ask('wait', 'again'), ask('b', 'first')];
    scheduler.release(busy);
    await Promise.all(asked);
    expect(order).toEqual(['wait', 'a', 'b', 'hop']);

    const run = new HostScheduler(4, {}, 2);
    const granted: Slot[] = [];
    for (const host of ['a', 'b', 'c']) void run.acquire(`http://${host}.test/`, 'first').then((slot) => granted.push(slot));
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted.map((slot) => slot.host)).toEqual(['a.test', 'b.test']);
    run.release(granted[0]!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted.map((slot) => slot.host)).toEqual(['a.test', 'b.test', 'c.test']);
  });

  it('asks slow requests again before redirect hops, and never on every one of a host\'s slots', async () => {
    const scheduler = new HostScheduler(3);
    const busy = await Promise.all([0, 1, 2].map((i) => scheduler.acquire(`http://h.test/busy/${i}`, 'first')));
    const granted: string[] = [];
    const ask = (path: string, turn: Turn) => void scheduler.acquire(`http://h.test/${path}`, turn).then((slot) => granted.push(`${path} ${slot.turn}`));
    ask('hop', 'next');
    ['slow/1', 'slow/2', 'slow/3'].forEach((path) => ask(path, 'slow'));
    busy.forEach((slot) => scheduler.release(slot));
    await new Promise((resolve) => setImmediate(resolve));
    // Two of three slots for the slow ones; the third serves the hop (and would serve a request due after its Retry-After).
    expect(granted).toEqual(['slow/1 slow', 'slow/2 slow', 'hop next']);

    const single = new HostScheduler(1);
    const slot = await single.acquire('http://h.test/slow', 'slow');
    expect(slot.turn).toBe('slow');
  });

  it('lets a request go when it takes four times longer than its host usually does, and asks again once the host\'s other URLs had their turn', async () => {
    const host = await serve((req, res) => {
      if (req.url === '/slow') return setTimeout(() => status(res, 200), 1_200);
      if (req.url === '/hang') return;
      status(res, 200);
    });
    const paths = ['/a/1', '/a/2', '/a/3', '/a/4', '/a/5', '/a/6', '/slow', '/b/1', '/b/2', '/hang', '/b/3'];
    const { results } = await checkExternalUrls(paths.map((p) => `${host.url}${p}`), { ...options, perHost: 1, timeout: 2_500 });
    // One request at a time: the fast ones set the host's usual wait (about 1 ms, so the least patience, 250 ms);
    // the slow page and the hang are let go, and asked again, with the whole timeout, after /b/3's first turn.
    expect(host.hits.map((h) => h.path)).toEqual([...paths, '/slow', '/hang']);
    expect(results.get(`${host.url}/slow`)).toEqual({ kind: 'ok', code: 200 });
    expect(results.get(`${host.url}/hang`)).toMatchObject({ kind: 'unknown', reason: 'timed out' });
  });

  it('honours Retry-After per URL: the host\'s slot serves its other URLs meanwhile', async () => {
    const host = await serve((req, res, count) => {
      if (req.url === '/wait' && count === 1) return status(res, 429, { 'retry-after': '1' });
      setTimeout(() => status(res, 200), 20);
    });
    const urls = [`${host.url}/wait`, ...Array.from({ length: 5 }, (_, i) => `${host.url}/fast/${i}`)];
    const run = await checkExternalUrls(urls, { ...options, perHost: 2 });
    expect(run.results.get(`${host.url}/wait`)).toEqual({ kind: 'ok', code: 200 });
    const order = host.hits.map((hit) => hit.path);
    const [first, second] = [order.indexOf('/wait'), order.lastIndexOf('/wait')];
    expect(order.slice(first + 1, second).filter((path) => path.startsWith('/fast/')).length).toBeGreaterThanOrEqual(2);
  });
});
