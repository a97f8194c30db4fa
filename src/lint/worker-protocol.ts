/**
 * What a whole-site run and its lint workers exchange: each worker gets a share of the content
 * files, runs pass 1 on them (read, parse, document rules, facts) and sends back each file's
 * findings and facts. Pass 2 runs on the parent, over every worker's facts.
 */
import type { ResolvedConfig } from '../config/types.js';
import type { FirstPass } from './lint-files.js';

/** Tells a lint worker's thread from any other worker thread of the embedding program. */
export const lintWorkerMark = 'doclint-lint-worker';

export interface WorkerJob {
  mark: typeof lintWorkerMark;
  root: string;
  config: ResolvedConfig;
  /** The content files this worker reads and runs pass 1 on. */
  own: string[];
}

export interface WorkerResult {
  type: 'passed';
  results: [string, FirstPass][];
}
