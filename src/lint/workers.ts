/**
 * A whole-site run spread over worker threads (see worker-protocol.ts): the content files are
 * dealt out round-robin, each worker reads, parses and lints its share, and this side only
 * passes front matter and anchors between them. Findings are the same as a single thread's.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../types.js';
import type { AnchorsResult } from './anchor-requests.js';
import { lintWorkerMark, type FromWorker, type ToWorker, type WorkerJob } from './worker-protocol.js';

/** Beside this module once built (dist/); absent when running the TypeScript sources or a bundle. */
let workerScript = new URL('./lint-worker.js', import.meta.url);

/** A bundle has no lint-worker.js beside it: it is its own worker script (see servedAsLintWorker). */
export function useBundleAsWorkerScript(bundle: string): void {
  if (!canUseWorkers()) workerScript = new URL(bundle);
}

/** Below this many content files, starting workers costs more than it saves (bench/README.md). */
export const autoWorkersFrom = 1000;

/** How many workers `auto` means for a site of this many content files (1: none). */
export function autoWorkerCount(contentFiles: number): number {
  return contentFiles >= autoWorkersFrom ? Math.min(availableParallelism(), 8) : 1;
}

export function canUseWorkers(): boolean {
  return workerScript.protocol === 'file:' && existsSync(fileURLToPath(workerScript));
}

export interface ParallelResult {
  findings: Finding[];
  /** The workers that linted. */
  threads: number;
  /** What the workers found while linting, for the result cache: each page's front matter values and anchors. */
  frontMatter: Map<string, Record<string, unknown>>;
  anchors: Map<string, AnchorsResult>;
}

export async function lintInWorkers(job: Omit<WorkerJob, 'own' | 'mark'>, content: readonly string[], count: number): Promise<ParallelResult> {
  const sizes = fileSizes(job.root, content);
  const channels = Array.from({ length: count }, (_, i) => {
    const own = content.filter((_, j) => j % count === i);
    return new WorkerChannel({ mark: lintWorkerMark, ...job, own }, heapLimitMb(own.reduce((sum, path) => sum + (sizes.get(path) ?? 0), 0)));
  });
  try {
    const shares = await Promise.all(channels.map((channel) => channel.receive('front-matter')));
    const values = new Map(shares.flatMap((share) => share.frontMatter));
    // In the site's file order, as a single thread indexes them (which of two clashing URLs wins depends on it).
    const frontMatter = content.flatMap((path): [string, Record<string, unknown>][] => (values.has(path) ? [[path, values.get(path)!]] : []));
    for (const channel of channels) channel.send({ type: 'index', frontMatter });
    const linted = await Promise.all(channels.map((channel) => channel.receive('linted')));
    const anchors = new Map(linted.flatMap((share) => share.anchors));
    channels.forEach((channel, i) => {
      const answers = linted[i]!.pending.map((path): [string, AnchorsResult] => [path, anchors.get(path) ?? null]);
      channel.send({ type: 'anchors', answers });
    });
    const results = await Promise.all(channels.map((channel) => channel.receive('findings')));
    return { findings: results.flatMap((result) => result.findings), threads: count, frontMatter: values, anchors };
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

/** One worker, read as a sequence of messages; a crash or early exit rejects what is awaited. */
class WorkerChannel {
  private readonly worker: Worker;
  private readonly inbox: FromWorker[] = [];
  private waiting: { resolve: (message: FromWorker) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(job: WorkerJob, maxOldGenerationSizeMb: number | undefined) {
    // A young generation larger than a worker's default, where a parse tree dies instead of being
    // promoted: 10x corpus, one worker, 5.15 -> 4.29 s on Node 20 and 3.74 -> 3.04 s on Node 24 (48 -> 96 MB).
    // The main thread's stack depth, so that input nested too deeply for a parser fails the same way on both.
    const resourceLimits = { maxYoungGenerationSizeMb: 96, stackSizeMb: mainStackMb, ...(maxOldGenerationSizeMb ? { maxOldGenerationSizeMb } : {}) };
    this.worker = new Worker(workerScript, { workerData: job, resourceLimits });
    this.worker.on('message', (message: FromWorker) => {
      if (this.waiting) this.take().resolve(message);
      else this.inbox.push(message);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`a lint worker exited early (code ${code})`)));
  }

  async receive<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    const message = this.inbox.shift() ?? (await this.next());
    if (message.type !== type) throw new Error(`a lint worker sent ${message.type}, expected ${type}`);
    return message as Extract<FromWorker, { type: T }>;
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    await this.worker.terminate();
  }

  private next(): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private take(): NonNullable<WorkerChannel['waiting']> {
    const waiting = this.waiting!;
    this.waiting = undefined;
    return waiting;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    if (this.waiting) this.take().reject(this.failure);
  }
}
