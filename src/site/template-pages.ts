/**
 * The HTML pages each layout and include is written into: a published page's layout (its own or the
 * defaults'), the layouts that one is laid out in, and the includes the page and those layouts
 * render, nested includes too, but those only captured (`{% capture %}`), whose text the page may
 * rewrite before writing it; an include whose name holds Liquid is the one the page's values name
 * (`api/{{ page.version }}/menu.md`), where they do. Only what the site's files say: a theme gem's
 * layouts are not read, and an include named from other values is not followed, so a template
 * may be written into more pages than these (never into fewer).
 */
import { pageAttributes } from '../parse/html-tags.js';
import type { RenderScope } from '../parse/liquid-render.js';
import type { PageFacts } from '../types.js';
import { inIncludesFolder, isMarkdownFile, templateContent, templateKind } from './discover.js';
import { layoutChain, layoutOf } from './layouts.js';
import type { SiteIndex } from './site-index.js';
import { includesOf, includesRendered } from './template-use.js';
import { includeNameOnPage, includesFolderFile } from './include-files.js';

type Pages = ReadonlyMap<string, PageFacts | undefined>;

/** A URL Jekyll writes an HTML page at: a folder, `.html`, or no extension. */
const htmlUrl = /(?:\/|\.html?|\/[^./]+)$/i;

interface TemplatePages {
  /** The pages each template is written into as it is. */
  writing: ReadonlyMap<string, readonly string[]>;
  /** Include names with Liquid that some pages' values do not tell (`{{ page.version.version }}/intro.md` set by a plugin, a loop's item): each name's fixed parts, and those pages. */
  namingFromValues: ReadonlyMap<string, { parts: readonly string[]; pages: string[] }>;
  /** The templates some page renders only inside `{% capture %}`. */
  captured: ReadonlySet<string>;
}

const byPages = new WeakMap<Pages, TemplatePages>();

function templatePagesOf(site: SiteIndex, pages: Pages): TemplatePages {
  let known = byPages.get(pages);
  if (!known) byPages.set(pages, (known = templatePages(site, pages)));
  return known;
}

/** The published pages the layout or include at `template` is written into, as far as the site's files tell. */
function pagesWriting(template: string, site: SiteIndex, pages: Pages): readonly string[] {
  return templatePagesOf(site, pages).writing.get(template) ?? [];
}

/**
 * The pages that may write the include at `template` through a name worked out from values they do
 * not give (each name's fixed parts must match): none where those names cannot name it.
 */
export function pagesNamingFromValues(template: string, site: SiteIndex, pages: Pages): string[] {
  const name = template.slice(site.jekyll.includesDir.length + 1);
  const naming = new Set<string>();
  for (const { parts, pages: named } of templatePagesOf(site, pages).namingFromValues.values()) if (mayName(parts, name)) for (const page of named) naming.add(page);
  return [...naming];
}

/** Whether the include at `template` is written into no page as it is, but captured by one (`{% capture %}`), which may rewrite its links before writing it. */
export function capturedOnly(template: string, site: SiteIndex, pages: Pages): boolean {
  const known = templatePagesOf(site, pages);
  return !known.writing.has(template) && known.captured.has(template);
}

/** The pages a template's links relative to the page resolve from: those it is written into, none where a template writes `<base href>` (they resolve from that). */
export function relativeLinkPages(template: string, site: SiteIndex, pages: Pages): readonly string[] {
  return setsBase(site) ? [] : pagesWriting(template, site, pages);
}

const baseTags = new WeakMap<SiteIndex, boolean>();

/** Whether a layout or include writes a `<base href>`, from which a page's relative links resolve instead. */
function setsBase(site: SiteIndex): boolean {
  let sets = baseTags.get(site);
  if (sets === undefined) baseTags.set(site, (sets = [...site.files].some((file) => templateKind(file, site.jekyll) !== undefined && templateContent(file) === 'html' && pageAttributes(site.sourceOf(file) ?? '').baseHref)));
  return sets;
}

