#!/usr/bin/env node
/**
 * Whole-process timing, cold, in the same run, alternating tools, median of N runs:
 * doclint (all rules: front matter, Liquid, tables, internal links) on one thread and on worker
 * threads, doclint warm with its result cache (as is, and after one heading's text was edited),
 * `check --watch` after one heading's text was edited (from the edit to the end of the report),
 * doclint on five files as pre-commit passes them (as named files, and as the pre-commit hook runs:
 * `--changed-since HEAD` in a git copy where those five were edited), markdownlint-cli2, and remark-cli with
 * remark-lint + remark-validate-links + remark-lint-frontmatter-schema (bench/remark/remarkrc.mjs),
 * on the same files: the shared corpus when ../shared exists, and synthetic corpora
 * (bench/generate-corpus.mjs) for the scaling curve. Peers are installed in bench/ only.
 *
 *   npm run bench -- [--runs 3] [--scales 1,10,100] [--big-runs 1]
 *
 * Corpora of 100x and more are timed --big-runs times (default 1), a tool whose run took over a
 * minute is not run again, and a run is stopped after --timeout seconds (default 600).
 * Runs doclint's committed bundle (bin/doclint.mjs, what `npx doclint` runs). Prints one table
 * per corpus and writes bench/results/latest.json.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'big-runs': { type: 'string', default: '1' },
    timeout: { type: 'string', default: '600' },
    scales: { type: 'string', default: '1,10,100' },
  },
});
if (!existsSync(join(here, 'node_modules/.bin/remark'))) execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
if (!existsSync(join(repo, 'dist/src/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
const { listSiteFiles, selectContent } = await import(join(repo, 'dist/src/site/discover.js'));
const { readJekyllConfig } = await import(join(repo, 'dist/src/site/jekyll-config.js'));
const hasTime = existsSync('/usr/bin/time');
const hasTimeout = existsSync('/usr/bin/timeout');
const cacheLocation = join(here, '.work/results-cache.bin');
const editedCacheLocation = join(here, '.work/results-cache-edited.bin');
const editedCopy = join(here, '.work/edited-copy');
const hookCopy = join(here, '.work/hook-copy');

const corpora = [];
const shared = resolve(repo, '../shared/corpus/bitwarden-help');
if (existsSync(join(shared, '_config.yml'))) corpora.push({ name: 'shared corpus', root: shared });
for (const scale of values.scales.split(',').filter(Boolean).map(Number)) {
  const root = join(here, `.work/corpus-${scale}x`);
  if (!existsSync(root)) execFileSync(process.execPath, [join(here, 'generate-corpus.mjs'), '--scale', String(scale), '--out', root], { stdio: 'inherit' });
  corpora.push({ name: `synthetic ${scale}x`, root, big: scale >= 100 });
}

function toolsFor(root) {
  // The shared corpus is built with `jekyll build --config _config.yml,_config-sub.yml`: lint it the same way.
  const configFiles = existsSync(join(root, '_config-sub.yml')) ? ['_config.yml', '_config-sub.yml'] : ['_config.yml'];
  const doclint = [process.execPath, join(repo, 'bin/doclint.mjs'), 'check', '--format', 'json', '--jekyll-config', configFiles.join(',')];
  return {
    configFiles,
    tools: {
      'doclint (workers: auto)': [...doclint, '--no-cache'],
      'doclint (1 thread)': [...doclint, '--no-cache', '--workers', '1'],
      'doclint --cache (warm)': [...doclint, '--cache-location', cacheLocation],
      'doclint --cache, 1 heading edited': [...doclint, '--cache-location', editedCacheLocation],
      'doclint, 5 files (pre-commit)': [...doclint, '--no-cache'],
      'doclint, pre-commit hook': [...doclint, '--no-cache', '--changed-since', 'HEAD'],
      'markdownlint-cli2': [process.execPath, join(here, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs')],
      'remark-cli': [process.execPath, join(here, 'node_modules/remark-cli/cli.js'), '--rc-path', join(here, 'remark/remarkrc.mjs'), '--no-stdout', '--no-color'],
    },
  };
}

/** Rewrites the text of the first `## ` heading of a file (a different text each time). */
let edits = 0;
function editHeading(file) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^(## .*?)( edited \d+)?$/m, `$1 edited ${++edits}`));
}

function measure(command, cwd) {
  // `timeout` kills the tool itself: killing /usr/bin/time would leave the tool running, and
  // loading the machine for every later measurement.
  const limited = hasTimeout ? ['timeout', '-s', 'KILL', values.timeout, ...command] : command;
  const argv = hasTime ? ['/usr/bin/time', '-f', '__time %e %U %S %M', ...limited] : limited;
  const started = performance.now();
  const child = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 30, timeout: (Number(values.timeout) + 30) * 1000, killSignal: 'SIGKILL' });
  const wall = (performance.now() - started) / 1000;
  if (child.signal || child.status === 137 || /Command terminated by signal 9/.test(child.stderr ?? '')) return { wall, timedOut: true };
  const timeLine = child.stderr.split('\n').find((l) => l.startsWith('__time '));
  const [, , user, sys, maxKb] = timeLine ? timeLine.split(' ').map(Number) : [];
  return { wall, cpu: user + sys, peakMb: maxKb / 1024, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** `check --watch` on the edited copy: from each edit of a heading to the end of the report that edit starts (seconds). */
async function watchLatencies(command, cwd, file, count) {
  const child = spawn(command[0], [...command.slice(1), '--watch'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let waitingFor = () => undefined;
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    waitingFor();
  });
  const runsEnded = (runs) =>
    new Promise((done) => {
      waitingFor = () => stderr.split('watching for changes').length - 1 >= runs && done();
      waitingFor();
    });
  await runsEnded(1);
  const walls = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    editHeading(file);
    await runsEnded(i + 2);
    walls.push((performance.now() - started) / 1000);
  }
  child.kill('SIGINT');
  await new Promise((done) => child.on('close', done));
  return walls;
}

