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
