/**
 * `doclint check --watch`: the check again whenever a file under the site root changes, until
 * Ctrl-C. Changes that come together (a save, a `git checkout`) make one run; a change during a
 * run makes one more run after it.
 */
import { relative, sep } from 'node:path';
import { isAlwaysIgnored } from '../site/discover.js';

/** How long after a change the run waits for the changes that come with it. */
const settleMs = 30;

/** Editors' swap, backup and lock files (vim's `.a.md.swp` and `4913`, `a.md~`, Emacs's `#a.md#` and `.#a.md`, JetBrains' `a.md___jb_tmp___`): no file of the site. */
const editorFile = /(?:^|\/)(?:\.[^/]*\.sw[a-p]|[^/]*~|#[^/]*#|\.#[^/]*|4913|[^/]*___jb_(?:tmp|old)___|\.DS_Store)$/;

export interface WatchOptions {
  /** The folder to watch (the site root). */
  root: string;
  /** Absolute paths whose changes start no run (the report file the runs write). */
  ignoredPaths: readonly string[];
  /** One run (it reports its own failures: it never rejects); told the root-relative paths that changed since the last (none for the first). */
  run: (changed: readonly string[]) => Promise<void>;
  /** Told when the runs wait for the next change. */
  waiting: () => void;
}

/** Runs, then runs again on changes; resolves once SIGINT or SIGTERM has stopped the watching and the run under way has ended. */
export async function watchRuns({ root, ignoredPaths, run, waiting }: WatchOptions): Promise<void> {
  // chokidar is loaded only here: a plain check needs none of it.
  const { watch } = await import('chokidar');
  const ignored = new Set(ignoredPaths);
  const changed = new Set<string>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  let ready: Promise<void> | undefined;
  const runNow = (paths: readonly string[]): void => {
    running = run(paths).then(async () => {
      // The first run goes while the watcher reads the tree; it waits only when both are done.
      await ready;
      running = undefined;
      if (stopped) return;
      if (changed.size > 0) schedule();
      else waiting();
    });
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running || stopped) return;
      const paths = [...changed].sort();
      changed.clear();
      runNow(paths);
    }, settleMs);
  };

  const watcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    // Generated output and tools' folders (_site, node_modules, .git, …) are never the site's source; an editor's own files start no run.
    ignored: (path) => {
      const inRoot = relative(root, path).split(sep).join('/');
      return ignored.has(path) || isAlwaysIgnored(inRoot) || editorFile.test(inRoot);
    },
  });
  watcher.on('all', (_event, path) => {
    changed.add(relative(root, path).split(sep).join('/'));
    if (!running) schedule();
  });
  // A folder that cannot be watched (permissions, too many inotify watches) is said once; the others are still watched.
  watcher.on('error', (error) => process.stderr.write(`doclint: watching: ${(error as Error).message}\n`));
  ready = new Promise<void>((done) => watcher.once('ready', () => done()));
  runNow([]);

  await new Promise<void>((stop) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stop();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  stopped = true;
  clearTimeout(timer);
  await watcher.close();
  await running;
}
