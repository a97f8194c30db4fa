/**
 * A lint worker (see worker-protocol.ts): reads and lints its share of a whole-site run. It
 * runs the same code as a single-threaded run, with the site's front matter and other pages'
 * anchors given by the other workers through the parent. This file is the worker script of
 * dist/; a bundle (bin/doclint-bundle.mjs, action/main.mjs) is its own worker script (servedAsLintWorker).
 */
import { once } from 'node:events';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createTagRegistry } from '../parse/tag-registry.js';
import { readJekyllConfig } from '../site/jekyll-config.js';
import { buildSiteIndex, readSiteFrontMatter } from '../site/site-index.js';
import type { Finding } from '../types.js';
import { anchorsResult } from './anchor-requests.js';
import { LintBatch, readableTexts, readAll } from './lint-files.js';
import { useBundleAsWorkerScript } from './workers.js';
import { lintWorkerMark, type FromWorker, type ToWorker, type WorkerJob } from './worker-protocol.js';

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
  const port = parentPort!;
  const post = (message: FromWorker): void => port.postMessage(message);
  const receive = async <T extends ToWorker['type']>(type: T): Promise<Extract<ToWorker, { type: T }>> => {
    const [message] = (await once(port, 'message')) as [ToWorker];
    if (message.type !== type) throw new Error(`lint worker: expected ${type}, got ${message.type}`);
    return message as Extract<ToWorker, { type: T }>;
  };

  const { root, config, siteFiles, own } = workerData as WorkerJob;
  const tags = createTagRegistry(config.liquid.tags, config.liquid.helpCenterTags);
  const jekyll = readJekyllConfig(root, config.jekyll.configFiles, config.maxFileSize);
  const sources = readAll(root, own, config.maxFileSize);
  const texts = readableTexts(sources, own);
  const ownFrontMatter = readSiteFrontMatter(texts);
  post({ type: 'front-matter', frontMatter: [...ownFrontMatter.data] });

  const { frontMatter } = await receive('index');
  const site = buildSiteIndex(jekyll, new Set(siteFiles), texts, tags, { frontMatter: { data: new Map(frontMatter), parsed: ownFrontMatter.parsed }, keepDocuments: 2 });
  const readable = [...texts.keys()];
  const batch = new LintBatch({ config, tags, site }, [], { sources, texts });
  for (const path of own) batch.add(path, sources.get(path)!);
  post({ type: 'linted', anchors: readable.map((path) => [path, anchorsResult(site, path)]), pending: batch.pending() });

  const answers = new Map((await receive('anchors')).answers);
  const fileFindings = batch.finish((path) => () => {
    const answer = answers.get(path) ?? null;
    if (answer && 'error' in answer) throw new Error(answer.error);
    return answer ?? undefined;
  });
  post({ type: 'findings', findings: fileFindings.flat() satisfies Finding[] });
}

if (isLintWorker() && import.meta.url.endsWith('/lint-worker.js')) await runLintWorker();
