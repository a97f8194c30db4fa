#!/usr/bin/env node
/**
 * The doclint command: parses arguments, calls the library, prints, sets the exit code.
 * Exit codes: 0 clean or warnings only, 1 errors (or more warnings than --max-warnings),
 * 2 usage, config or internal error (one line on stderr).
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolve } from 'node:path';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { allRules } from '../../rules/index.js';
import { ConfigError, defaultResultCache, loadConfig, overrideRules } from '../config/load.js';
import { parseShard } from '../links/external/shard.js';
import { mergeReports, type JsonReport } from '../report/merge.js';
import { selectPaths } from '../site/discover.js';
import { GitError, repositoryRootOf } from '../site/git-changes.js';
import { lint } from '../lint/lint.js';
import { ResultMemory } from '../lint/result-cache.js';
import { watchRuns } from './watch.js';
import { servedAsLintWorker } from '../lint/lint-worker.js';
import { formatNames, reporters, type FormatName, type ReportInput } from '../report/index.js';
import { countFindings, printable } from '../report/summary.js';
import { version } from '../version.js';

class UsageError extends Error {}

interface OutputArgs {
  format: FormatName;
  output?: string;
  color?: boolean;
}

/** The options every reporting command shares. */
function withOutputOptions<T>(y: Argv<T>) {
  return y
    .option('format', { alias: 'f', choices: formatNames, default: 'stylish' as FormatName, describe: 'Output format' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write the report to a file instead of stdout' })
    .option('color', { type: 'boolean', default: undefined, describe: 'Colour the output (--no-color to disable)' });
}

/** Renders a report in the chosen format to the chosen place (colour only on a terminal). */
function writeReport(args: OutputArgs, input: Omit<ReportInput, 'color' | 'toolVersion'>): void {
  const color = args.color ?? (args.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
  const repositoryRoot = repositoryRootOf(input.root);
  const text = reporters[args.format]({ ...input, color, toolVersion: version, ...(repositoryRoot ? { repositoryRoot } : {}) });
  if (args.output) writeFileSync(resolve(input.cwd, args.output), text);
  else process.stdout.write(text);
}

/** Creates the folder of a report file, and checks that the file can be written there. */
function prepareOutput(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK);
  } catch (error) {
    throw new UsageError(`--output ${path}: cannot write there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/**
 * After running a command's handler, yargs renders that command's whole help text in case the
 * handler asks for it later: 15-25 ms of every run (most of it measuring string widths).
 * No handler here asks for it, so the rendering is skipped (a no-op if yargs stops having it).
 */
function withoutHelpCaching<T>(y: Argv<T>): Argv<T> {
  const usage = (y as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
  return y;
}

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  await withoutHelpCaching(yargs(argv))
    .scriptName('doclint')
    .usage('$0 <command> [options]')
    .command(
      'check [paths..]',
      'Lint the site (or just the given files and globs) and report findings.',
      (y) =>
        withOutputOptions(y)
          .positional('paths', { type: 'string', array: true, describe: 'Files or globs to lint (default: all site content)' })
          .option('root', { type: 'string', default: '.', describe: 'The site root (where _config.yml is)' })
          .option('config', { alias: 'c', type: 'string', describe: 'Config file (default: found in the root)' })
          .option('jekyll-config', { type: 'string', describe: 'Jekyll config files to merge, like jekyll build --config a.yml,b.yml' })
          .option('rule', { type: 'string', array: true, default: [] as string[], describe: 'Override a rule: id:off|warn|error (repeatable)' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Report errors only' })
          .option('max-warnings', { type: 'number', default: -1, describe: 'Exit 1 when there are more warnings than this' })
          .option('fix', { type: 'boolean', default: false, describe: 'Apply certain fixes to the files' })
          .option('external', { type: 'boolean', default: false, describe: 'Also check external links over HTTP (each distinct URL once)' })
          .option('shard', { type: 'string', describe: 'With --external: check only shard i of n (URLs split by host), e.g. 2/4; merge the JSON reports with doclint merge' })
          .option('changed-since', {
            type: 'string',
            describe: 'Lint the files changed since this git revision, and the links elsewhere that point at pages or headings the change removed',
          })
          .option('cache', { type: 'boolean', describe: `Reuse the results of files unchanged since the last run (--no-cache: off even if the config sets it)` })
          .option('cache-location', { type: 'string', describe: `Where the result cache is kept (implies --cache; default ${defaultResultCache}, relative to the root)` })
          .option('workers', {
            type: 'string',
            default: 'auto',
            describe: 'Worker threads for a whole-site run: a number (1: none) or auto (one per core from 8000 content files on)',
          })
          .option('hide-pre-existing', { type: 'boolean', default: false, describe: 'With --changed-since: leave out the findings the base revision already had (they never fail the run)' })
          .option('allow-empty', { type: 'boolean', default: false, describe: 'Succeed when there is nothing to lint (no content file, no path that matches)' })
          .option('print-config', { type: 'boolean', default: false, describe: 'Print the resolved config and exit' })
          .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 'Check again whenever a file under the root changes, until Ctrl-C (only changed files are parsed again)' }),
      async (args) => {
        exitCode = await check(args);
      },
    )
    .command(
      'crawl <target>',
      'Crawl a built site folder or a live URL (linkinator) and report broken links.',
      (y) =>
        withOutputOptions(y)
          .positional('target', { type: 'string', demandOption: true, describe: 'A built site folder (e.g. _site) or a URL' })
          .option('config', { alias: 'c', type: 'string', describe: 'Config file (default: found in the working directory)' })
          .option('skip-external', { type: 'boolean', default: false, describe: 'Check only the links of the crawled site itself (no requests to other hosts)' }),
      async (args) => {
        exitCode = await crawlCommand(args as unknown as CrawlArgs);
      },
    )
    .command(
      'merge <reports..>',
      'Merge doclint JSON reports (e.g. the shards of --shard i/n) into one report.',
      (y) =>
        withOutputOptions(y).positional('reports', { type: 'string', array: true, demandOption: true, describe: 'JSON reports from doclint check --format json' }),
      async (args) => {
        exitCode = merge(args as unknown as MergeArgs);
      },
    )
    .demandCommand(1, 'Name a command: doclint check')
    .strict()
    .version(version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    })
    .parseAsync();
  return exitCode;
}

interface CheckArgs extends OutputArgs {
  paths?: string[];
  root: string;
  config?: string;
  jekyllConfig?: string;
  rule: string[];
  quiet: boolean;
  maxWarnings: number;
  fix: boolean;
  changedSince?: string;
  external: boolean;
  shard?: string;
  workers: string;
  cache?: boolean;
  cacheLocation?: string;
  printConfig: boolean;
  allowEmpty: boolean;
  hidePreExisting: boolean;
  watch: boolean;
}

/** --cache-location and --cache / --no-cache over the config's `cache`. */
function resultCacheOf(args: CheckArgs, configured: string | false): string | false {
  if (args.cache === false) return false;
  if (args.cacheLocation !== undefined) return args.cacheLocation;
  return args.cache ? configured || defaultResultCache : configured;
}

async function check(args: CheckArgs): Promise<number> {
  const cwd = process.cwd();
  const root = resolve(cwd, args.root);
  if (args.changedSince === '') throw new UsageError('--changed-since needs a git revision (e.g. origin/main)');
  // The report's folder is made (and checked) before the run, so a long lint never ends in a lost report.
  if (args.output) prepareOutput(resolve(cwd, args.output));
  if (!args.watch || args.printConfig) return checkOnce(args);
  if (args.fix) throw new UsageError('--watch cannot be combined with --fix: fixes would rewrite files while they are being edited');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--watch: the site root ${printable(root)} is not a folder`);
  // Each run reads the configs again (an edited .doclintrc counts) and parses only the files whose text changed.
  const memory = new ResultMemory();
  let exitCode = 0;
  await watchRuns({
    root,
    ignoredPaths: args.output ? [resolve(cwd, args.output)] : [],
    run: async (changed) => {
      if (changed.length > 0) process.stderr.write(`doclint: ${changed.length === 1 ? printable(changed[0]!) : `${changed.length} paths`} changed: checking again\n`);
      exitCode = await checkOnce(args, memory).catch((error: unknown) => {
        process.stderr.write(errorLine(error));
        return 2;
      });
    },
    waiting: () => process.stderr.write('doclint: watching for changes (Ctrl-C to stop)\n'),
  });
  return exitCode;
}

/** One check: the configs read, the site linted, the report written; the exit code. */
async function checkOnce(args: CheckArgs, memory?: ResultMemory): Promise<number> {
  const cwd = process.cwd();
  const root = resolve(cwd, args.root);
  const loaded = overrideRules(await loadConfig(root, args.config), args.rule);
  // Like every path on the command line, relative to the working directory.
  const withJekyll = args.jekyllConfig ? { ...loaded, jekyll: { ...loaded.jekyll, configFiles: args.jekyllConfig.split(',').map((f) => resolve(cwd, f.trim())) } } : loaded;
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  if (args.shard !== undefined && !shard) throw new UsageError(`--shard ${args.shard}: expected i/n, like 2/4`);
  const withExternal = args.external ? { ...withJekyll, external: { ...withJekyll.external, enabled: true, ...(shard ? { shard } : {}) } } : withJekyll;
  const config = { ...withExternal, cache: resultCacheOf(args, withExternal.cache) };
  const workers = args.workers === 'auto' ? 'auto' : Number(args.workers);
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 1)) throw new UsageError(`--workers ${args.workers}: expected a whole number from 1, or auto`);
  if (args.printConfig) {
    process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }
  let files: string[] | undefined;
  if (args.paths && args.paths.length > 0) {
    const selected = await selectPaths(root, cwd, args.paths, config.ignores);
    for (const path of selected.unmatched) process.stderr.write(`doclint: no lintable file in the site root matches ${printable(path)}\n`);
    if (selected.unmatched.length > 0 && !args.allowEmpty) {
      throw new UsageError(`${selected.unmatched.length === 1 ? 'a path matches' : `${selected.unmatched.length} paths match`} no lintable file in the site root (--allow-empty accepts that)`);
    }
    files = selected.files;
  }
  // A progress line on a terminal only: CI logs stay quiet.
  const progress = process.stderr.isTTY && !process.env.CI;
  const onExternalProgress = (done: number, total: number, host: string): void => {
    process.stderr.write(`\r\u001b[2Kdoclint: checked ${done}/${total} external links (${host})${done === total ? '\n' : ''}`);
  };
  const result = await lint({
    root,
    config,
    fix: args.fix,
    workers,
    ...(files ? { files } : {}),
    ...(args.changedSince !== undefined ? { changedSince: args.changedSince } : {}),
    allowEmpty: args.allowEmpty,
    ...(progress ? { onExternalProgress } : {}),
    ...(memory ? { memory } : {}),
  });
  if (process.env.DOCLINT_DEBUG) process.stderr.write(`doclint: ${result.files.length} files, ${result.reused} from the cache, on ${result.threads} thread(s)\n`);
  if (result.rateLimitedHosts.length > 0) {
    process.stderr.write(`doclint: rate-limited (429) by ${result.rateLimitedHosts.join(', ')}: fewer requests at a time to them (halved on each 429, raised again as they answer)\n`);
  }
  const shown = args.hidePreExisting ? result.findings.filter((f) => !f.preExisting) : result.findings;
  const findings = args.quiet ? shown.filter((f) => f.severity === 'error') : shown;
  writeReport(args, { root: result.root, cwd, fileCount: result.files.length, findings, rules: result.rules });
  if (result.fixedFiles.length > 0) process.stderr.write(`doclint: fixed ${result.fixedFiles.length} file(s)\n`);

  const counts = countFindings(result.findings, result.files.length);
  if (counts.errors > 0) return 1;
  if (args.maxWarnings >= 0 && counts.warnings > args.maxWarnings) return 1;
  return 0;
}

