/**
 * Every case of fixtures/conformance/kramdown-ids.json (real kramdown/Jekyll output): the ids
 * doclint computes for a page's headings, in order (null = the heading has no id).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentAnchors } from '../src/site/anchors.js';
import { defaultTags, parse, repoRoot } from './helpers.js';

interface Case {
  input: string;
  note: string;
  via: string;
  expected: (string | null)[];
}

const { cases } = JSON.parse(readFileSync(join(repoRoot, 'fixtures/conformance/kramdown-ids.json'), 'utf8')) as { cases: Case[] };
const scope = { site: { baseurl: '/help' }, page: { layout: 'article', title: 'Case' } };

/** Headings whose HTML doclint does not see in the source: the callout's own <h5> title (no id). */
const expectedIds = (c: Case): string[] => c.expected.filter((id): id is string => id !== null);

describe('kramdown heading id conformance', () => {
  it.each(cases.map((c) => [`${c.note}: ${JSON.stringify(c.input).slice(0, 60)}`, c] as const))('%s', (_, c) => {
    const document = parse(`---\nlayout: article\ntitle: Case\n---\n${c.input}\n`);
    const ids = documentAnchors(document, scope, defaultTags).filter((a) => a.text !== '' || !/^</.test(c.input)).map((a) => a.id);
    expect(ids).toEqual(expectedIds(c));
  });
});

interface AnchorCase {
  input: string;
  note: string;
  expected: string[];
}

const anchorCases = (JSON.parse(readFileSync(join(repoRoot, 'fixtures/conformance/kramdown-anchors.json'), 'utf8')) as { cases: AnchorCase[] }).cases;

describe('kramdown anchor conformance (every id kramdown writes)', () => {
  it.each(anchorCases.map((c) => [`${c.note}: ${JSON.stringify(c.input).slice(0, 60)}`, c] as const))('%s', (_, c) => {
    const ids = new Set(documentAnchors(parse(`---\ntitle: Case\n---\n${c.input}`), scope, defaultTags).map((a) => a.id));
    expect([...ids].sort()).toEqual([...new Set(c.expected)].sort());
  });
});

const redcarpet = JSON.parse(readFileSync(join(repoRoot, 'fixtures/conformance/redcarpet-ids.json'), 'utf8')) as { extensions: string[]; cases: AnchorCase[] };

describe('Redcarpet id conformance (Jekyll 3\'s `markdown: redcarpet`)', () => {
  const site = { markdown: 'redcarpet', redcarpet: { extensions: redcarpet.extensions } };
  it.each(redcarpet.cases.map((c) => [`${c.note}: ${JSON.stringify(c.input).slice(0, 60)}`, c] as const))('%s', (_, c) => {
    const ids = documentAnchors(parse(`---\ntitle: Case\n---\n${c.input}`), { site, page: {} }, defaultTags).map((a) => a.id);
    expect([...new Set(ids)].sort()).toEqual([...new Set(c.expected)].sort());
  });

  it('writes no heading id without with_toc_data', () => {
    const ids = documentAnchors(parse('---\ntitle: Case\n---\n# Hello World\n'), { site: { markdown: 'redcarpet', redcarpet: { extensions: ['tables'] } }, page: {} }, defaultTags);
    expect(ids).toEqual([]);
  });
});
