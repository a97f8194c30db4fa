/**
 * Reads one file for linting: the text, or the reason it cannot be linted (never a throw).
 * Synchronous: for thousands of small files one thread reading in turn is several times faster
 * than the thread pool (1,795 files: 25 ms against 110-130 ms).
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeSource } from '../text/decode.js';

export type Source = { ok: true; text: string } | { ok: false; message: string; line: number; column: number; missing?: boolean };

export function readSource(path: string, maxFileSize: number): Source {
  try {
    const info = statSync(path);
    if (!info.isFile()) return { ok: false, message: 'Not a regular file; skipped.', line: 1, column: 1 };
    if (info.size > maxFileSize) {
      return { ok: false, message: `The file is ${info.size} bytes, over the ${maxFileSize}-byte limit (maxFileSize); skipped.`, line: 1, column: 1 };
    }
    const decoded = decodeSource(readFileSync(path));
    return decoded.ok ? decoded : { ok: false, message: decoded.reason, line: decoded.line, column: decoded.column };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, message: 'The file does not exist.', line: 1, column: 1, missing: true };
    return { ok: false, message: `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, line: 1, column: 1 };
  }
}