interface CrawlArgs extends OutputArgs {
  target: string;
  config?: string;
  skipExternal: boolean;
}

async function crawlCommand(args: CrawlArgs): Promise<number> {
  const config = await loadConfig(process.cwd(), args.config);
  // Loaded only here: linkinator is the heaviest module and only this command needs it.
  const { crawl } = await import('../crawl/crawl.js');
  const result = await crawl(args.target, config, { skipExternal: args.skipExternal });
  // A crawl that found no page past its start checked nothing: an empty index.html, a wrong folder or URL.
  if (result.pages.length <= 1 && result.findings.length === 0) {
    throw new UsageError(`the crawl of ${printable(args.target)} reached no page beyond its start page: nothing was checked (is it the built site?)`);
  }
  writeReport(args, { root: result.root, cwd: process.cwd(), fileCount: result.pages.length, findings: result.findings, rules: allRules.map((r) => r.meta) });
  return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

interface MergeArgs extends OutputArgs {
  reports: string[];
}

function merge(args: MergeArgs): number {
  const reports = args.reports.map((file) => {
    try {
      return JSON.parse(readFileSync(resolve(file), 'utf8')) as JsonReport;
    } catch (error) {
      throw new UsageError(`${file}: not a readable JSON report (${(error as Error).message.split('\n')[0]})`);
    }
  });
  let merged;
  try {
    merged = mergeReports(reports);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  writeReport(args, { root: merged.root, cwd: process.cwd(), fileCount: merged.files, findings: merged.findings, rules: allRules.map((r) => r.meta) });
  return countFindings(merged.findings, merged.files).errors > 0 ? 1 : 0;
}

/** What stderr says of a failed run: one line (a known kind of error, or an internal one, whose stack DOCLINT_DEBUG adds). */
function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof ConfigError || error instanceof UsageError || error instanceof GitError;
  const stack = !known && process.env.DOCLINT_DEBUG ? `${(error as Error).stack ?? ''}\n` : '';
  return `doclint: ${known ? '' : 'internal error: '}${printable(message.split('\n')[0]!)}\n${stack}`;
}

// The bundle (bin/doclint-bundle.mjs) is also the script of its lint worker threads.
if (!(await servedAsLintWorker(import.meta.url))) {
  // A reader that stops early (`doclint check | head`) fails nothing: the rest is not written, the exit code stays the run's.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  // An error thrown outside the run's promises (in a dependency's event handler) ends the run as any other: one line, exit code 2.
  process.on('uncaughtException', (error) => {
    process.stderr.write(errorLine(error));
    process.exit(2);
  });
  main(hideBin(process.argv)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(errorLine(error));
      process.exitCode = 2;
    },
  );
}