const findingsOf = (tool, run) => {
  if (tool.startsWith('doclint')) return JSON.parse(run.stdout).findings.length;
  if (tool === 'markdownlint-cli2') return run.stderr.split('\n').filter((l) => /^\S.*:\d+(:\d+)? /.test(l) && !l.startsWith('__time')).length;
  return run.stderr.split('\n').filter((l) => /^\s*\d+:\d+(-\d+:\d+)?\s+(warning|error)\b/.test(l)).length;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const report = [];
for (const corpus of corpora) {
  const { configFiles, tools } = toolsFor(corpus.root);
  const files = selectContent(await listSiteFiles(corpus.root), readJekyllConfig(corpus.root, configFiles), []);
  // The peers read exactly the files doclint lints.
  tools['markdownlint-cli2'].push(...files.map((f) => `:${f}`));
  tools['remark-cli'].push(...files);
  tools['doclint, 5 files (pre-commit)'].push(...files.slice(0, 5));
  tools['doclint, pre-commit hook'].push(...files.slice(0, 5));
  // The hook's run: a commit of the site, then those five files edited (a line added to each).
  rmSync(hookCopy, { recursive: true, force: true });
  cpSync(corpus.root, hookCopy, { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: hookCopy, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.test', 'commit', '-qm', 'site');
  for (const file of files.slice(0, 5)) writeFileSync(join(hookCopy, file), `${readFileSync(join(hookCopy, file), 'utf8')}\nA line added.\n`);
  rmSync(cacheLocation, { force: true });
  measure(tools['doclint --cache (warm)'], corpus.root); // fills the cache
  // The edited runs work on a copy, whose cache is filled first.
  rmSync(editedCopy, { recursive: true, force: true });
  cpSync(corpus.root, editedCopy, { recursive: true });
  rmSync(editedCacheLocation, { force: true });
  const edited = join(editedCopy, files.find((file) => /^## /m.test(readFileSync(join(corpus.root, file), 'utf8'))));
  measure(tools['doclint --cache, 1 heading edited'], editedCopy);
  const runs = corpus.big ? Number(values['big-runs']) : Number(values.runs);
  const samples = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, command] of Object.entries(tools)) {
      const [first] = samples[name];
      if (first && (first.timedOut || first.wall >= 60)) continue;
      if (name === 'doclint --cache, 1 heading edited') {
        editHeading(edited);
        samples[name].push(measure(command, editedCopy));
      } else samples[name].push(measure(command, name === 'doclint, pre-commit hook' ? hookCopy : corpus.root));
    }
  }
  const results = Object.entries(samples).map(([tool, runs_]) => runs_[0].timedOut ? { tool, timedOut: true, wallSeconds: Number(values.timeout) } : ({
    tool,
    runs: runs_.length,
    wallSeconds: median(runs_.map((r) => r.wall)),
    cpuSeconds: median(runs_.map((r) => r.cpu)),
    peakMb: median(runs_.map((r) => r.peakMb)),
    findings: findingsOf(tool, runs_[0]),
    exitCode: runs_[0].status,
  }));
  if (!corpus.big) {
    // One process that stays up: no start, no module loading, results held in memory.
    const walls = await watchLatencies(tools['doclint --cache, 1 heading edited'], editedCopy, edited, runs);
    results.splice(results.findIndex((r) => r.tool === 'doclint --cache, 1 heading edited') + 1, 0, { tool: 'doclint --watch, 1 heading edited', runs: walls.length, wallSeconds: median(walls) });
  }
  const base = results.find((r) => r.tool === 'markdownlint-cli2').wallSeconds;
  console.log(`\n${corpus.name}: ${files.length} files, median of up to ${runs} run(s), node ${process.version}`);
  console.log(`${'tool'.padEnd(34)} wall(s)  cpu(s)  peak(MB)  findings  vs markdownlint-cli2`);
  for (const r of results) {
    if (r.timedOut) {
      console.log(`${r.tool.padEnd(34)} > ${values.timeout} s (stopped)`);
      continue;
    }
    const [cpu, peak, findings] = r.cpuSeconds === undefined ? ['-', '-', '-'] : [r.cpuSeconds.toFixed(2), r.peakMb.toFixed(0), String(r.findings)];
    console.log(`${r.tool.padEnd(34)} ${r.wallSeconds.toFixed(2).padStart(8)} ${cpu.padStart(7)} ${peak.padStart(9)} ${findings.padStart(9)}  ${(r.wallSeconds / base).toFixed(2)}x`);
  }
  report.push({ corpus: corpus.name, files: files.length, runs, results });
}
rmSync(cacheLocation, { force: true });
rmSync(editedCacheLocation, { force: true });
rmSync(editedCopy, { recursive: true, force: true });
rmSync(hookCopy, { recursive: true, force: true });
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results/latest.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, corpora: report }, null, 2)}\n`);
