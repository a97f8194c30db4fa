/**
 * Files the site's pages take in whole with `{% include_relative %}`. Jekyll looks the name up
 * beside the page it renders, even when the tag is in a layout or an include: a name a page gives
 * literally is the file beside that page; one a layout or include gives, or one worked out from
 * values, is beside whichever page renders it, so any file whose path ends as the name's fixed end
 * does (`{{ guidancePath }}/usability.md`: every `…/usability.md`). Where a name has nothing fixed
 * after its last value (`{% for g in page.guidance %}{% include_relative {{ g.path }} %}`), the
 * files it may name are those a page's front matter names by a path from the page's folder (a
 * leading `/` too: Jekyll joins it to the folder). kramdown reads what a page takes in as part of
 * the page: its headings and ids are the page's.
 */
import { posix } from 'node:path';
import { parseDocument, parseTemplate } from '../parse/document.js';
import type { PageFacts } from '../types.js';
import { inIncludesFolder, templateKind } from './discover.js';
import type { IncludeIds } from './include-anchors.js';
import { documentRelativeIncludes, relativeIncludeNames } from './include-files.js';
import { hasLiquid } from '../parse/liquid-tokens.js';
import type { SiteIndex } from './site-index.js';
import { unusedTemplate } from './template-use.js';
import { addAnchorIds } from './embedded-content.js';

type Pages = ReadonlyMap<string, PageFacts | undefined>;

interface Includers {
  /** File -> the pages that name it literally (or by their front matter's values), in the order read. */
  exact: Map<string, string[]>;
  /** A path's fixed end (`/usability.md`) -> a file that includes whatever ends so. */
  ends: Map<string, string>;
}

const byPages = new WeakMap<Pages, Includers>();

/** How a fragment is taken into pages, and by which file when one is known. */
export interface Includer {
  tag: 'include' | 'include_relative';
  file?: string;
}

/**
 * How pages take the page in when it is a fragment: it has no front matter of its own (so it is no
 * page that lacks one), and a page, layout or include takes it in with `{% include_relative %}`, or,
 * in the includes folder, with `{% include %}` (unless no page is known to: template-use.ts).
 */
export function fragmentIncluder(page: PageFacts, site: SiteIndex, pages: Pages): Includer | undefined {
  if (!page.noFrontMatter) return undefined;
  if (inIncludesFolder(page.path, site.jekyll)) {
    if (unusedTemplate(page.path, site, pages) !== undefined) return undefined;
    const file = includers(pages).get(page.path);
    return file === undefined ? { tag: 'include' } : { tag: 'include', file };
  }
  const file = relativeIncluder(page.path, site, pages);
  return file === undefined ? undefined : { tag: 'include_relative', file };
}

/** Whether a file's links reach readers: Jekyll renders it on its own, or pages take it in (fragmentIncluder). */
export function reachesReaders(page: PageFacts, site: SiteIndex, pages: Pages): boolean {
  return page.rendered || fragmentIncluder(page, site, pages) !== undefined;
}

const includersByPages = new WeakMap<Pages, Map<string, string>>();

/** Includes-folder file -> the first file whose `{% include %}` tags name it. */
function includers(pages: Pages): ReadonlyMap<string, string> {
  let byFile = includersByPages.get(pages);
  if (!byFile) {
    byFile = new Map();
    for (const [file, facts] of pages) for (const included of facts?.includes?.files ?? []) if (!byFile.has(included)) byFile.set(included, file);
    includersByPages.set(pages, byFile);
  }
  return byFile;
}

/** A file that includes `path` with `{% include_relative %}` (a page, layout or include), if any. */
function relativeIncluder(path: string, site: SiteIndex, pages: Pages): string | undefined {
  const includers = includersOf(site, pages);
  return includers.exact.get(path)?.at(-1) ?? templateIncluder(path, includers);
}

/** A layout or include (or a name worked out from values) that takes in a file whose path ends as `path` does. */
function templateIncluder(path: string, includers: Includers): string | undefined {
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    const includer = includers.ends.get(path.slice(slash));
    if (includer !== undefined) return includer;
  }
  return includers.ends.get(`/${path}`);
}

function includersOf(site: SiteIndex, pages: Pages): Includers {
  let includers = byPages.get(pages);
  if (!includers) byPages.set(pages, (includers = relativeIncluders(site, pages)));
  return includers;
}

/**
 * The pages that take the fragment at `path` in with `{% include_relative %}`: a `#fragment` link
 * in it stays on each of them. Undefined where they are not all known: a layout or include may
 * take it in, or no page does.
 */
export function pagesTakingIn(path: string, site: SiteIndex, pages: Pages): readonly string[] | undefined {
  const includers = includersOf(site, pages);
  return templateIncluder(path, includers) === undefined ? includers.exact.get(path) : undefined;
}

