#!/usr/bin/env node
/**
 * External link checking on loopback: N unique URLs spread over M hosts (servers on
 * 127.0.0.1, one port each) that answer after a fixed latency, 1% of them 404. Compares
 * doclint --external with linkinator and markdown-link-check in the same run (wall time,
 * correctness), against the physical limit for a polite checker: URLs x latency / (hosts x
 * per-host limit).
 *
 *   node bench/external.mjs [--urls 2000] [--hosts 10] [--latency 50] [--per-host 4] [--pages 100]
 *                           [--runs 3] [--tools doclint,linkinator,markdown-link-check]
 *
 * --pages spreads the links over that many pages: 100 pages of 20 links is already denser than the
 * shared help center (2 external links on the median page, 44 at most); --pages 1 is a stress case.
 * Each tool runs --runs times; the table gives the median and the range.
 * DOCLINT_BIN=path/to/doclint.mjs runs another build of doclint (an older release, say).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const { values } = parseArgs({
  options: { urls: { type: 'string', default: '2000' }, hosts: { type: 'string', default: '10' }, latency: { type: 'string', default: '50' }, 'per-host': { type: 'string', default: '4' }, pages: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    tools: { type: 'string', default: 'doclint,linkinator,markdown-link-check' },
  },
});
const [urls, hosts, latency, perHost, pages, runs] = [values.urls, values.hosts, values.latency, values['per-host'], values.pages, values.runs].map(Number);
const tools = new Set(values.tools.split(','));

// Run the peers as child processes: the servers live in this process, so it must stay responsive.
const servers = await Promise.all(
  Array.from({ length: hosts }, () => {
    const server = createServer((request, response) => {
      setTimeout(() => {
        response.writeHead(request.url.startsWith('/broken/') ? 404 : 200, { 'content-type': 'text/plain' });
        response.end(request.method === 'HEAD' ? undefined : 'ok');
      }, latency);
    });
    server.keepAliveTimeout = 5000;
    return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
  }),
);
const links = Array.from({ length: urls }, (_, i) => {
  const port = servers[i % hosts].address().port;
  // 1% broken on every host (every 100th URL of each host), as broken links spread over sites.
  return `http://127.0.0.1:${port}/${Math.floor(i / hosts) % 100 === 99 ? 'broken' : 'ok'}/${i}`;
});
const expectedBroken = links.filter((l) => l.includes('/broken/')).length;

const dir = mkdtempSync(join(tmpdir(), 'doclint-external-bench-'));
writeFileSync(join(dir, '_config.yml'), 'title: bench\n');
const perPage = Math.ceil(urls / pages);
const pageFiles = Array.from({ length: pages }, (_, page) => {
  const name = `links-${page}.md`;
  const list = links.slice(page * perPage, (page + 1) * perPage).map((l, i) => `- [link ${page * perPage + i}](${l})`);
  writeFileSync(join(dir, name), `---\ntitle: Links ${page}\n---\n\n${list.join('\n')}\n`);
  return name;
});
writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, perHost, concurrency: 64, cache: false } }));

/** Asynchronous on purpose: the servers live in this process and must keep answering. */
function run(command, args, countBroken) {
  const started = performance.now();
  return new Promise((done) => {
    execFile(command, args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20, timeout: 600_000 }, (_error, stdout, stderr) => {
      const seconds = (performance.now() - started) / 1000;
      let broken;
      try {
        broken = countBroken(stdout + stderr);
      } catch {
        broken = NaN;
      }
      done({ seconds, broken });
    });
  });
}

const limit = (urls * latency) / (hosts * perHost) / 1000;
const jobs = [
  {
    tool: 'doclint',
    name: 'doclint --external',
    run: () => run(process.execPath, [process.env.DOCLINT_BIN ?? join(repo, 'bin/doclint.mjs'), 'check', '--external', '--format', 'json'], (out) =>
      JSON.parse(out.slice(out.indexOf('{'))).findings.filter((f) => f.ruleId === 'link-external').length),
  },
  {
    tool: 'linkinator',
    name: `linkinator (concurrency ${hosts * perHost})`,
    run: () => run(process.execPath, [join(here, 'node_modules/linkinator/build/src/cli.js'), ...pageFiles, '--markdown', '--concurrency', String(hosts * perHost), '--format', 'json'], (out) =>
      JSON.parse(out.slice(out.indexOf('{'))).links.filter((l) => l.state === 'BROKEN').length),
  },
  {
    tool: 'markdown-link-check',
    name: 'markdown-link-check',
    run: () => run(process.execPath, [join(here, 'node_modules/markdown-link-check/markdown-link-check'), ...pageFiles, '-q'], (out) => (out.match(/\[✖\]/g) ?? []).length),
  },
].filter((job) => tools.has(job.tool));
const results = [];
for (const job of jobs) {
  const measured = [];
  for (let i = 0; i < runs; i++) measured.push(await job.run());
  const seconds = measured.map((m) => m.seconds).sort((a, b) => a - b);
  results.push({ name: job.name, seconds: seconds[Math.floor(seconds.length / 2)], min: seconds[0], max: seconds.at(-1), broken: measured.map((m) => m.broken) });
}
for (const server of servers) server.close();
rmSync(dir, { recursive: true, force: true });

console.log(`${urls} URLs on ${pages} page(s) over ${hosts} hosts, ${latency} ms each, per-host limit ${perHost}; physical limit ${limit.toFixed(2)} s; expected broken ${expectedBroken}`);
console.log(`median of ${runs} run(s) each (range)`);
console.log('tool                              wall(s)  vs limit        range  broken found  correct');
for (const r of results) {
  const range = `${r.min.toFixed(2)}-${r.max.toFixed(2)}`;
  const correct = r.broken.every((b) => b === expectedBroken);
  console.log(`${r.name.padEnd(33)} ${r.seconds.toFixed(2).padStart(7)} ${(r.seconds / limit).toFixed(2).padStart(8)}x ${range.padStart(12)} ${String(r.broken[0]).padStart(13)}  ${correct ? 'yes' : 'no'}`);
}
