#!/usr/bin/env node
/**
 * The least a polite link checker does, as a yardstick for hostile-web.mjs: the http(s) URLs of
 * Markdown files, each checked with node:http and nothing else (no parsing, no site model, no
 * report), at most `--per-host` requests at a time per host, in turns: requests due again after a
 * wait first, then each URL's first request, then slow requests asked again, then redirect hops
 * and GETs after a refused HEAD. HEAD (GET when the URL has a #fragment, and its HTML searched
 * for the id), Retry-After honoured per URL twice, a reset tried again once, a hang given up after
 * `--timeout` once. As doclint does, a request with no answer within 4 times its host's median
 * wait (at least 250 ms, once the host answered 5 times) is let go and asked again, with the whole
 * timeout, in the slow turn, which never holds all of a host's slots.
 * Prints {"broken", "missingFragments", "unconfirmed"} as JSON.
 *
 *   node bench/polite-checker.mjs [--per-host 4] [--timeout 1500] FILE.md...
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { 'per-host': { type: 'string', default: '4' }, timeout: { type: 'string', default: '1500' } }, allowPositionals: true });
const perHost = Number(values['per-host']);
const timeout = Number(values.timeout);
const agent = new http.Agent({ keepAlive: true, maxSockets: perHost });
const hosts = new Map();

function hostOf(url) {
  const host = new URL(url).host;
  if (!hosts.has(host)) hosts.set(host, { active: 0, activeSlow: 0, again: [], first: [], slow: [], next: [], waits: [] });
  return hosts.get(host);
}
function patienceOf(host) {
  if (host.waits.length < 5) return undefined;
  const sorted = [...host.waits].sort((a, b) => a - b);
  return Math.max(250, 4 * sorted[sorted.length >> 1]);
}
async function inTurn(url, turn, request) {
  const host = hostOf(url);
  await new Promise((go) => {
    host[turn].push(go);
    grant(host);
  });
  try {
    return await request();
  } finally {
    host.active--;
    if (turn === 'slow') host.activeSlow--;
    grant(host);
  }
}
function grant(host) {
  while (host.active < perHost) {
    // Requests asked again after being let go never hold all of a host's slots.
    const slowMayGo = perHost === 1 || host.activeSlow < perHost - 1;
    const turn = ['again', 'first', 'slow', 'next'].find((t) => host[t].length > 0 && (t !== 'slow' || slowMayGo));
    if (!turn) return;
    host.active++;
    if (turn === 'slow') host.activeSlow++;
    host[turn].shift()();
  }
}

/** One request: its status (-1 timed out, -2 let go), location, and whether the HTML it read had the id (undefined: not looked for). */
function request(url, method, fragment, patient) {
  const host = hostOf(url);
  const patience = patient ? patienceOf(host) : undefined;
  const started = performance.now();
  return new Promise((resolve) => {
    const impatience = patience && setTimeout(() => {
      req.destroy();
      resolve({ code: -2 });
    }, patience);
    const id = fragment && new RegExp(`\\s(?:id|name)=["']?${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\\s>]`);
    const req = http.request(url, { method, agent, timeout }, (res) => {
      clearTimeout(impatience);
      host.waits.push(performance.now() - started);
      if (host.waits.length > 15) host.waits.shift();
      let html = '';
      let found;
      res.on('data', (chunk) => {
        if (!id || found || html.length > 2 << 20) return;
        html += chunk;
        if (id.test(html)) found = true;
      });
      res.on('end', () => resolve({ code: res.statusCode, location: res.headers.location, retryAfter: Number(res.headers['retry-after']) * 1000, found: fragment === undefined ? undefined : (found ?? (html.length > 2 << 20 ? 'unconfirmed' : false)) }));
      res.on('error', () => resolve({ code: 0 }));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ code: -1 });
    });
    req.on('error', () => resolve({ code: 0 }));
    req.end();
  });
}

const wait = (ms) => new Promise((done) => setTimeout(done, ms));
async function check(link) {
  const [target, fragment] = link.split('#');
  let url = target;
  let turn = 'first';
  let tries = 0;
  let patient = true;
  for (let hop = 0; hop <= 5; ) {
    let answer = await inTurn(url, turn, () => request(url, fragment ? 'GET' : 'HEAD', fragment, patient));
    if (answer.code === -2) {
      patient = false;
      turn = 'slow';
      continue;
    }
    if (!fragment && (answer.code === 405 || answer.code === 404)) answer = await inTurn(url, 'next', () => request(url, 'GET'));
    if ((answer.code === 429 || answer.code === 0) && tries < 2) {
      tries++;
      await wait(answer.code === 429 ? answer.retryAfter || 1000 : 200);
      turn = 'again';
      continue;
    }
    if (answer.code >= 300 && answer.code < 400 && answer.location) {
      url = new URL(answer.location, url).href;
      turn = 'next';
      hop++;
      continue;
    }
    return answer;
  }
  return { code: 0 };
}

const links = positionals.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\]\((https?:[^)\s]+)\)/g)].map((match) => match[1]));
const answers = await Promise.all([...new Set(links)].map(check));
console.log(JSON.stringify({
  broken: answers.filter((a) => a.code === 404 || a.code === 410).length,
  missingFragments: answers.filter((a) => a.found === false).length,
  unconfirmed: answers.filter((a) => a.code === -1 || a.found === 'unconfirmed').length,
}));
