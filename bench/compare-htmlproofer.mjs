#!/usr/bin/env node
/**
 * doclint's offline internal-link pass vs `jekyll build` + html-proofer on the same tree,
 * same run: the defects each reports (as page + target pairs) and the time each takes.
 *
 *   node bench/compare-htmlproofer.mjs [--corpus ../shared/corpus/bitwarden-help]
 *
 * Needs Debian's jekyll, ruby-jekyll-redirect-from and ruby-html-proofer. Runs doclint's committed
 * bundle (bin/doclint.mjs, what `npx doclint` runs).
 * The corpus has no _plugins: bench/jekyll/_plugins has stand-ins for its four tags.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const { values } = parseArgs({ options: { corpus: { type: 'string', default: resolve(repo, '../shared/corpus/bitwarden-help') } } });
const corpus = resolve(values.corpus);
const configs = '_config.yml,_config-sub.yml';

const work = mkdtempSync(join(tmpdir(), 'doclint-hp-'));
cpSync(corpus, work, { recursive: true });
cpSync(join(here, 'jekyll/_plugins'), join(work, '_plugins'), { recursive: true });

const time = (fn) => {
  const started = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - started) / 1000 };
};

const jekyll = time(() => spawnSync('jekyll', ['build', '--config', configs, '-d', '_site/help'], { cwd: work, encoding: 'utf8' }));
const proofer = time(() => spawnSync('htmlproofer', ['_site', '--disable-external', '--allow-hash-href'], { cwd: work, encoding: 'utf8', maxBuffer: 64 << 20 }));
const doclint = time(() =>
  spawnSync(process.execPath, [join(repo, 'bin/doclint.mjs'), 'check', '--root', corpus, '--jekyll-config', configs, '--format', 'json'], { cwd: corpus, encoding: 'utf8', maxBuffer: 64 << 20 }),
);

// html-proofer: "- _site/help/article/x/index.html" then "  *  message (line N)"; it repeats entries, so dedupe.
const htmlproofer = new Set();
let page = '';
for (const line of `${proofer.value.stdout}${proofer.value.stderr}`.split('\n')) {
  const file = /^- _site(\/.*?)(index\.html)?$/.exec(line);
  if (file) page = file[1];
  const message = /^ {2}\* {2}(.*?)(?: \(line \d+\))?$/.exec(line);
  if (!message) continue;
  const text = message[1];
  let target;
  if ((target = /internal hash #(\S+) that does not exist/.exec(text))) htmlproofer.add(`${page} -> #${target[1]}`);
  else if ((target = /linking to (\S+), but (\S+) does not exist/.exec(text))) htmlproofer.add(`${page} -> ${target[1]}`);
  else if ((target = /internally linking to (\S+), which does not exist/.exec(text))) htmlproofer.add(`${page} -> ${target[1]}`);
  else if ((target = /internal image (\S+) does not exist/.exec(text))) htmlproofer.add(`${page} -> ${target[1]}`);
  else if ((target = /image (\S+) does not have an alt attribute/.exec(text))) htmlproofer.add(`${page} -> alt:${target[1]}`);
  else htmlproofer.add(`${page} -> other:${text}`);
}

// doclint: link findings mapped to the page URL of their file and the destination as rendered.
const { lint, readJekyllConfig } = await import(join(repo, 'dist/src/index.js'));
const { buildUrlMap } = await import(join(repo, 'dist/src/site/urls.js'));
const result = JSON.parse(doclint.value.stdout);
const jekyllConfig = readJekyllConfig(corpus, configs.split(','));
const { readFileSync } = await import('node:fs');
const { parseFrontMatter } = await import(join(repo, 'dist/src/parse/front-matter.js'));
const frontMatter = new Map();
for (const file of (await lint({ root: corpus, config: { jekyll: { configFiles: configs.split(',') }, rules: {} } })).files) {
  const fm = parseFrontMatter(readFileSync(join(corpus, file), 'utf8'));
  if (fm.kind === 'yaml') frontMatter.set(file, fm.data);
}
const { listSiteFiles } = await import(join(repo, 'dist/src/site/discover.js'));
const urls = buildUrlMap(jekyllConfig, await listSiteFiles(corpus), frontMatter);
const baseurl = jekyllConfig.baseurl;
const doclintSet = new Set();
const lines = new Map();
for (const f of result.findings) {
  if (!['link-internal', 'link-anchor', 'link-redirect', 'liquid-tag-arguments', 'image-alt'].includes(f.ruleId)) continue;
  const pageUrl = `${baseurl}${urls.urlOf.get(f.file)}`;
  if (!lines.has(f.file)) lines.set(f.file, readFileSync(join(corpus, f.file), 'utf8').split('\n'));
  const line = lines.get(f.file)[f.line - 1];
  if (f.ruleId === 'liquid-tag-arguments') {
    const image = /\{%-?\s*image\s+(\S+)/.exec(line.slice(f.column - 10));
    if (image && /no alt text/.test(f.message)) doclintSet.add(`${pageUrl} -> alt:${baseurl}/images/${image[1]}`);
    continue;
  }
  if (f.ruleId === 'image-alt') {
    const src = /src\s*=\s*["']([^"']*)/.exec(line.slice(f.column - 1)) ?? /\]\(([^)\s]*)/.exec(line.slice(f.column - 1));
    if (src) doclintSet.add(`${pageUrl} -> alt:${src[1].replace(/\{\{-?\s*site\.baseurl\s*-?\}\}/, baseurl)}`);
    continue;
  }
  // A link-anchor finding points at the `#`: step back to the start of the destination.
  const lineStart = f.ruleId === 'link-anchor' ? line.lastIndexOf('(', f.column - 1) + 1 || f.column - 1 : f.column - 1;
  const raw = /^[^)\s"'>]*/.exec(line.slice(lineStart))[0];
  if (f.ruleId === 'link-redirect') {
    // A redirect page has no anchors: html-proofer reports the fragment as missing.
    if (raw.includes('#')) doclintSet.add(`${pageUrl} -> ${raw.replace(/\{\{-?\s*site\.baseurl\s*-?\}\}/, baseurl)}`);
    continue;
  }
  const rendered = raw.replace(/\{\{-?\s*site\.baseurl\s*-?\}\}/, baseurl);
  doclintSet.add(`${pageUrl} -> ${rendered}`);
}

