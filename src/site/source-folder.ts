/**
 * Jekyll's `source`: the folder Jekyll reads the site from, when the config names one
 * (`source: src`, as twbs/bootstrap-blog's does; `jekyll build` reads `_config.yml` where it runs,
 * then the site from there). doclint lints that folder. The paths a caller gives (files named on
 * the command line, git's changes) are the config folder's, and are taken into it.
 */
import { statSync } from 'node:fs';
import { normalize, relative, resolve, sep } from 'node:path';
import { isInsideRoot } from './discover.js';
import type { GitChanges } from './git-changes.js';
import type { JekyllConfig } from './jekyll-config.js';

/** The folder Jekyll reads the site from: the config's `source` when it is a folder inside the config's, else the config's own. */
export function jekyllSource(configRoot: string, jekyll: Pick<JekyllConfig, 'raw'>): string {
  const source = jekyll.raw.source;
  return typeof source === 'string' && sourceFolderProblem(configRoot, source) === undefined ? resolve(configRoot, source) : configRoot;
}

/**
 * Why a `source` is not followed: never a folder outside the one linted (`source: /`,
 * `source: ../other`: the config comes from pull requests too), nor one that is not there.
 */
export function sourceFolderProblem(configRoot: string, source: string): string | undefined {
  if (source.trim() === '') return 'is empty';
  if (!isInsideRoot(configRoot, source)) return 'is outside the folder doclint lints (it never reads outside it)';
  try {
    return statSync(resolve(configRoot, source)).isDirectory() ? undefined : 'is not a folder';
  } catch {
    return 'does not exist';
  }
}

export interface SourcePaths {
  /** Named files as the source's: those elsewhere in the config's folder are not the site's (dropped); one outside it stays outside (refused later). */
  files(files: readonly string[]): string[];
  /** git's changes in the source, as its paths. */
  changes(changes: GitChanges | undefined): GitChanges | undefined;
}

export function sourcePaths(configRoot: string, root: string): SourcePaths {
  const prefix = relative(configRoot, root).split(sep).join('/');
  if (prefix === '') return { files: (files) => [...files], changes: (changes) => changes };
  const inSource = (path: string): string | undefined => (path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined);
  return {
    files: (files) =>
      files.flatMap((file) => {
        const path = normalize(file).split(sep).join('/');
        if (!isInsideRoot(configRoot, file)) return [relative(root, resolve(configRoot, file)).split(sep).join('/')];
        return inSource(path) ?? [];
      }),
    changes: (changes) =>
      changes && {
        changed: changes.changed.flatMap((path) => inSource(path) ?? []),
        before: new Map([...changes.before].flatMap(([path, text]) => {
          const inside = inSource(path);
          return inside === undefined ? [] : [[inside, text] as const];
        })),
      },
  };
}
