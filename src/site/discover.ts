/**
 * Finds the site's content files the way Jekyll reads them: Markdown pages outside
 * `_`/`.` folders, documents of every collection in `_<name>/`, minus Jekyll's `exclude`
 * and doclint's `ignores`. Explicit paths (pre-commit, --changed files) narrow what is
 * linted, never what the site index sees.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { globMatcher } from './glob-matcher.js';
import type { JekyllConfig } from './jekyll-config.js';

/** Never part of the site source, whatever the config says. */
const alwaysIgnored = ['**/node_modules/**', '_site/**', '**/.git/**', 'vendor/**', '.jekyll-cache/**', '.sass-cache/**'];

/** Every file of the site source (root-relative, forward slashes), generated output excluded. */
export async function listSiteFiles(root: string): Promise<Set<string>> {
  return new Set(await glob('**/*', { cwd: root, dot: true, ignore: alwaysIgnored, followSymbolicLinks: false }));
}

/** The content files among the site's files: what `doclint check` lints by default. */
export function selectContent(files: Iterable<string>, jekyll: JekyllConfig, ignores: readonly string[]): string[] {
  const extensions = new Set(jekyll.markdownExtensions.map((e) => `.${e}`));
  const collectionFolders = new Set(jekyll.collections.map((c) => `_${c.name}`).concat('_drafts'));
  const excluded = globMatcher(jekyll.exclude.flatMap((e) => [e, `${e.replace(/\/$/, '')}/**`]));
  const included = globMatcher(jekyll.include);
  const ignored = globMatcher(ignores);
  return [...files]
    .filter((file) => {
      const dot = file.lastIndexOf('.');
      if (dot === -1 || !extensions.has(file.slice(dot))) return false;
      const segments = file.split('/');
      const hidden = segments.slice(0, -1).some((s, i) => (s.startsWith('_') && !(i === 0 && collectionFolders.has(s))) || s.startsWith('.'));
      const hiddenName = /^[._#~]/.test(segments.at(-1)!) && !included(file);
      return !hidden && !hiddenName && !excluded(file) && !ignored(file);
    })
    .sort();
}

export interface SelectedPaths {
  files: string[];
  /** Paths given that are outside the root or match nothing: told to the user, not linted. */
  unmatched: string[];
}

/** Resolves explicit file and glob arguments (relative to cwd) to root-relative files. */
export async function selectPaths(root: string, cwd: string, paths: readonly string[], ignores: readonly string[]): Promise<SelectedPaths> {
  const isIgnored = globMatcher([...alwaysIgnored, ...ignores]);
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const matches = existsSync(absolute)
      ? statSync(absolute).isDirectory()
        ? (await glob('**/*', { cwd: absolute, absolute: true, dot: true, ignore: alwaysIgnored })).filter((f) => /\.(md|markdown|mkdn|mkd|mkdown)$/.test(f))
        : [absolute]
      : await glob(path, { cwd, absolute: true, dot: true });
    const inside = matches.map((m) => relative(root, m)).filter((r) => r !== '' && !r.startsWith('..') && !isAbsolute(r));
    if (inside.length === 0) unmatched.push(path);
    for (const file of inside) {
      const posix = file.split(sep).join('/');
      if (!isIgnored(posix)) files.add(posix);
    }
  }
  return { files: [...files].sort(), unmatched };
}
