import { describe, expect, it } from 'vitest';
import { decodeSource } from '../src/text/decode.js';
import { LineIndex, positionsIn } from '../src/text/line-index.js';
import { detached, detachStrings } from '../src/text/detach.js';

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

describe('positionsIn', () => {
  it('maps every offset as LineIndex.position() does, from the line starts and length alone', () => {
    const text = 'a\r\nbc\rd\n\nlast line';
    const lines = new LineIndex(text);
    const position = positionsIn(lines.starts, text.length);
    for (let offset = -1; offset <= 22; offset++) expect(position(offset)).toEqual(lines.position(offset));
  });
});

describe('detached strings', () => {
  it('are equal copies, and front matter values are replaced in place', () => {
    const text = `---\ntitle: ${'A long title of the page'}\n---\n`;
    expect(detached(text.slice(11, 35))).toBe('A long title of the page');
    const date = new Date(0);
    const data = { title: text.slice(11, 35), tags: ['one', text.slice(11, 35)], nested: { when: date, list: [[text.slice(11, 17)]] }, order: 3 };
    detachStrings(data);
    expect(data).toEqual({ title: 'A long title of the page', tags: ['one', 'A long title of the page'], nested: { when: date, list: [['A long']] }, order: 3 });
    expect(data.nested.when).toBe(date);
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
