/**
 * The ids a page's `{% include %}` tags write: an include that holds `<div id="{{ include.key }}">`
 * gives the page the id its call passes (`{% include overview.html key="mit" %}`). A static id is
 * taken as written, `{{ include.x }}` with the call's quoted value, and the includes an include
 * calls are followed. Any other Liquid in an id, a variable passed for it, an include named from
 * a variable, or one a theme gem may hold leaves the page's ids open: a fragment not found there
 * cannot be judged. An include the site does not hold (and no theme may) writes nothing: a site
 * that builds never reaches it (liquid-include reports one it does).
 */
import { idAttributes } from '../parse/html-tags.js';
import { branchesOnIncludeParams, includeParamsKey, skippedBranches, type SkippedRange } from '../parse/liquid-branches.js';
import { withinRanges } from '../text/ranges.js';
import { hasLiquid, scanLiquid, type LiquidTagToken } from '../parse/liquid-tokens.js';
import { parseLiquid } from '../parse/liquid-tree.js';
import { gfmHeadingId, headingIdOptions } from './anchors.js';
import { isMarkdownFile } from './discover.js';
import { includeName, includesFolderFile } from './include-files.js';
import { usesThemeGem } from './themes.js';
import { collectionIds, templateEmbeddedContents } from './embedded-content.js';
import type { SiteIndex } from './site-index.js';

/** An include call as written: the file it names and its quoted parameters (null: a variable, whose name `variables` gives). */
export interface IncludeCall {
  name: string;
  params: Record<string, string | null>;
  variables: Record<string, string>;
}

export interface IncludeIds {
  ids: ReadonlySet<string>;
  /** Some include may write ids that cannot be known. */
  open: boolean;
}

// Jekyll's Tags::IncludeTag VALID_SYNTAX: key="value", key='value' or key=variable.
const parameter = /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))/g;
const includeValue = /\{\{-?\s*include\.([\w-]+)\s*-?\}\}/g;

type TemplateSite = Pick<SiteIndex, 'jekyll' | 'sourceOf' | 'tags' | 'anchors' | 'frontMatter'>;

const skippedBySite = new WeakMap<TemplateSite, Map<string, readonly SkippedRange[]>>();

/**
 * The parts of a template's text Liquid never renders with the site's config (`{% if site.kind ==
 * "lesson" %}`: liquid-branches.ts) and, given, the parameters of the call that renders it.
 */
