import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../src/config/load.js';
import type { ResolvedConfig } from '../src/config/types.js';
import { parseDocument } from '../src/parse/document.js';
import { createTagRegistry } from '../src/parse/tag-registry.js';
import { lintFile } from '../src/lint/lint-files.js';
import type { LintContext } from '../src/lint/lint-files.js';
import { listSiteFiles, selectContent } from '../src/site/discover.js';
import { readJekyllConfig } from '../src/site/jekyll-config.js';
import { buildSiteIndex } from '../src/site/site-index.js';
import type { Document, Finding } from '../src/types.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cliPath = join(repoRoot, 'dist/src/cli/main.js');
export const exampleSite = join(repoRoot, 'fixtures/example-site');

export const defaultTags = createTagRegistry();

export function parse(text: string, path = 'doc.md'): Document {
  return parseDocument(path, text, defaultTags);
}

/** The shared run context for a site folder (or no site at all), with extra in-memory files added to it. */
export async function siteContext(config: ResolvedConfig = resolveConfig({}), siteDir?: string, extra: ReadonlyMap<string, string> = new Map()): Promise<LintContext> {
  const tags = createTagRegistry(config.liquid.tags, config.liquid.helpCenterTags);
  const jekyll = readJekyllConfig(siteDir ?? repoRoot, siteDir ? config.jekyll.configFiles : []);
  if (!siteDir) return { config, tags, site: buildSiteIndex(jekyll, new Set(), new Map(), tags) };
  const files = await listSiteFiles(siteDir);
  const texts = new Map(selectContent(files, jekyll, config.ignores).map((f) => [f, readFileSync(join(siteDir, f), 'utf8')]));
  for (const [path, text] of extra) {
    files.add(path);
    texts.set(path, text);
  }
  return { config, tags, site: buildSiteIndex(jekyll, files, texts, tags) };
}

const noSite = await siteContext();

/** Lints a string as the file `path`, with no site around it unless a context is given. */
export function lintString(text: string, config?: ResolvedConfig, path = 'doc.md', context: LintContext = noSite): Finding[] {
  return lintFile(path, text, config ? { ...context, config, tags: createTagRegistry(config.liquid.tags, config.liquid.helpCenterTags) } : context);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the BUILT command as a process (npm test builds first). */
export function runCli(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A throwaway copy of a fixture folder (or an empty folder); removed by the returned cleanup. */
export function tempCopy(source?: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'doclint-test-'));
  if (source) cpSync(source, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A custom rule that holds each thread of a run at its first document until every one of
 * `workers` lint workers has taken one, so that a run's files are spread over its workers
 * however slowly they load. Written into the site, with a folder of its own per run (a
 * `.`-folder: not part of the site); the run gets `env` (without it, the rule does nothing).
 */
export function threadBarrier(site: string, workers: number): { rule: string; env: NodeJS.ProcessEnv } {
  writeFileSync(join(site, 'thread-barrier.mjs'), `import { readdirSync, writeFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';
const folder = process.env.DOCLINT_TEST_BARRIER;
let waited = false;
export default {
  meta: { id: 'thread-barrier', description: 'Test only: spreads files over every worker.', severity: 'warning', fixable: false },
  check() {
    if (!folder || waited) return;
    waited = true;
    if (!isMainThread) writeFileSync(folder + '/' + threadId, '');
    const until = Date.now() + 60000;
    while (readdirSync(folder).length < Number(process.env.DOCLINT_TEST_WORKERS) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  },
};
`);
  return { rule: './thread-barrier.mjs', env: { DOCLINT_TEST_BARRIER: mkdtempSync(join(site, '.barrier-')), DOCLINT_TEST_WORKERS: String(workers) } };
}
