/**
 * The messages between a whole-site run and its lint workers. Each worker owns a share of the
 * content files: it reads them, gives their front matter, gets the whole site's front matter
 * back (every worker needs every URL), lints its share, gives its pages' anchors and the pages
 * whose anchors it still needs, gets those back, and gives its findings.
 */
import type { ResolvedConfig } from '../config/types.js';
import type { AnchorsResult } from './anchor-requests.js';
import type { Finding } from '../types.js';

/** Tells a lint worker's thread from any other worker thread of the embedding program. */
export const lintWorkerMark = 'doclint-lint-worker';

export interface WorkerJob {
  mark: typeof lintWorkerMark;
  root: string;
  config: ResolvedConfig;
  /** Every file of the site (the index needs static files too). */
  siteFiles: string[];
  /** The content files this worker reads and lints. */
  own: string[];
}


export type ToWorker =
  /** Every content file's front matter values, in the site's file order. */
  | { type: 'index'; frontMatter: [string, Record<string, unknown>][] }
  /** The anchors of the pages the worker asked for. */
  | { type: 'anchors'; answers: [string, AnchorsResult][] };

export type FromWorker =
  | { type: 'front-matter'; frontMatter: [string, Record<string, unknown>][] }
  | { type: 'linted'; anchors: [string, AnchorsResult][]; pending: string[] }
  | { type: 'findings'; findings: Finding[] };
