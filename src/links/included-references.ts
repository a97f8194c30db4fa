/**
 * Reference links whose definitions come from an include: Jekyll renders `{% include refs.md %}`
 * (or `{% include_relative refs.md %}`) into the page before kramdown reads it, so `[HTTP
 * pipeline]` in the page is a link when the included text defines `[HTTP pipeline]: …`. A
 * CommonMark parser of the page alone sees plain text. Pass 1 keeps the bracketed texts left
 * undefined and the files the page includes; pass 2 reads those files' definitions and gives
 * each use its destination, resolved from the page that includes it.
 */
import type { Definition, Parent, RootContent, Text } from 'mdast';
import type { Position } from 'unist';
import { nodesOfType } from '../parse/document-nodes.js';
import { parseDocument } from '../parse/document.js';
import { hasLiquid } from '../parse/liquid-tokens.js';
import { includedFiles, refusedIncludeName, type IncludeSite } from '../site/include-files.js';
import type { SiteIndex } from '../site/site-index.js';
import type { Document, IncludedReferences, PageFacts } from '../types.js';
import { extractLinks, type LinkRef } from './extract.js';

/** kramdown's link ids: whitespace runs are one space, letter case does not count. */
const linkId = (label: string): string => label.replace(/\s+/g, ' ').trim().toLowerCase();

/** `[text][id]`, `[id][]` and `[id]`, as kramdown reads a reference. */
const reference = /\[([^[\]]+)\](?:\[([^[\]]*)\])?/g;

/**
 * Where the definitions a file's own references use start and end: a fragment's definitions that
 * its own text uses are rendered wherever a page takes it in (the others, where pages use them).
 */
export function definitionsUsedWithin(document: Document): { start: number; end: number }[] {
  const used = new Set<string>();
  // Walked without recursion: lists nest a thousand deep.
  const parents: Parent[] = [document.mdast];
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    for (const node of parent.children as RootContent[]) {
      if (node.type === 'linkReference' || node.type === 'imageReference') used.add(node.identifier);
      if ('children' in node) parents.push(node);
    }
  }
  return nodesOfType(document, 'definition')
    .filter(({ node }) => used.has(node.identifier))
    .map(({ node }) => ({ start: node.position!.start.offset!, end: node.position!.end.offset! }));
}

/** The page's undefined references and the files it includes with a literal name; undefined when it has none of either. */
export function referenceUses(document: Document, site: IncludeSite): IncludedReferences | undefined {
  const includes = includedFiles(document, site)
    .filter(({ name }) => !refusedIncludeName(name))
    .map(({ target }) => target);
  if (includes.length === 0) return undefined;
  const uses: IncludedReferences['uses'] = [];
  for (const { node } of nodesOfType(document, 'paragraph', 'heading')) {
    const texts = textsIn(node);
    const shadowing = shadowingReferences(document, node, texts);
    uses.push(...shadowing);
    const taken = new Set(shadowing.map((use) => use.start));
    for (const text of texts) {
      const offset = text.position?.start.offset;
      if (offset === undefined) continue;
      for (const match of text.value.matchAll(reference)) {
        const start = offset + match.index;
        const end = start + match[0].length;
        // A text the parser unescaped or Liquid wrote is not as written: leave it.
        if (taken.has(start) || document.text.slice(start, end) !== match[0]) continue;
        uses.push({ id: linkId(match[2] || match[1]!), start, end });
      }
    }
  }
  return uses.length === 0 ? undefined : { includes, uses };
}

/** The text nodes of a paragraph or heading, outside links. */
function textsIn(node: { children: unknown[] }): Text[] {
  const texts: Text[] = [];
  for (const child of node.children as { type: string }[]) {
    if (child.type === 'text') texts.push(child as Text);
    else if (child.type !== 'link' && child.type !== 'linkReference' && 'children' in child) texts.push(...textsIn(child as { children: unknown[] }));
  }
  return texts;
}

