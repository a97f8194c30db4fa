/** Reads one file for linting: the text, or the reason it cannot be linted (never a throw). */
import { readFile, stat } from 'node:fs/promises';
import { decodeSource } from '../text/decode.js';

export type Source = { ok: true; text: string } | { ok: false; message: string; line: number; column: number };

export async function readSource(path: string, maxFileSize: number): Promise<Source> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: 'Not a regular file; skipped.', line: 1, column: 1 };
    if (info.size > maxFileSize) {
      return { ok: false, message: `The file is ${info.size} bytes, over the ${maxFileSize}-byte limit (maxFileSize); skipped.`, line: 1, column: 1 };
    }
    const decoded = decodeSource(await readFile(path));
    return decoded.ok ? decoded : { ok: false, message: decoded.reason, line: decoded.line, column: decoded.column };
  } catch (error) {
    return { ok: false, message: `Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, line: 1, column: 1 };
  }
}
