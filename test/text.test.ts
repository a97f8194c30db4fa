import { describe, expect, it } from 'vitest';
import { decodeSource } from '../src/text/decode.js';
import { LineIndex } from '../src/text/line-index.js';

describe('LineIndex', () => {
  it('counts LF, CRLF and lone CR as line endings, like micromark', () => {
    const lines = new LineIndex('a\nb\r\nc\rd');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(2)).toEqual({ line: 2, column: 1 });
    expect(lines.position(5)).toEqual({ line: 3, column: 1 });
    expect(lines.position(7)).toEqual({ line: 4, column: 1 });
    expect(lines.lineCount).toBe(4);
  });

  it('keeps a BOM as column 1 of line 1', () => {
    const lines = new LineIndex('\uFEFF---\n');
    expect(lines.position(1)).toEqual({ line: 1, column: 2 });
  });

  it('clamps offsets outside the text', () => {
    const lines = new LineIndex('ab');
    expect(lines.position(99)).toEqual({ line: 1, column: 3 });
    expect(lines.position(-5)).toEqual({ line: 1, column: 1 });
  });
});

describe('decodeSource', () => {
  const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

  it('decodes UTF-8 and keeps a BOM as U+FEFF', () => {
    expect(decodeSource(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: '\uFEFFa' });
  });

  it('reports invalid UTF-8 with the line and column of the first bad byte', () => {
    const result = decodeSource(bytes(0x61, 0x0a, 0x62, 0x63, 0xff, 0x64));
    expect(result).toMatchObject({ ok: false, line: 2, column: 3 });
  });

  it('reports a truncated multi-byte sequence', () => {
    expect(decodeSource(bytes(0x61, 0xe2, 0x82))).toMatchObject({ ok: false, line: 1, column: 2 });
  });

  it('recognises UTF-16 and binary files', () => {
    expect(decodeSource(bytes(0xff, 0xfe, 0x61, 0x00))).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-16') });
    expect(decodeSource(bytes(0x61, 0x00, 0x62))).toMatchObject({ ok: false, reason: expect.stringContaining('NUL'), column: 2 });
  });

  it('decodes an empty file', () => {
    expect(decodeSource(bytes())).toEqual({ ok: true, text: '' });
  });
});