function skippedIn(text: string, site: TemplateSite, params?: IncludeCall['params']): readonly SkippedRange[] {
  const onParams = params !== undefined && branchesOnIncludeParams(text);
  if (!onParams && !/\{%-?\s*(?:if|elsif|unless)\s[^%]*\bsite\./.test(text)) return [];
  let texts = skippedBySite.get(site);
  if (!texts) skippedBySite.set(site, (texts = new Map()));
  const key = onParams ? `${includeParamsKey(params)}\0${text}` : text;
  let ranges = texts.get(key);
  if (!ranges) texts.set(key, (ranges = skippedBranches(parseLiquid(text, 0, text.length, site.tags), site.jekyll.raw, undefined, onParams ? params : undefined)));
  return ranges;
}

/** The `id` values (and `<a name>`) of the text's HTML tags Liquid renders, as written (Liquid kept). */
function* idValues(text: string, skipped: readonly SkippedRange[]): Generator<string> {
  for (const { start, end } of idAttributes(text)) if (!withinRanges(skipped, start, end)) yield text.slice(start, end);
}

/** The ids of the documents whose content the text writes where Liquid renders it (embedded-content.ts). */
function embeddedIds(text: string, skipped: readonly SkippedRange[], site: TemplateSite): IncludeIds {
  return joinedIds(templateEmbeddedContents(text).filter(({ start, end }) => !withinRanges(skipped, start, end)).map(({ collection }) => collectionIds(collection, site)));
}

/** The `id` (and `<a name>`) attributes HTML (or Liquid around it) writes: those without Liquid, and whether any has some. */
function staticIds(text: string, skipped: readonly SkippedRange[]): IncludeIds {
  const ids = new Set<string>();
  let open = false;
  for (const id of idValues(text, skipped)) {
    if (hasLiquid(id)) open = true;
    else ids.add(id);
  }
  return { ids, open };
}

/** The calls of `{% include %}` and `{% include_cached %}` (include_relative is left out); a name from a variable is kept as written. */
export function includeCalls(tags: readonly Pick<LiquidTagToken, 'name' | 'markup'>[]): IncludeCall[] {
  const calls: IncludeCall[] = [];
  for (const tag of tags) {
    if (tag.name !== 'include' && tag.name !== 'include_cached') continue;
    const name = includeName(tag.markup);
    if (!name) continue;
    const params: Record<string, string | null> = Object.create(null);
    const variables: Record<string, string> = Object.create(null);
    for (const match of tag.markup.slice(tag.markup.indexOf(name) + name.length).matchAll(parameter)) {
      params[match[1]!] = match[2] ?? match[3] ?? null;
      if (match[4] !== undefined) variables[match[1]!] = match[4];
    }
    calls.push({ name, params, variables });
  }
  return calls;
}

const callsByFile = new WeakMap<Pick<SiteIndex, 'sourceOf' | 'tags'>, Map<string, IncludeCall[] | undefined>>();

/** The include calls of a site file's text, read once per site; undefined where it cannot be read or parsed. */
export function fileIncludeCalls(file: string, site: Pick<SiteIndex, 'sourceOf' | 'tags'>): readonly IncludeCall[] | undefined {
  let files = callsByFile.get(site);
  if (!files) callsByFile.set(site, (files = new Map()));
  if (!files.has(file)) {
    const text = site.sourceOf(file);
    let calls: IncludeCall[] | undefined;
    try {
      calls = text === undefined ? undefined : includeCalls(parseLiquid(text, 0, text.length, site.tags).tags);
    } catch {
      // No parser survives it: its calls are not known.
    }
    files.set(file, calls);
  }
  return files.get(file);
}

/**
 * The ids the page's include calls write. `headings`: in a Markdown page, the ids of the page's own
 * headings; kramdown reads a Markdown include's text as the page's, so its headings are the page's
 * too, and one that repeats another heading's id is numbered (`-1`): the ids are then open.
 */
export function includeIds(calls: readonly IncludeCall[], site: TemplateSite, headings?: ReadonlySet<string>): IncludeIds {
  const parts: IncludeIds[] = [];
  const visited = new Set<string>();
  const taken = new Set(headings);
  for (const call of calls) {
    if (hasLiquid(call.name)) return { ids: new Set(), open: true };
    const path = includesFolderFile(site.jekyll.includesDir, call.name);
    if (headings && isMarkdownFile(path, site.jekyll)) parts.push(headingIds(path, site, taken));
    const text = site.sourceOf(path);
    if (text === undefined) {
      parts.push(missingInclude(site));
      continue;
    }
    const ids = new Set<string>();
    let open = false;
    for (const written of idValues(text, skippedIn(text, site, call.params))) {
      let unknown = false;
      const id = written.replace(includeValue, (_, key: string) => {
        const value = call.params[key];
        // A parameter passed as a variable cannot be known; one the call does not pass renders empty.
        if (value === null) unknown = true;
        return value ?? '';
      });
      if (unknown || hasLiquid(id)) open = true;
      else if (id !== '') ids.add(id);
    }
    parts.push({ ids, open }, embeddedIds(text, skippedIn(text, site, call.params), site));
    // The includes it calls, without this call's parameters.
    const nested = writtenIds(text, site, visited, false, headings && taken);
    parts.push({ ids: nested.ids, open: nested.open || nested.variableIncludes.length > 0 });
  }
  return joinedIds(parts);
}

/**
 * The heading ids of a Markdown include, as the page that takes it in gets them (see includeIds);
 * open where one cannot be known. kramdown numbers a heading whose id the page has already
 * (`example-1`, `example-2`): which heading gets which number depends on their order, the set of
 * ids does not, so a repeat takes the next free number.
 */
function headingIds(path: string, site: Pick<SiteIndex, 'anchors' | 'sourceOf' | 'jekyll'>, taken: Set<string>): IncludeIds {
  const anchors = site.anchors(path);
  if (!anchors) return { ids: new Set(), open: site.sourceOf(path) !== undefined };
  const { prefix } = headingIdOptions(site.jekyll.raw);
  const ids = new Set<string>();
  let open = false;
  for (const anchor of anchors) {
    if (anchor.text === '') continue;
    if (hasLiquid(anchor.id)) open = true;
    const auto = `${prefix}${gfmHeadingId(anchor.text)}`;
    // An id of its own (`{#id}`) is written as it is; an automatic one is numbered in the page.
    const base = auto !== prefix && (anchor.id === auto || anchor.id.startsWith(`${auto}-`)) ? auto : anchor.id;
    let id = base;
    for (let n = 1; base === auto && taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.add(id);
  }
  return { ids, open };
}

/** The heading ids of a Markdown include a layout writes (through markdownify: numbered on their own). */
export function markdownIncludeIds(path: string, site: Pick<SiteIndex, 'anchors' | 'sourceOf' | 'jekyll'>): IncludeIds {
  return headingIds(path, site, new Set());
}

/** What a layout's or include's text writes: see writtenIds. */
export interface WrittenIds extends IncludeIds {
  /** The names of the includes it calls that hold Liquid (`custom/{{ page.map }}.html`), as written. */
  variableIncludes: readonly string[];
}

/**
 * The ids a text writes (static ones; any with Liquid leaves them open), with those of the
 * includes it calls, followed to the end, each once; not in branches the site's config rules out.
 * An include the site does not hold writes none, as a site that builds never reaches it, unless a
 * theme gem may hold it. `headings`: the heading ids taken so far in a Markdown page, which gets
 * the headings of the Markdown includes too (see includeIds).
 */
export function writtenIds(text: string, site: TemplateSite, visited: Set<string>, ownIds = true, headings?: Set<string>): WrittenIds {
  const skipped = skippedIn(text, site);
  const parts: WrittenIds[] = ownIds ? [{ ...joinedIds([staticIds(text, skipped), embeddedIds(text, skipped, site)]), variableIncludes: [] }] : [];
  for (const tag of scanLiquid(text)) {
    if (tag.kind !== 'tag' || tag.name !== 'include' || withinRanges(skipped, tag.start, tag.end)) continue;
    const name = includeName(tag.markup);
    if (!name) continue;
    if (hasLiquid(name)) {
      parts.push({ ids: new Set(), open: false, variableIncludes: [name] });
      continue;
    }
    if (visited.has(name)) continue;
    visited.add(name);
    const path = includesFolderFile(site.jekyll.includesDir, name);
    // In a Markdown page, a Markdown include's headings are the page's; in HTML, its own when a
    // layout writes it through markdownify (and none when it writes it raw: counted all the same).
    if (isMarkdownFile(path, site.jekyll)) parts.push({ ...(headings ? headingIds(path, site, headings) : markdownIncludeIds(path, site)), variableIncludes: [] });
    const included = site.sourceOf(path);
    parts.push(included === undefined ? { ...missingInclude(site), variableIncludes: [] } : writtenIds(included, site, visited, true, headings));
  }
  return { ...joinedIds(parts), variableIncludes: [...new Set(parts.flatMap((part) => part.variableIncludes))] };
}

/** An include the site does not hold: a theme gem's (unknown ids), or one a site that builds never reaches (none). */
export function missingInclude(site: Pick<SiteIndex, 'jekyll'>): IncludeIds {
  return { ids: new Set(), open: usesThemeGem(site.jekyll) };
}

export function joinedIds(parts: readonly IncludeIds[]): IncludeIds {
  return { ids: new Set(parts.flatMap((part) => [...part.ids])), open: parts.some((part) => part.open) };
}
