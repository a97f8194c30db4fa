/**
 * What a whole-site run and its lint workers exchange. A worker starts with the run's settings
 * and gets ready (loads the code, reads the Jekyll config) while the run lists the site; then it
 * gets the files of pass 1 and a counter it shares with the run's own thread and the other
 * workers: each thread takes the next file from it, so none waits for a share dealt out in
 * advance. A worker sends each file's findings and facts as it finishes the file; pass 2 runs on
 * the run's own thread, over every thread's facts.
 */
import type { MarkdownReading } from '../parse/document.js';
import type { ResolvedConfig } from '../config/types.js';
import type { FirstPass } from './lint-files.js';

/** Tells a lint worker's thread from any other worker thread of the embedding program. */
export const lintWorkerMark = 'doclint-lint-worker';

export interface WorkerJob {
  mark: typeof lintWorkerMark;
  /** Where the files are read from (Jekyll's source), and where the Jekyll config files are. */
  root: string;
  configRoot: string;
  config: ResolvedConfig;
  /** How pages are read, the site's own converters' rewrites included (read from its plugins). */
  markdownReading: MarkdownReading;
  /** The page variables the site's plugins set. */
  pluginPageKeys: string[];
  /** The worker's place in the shared counters (see Counters). */
  index: number;
}

/**
 * Int32 slots over a SharedArrayBuffer: slot 0 is the index of the next file to take; slot
 * 1 + i is worker i's state. A worker that is still getting ready when the files run out is
 * not waited for: the run's thread and the worker race to set its state once.
 */
export const nextFileSlot = 0;
export const workerState = { ready: 0, working: 1, notNeeded: 2 } as const;

/** To a worker: the files of pass 1 and the shared counters. */
export interface WorkerShare {
  files: readonly string[];
  readmeIndexes: ReadonlySet<string>;
  counters: SharedArrayBuffer;
}

/** From a worker: one file's pass 1, then `done` once the counter has run out. */
export type WorkerMessage = { type: 'passed'; file: string; result: FirstPass } | { type: 'done' };
