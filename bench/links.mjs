#!/usr/bin/env node
/**
 * The offline internal-link pass: `doclint check` (whole process, cold) with only the link rules
 * on, on the shared corpus and on synthetic corpora (bench/generate-corpus.mjs), with wall time
 * and peak memory (/usr/bin/time). Median of --runs.
 *
 *   node bench/links.mjs [--runs 3] [--scales 10,100]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, scales: { type: 'string', default: '10,100' } } });
const runs = Number(values.runs);
const cli = join(repo, 'dist/src/cli/main.js');
const { allRules } = await import(join(repo, 'dist/src/index.js'));
const onlyLinks = allRules.map((r) => r.meta.id).filter((id) => !id.startsWith('link-')).flatMap((id) => ['--rule', `${id}:off`]);

function measure(root, extra) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawnSync('/usr/bin/time', ['-f', '__peak %M', process.execPath, cli, 'check', '--root', root, '--format', 'json', ...onlyLinks, ...extra], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = (performance.now() - started) / 1000;
    const peakMb = Number(/__peak (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
    const result = JSON.parse(child.stdout);
    samples.push({ seconds, peakMb, files: result.summary.files, findings: result.findings.length });
  }
  samples.sort((a, b) => a.seconds - b.seconds);
  return samples[Math.floor(samples.length / 2)];
}

const rows = [];
const shared = resolve(repo, '../shared/corpus/bitwarden-help');
if (existsSync(shared)) rows.push(['shared corpus', measure(shared, ['--jekyll-config', '_config.yml,_config-sub.yml'])]);
for (const scale of values.scales.split(',').map(Number)) {
  const dir = join(here, `.work/corpus-${scale}x`);
  if (!existsSync(dir)) execFileSync(process.execPath, [join(here, 'generate-corpus.mjs'), '--scale', String(scale), '--out', dir], { stdio: 'inherit' });
  rows.push([`synthetic ${scale}x`, measure(dir, [])]);
}
console.log(`link rules only, whole process, median of ${runs}, node ${process.version}`);
console.log('corpus              files   wall(s)  peak(MB)  findings');
for (const [name, r] of rows) console.log(`${name.padEnd(18)} ${String(r.files).padStart(6)} ${r.seconds.toFixed(2).padStart(9)} ${r.peakMb.toFixed(0).padStart(9)} ${String(r.findings).padStart(9)}`);
