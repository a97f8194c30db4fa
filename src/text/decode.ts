/** Turns a file's bytes into text, or says precisely why it is not a UTF-8 text file. */
export type Decoded =
  | { ok: true; text: string }
  | { ok: false; reason: string; line: number; column: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'The file is UTF-16 encoded (it starts with a UTF-16 byte order mark); Jekyll reads UTF-8.', line: 1, column: 1 };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = lineAndColumn(bytes, nul);
    return { ok: false, reason: 'The file contains NUL bytes: it looks binary, not like a text file, and was skipped.', ...at };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = lineAndColumn(bytes, firstInvalidUtf8(bytes));
    return { ok: false, reason: 'The file is not valid UTF-8; it was skipped so that nothing is lost or misread.', ...at };
  }
}

function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (length > 1) {
      try {
        utf8.decode(bytes.subarray(i, i + length));
      } catch {
        return i;
      }
    }
    i += length;
  }
  return bytes.length;
}
