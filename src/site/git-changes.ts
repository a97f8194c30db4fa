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

const maxBuffer = 256 * 1024 * 1024;

export async function gitChanges(root: string, revision: string): Promise<GitChanges> {
  // git would read it as an option (`--upload-pack=…` runs a command): refuse it.
  if (revision.startsWith('-')) throw new GitError(`not a revision: ${revision}`);
  const git = (...args: string[]) => run('git', args, { cwd: root, maxBuffer });
  // As few git processes as can be, and those that do not need each other's answers at once: a
  // pre-commit hook waits for every one. This one prints the work tree's top, then the commit
  // (and fails) when the revision is one.
  const located = await git('rev-parse', '--show-toplevel', '--verify', '--quiet', `${revision}^{commit}`).then(
    (result) => ({ stdout: result.stdout, known: true }),
    (error: { stdout?: unknown }) => ({ stdout: String(error.stdout ?? ''), known: false }),
  );
  const [top = '', commit = ''] = located.stdout.split('\n').map((line) => line.trim());
  const known = located.known;
  if (top === '') throw new GitError(`${root} is not in a git repository`);
  const toSite = (repoPath: string): string | undefined => {
    const path = relative(root, resolve(top, repoPath));
    return path.startsWith('..') ? undefined : path.split(sep).join('/');
  };
  const untracked = async (): Promise<string[]> => (await git('ls-files', '--others', '--exclude-standard', '--full-name', '-z')).stdout.split('\0').filter(Boolean);
  if (!known) {
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
  const [diffOutput, untrackedPaths] = await Promise.all([git('diff', '--name-status', '-z', '--find-renames', revision, '--'), untracked()]);
  const diff = diffOutput.stdout.split('\0').filter(Boolean);
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
  for (const path of untrackedPaths) changed.add(path);
  const sitePaths = new Map([...beforePaths].flatMap((repoPath) => {
    const path = toSite(repoPath);
    return path === undefined ? [] : [[repoPath, path] as const];
  }));
  const before = new Map<string, string>();
  // By the commit's id: the batch reads one name a line, and a revision's text is the user's.
  for (const [repoPath, text] of await blobsAt(root, commit, [...sitePaths.keys()])) before.set(sitePaths.get(repoPath)!, text);
  return { changed: [...changed].flatMap((p) => toSite(p) ?? []), before };
}

/**
 * The texts of files at a revision, read by one `git cat-file --batch` (one process, however
 * many files changed). A path that is not a blob there (a submodule) is left out, and so is one
 * with a line break, which the batch's one-name-per-line input cannot carry.
 */
async function blobsAt(root: string, commit: string, repoPaths: readonly string[]): Promise<Map<string, string>> {
  const paths = repoPaths.filter((path) => !/[\r\n]/.test(path));
  const texts = new Map<string, string>();
  if (paths.length === 0) return texts;
  const pending = run('git', ['cat-file', '--batch'], { cwd: root, maxBuffer, encoding: 'buffer' });
  pending.child.stdin?.end(paths.map((path) => `${commit}:${path}\n`).join(''));
  const output = (await pending).stdout;
  let at = 0;
  for (const path of paths) {
    const lineEnd = output.indexOf(10, at);
    if (lineEnd === -1) break;
    // `<object> <type> <size>`, or `<name> missing` (no such file at the revision).
    const header = /^\S+ (\S+) (\d+)$/.exec(output.subarray(at, lineEnd).toString('utf8'));
    at = lineEnd + 1;
    if (!header) continue;
    const size = Number(header[2]);
    if (header[1] === 'blob') texts.set(path, output.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}

/** The files under `root` that git tracks (paths from `root`), or undefined where git cannot tell (no git, no repository). */
export async function trackedFiles(root: string): Promise<Set<string> | undefined> {
  try {
    const { stdout } = await run('git', ['ls-files', '--cached', '-z'], { cwd: root, maxBuffer });
    return new Set(stdout.split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}

/** The root of the git work tree that holds `dir` (the nearest folder with a `.git`), if any; no process is started. */
export function repositoryRootOf(dir: string): string | undefined {
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    if (existsSync(resolve(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}
