/**
 * A lint worker (see worker-protocol.ts): runs pass 1 on its share of a whole-site run, with
 * the same code as a single-threaded run. This file is the worker script of dist/; a bundle
 * (bin/doclint-bundle.mjs, action/main.mjs) is its own worker script (servedAsLintWorker).
 */
import { resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createTagRegistry } from '../parse/tag-registry.js';
import { readJekyllConfig } from '../site/jekyll-config.js';
import { readSource } from '../site/read-source.js';
import { rulesOf } from '../config/custom-rules.js';
import { firstPass, type FirstPass } from './lint-files.js';
import { useBundleAsWorkerScript } from './workers.js';
import { lintWorkerMark, type WorkerJob, type WorkerResult } from './worker-protocol.js';

/**
 * For a bundle's entry point, which is also the script of its lint worker threads: names it as
 * that script, and in a lint worker's thread runs the worker (true: the entry has nothing else to do).
 */
export async function servedAsLintWorker(bundle: string): Promise<boolean> {
  useBundleAsWorkerScript(bundle);
  if (!isLintWorker()) return false;
  await runLintWorker();
  return true;
}

/** True in a thread that a whole-site run started as a lint worker. */
function isLintWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerJob> | null)?.mark === lintWorkerMark;
}

async function runLintWorker(): Promise<void> {
  const { root, config, own } = workerData as WorkerJob;
  const tags = createTagRegistry(config.liquid.tags, config.liquid.helpCenterTags);
  const jekyll = readJekyllConfig(root, config.jekyll.configFiles, config.maxFileSize);
  const context = { config, tags, site: { jekyll, standalone: false } };
  const rules = await rulesOf(config);
  const results = own.map((path): [string, FirstPass] => [path, firstPass(path, readSource(resolve(root, path), config.maxFileSize), context, rules)]);
  parentPort!.postMessage({ type: 'passed', results } satisfies WorkerResult);
}

if (isLintWorker() && import.meta.url.endsWith('/lint-worker.js')) await runLintWorker();
