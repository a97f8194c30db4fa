/**
 * Writes a fixed file without ever losing an edit or reaching outside the site:
 * - compare-and-swap: the file must still hold the text the fix was made from, checked
 *   just before the file is replaced (an edit saved during the run, or another run's fix, wins);
 * - a symlink is written through to its target, which must be inside the root;
 * - a file the user may not write is not written, and a file owned by someone else keeps its
 *   owner (it is rewritten in place instead of replaced);
 * - otherwise a temp file beside the target and a rename (atomic), keeping the mode; where no
 *   temp file can be created (a read-only folder), the file is rewritten in place.
 * The outcome is a reason when the file was left as it is, never a throw.
 */
import { constants } from 'node:fs';
import { access, chmod, open, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute, basename } from 'node:path';
import { randomSuffix } from '../text/hash.js';

export type WriteOutcome = { written: true } | { written: false; reason: string };

export async function writeFixedFile(root: string, path: string, original: string, text: string): Promise<WriteOutcome> {
  let target: string;
  try {
    target = await realpath(path);
    const inside = relative(await realpath(root), target);
    if (inside.startsWith('..') || isAbsolute(inside)) return { written: false, reason: 'it is a link to a file outside the site root' };
    await access(target, constants.W_OK);
  } catch (error) {
    return { written: false, reason: `it cannot be written (${codeOf(error)})` };
  }
  const info = await stat(target);
  const unchanged = async (): Promise<boolean> => (await readFile(target, 'utf8').catch(() => undefined)) === original;
  if (!(await unchanged())) return { written: false, reason: 'it changed on disk during the run' };
  const ownedByOther = typeof process.getuid === 'function' && info.uid !== process.getuid();
  const temporary = join(dirname(target), `.${basename(target)}.doclint-${randomSuffix()}.tmp`);
  if (!ownedByOther) {
    try {
      await writeFile(temporary, text, { encoding: 'utf8', mode: info.mode, flag: 'wx' });
      await chmod(temporary, info.mode);
      if (!(await unchanged())) {
        await unlink(temporary);
        return { written: false, reason: 'it changed on disk during the run' };
      }
      await rename(temporary, target);
      return { written: true };
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      if (!['EACCES', 'EPERM', 'EROFS'].includes(codeOf(error))) return { written: false, reason: `it cannot be written (${codeOf(error)})` };
    }
  }
  return rewriteInPlace(target, original, text);
}

/** Keeps the file's inode (owner, links); not atomic, so it is the fallback only. */
async function rewriteInPlace(target: string, original: string, text: string): Promise<WriteOutcome> {
  let handle;
  try {
    handle = await open(target, 'r+');
    if ((await handle.readFile('utf8')) !== original) return { written: false, reason: 'it changed on disk during the run' };
    await handle.truncate(0);
    await handle.write(text, 0, 'utf8');
    return { written: true };
  } catch (error) {
    return { written: false, reason: `it cannot be written (${codeOf(error)})` };
  } finally {
    await handle?.close();
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