function templatePages(site: SiteIndex, pages: Pages): TemplatePages {
  const { jekyll } = site;
  const layoutChains = new Map<string, string[]>();
  const layoutsOf = (name: string): string[] => {
    let chain = layoutChains.get(name);
    if (!chain) layoutChains.set(name, (chain = layoutChain(name, site)));
    return chain;
  };
  const reached = new Map<string, { written: ReadonlySet<string>; all: ReadonlySet<string> }>();
  /** The includes a file renders, and those they render in turn: written as they are, and all (captured ones too). */
  const includesReached = (file: string): { written: ReadonlySet<string>; all: ReadonlySet<string> } => {
    let files = reached.get(file);
    if (!files) reached.set(file, (files = { written: includesRendered([file], site, pages, true).files, all: includesRendered([file], site, pages).files }));
    return files;
  };
  const captured = new Set<string>();

  const byTemplate = new Map<string, string[]>();
  // By name as written: pages that share a template share its names, each matched once per include.
  const namingFromValues = new Map<string, { parts: string[]; pages: string[] }>();
  const rendered = [...pages].filter(([path, facts]) => facts?.rendered && isMarkdownFile(path, jekyll)).map(([path]) => path);
  for (const path of new Set([...site.frontMatter.keys(), ...rendered])) {
    const url = site.urls.urlOf.get(path);
    // HTML pages only: a feed or a search index is read by software, not from a folder of its own.
    if (url === undefined || !htmlUrl.test(url) || templateKind(path, jekyll) !== undefined || inIncludesFolder(path, jekyll)) continue;
    const layout = layoutOf(path, site.frontMatter.get(path) ?? {}, jekyll);
    const layouts = layout === undefined ? [] : layoutsOf(layout);
    const templates = new Set(layouts);
    // The page, its layouts and what they write, each once: an include a name with Liquid names on
    // this page (`api/{{ page.version }}/menu.md`) is written too, with what it writes in turn.
    const files = [path, ...layouts];
    let scope: RenderScope | undefined;
    const unknownNames = new Set<string>();
    for (let index = 0; index < files.length; index++) {
      const { written, all } = includesReached(files[index]!);
      for (const included of all) if (!written.has(included)) captured.add(included);
      for (const file of [files[index]!, ...written]) {
        if (file !== files[index]) templates.add(file);
        for (const name of includesOf(file, site, pages)?.variable ?? []) {
          const onPage = includeNameOnPage(name, (scope ??= site.renderScopeOf(path)));
          if (onPage === undefined) unknownNames.add(name);
          const named = onPage ? includesFolderFile(jekyll.includesDir, onPage) : undefined;
          if (named !== undefined && !files.includes(named)) {
            files.push(named);
            templates.add(named);
          }
        }
      }
    }
    for (const template of templates) {
      const list = byTemplate.get(template);
      if (list) list.push(path);
      else byTemplate.set(template, [path]);
    }
    for (const name of unknownNames) {
      const naming = namingFromValues.get(name);
      if (naming) naming.pages.push(path);
      else namingFromValues.set(name, { parts: fixedParts(name), pages: [path] });
    }
  }
  return { writing: byTemplate, namingFromValues, captured };
}

/** An include name with Liquid as the fixed parts between its values (`releases/{{ v }}/{{ r.name }}.md`: `releases/`, `/`, `.md`). */
function fixedParts(name: string): string[] {
  return name.trim().split(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/);
}

/** Whether values put where a name's fixed parts leave room can make `file`: the first part starts it, the last ends it, the others come in order between. */
function mayName(parts: readonly string[], file: string): boolean {
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (!file.startsWith(first) || !file.endsWith(last) || first.length + last.length > file.length) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = file.indexOf(part, at);
    if (found === -1 || found + part.length > file.length - last.length) return false;
    at = found + part.length;
  }
  return true;
}