// html-proofer names only the fragment of a failing hash link, on any page: compare on that.
const byFragment = (set) => new Set([...set].map((x) => x.replace(/ -> [^#]*#(.*)$/, ' -> #$1')));
const doclintKeys = byFragment(doclintSet);
doclintSet.clear();
for (const key of doclintKeys) doclintSet.add(key);
const both = [...doclintSet].filter((x) => htmlproofer.has(x));
const onlyDoclint = [...doclintSet].filter((x) => !htmlproofer.has(x)).sort();
const onlyProofer = [...htmlproofer].filter((x) => !doclintSet.has(x)).sort();
console.log(`jekyll build ${jekyll.seconds.toFixed(2)} s + html-proofer ${proofer.seconds.toFixed(2)} s = ${(jekyll.seconds + proofer.seconds).toFixed(2)} s`);
console.log(`doclint check (all rules, whole process) ${doclint.seconds.toFixed(2)} s (${((jekyll.seconds + proofer.seconds) / doclint.seconds).toFixed(1)}x faster)`);
console.log(`defects: html-proofer ${htmlproofer.size}, doclint ${doclintSet.size}, both ${both.length}`);
console.log(`\nonly doclint (${onlyDoclint.length}):\n${onlyDoclint.join('\n')}`);
console.log(`\nonly html-proofer (${onlyProofer.length}):\n${onlyProofer.join('\n')}`);
rmSync(work, { recursive: true, force: true });
