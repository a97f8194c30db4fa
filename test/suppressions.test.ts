import { describe, expect, it } from 'vitest';
import { lintString } from './helpers.js';

// A file with no front matter gets one front-matter-syntax finding on line 1; these
// tests move that finding around with disable comments.
const ids = (text: string): number[] => lintString(text).map((f) => f.line);

describe('inline disable comments', () => {
  it('disable-file silences a rule anywhere, front matter included', () => {
    expect(ids('text\n\n<!-- doclint-disable-file front-matter-syntax -->\n')).toEqual([]);
    expect(ids('text\n\n<!-- doclint-disable-file -->\n')).toEqual([]);
  });

  it('only names the rules it lists', () => {
    expect(ids('text\n\n<!-- doclint-disable-file table-cell-count -->\n')).toEqual([1]);
  });

  it('disable-line and disable-next-line cover their line', () => {
    expect(ids('<!-- doclint-disable-line -->\n')).toEqual([]);
    expect(ids('<!-- doclint-disable-next-line -->\n')).toEqual([1]);
  });

  it('accepts the Liquid comment form', () => {
    expect(ids('{% comment %} doclint-disable-line front-matter-syntax {% endcomment %}\n')).toEqual([]);
  });

  it('ignores directives shown inside code', () => {
    expect(ids('```\n<!-- doclint-disable-file -->\n```\n')).toEqual([1]);
  });

  it('disable ... enable brackets a region', () => {
    expect(ids('<!-- doclint-disable -->\n')).toEqual([]);
    expect(ids('<!-- doclint-disable -->\n<!-- doclint-enable -->\n').length).toBe(0);
  });
});
