/**
 * The GitHub Action's entry point (bundled into action/main.mjs, which action.yml runs on
 * node24): inputs from INPUT_* as GitHub passes them, findings as annotations on the diff
 * (within GitHub's per-step limits, the rest summarised), a job summary, a SARIF file for
 * code scanning, outputs, the exit code chosen by `fail-on`, and with `cache` the result cache
 * (or with `external` the external-link cache) restored from and saved to the GitHub cache
 * service when it is available.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isFeatureAvailable, restoreCache, saveCache } from '@actions/cache';
import { dirname, resolve } from 'node:path';
import { defaultResultCache, loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { lint } from '../lint/lint.js';
import { servedAsLintWorker } from '../lint/lint-worker.js';
import { escapeData } from '../report/github.js';
import { reporters } from '../report/index.js';
import { countFindings } from '../report/summary.js';
import { selectPaths } from '../site/discover.js';
import { repositoryRootOf } from '../site/git-changes.js';
import type { Finding } from '../types.js';
import { version } from '../version.js';

/** GitHub shows at most 10 error and 10 warning annotations of a step. */
const annotationsPerSeverity = 10;

/** An input as @actions/core reads it: INPUT_ + the name upper-cased, spaces as underscores. */
function input(name: string, fallback = ''): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

/** Exactly what @actions/core's getBooleanInput accepts (YAML 1.2 core schema booleans); anything else fails the step. */
function booleanInput(name: string): boolean {
  const value = input(name, 'false');
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new Error(`Input ${name}: "${value}" is not a boolean (true or false)`);
}

function setOutput(name: string, value: string | number): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, `${name}=${value}\n`);
}

/** The base commit of the pull request that triggered the run, if any. */
function pullRequestBase(): string | undefined {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: { base?: { sha?: string } } };
    return event.pull_request?.base?.sha;
  } catch {
    return undefined;
  }
}

async function run(): Promise<number> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const root = resolve(workspace, input('root', '.'));
  // A doclint.config.mjs in the checked-out head is code from the pull request: not run unless trusted.
  const loaded = await loadConfig(root, input('config') ? resolve(workspace, input('config')) : undefined, { allowCode: booleanInput('trust-config-code') });
  const jekyllConfig = input('jekyll-config');
  const withJekyll = jekyllConfig ? { ...loaded, jekyll: { ...loaded.jekyll, configFiles: jekyllConfig.split(',').map((f) => resolve(workspace, f.trim())) } } : loaded;
  const withExternal = booleanInput('external') ? { ...withJekyll, external: { ...withJekyll.external, enabled: true } } : withJekyll;
  const config = booleanInput('cache') && withExternal.cache === false ? { ...withExternal, cache: defaultResultCache } : withExternal;
  const failOn = input('fail-on', 'error');
  if (!['error', 'warning', 'never'].includes(failOn)) throw new Error(`fail-on must be error, warning or never, not "${failOn}"`);

  const paths = input('paths').split(/\s+/).filter(Boolean);
  const allowEmpty = booleanInput('allow-empty');
  const selected = paths.length > 0 ? await selectPaths(root, workspace, paths, config.ignores) : undefined;
  if (selected && selected.unmatched.length > 0 && !allowEmpty) {
    throw new Error(`paths: ${selected.unmatched.join(', ')} match no lintable file in the site root (set allow-empty: true to accept that)`);
  }
  const files = selected?.files;
  let changedSince: string | undefined;
  if (booleanInput('changed-only')) {
    changedSince = pullRequestBase();
    if (!changedSince) process.stdout.write('::notice title=doclint::changed-only needs a pull_request event: linting the whole site.\n');
  }
  const kept = booleanInput('cache') ? keptCache(config, root) : undefined;
  if (kept) await restoreKept(kept);
  const result = await lint({ root, config, allowEmpty, ...(files ? { files } : {}), ...(changedSince ? { changedSince } : {}) });
  if (kept) await saveKept(kept);
  // Shown when the workflow runs with debug logging.
  process.stdout.write(`::debug::doclint linted ${result.files.length} files, ${result.reused} of them from the result cache, on ${result.threads} thread(s)\n`);
  if (result.rateLimitedHosts.length > 0) {
    process.stdout.write(`::notice title=doclint::Rate-limited (429) by ${result.rateLimitedHosts.join(', ')}: fewer requests at a time to them (halved on each 429, raised again as they answer).\n`);
  }
  const repositoryRoot = repositoryRootOf(root) ?? workspace;
  const reportInput = { root: result.root, repositoryRoot, cwd: workspace, fileCount: result.files.length, findings: result.findings, rules: result.rules, toolVersion: version };

  annotate(reporters.github, result.findings, reportInput);
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) appendFileSync(summary, reporters.markdown(reportInput));
  const sarifFile = input('sarif-file', 'doclint.sarif');
  if (sarifFile !== 'false') {
    mkdirSync(dirname(resolve(workspace, sarifFile)), { recursive: true });
    writeFileSync(resolve(workspace, sarifFile), reporters.sarif(reportInput));
  }

  const counts = countFindings(result.findings, result.files.length);
  setOutput('errors', counts.errors);
  setOutput('warnings', counts.warnings);
  setOutput('files', counts.files);
  setOutput('sarif-file', sarifFile === 'false' ? '' : sarifFile);
  if (failOn === 'error' && counts.errors > 0) return 1;
  if (failOn === 'warning' && counts.errors + counts.warnings > 0) return 1;
  return 0;
}