// `[text][id](`, `[text][](`; not after a backslash.
const referenceThenParenthesis = /(?<!\\)\[([^[\]\n]{1,999})\]\[([^[\]\n]{0,999})\]\(/g;

/**
 * `[text][id](url)` where the page leaves `id` undefined: a parser of the page alone reads the
 * text `[text]`, then the link `[id](url)`; kramdown, reading the page with its includes, reads
 * the reference `[text][id]` when they define `id` (then `(url)` is text), and the same link when
 * not. `[text][](url)` is the reference `[text][]`. `shadows`: where that link's destination starts.
 */
function shadowingReferences(document: Document, node: { position?: Position | undefined }, texts: readonly Text[]): IncludedReferences['uses'] {
  const from = node.position!.start.offset!;
  const text = document.maskedText.slice(from, node.position!.end.offset!);
  if (!text.includes('](')) return [];
  const uses: IncludedReferences['uses'] = [];
  for (const match of text.matchAll(referenceThenParenthesis)) {
    const start = from + match.index;
    if (!texts.some((part) => start >= part.position!.start.offset! && start < part.position!.end.offset!)) continue;
    let destination = start + match[0].length;
    while (document.text[destination] === ' ' || document.text[destination] === '\t') destination++;
    if (document.text[destination] === '<') destination++;
    uses.push({ id: linkId(match[2] || match[1]!), start, end: start + match[0].length - 1, shadows: destination });
  }
  return uses;
}

/** An included file parsed once per site, and its definitions by page where they use `page` (else once). */
interface ParsedInclude {
  document: Document;
  pageDependent: boolean;
  definitions: Map<string, Map<string, LinkRef>>;
  /** The ids of definitions whose label Liquid writes (`[topic {{ topic.name }}]: …`): the parts around the Liquid. */
  writtenIds: string[][];
}

const parsedIncludes = new WeakMap<SiteIndex, Map<string, ParsedInclude | undefined>>();

function parsedInclude(path: string, site: SiteIndex): ParsedInclude | undefined {
  let parsed = parsedIncludes.get(site);
  if (!parsed) parsedIncludes.set(site, (parsed = new Map()));
  if (parsed.has(path)) return parsed.get(path);
  const text = site.sourceOf(path);
  let include: ParsedInclude | undefined;
  if (text !== undefined && text.includes(']:')) {
    try {
      const document = parseDocument(path, text, site.tags, undefined, site.jekyll.markdownReading);
      include = { document, pageDependent: /\bpage\./.test(text), definitions: new Map(), writtenIds: writtenLinkIds(document) };
    } catch {
      // An include no parser survives defines nothing here.
    }
  }
  parsed.set(path, include);
  return include;
}

/** Each definition an included file makes, by link id (a later one overrides, as in kramdown), rendered for the page that includes it. */
function definitionsIn(path: string, page: string, site: SiteIndex): ReadonlyMap<string, LinkRef> {
  const include = parsedInclude(path, site);
  if (!include) return new Map();
  const key = include.pageDependent ? page : '';
  let definitions = include.definitions.get(key);
  if (definitions) return definitions;
  definitions = new Map();
  const { document } = include;
  const links = extractLinks(document, site.renderScopeOf(page), site.tags).filter((link) => link.source === 'definition');
  for (const { node } of nodesOfType(document, 'definition')) {
    const [from, to] = [node.position!.start.offset!, node.position!.end.offset!];
    if (liquidLabel(document, node) !== undefined) continue;
    const link = links.find((candidate) => candidate.start >= from && candidate.end <= to);
    if (link) definitions.set(linkId(node.label ?? node.identifier), { ...link, definedIn: path });
  }
  include.definitions.set(key, definitions);
  return definitions;
}

/** A definition's label as written, when Liquid writes it (`topic {{ topic.name }}`). */
function liquidLabel(document: Document, node: Definition): string | undefined {
  const written = /^\s*\[([^\]]*)\]:/.exec(document.text.slice(node.position!.start.offset!, node.position!.end.offset!))?.[1];
  return written !== undefined && hasLiquid(written) ? written : undefined;
}

/** The link ids definitions with Liquid in their label may have: the text around the Liquid as written, anything for the Liquid. */
function writtenLinkIds(document: Document): string[][] {
  const ids: string[][] = [];
  for (const { node } of nodesOfType(document, 'definition')) {
    const label = liquidLabel(document, node);
    if (label !== undefined) ids.push(linkId(label).split(/\{\{.*?\}\}|\{%.*?%\}/));
  }
  return ids;
}

/**
 * Whether an id may be one a label with Liquid writes (`parts`: the text around the Liquid, which
 * may write anything): each part in order, the first at the start and the last at the end. Read
 * left to right, each part where it is first found: linear in the id, however many parts.
 */
function mayBeWritten(parts: readonly string[], id: string): boolean {
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (parts.length === 1) return id === first;
  if (id.length < first.length + last.length || !id.startsWith(first) || !id.endsWith(last)) return false;
  const end = id.length - last.length;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = id.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** The page's undefined references its includes define (each with its link), and those they may define with Liquid. */
function resolvedUses(page: PageFacts, site: SiteIndex): { use: IncludedReferences['uses'][number]; link: LinkRef | undefined }[] {
  if (!page.references) return [];
  const definitions = new Map<string, LinkRef>();
  const written: string[][] = [];
  for (const include of page.references.includes) {
    for (const [id, link] of definitionsIn(include, page.path, site)) definitions.set(id, link);
    written.push(...(parsedInclude(include, site)?.writtenIds ?? []));
  }
  return page.references.uses
    .map((use) => {
      const definition = definitions.get(use.id);
      return { use, link: definition && { ...definition, start: use.start, end: use.end }, defined: definition !== undefined || written.some((parts) => mayBeWritten(parts, use.id)) };
    })
    .filter((resolved) => resolved.defined);
}

/** The links the page's undefined references make with its includes' definitions, each at its use. */
export function includedReferenceLinks(page: PageFacts, site: SiteIndex): LinkRef[] {
  return resolvedUses(page, site).flatMap(({ link }) => (link ? [link] : []));
}

/** The page's links as kramdown reads it with its includes: their references added, the links a reference is instead of left out (see shadowingReferences). */
export function pageLinks(page: PageFacts, site: SiteIndex): LinkRef[] {
  const resolved = resolvedUses(page, site);
  if (resolved.length === 0) return page.links;
  const shadowed = new Set(resolved.map(({ use }) => use.shadows));
  const links = page.links.filter((link) => !shadowed.has(link.start));
  for (const { link } of resolved) if (link) links.push(link);
  return links.sort((a, b) => a.start - b.start);
}
