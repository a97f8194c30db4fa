/**
 * The library as the package runs it (`bin/library.mjs`, bundled beside the CLI, so that a git
 * install works without a build): the API of index.ts, with the CLI bundle next to it as the
 * script of the lint worker threads.
 */
import { useBundleAsWorkerScript } from './lint/workers.js';

useBundleAsWorkerScript(new URL('./doclint-bundle.mjs', import.meta.url).href);

export * from './index.js';
