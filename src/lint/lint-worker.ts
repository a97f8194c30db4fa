/**
 * A lint worker (see worker-protocol.ts): gets ready with the run's settings, then takes files
 * from the shared counter and runs pass 1 on each, with the same code as a single-threaded run.
 * This file is the worker script of dist/; a bundle (bin/doclint-bundle.mjs, action/main.mjs) is
 * its own worker script (servedAsLintWorker).
 */
import { resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createTagRegistry } from '../parse/tag-registry.js';
import { readJekyllConfig } from '../site/jekyll-config.js';
import { readSource } from '../site/read-source.js';
import { rulesOf } from '../config/custom-rules.js';
import { firstPass } from './lint-files.js';
import { useBundleAsWorkerScript } from './workers.js';
import { lintWorkerMark, nextFileSlot, workerState, type WorkerJob, type WorkerMessage, type WorkerShare } from './worker-protocol.js';

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
  const { root, configRoot, config, markdownReading, pluginPageKeys, index } = workerData as WorkerJob;
  const tags = createTagRegistry(config.liquid.tags, config.liquid.helpCenterTags);
  const jekyll = { ...readJekyllConfig(configRoot, config.jekyll.configFiles, config.maxFileSize), markdownReading, pluginPageKeys };
  const rules = await rulesOf(config);
  const port = parentPort!;
  port.once('message', ({ files, readmeIndexes, counters }: WorkerShare) => {
    const context = { config, tags, site: { jekyll, standalone: false, readmeIndexes } };
    const slots = new Int32Array(counters);
    const send = (message: WorkerMessage): void => port.postMessage(message);
    // Too late: the run's thread took every file and does not wait for this one.
    if (Atomics.compareExchange(slots, 1 + index, workerState.ready, workerState.working) !== workerState.ready) return;
    for (let i = Atomics.add(slots, nextFileSlot, 1); i < files.length; i = Atomics.add(slots, nextFileSlot, 1)) {
      const file = files[i]!;
      send({ type: 'passed', file, result: firstPass(file, readSource(resolve(root, file), config.maxFileSize), context, rules) });
    }
    send({ type: 'done' });
  });
}

if (isLintWorker() && import.meta.url.endsWith('/lint-worker.js')) await runLintWorker();
