#!/usr/bin/env node
/**
 * External link checking against a loopback web that pushes back, as the real one does: N URLs
 * over M hosts (servers on 127.0.0.1, one port each) with a per-host cap (a request over it is
 * answered 429 with Retry-After: 1), and pages that answer 429 twice with Retry-After: 1 before
 * 200, answer slowly, hang, reset the connection once, are 32 MiB, redirect three times
 * (302, 301, 308), refuse HEAD (405), are gone (404), or are linked with a #fragment their HTML
 * has or lacks.
 *
 * The physical limit is the time a polite checker cannot beat: per host, the larger of (the
 * requests each URL needs at least x their latency, summed, over the cap) and the longest single
 * URL (its requests, the Retry-After waits the server demands, a hang bounded by the configured
 * timeout once); the whole run, the slowest host. doclint runs with --external and fragments on;
 * polite-checker.mjs (the same turns per host over node:http, and nothing else: no parsing, no
 * report) shows what a checker that cannot know which URLs will answer 429 gets near; linkinator
 * and markdown-link-check on the same pages, in the same run. Reported: wall time, the
 * ratio to the limit, whether every outcome was right (doclint: each broken link, missing
 * fragment and hang reported as such, nothing else), and the most requests any tool had in
 * flight on one host.
 *
 *   node bench/hostile-web.mjs [--urls 5000] [--hosts 50] [--per-host 4] [--latency 100] [--timeout 1500]
 *                              [--pages 200] [--runs 1] [--tools doclint,polite-checker,linkinator,markdown-link-check]
 *
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
  options: {
    urls: { type: 'string', default: '5000' },
    hosts: { type: 'string', default: '50' },
    'per-host': { type: 'string', default: '4' },
    latency: { type: 'string', default: '100' },
    timeout: { type: 'string', default: '1500' },
    pages: { type: 'string', default: '200' },
    runs: { type: 'string', default: '1' },
    tools: { type: 'string', default: 'doclint,polite-checker,linkinator,markdown-link-check' },
  },
});
const [urlCount, hostCount, cap, latency, timeout, pageCount, runs] = [values.urls, values.hosts, values['per-host'], values.latency, values.timeout, values.pages, values.runs].map(Number);
const tools = new Set(values.tools.split(','));
const slowLatency = 1000;
const retryAfterSeconds = 1;
const hugeBytes = 32 << 20;

/** What each URL does, by its index: shares of the real web's troubles, spread over every host. */
const kinds = process.env.BENCH_KINDS ? JSON.parse(process.env.BENCH_KINDS) : [
  ['broken', 1], ['retry-429', 5], ['slow', 2], ['hang', 0.2], ['reset', 1], ['huge', 0.5],
  ['redirects', 5], ['head-405', 5], ['fragment-ok', 5], ['fragment-missing', 5],
];
function kindOf(i) {
  // A multiplicative hash: spread over the run and over the hosts (no period shared with the host count), deterministic.
  const slot = Math.floor(((i * 2654435761) % 4294967296) / 4294967.296);
  let edge = 0;
  for (const [kind, percent] of kinds) {
    edge += percent * 10;
    if (slot < edge) return kind;
  }
  return 'ok';
}

/** The requests a URL needs at least, each taking `latency`, and what its own chain costs beyond them. */
function cost(kind) {
  switch (kind) {
    case 'retry-429': return { requests: 3, wait: 2 * retryAfterSeconds * 1000 };
    case 'slow': return { requests: 1, time: slowLatency };
    case 'hang': return { requests: 1, time: timeout };
    case 'reset': return { requests: 2 };
    case 'redirects': return { requests: 4 };
    default: return { requests: 1 };
  }
}

