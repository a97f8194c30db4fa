/**
 * What changed since a git revision, for changed-files mode: the site-relative paths that
 * were added, modified, renamed or deleted, and each changed file's text at that revision.
 * git runs as a child process with fixed arguments (never a shell), in the site's repository.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitChanges {
  /** Changed files that exist now (site-relative). */
  changed: string[];
  /** Site-relative path -> its text at the revision (for modified, renamed-away and deleted files). */
  before: Map<string, string>;
}

export class GitError extends Error {
  override name = 'GitError';
}

export async function gitChanges(root: string, revision: string): Promise<GitChanges> {
  // git would read it as an option (`--upload-pack=…` runs a command): refuse it.
  if (revision.startsWith('-')) throw new GitError(`not a revision: ${revision}`);
  const git = (...args: string[]) => run('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  let top: string;
  try {
    top = (await git('rev-parse', '--show-toplevel')).stdout.trim();
  } catch {
    throw new GitError(`${root} is not in a git repository`);
  }
  const toSite = (repoPath: string): string | undefined => {
    const path = relative(root, resolve(top, repoPath));
    return path.startsWith('..') ? undefined : path.split(sep).join('/');
  };
  const untracked = async (): Promise<string[]> => (await git('ls-files', '--others', '--exclude-standard', '--full-name', '-z')).stdout.split('\0').filter(Boolean);
  try {
    await git('rev-parse', '--verify', '--quiet', `${revision}^{commit}`);
  } catch {
    // A repository with no commit yet (the first commit's pre-commit hook): everything is new.
    if ((await git('rev-list', '-n', '1', '--all').catch(() => ({ stdout: 'unknown' }))).stdout.trim() === '') {
      const staged = (await git('ls-files', '--cached', '--full-name', '-z')).stdout.split('\0').filter(Boolean);
      return { changed: [...new Set([...staged, ...(await untracked())])].flatMap((p) => toSite(p) ?? []), before: new Map() };
    }
    const shallow = await git('rev-parse', '--is-shallow-repository').then((r) => r.stdout.trim() === 'true', () => false);
    throw new GitError(
      shallow
        ? `the revision "${revision}" is not in this shallow clone: fetch the history (actions/checkout with fetch-depth: 0)`
        : `${root} is not in a git repository with a revision "${revision}"`,
    );
  }
  const diff = (await git('diff', '--name-status', '-z', '--find-renames', revision, '--')).stdout.split('\0').filter(Boolean);
  const changed = new Set<string>();
  const beforePaths = new Set<string>();
  for (let i = 0; i < diff.length; ) {
    const status = diff[i++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = diff[i++]!;
      const to = diff[i++]!;
      if (status.startsWith('R')) beforePaths.add(from);
      changed.add(to);
    } else {
      const path = diff[i++]!;
      if (status !== 'A') beforePaths.add(path);
      if (status !== 'D') changed.add(path);
    }
  }
  for (const path of await untracked()) changed.add(path);
  const before = new Map<string, string>();
  for (const repoPath of beforePaths) {
    const path = toSite(repoPath);
    if (!path) continue;
    try {
      before.set(path, (await git('show', `${revision}:${repoPath}`)).stdout);
    } catch {
      // Not a text blob at that revision (a submodule, a symlink): nothing to compare.
    }
  }
  return { changed: [...changed].flatMap((p) => toSite(p) ?? []), before };
}

/** The root of the git work tree that holds `dir` (the nearest folder with a `.git`), if any; no process is started. */
export function repositoryRootOf(dir: string): string | undefined {
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    if (existsSync(resolve(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}