/** A file kept between runs in the GitHub cache service. */
interface KeptCache {
  file: string;
  /** Entries are immutable: each run saves under prefix + run id and restores the newest by prefix. */
  prefix: string;
  name: string;
}

/** What this run reuses: the external-link cache when it checks external links, else the result cache (a changed-files run takes the other files' facts from it). */
function keptCache(config: ResolvedConfig, root: string): KeptCache | undefined {
  if (config.external.enabled) {
    return config.external.cache === false ? undefined : { file: resolve(root, config.external.cache), prefix: 'doclint-external-', name: 'external-link cache' };
  }
  if (config.cache === false) return undefined;
  return { file: resolve(root, config.cache), prefix: 'doclint-results-', name: 'result cache' };
}

async function restoreKept({ file, prefix, name }: KeptCache): Promise<void> {
  if (!isFeatureAvailable()) {
    process.stdout.write(`::notice title=doclint::The GitHub cache service is not available here: the ${name} starts empty.\n`);
    return;
  }
  try {
    await restoreCache([file], `${prefix}${process.env.GITHUB_RUN_ID ?? 'local'}`, [prefix]);
  } catch (error) {
    process.stdout.write(`::warning title=doclint::${escapeData(`Could not restore the ${name}: ${(error as Error).message}`)}\n`);
  }
}

async function saveKept({ file, prefix, name }: KeptCache): Promise<void> {
  if (!isFeatureAvailable() || !existsSync(file)) return;
  try {
    await saveCache([file], `${prefix}${process.env.GITHUB_RUN_ID ?? 'local'}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`);
  } catch (error) {
    process.stdout.write(`::warning title=doclint::${escapeData(`Could not save the ${name}: ${(error as Error).message}`)}\n`);
  }
}

/** The first findings of each severity as annotations, then one notice for the rest. */
function annotate(github: (typeof reporters)['github'], findings: readonly Finding[], base: Parameters<typeof github>[0]): void {
  // The per-step limits are spent on what the pull request introduced; pre-existing findings are in the summary and SARIF.
  const errors = findings.filter((f) => f.severity === 'error' && !f.preExisting);
  const warnings = findings.filter((f) => f.severity === 'warning' && !f.preExisting);
  const shown = [...errors.slice(0, annotationsPerSeverity), ...warnings.slice(0, annotationsPerSeverity)];
  process.stdout.write(github({ ...base, findings: shown }));
  const rest = errors.length + warnings.length - shown.length;
  if (rest > 0) {
    process.stdout.write(`::notice title=doclint::${rest} more finding${rest === 1 ? '' : 's'} than GitHub annotates in one step: see the job summary and the SARIF file.\n`);
  }
  const preExisting = findings.length - errors.length - warnings.length;
  if (preExisting > 0) {
    process.stdout.write(`::notice title=doclint::${preExisting} finding${preExisting === 1 ? ' was' : 's were'} there before this pull request (not counted): see the job summary.\n`);
  }
}

// The bundle (action/main.mjs) is also the script of its lint worker threads.
if (!(await servedAsLintWorker(import.meta.url)))
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stdout.write(`::error title=doclint::${escapeData((error instanceof Error ? error.message : String(error)).split('\n')[0]!)}\n`);
      process.exitCode = 2;
    },
  );