const sockets = new Set();
let hostsState = [];
const servers = await Promise.all(
  Array.from({ length: hostCount }, (_, h) => {
    const server = createServer((request, response) => {
      const state = hostsState[h];
      timeline.first ??= performance.now();
      const arrived = performance.now();
      response.on('finish', () => {
        timeline.last = performance.now();
        timeline.answers.push({ host: h, arrived, answered: timeline.last });
      });
      const path = request.url.split('?')[0];
      const kind = path.split('/')[1];
      const seen = (state.seen.get(path) ?? 0) + 1;
      state.seen.set(path, seen);
      if (state.inFlight >= cap) {
        state.overCap++;
        response.writeHead(429, { 'retry-after': String(retryAfterSeconds) }).end();
        return;
      }
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      let finished = false;
      const finish = () => {
        if (!finished) state.inFlight--;
        finished = true;
      };
      response.on('close', finish);
      if (kind === 'hang') return; // never answers; the client gives up
      if (kind === 'reset' && seen === 1) {
        setTimeout(() => request.socket.destroy(), latency);
        return;
      }
      setTimeout(() => {
        const head = request.method === 'HEAD';
        if (kind === 'retry-429' && seen <= 2) return response.writeHead(429, { 'retry-after': String(retryAfterSeconds) }).end();
        if (kind === 'broken') return response.writeHead(404).end();
        if (kind === 'head-405' && head) return response.writeHead(405).end();
        if (kind === 'redirects') {
          const hop = Number(path.split('/')[3] ?? 0);
          if (hop < 3) return response.writeHead([302, 301, 308][hop], { location: `${path.split('/').slice(0, 3).join('/')}/${hop + 1}` }).end();
        }
        if (kind === 'huge') {
          response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(hugeBytes) });
          if (head) return response.end();
          const chunk = Buffer.alloc(1 << 20, 120);
          let sent = 0;
          const pump = () => {
            while (sent < hugeBytes) {
              sent += chunk.length;
              if (!response.write(chunk)) return response.once('drain', pump);
            }
            response.end();
          };
          return pump();
        }
        const html = `<!doctype html><title>${path}</title><h2 id="present">Present</h2>${'<p>text</p>'.repeat(200)}`;
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(head ? undefined : html);
      }, kind === 'slow' ? slowLatency : latency);
    });
    server.keepAliveTimeout = 5000;
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
  }),
);
const timeline = { answers: [] };
const resetState = () => {
  timeline.first = timeline.last = undefined;
  timeline.answers = [];
  hostsState = servers.map(() => ({ seen: new Map(), inFlight: 0, maxInFlight: 0, overCap: 0 }));
};

const links = Array.from({ length: urlCount }, (_, i) => {
  const kind = kindOf(i);
  const port = servers[i % hostCount].address().port;
  const fragment = kind === 'fragment-ok' ? '#present' : kind === 'fragment-missing' ? '#absent' : '';
  return { i, kind, host: i % hostCount, url: `http://127.0.0.1:${port}/${kind}/${i}${fragment}` };
});

// The physical limit, per host, then the slowest host.
const limitMs = Math.max(
  ...servers.map((_, h) => {
    const own = links.filter((link) => link.host === h).map((link) => cost(link.kind));
    const work = own.reduce((sum, c) => sum + (c.time ?? c.requests * latency), 0);
    const longest = Math.max(...own.map((c) => (c.time ?? c.requests * latency) + (c.wait ?? 0)));
    return Math.max(work / cap, longest);
  }),
);
const limit = limitMs / 1000;
const expected = {
  broken: links.filter((l) => l.kind === 'broken').length,
  missingFragments: links.filter((l) => l.kind === 'fragment-missing').length,
  hangs: links.filter((l) => l.kind === 'hang').length,
};

const dir = mkdtempSync(join(tmpdir(), 'doclint-hostile-bench-'));
writeFileSync(join(dir, '_config.yml'), 'title: bench\n');
const perPage = Math.ceil(urlCount / pageCount);
const pageFiles = Array.from({ length: pageCount }, (_, page) => {
  const name = `links-${page}.md`;
  const list = links.slice(page * perPage, (page + 1) * perPage).map((l) => `- [link ${l.i}](${l.url})`);
  writeFileSync(join(dir, name), `---\ntitle: Links ${page}\n---\n\n${list.join('\n')}\n`);
  return name;
});
writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ external: { allowPrivate: true, perHost: cap, concurrency: hostCount * cap, cache: false, timeout, fragments: true } }));

function run(command, args, judge) {
  resetState();
  const started = performance.now();
  return new Promise((done) => {
    execFile(command, args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20, timeout: 900_000 }, (_error, stdout, stderr) => {
      if (process.env.BENCH_DEBUG) process.stderr.write(`${stderr}first request at ${((timeline.first - started) / 1000).toFixed(2)} s, last answer at ${((timeline.last - started) / 1000).toFixed(2)} s\n${whereTimeWent()}`);
      const seconds = (performance.now() - started) / 1000;
      for (const socket of sockets) socket.destroy();
      let outcome;
      try {
        outcome = judge(stdout, stderr);
      } catch (error) {
        outcome = { summary: `unreadable output (${error.message})`, correct: false };
      }
      const maxInFlight = Math.max(...hostsState.map((s) => s.maxInFlight));
      const overCap = hostsState.reduce((sum, s) => sum + s.overCap, 0);
      done({ seconds, ...outcome, maxInFlight, overCap });
    });
  });
}

/**
 * BENCH_DEBUG: the requests made of each kind against the fewest the limit counts, how busy each
 * host's slots were over its span (first request to last answer), and when the hosts finished.
 */
