/**
 * Pass 1 of a whole-site run on this thread and worker threads at once (see worker-protocol.ts).
 * The workers are started as soon as the run knows it wants them, and get ready while it lists
 * and reads the site; this thread does not wait for them: it takes files from the shared counter
 * from the start, and the workers take their part of what is left once ready. Results are the
 * same as a single thread's.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FirstPass, FirstPassRun } from './lint-files.js';
import { lintWorkerMark, nextFileSlot, workerState, type WorkerJob, type WorkerMessage, type WorkerShare } from './worker-protocol.js';

/** Beside this module once built (dist/); absent when running the TypeScript sources or a bundle. */
let workerScript = new URL('./lint-worker.js', import.meta.url);

/** A bundle has no lint-worker.js beside it: it is its own worker script (see servedAsLintWorker). */
export function useBundleAsWorkerScript(bundle: string): void {
  if (!canUseWorkers()) workerScript = new URL(bundle);
}

/**
 * From this many files to pass, `auto` adds a worker per further core (up to 8 threads). Below
 * it a worker costs what it saves: on 2 cores V8's own threads (garbage collection, compiling)
 * already keep the second core busy, so a worker needs ~0.6 s to load instead of ~0.16 s.
 * Measured on 2 cores: the shared corpus (193 files) 1.28-1.39 s on one thread, 1.34-1.38 s on
 * two; 1,795 synthetic articles 2.46 s and 2.61 s; 17,815 articles 20.5 s and 16.0 s.
 */
export const autoWorkersFrom = 8000;

/** How many threads `auto` means for a run passing this many files (1: this one only). */
export function autoThreadCount(files: number): number {
  return files >= autoWorkersFrom ? Math.min(availableParallelism(), 8) : 1;
}

export function canUseWorkers(): boolean {
  return workerScript.protocol === 'file:' && existsSync(fileURLToPath(workerScript));
}

/** Lint workers started for one pass 1: `share` runs it, `close` ends them. */
export class LintWorkers {
  private readonly workers: Worker[];

  constructor(job: Omit<WorkerJob, 'mark' | 'index'>, count: number) {
    this.workers = Array.from({ length: count }, (_, index) => {
      // A young generation larger than a worker's default, where a parse tree dies instead of being
      // promoted: 10x corpus, one worker, 5.15 -> 4.29 s on Node 20 and 3.74 -> 3.04 s on Node 24 (48 -> 96 MB).
      // The main thread's stack depth, so that input nested too deeply for a parser fails the same way on both.
      const worker = new Worker(workerScript, { workerData: { mark: lintWorkerMark, ...job, index } satisfies WorkerJob, resourceLimits: { maxYoungGenerationSizeMb: 96, stackSizeMb: mainStackMb } });
      // A worker that fails is reported by share() (its files are passed here); nothing else listens.
      worker.on('error', () => undefined);
      return worker;
    });
  }

  /**
   * Pass 1 of the files, each taken once from the shared counter by this thread (`passHere`) or
   * a worker; a file a failed worker took is passed here too. `received`: what becomes of a
   * worker's result as it comes (its facts' strings shared with the run's).
   */
  async share(files: readonly string[], readmeIndexes: ReadonlySet<string>, passHere: (file: string) => FirstPass, received: (result: FirstPass) => FirstPass = (result) => result): Promise<FirstPassRun> {
    const slots = new Int32Array(new SharedArrayBuffer(4 * (1 + this.workers.length)));
    const passed = new Map<string, FirstPass>();
    const ended = this.workers.map((worker) => new Promise<void>((resolve) => {
      worker.on('message', (message: WorkerMessage) => (message.type === 'passed' ? passed.set(message.file, received(message.result)) : resolve()));
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    }));
    for (const worker of this.workers) worker.postMessage({ files, readmeIndexes, counters: slots.buffer as SharedArrayBuffer } satisfies WorkerShare);
    const here = new Map<string, FirstPass>();
    let lastTurn = performance.now();
    for (let i = Atomics.add(slots, nextFileSlot, 1); i < files.length; i = Atomics.add(slots, nextFileSlot, 1)) {
      here.set(files[i]!, passHere(files[i]!));
      // The workers' results wait in this thread's queue, serialized, until it takes its turn: taken now and then,
      // they are kept once (their strings shared) instead of piling up (apache/storm's site: 3.9 GB at the peak).
      if (performance.now() - lastTurn > turnEveryMs) {
        await new Promise((resolve) => setImmediate(resolve));
        lastTurn = performance.now();
      }
    }
    const working = this.workers.map((_, index) => Atomics.compareExchange(slots, 1 + index, workerState.ready, workerState.notNeeded) === workerState.working);
    await Promise.all(ended.filter((_, index) => working[index]));
    const results = new Map(files.map((file) => [file, here.get(file) ?? passed.get(file) ?? passHere(file)]));
    return { results, threads: 1 + working.filter(Boolean).length };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** How long this thread passes files before it takes the workers' results in. */
const turnEveryMs = 50;

/** V8's stack limit on the main thread (--stack-size, 984 KB by default) plus the 192 KB Node keeps free in a worker's stack. */
const mainStackMb = (Number(/--stack-size=(\d+)/.exec(process.execArgv.join(' '))?.[1] ?? 984) + 192) / 1024;
