/**
 * Pass 1 of a whole-site run spread over worker threads (see worker-protocol.ts): the content
 * files are dealt out round-robin, each worker reads, parses and runs pass 1 on its share, and
 * sends back findings and facts. Results are the same as a single thread's.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FirstPassRun } from './lint-files.js';
import { lintWorkerMark, type WorkerJob, type WorkerResult } from './worker-protocol.js';

/** Beside this module once built (dist/); absent when running the TypeScript sources or a bundle. */
let workerScript = new URL('./lint-worker.js', import.meta.url);

/** A bundle has no lint-worker.js beside it: it is its own worker script (see servedAsLintWorker). */
export function useBundleAsWorkerScript(bundle: string): void {
  if (!canUseWorkers()) workerScript = new URL(bundle);
}

/**
 * Below this many content files, starting workers costs more than it saves: on 2 cores, 5,340
 * synthetic articles take 6.3 s either way, 10,680 take 10.4 s with workers and 12.2 s without.
 */
export const autoWorkersFrom = 8000;

/** How many workers `auto` means for a site of this many content files (1: none). */
export function autoWorkerCount(contentFiles: number): number {
  return contentFiles >= autoWorkersFrom ? Math.min(availableParallelism(), 8) : 1;
}

export function canUseWorkers(): boolean {
  return workerScript.protocol === 'file:' && existsSync(fileURLToPath(workerScript));
}

export async function firstPassInWorkers(job: Omit<WorkerJob, 'own' | 'mark'>, content: readonly string[], count: number): Promise<FirstPassRun> {
  const sizes = fileSizes(job.root, content);
  const channels = Array.from({ length: count }, (_, i) => {
    const own = content.filter((_, j) => j % count === i);
    return new WorkerChannel({ mark: lintWorkerMark, ...job, own }, heapLimitMb(own.reduce((sum, path) => sum + (sizes.get(path) ?? 0), 0)));
  });
  try {
    const shares = await Promise.all(channels.map((channel) => channel.result));
    return { results: new Map(shares.flatMap((share) => share.results)), threads: count };
  } finally {
    await Promise.all(channels.map((channel) => channel.close()));
  }
}

/**
 * A worker's old-generation cap, set only for a large share: room for its texts and what
 * linting them keeps (measured: about 3.5 times the bytes). Without it each heap grows to
 * several times what it holds (2.2 GB for the 100x corpus instead of 0.96 GB); with it V8
 * collects more often, which costs ~20% on smaller shares, so they run uncapped. A worker that
 * still runs out ends the parallel run, and the run is done again on one thread.
 */
function heapLimitMb(bytes: number): number | undefined {
  const mb = bytes / 2 ** 20;
  return mb < 24 ? undefined : Math.ceil(160 + 3.5 * mb);
}

/** V8's stack limit on the main thread (--stack-size, 984 KB by default) plus the 192 KB Node keeps free in a worker's stack. */
const mainStackMb = (Number(/--stack-size=(\d+)/.exec(process.execArgv.join(' '))?.[1] ?? 984) + 192) / 1024;

function fileSizes(root: string, files: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const file of files) {
    const info = statSync(resolve(root, file), { throwIfNoEntry: false });
    if (info) sizes.set(file, info.size);
  }
  return sizes;
}

/** One worker and the one message it sends; a crash or early exit rejects it. */
class WorkerChannel {
  private readonly worker: Worker;
  readonly result: Promise<WorkerResult>;

  constructor(job: WorkerJob, maxOldGenerationSizeMb: number | undefined) {
    // A young generation larger than a worker's default, where a parse tree dies instead of being
    // promoted: 10x corpus, one worker, 5.15 -> 4.29 s on Node 20 and 3.74 -> 3.04 s on Node 24 (48 -> 96 MB).
    // The main thread's stack depth, so that input nested too deeply for a parser fails the same way on both.
    const resourceLimits = { maxYoungGenerationSizeMb: 96, stackSizeMb: mainStackMb, ...(maxOldGenerationSizeMb ? { maxOldGenerationSizeMb } : {}) };
    this.worker = new Worker(workerScript, { workerData: job, resourceLimits });
    this.result = new Promise((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`a lint worker exited early (code ${code})`)));
    });
    // Awaited with the others; a failure must not also surface as an unhandled rejection.
    this.result.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