function relativeIncluders(site: SiteIndex, pages: Pages): Includers {
  const exact = new Map<string, string[]>();
  const ends = new Map<string, string>();
  let fromValues = false;
  // A static file's tags are rendered only where a page takes it in.
  const rendered = [...pages].filter(([, facts]) => facts?.rendered).map(([file, facts]) => [file, facts!.relativeIncludes] as const);
  // A run on some files: the site's other pages and templates are read for the tag.
  for (const file of site.files) {
    if (!pages.has(file) && (site.frontMatter.has(file) || templateKind(file, site.jekyll) !== undefined)) rendered.push([file, relativeIncludesOf(file, site, pages)]);
  }
  for (const [file, names] of rendered) {
    const inTemplate = templateKind(file, site.jekyll) !== undefined;
    for (const name of names ?? []) {
      if (hasLiquid(name)) {
        const fixedEnd = name.slice(Math.max(name.lastIndexOf('}}'), name.lastIndexOf('%}')) + 2);
        if (fixedEnd.startsWith('/') && fixedEnd.length > 1) ends.set(posix.normalize(fixedEnd), file);
        else fromValues ||= fixedEnd === '';
      } else if (inTemplate) ends.set(posix.normalize(`/${name}`), file);
      else {
        const included = posix.normalize(posix.join(posix.dirname(file), name));
        exact.set(included, [...(exact.get(included) ?? []), file]);
      }
    }
  }
  if (fromValues) {
    for (const [page, values] of site.frontMatter) {
      for (const value of stringsIn(values)) {
        if (value.includes(':')) continue;
        const file = posix.normalize(posix.join(posix.dirname(page), value));
        if (site.files.has(file) && !exact.has(file)) exact.set(file, [page]);
      }
    }
  }
  return { exact, ends };
}

/** Every string in front matter values, lists and maps included. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) yield* stringsIn(item);
}

/**
 * The ids the files a page takes in with `{% include_relative %}` write on it: their headings',
 * explicit and HTML ids (nested fragments too). Open where one cannot be known: a name worked out
 * from values, a file that does not parse, or a heading id the page or another fragment has too
 * (kramdown numbers the later one, `-1`, in the page it renders).
 */
export function relativeIncludeIds(path: string, site: SiteIndex, pages: Pages): IncludeIds {
  const names = relativeIncludesOf(path, site, pages);
  if (!names) return { ids: new Set(), open: false };
  const headings = new Set((site.anchors(path) ?? []).filter((anchor) => anchor.text !== '').map((anchor) => anchor.id));
  const ids = new Set<string>();
  let open = false;
  const visit = (page: string, seen: Set<string>): void => {
    for (const name of relativeIncludesOf(page, site, pages) ?? []) {
      const file = posix.normalize(posix.join(posix.dirname(page), name));
      if (hasLiquid(name) || seen.has(file)) {
        open ||= hasLiquid(name);
        continue;
      }
      const anchors = site.anchors(file);
      if (!anchors) {
        open = true;
        continue;
      }
      for (const anchor of anchors) {
        if (anchor.text !== '') {
          if (headings.has(anchor.id)) open = true;
          headings.add(anchor.id);
        }
        open = !addAnchorIds(anchor, site, ids) || open;
      }
      visit(file, new Set([...seen, file]));
    }
  };
  visit(path, new Set([path]));
  return { ids, open };
}

const parsedBySite = new WeakMap<SiteIndex, Map<string, string[] | undefined>>();

/** A file's `{% include_relative %}` names: from its facts, or read from its text (as pass 1 reads it) in a run that did not lint it (some files named). */
function relativeIncludesOf(path: string, site: SiteIndex, pages: Pages): string[] | undefined {
  if (pages.has(path)) return pages.get(path)?.relativeIncludes;
  let parsed = parsedBySite.get(site);
  if (!parsed) parsedBySite.set(site, (parsed = new Map()));
  if (!parsed.has(path)) {
    const text = site.sourceOf(path);
    let names: string[] | undefined;
    try {
      // Parsed only when it may hold the tag: every page a named file links to is asked about.
      if (text?.includes('include_relative')) {
        const template = templateKind(path, site.jekyll);
        if (template === undefined) names = documentRelativeIncludes(parseDocument(path, text, site.tags, undefined, site.jekyll.markdownReading), site.jekyll);
        else names = relativeIncludeNames(parseTemplate(path, text, site.tags, template, site.jekyll.markdownReading), site.jekyll);
      }
    } catch {
      // Input no parser survives (reported where the file is linted): none known.
    }
    parsed.set(path, names);
  }
  return parsed.get(path);
}
