#!/usr/bin/env node
/**
 * Whole-process timing: `doclint check` vs `markdownlint-cli2` on the same files, in the
 * same run, alternating, median of N runs. Peers are installed in bench/ only.
 *
 *   npm run bench -- [--runs 5] [--corpus ../shared/corpus/bitwarden-help]
 *
 * Needs a built doclint (npm run build). Prints a table and writes bench/results/latest.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string', default: resolve(repo, '../shared/corpus/bitwarden-help') },
  },
});
const runs = Number(values.runs);
const corpus = resolve(values.corpus);
if (!existsSync(join(corpus, '_config.yml'))) {
  console.error(`bench: no Jekyll site at ${corpus} (pass --corpus DIR)`);
  process.exit(2);
}
if (!existsSync(join(here, 'node_modules/.bin/markdownlint-cli2'))) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}

// The corpus is built with `jekyll build --config _config.yml,_config-sub.yml`: lint it the same way.
const jekyllConfig = existsSync(join(corpus, '_config-sub.yml')) ? ['_config.yml', '_config-sub.yml'] : ['_config.yml'];
// The exact file list doclint lints, so both tools read the same files.
const { lint } = await import(join(repo, 'dist/src/index.js'));
const files = (await lint({ root: corpus, config: { jekyll: { configFiles: jekyllConfig } } })).files;
const hasTime = existsSync('/usr/bin/time');

const tools = {
  doclint: [process.execPath, join(repo, 'dist/src/cli/main.js'), 'check', '--format', 'json', '--jekyll-config', jekyllConfig.join(',')],
  'markdownlint-cli2': [process.execPath, join(here, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ...files.map((f) => `:${f}`)],
};

function measure(command) {
  const argv = hasTime ? ['/usr/bin/time', '-f', '__time %e %U %S %M', ...command] : command;
  const started = performance.now();
  const child = spawnSync(argv[0], argv.slice(1), { cwd: corpus, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  const timeLine = child.stderr.split('\n').find((l) => l.startsWith('__time '));
  const [, , user, sys, maxKb] = timeLine ? timeLine.split(' ').map(Number) : [];
  return { wall, cpu: user + sys, peakMb: maxKb / 1024, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const samples = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
for (let i = 0; i < runs; i++) for (const [name, command] of Object.entries(tools)) samples[name].push(measure(command));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const findingsOf = {
  doclint: (run) => JSON.parse(run.stdout).findings.length,
  'markdownlint-cli2': (run) => run.stderr.split('\n').filter((l) => /^\S.*:\d+(:\d+)? /.test(l) && !l.startsWith('__time')).length,
};
const results = Object.entries(samples).map(([name, runs_]) => ({
  tool: name,
  files: files.length,
  wallSeconds: median(runs_.map((r) => r.wall)),
  cpuSeconds: median(runs_.map((r) => r.cpu)),
  peakMb: median(runs_.map((r) => r.peakMb)),
  findings: findingsOf[name](runs_[0]),
  exitCode: runs_[0].status,
}));
const base = results[1].wallSeconds;
console.log(`corpus: ${corpus} (${files.length} files), median of ${runs} runs, node ${process.version}`);
console.log('tool                 wall(s)  cpu(s)  peak(MB)  findings  vs markdownlint-cli2');
for (const r of results) {
  console.log(
    `${r.tool.padEnd(20)} ${r.wallSeconds.toFixed(3).padStart(7)} ${r.cpuSeconds.toFixed(2).padStart(7)} ${r.peakMb.toFixed(0).padStart(9)} ${String(r.findings).padStart(9)}  ${(r.wallSeconds / base).toFixed(2)}x`,
  );
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results/latest.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, corpus, runs, results }, null, 2)}\n`);