function whereTimeWent() {
  const made = {};
  const fewest = {};
  for (const state of hostsState) for (const [path, n] of state.seen) made[path.split('/')[1]] = (made[path.split('/')[1]] ?? 0) + n;
  for (const link of links) fewest[link.kind] = (fewest[link.kind] ?? 0) + cost(link.kind).requests;
  const spans = new Map();
  for (const { host, arrived, answered } of timeline.answers) {
    const span = spans.get(host) ?? { from: arrived, to: answered, busy: 0 };
    spans.set(host, { from: Math.min(span.from, arrived), to: Math.max(span.to, answered), busy: span.busy + answered - arrived });
  }
  const busy = [...spans.values()].map((span) => span.busy / (cap * (span.to - span.from)));
  const ends = [...spans.values()].map((span) => (span.to - timeline.first) / 1000).sort((a, b) => a - b);
  return [
    `requests made/fewest: ${Object.keys(fewest).map((kind) => `${kind} ${made[kind] ?? 0}/${fewest[kind]}`).join(', ')}`,
    `slots busy over each host's span: ${((100 * busy.reduce((a, b) => a + b, 0)) / busy.length).toFixed(0)}% on average`,
    `hosts done after the first request: ${ends[0].toFixed(2)} s first, ${ends[ends.length >> 1].toFixed(2)} s median, ${ends.at(-1).toFixed(2)} s last`,
    '',
  ].join('\n');
}

/** doclint's report against what every URL does. */
function judgeDoclint(out) {
  const findings = JSON.parse(out.slice(out.indexOf('{'))).findings.filter((f) => f.ruleId === 'link-external');
  const kindOfFinding = (f) => /\/([a-z0-9-]+)\/\d+/.exec(f.message)?.[1];
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const broken = errors.filter((f) => kindOfFinding(f) === 'broken').length;
  const missing = errors.filter((f) => kindOfFinding(f) === 'fragment-missing' && /has no anchor/.test(f.message)).length;
  const hangs = warnings.filter((f) => kindOfFinding(f) === 'hang').length;
  const wrong = findings.length - broken - missing - hangs;
  const correct = broken === expected.broken && missing === expected.missingFragments && hangs === expected.hangs && wrong === 0;
  return { summary: `${broken} broken, ${missing} missing fragments, ${hangs} unconfirmed, ${wrong} wrong`, correct };
}

const jobs = [
  { tool: 'doclint', name: 'doclint --external (fragments)', run: () => run(process.execPath, [process.env.DOCLINT_BIN ?? join(repo, 'bin/doclint.mjs'), 'check', '--external', '--format', 'json'], judgeDoclint) },
  {
    tool: 'polite-checker',
    name: 'polite-checker.mjs (the yardstick)',
    run: () => run(process.execPath, [join(here, 'polite-checker.mjs'), '--per-host', String(cap), '--timeout', String(timeout), ...pageFiles], (out) => {
      const outcome = JSON.parse(out);
      const correct = outcome.broken === expected.broken && outcome.missingFragments === expected.missingFragments && outcome.unconfirmed === expected.hangs;
      return { summary: `${outcome.broken} broken, ${outcome.missingFragments} missing fragments, ${outcome.unconfirmed} unconfirmed`, correct };
    }),
  },
  {
    tool: 'linkinator',
    name: `linkinator (concurrency ${hostCount * cap})`,
    run: () => run(process.execPath, [join(here, 'node_modules/linkinator/build/src/cli.js'), ...pageFiles, '--markdown', '--concurrency', String(hostCount * cap), '--timeout', String(timeout), '--retry', '--format', 'json'], (out) => {
      const broken = JSON.parse(out.slice(out.indexOf('{'))).links.filter((l) => l.state === 'BROKEN').length;
      return { summary: `${broken} broken`, correct: broken === expected.broken };
    }),
  },
  {
    tool: 'markdown-link-check',
    name: 'markdown-link-check',
    run: () => run(process.execPath, [join(here, 'node_modules/markdown-link-check/markdown-link-check'), ...pageFiles, '-q'], (stdout, stderr) => {
      const out = stdout + stderr;
      const broken = (out.match(/\[✖\]/g) ?? []).length;
      return { summary: `${broken} broken`, correct: broken === expected.broken };
    }),
  },
].filter((job) => tools.has(job.tool));

const results = [];
for (const job of jobs) {
  const measured = [];
  for (let i = 0; i < runs; i++) measured.push(await job.run());
  measured.sort((a, b) => a.seconds - b.seconds);
  results.push({ name: job.name, ...measured[Math.floor(measured.length / 2)] });
}
for (const server of servers) server.close();
for (const socket of sockets) socket.destroy();
rmSync(dir, { recursive: true, force: true });

console.log(`${urlCount} URLs on ${pageCount} pages over ${hostCount} hosts, per-host cap ${cap}, latency ${latency} ms (slow pages ${slowLatency} ms), timeout ${timeout} ms, node ${process.version}`);
console.log(`expected: ${expected.broken} broken, ${expected.missingFragments} missing fragments, ${expected.hangs} hangs; physical limit ${limit.toFixed(2)} s`);
console.log('tool                               wall(s)  vs limit  max in flight/host  over cap  outcome');
for (const r of results) {
  console.log(`${r.name.padEnd(34)} ${r.seconds.toFixed(2).padStart(7)} ${(r.seconds / limit).toFixed(2).padStart(8)}x ${String(r.maxInFlight).padStart(19)} ${String(r.overCap).padStart(9)}  ${r.summary}${r.correct ? '' : ' (not all right)'}`);
}
