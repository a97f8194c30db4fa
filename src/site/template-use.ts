/**
 * Which of the site's layouts and includes Jekyll writes into some page: the layouts the pages
 * name (their own `layout`, or the defaults'), the layouts those name in turn, and the includes
 * the pages and those layouts render, nested includes too. A template no page uses is written
 * nowhere, so its links reach no reader.
 *
 * Not known, and then every template counts as used: on a site with a theme gem (its layouts may
 * render the site's includes and be laid out in the site's layouts), and, for includes, where an
 * include's name is worked out from values or a file could not be parsed. On a site with generator
 * plugins, every layout counts as used (they may lay the pages they make out in any). In a run on
 * some files, the Liquid of the files it did not lint is read for their include tags.
 */
import { parseLiquid } from '../parse/liquid-tree.js';
import type { IncludeUses, PageFacts } from '../types.js';
import { includeUses, includesFolderFile } from './include-files.js';
import { fileIncludeCalls, type IncludeCall } from './include-anchors.js';
import { inIncludesFolder, isMarkdownFile, templateKind } from './discover.js';
import { usesThemeGem } from './themes.js';
import { layoutFile, layoutName, layoutOf, parentLayout } from './layouts.js';
import type { SiteIndex } from './site-index.js';

type Pages = ReadonlyMap<string, PageFacts | undefined>;

/** Layouts plugins lay pages out in without a page naming them (jekyll-default-layout, jekyll-redirect-from). */
const pluginLayouts: Record<string, readonly string[]> = {
  'jekyll-default-layout': ['default', 'page', 'post', 'home'],
  'jekyll-redirect-from': ['redirect'],
};

interface TemplateUse {
  layouts: ReadonlySet<string> | undefined;
  includes: ReadonlySet<string> | undefined;
}

const byPages = new WeakMap<Pages, TemplateUse>();

/** Why the layout or include at `path` reaches no reader; undefined when it is another file, is used, or its use is not known. */
export function unusedTemplate(path: string, site: SiteIndex, pages: Pages): string | undefined {
  // A Markdown include (a fragment, discover.ts) is an include too.
  const kind = templateKind(path, site.jekyll) ?? (inIncludesFolder(path, site.jekyll) ? 'include' : undefined);
  if (kind === undefined) return undefined;
  let use = byPages.get(pages);
  if (!use) byPages.set(pages, (use = templateUse(site, pages)));
  if (kind === 'layout') {
    const name = layoutName(path, site.jekyll);
    return use.layouts && !use.layouts.has(name) ? `No page is laid out with \`${name}\`, directly or through another layout: Jekyll writes it nowhere.` : undefined;
  }
  return use.includes && !use.includes.has(path) ? 'No page, nor any layout or include in use, includes this file: Jekyll writes it nowhere.' : undefined;
}

function templateUse(site: SiteIndex, pages: Pages): TemplateUse {
  const { jekyll } = site;
  const unknown = { layouts: undefined, includes: undefined };
  if (usesThemeGem(jekyll)) return unknown;
  const templates = [...site.files].filter((file) => templateKind(file, jekyll) !== undefined);

  const layouts = new Set(jekyll.plugins.flatMap((plugin) => (Object.hasOwn(pluginLayouts, plugin) ? pluginLayouts[plugin]! : [])));
  // Generator plugins may lay the pages they make out in any layout: every layout counts as used.
  if (jekyll.pageGenerators.some((generator) => !generator.afterWrite)) for (const file of templates) if (templateKind(file, jekyll) === 'layout') layouts.add(layoutName(file, jekyll));
  // Pages with front matter, and Markdown rendered without (jekyll-optional-front-matter, README
  // indexes): the defaults give them layouts too. Data files and static HTML, read for their links, have none.
  const rendered = [...pages].filter(([path, facts]) => facts?.rendered && isMarkdownFile(path, jekyll)).map(([path]) => path);
  for (const path of new Set([...site.frontMatter.keys(), ...rendered])) {
    const layout = layoutOf(path, site.frontMatter.get(path) ?? {}, jekyll);
    if (layout !== undefined) layouts.add(layout);
  }
  // The layouts those are laid out in.
  const layoutFiles = new Map<string, string | undefined>();
  for (const name of layouts) {
    const file = layoutFile(name, site);
    layoutFiles.set(name, file);
    const parent = file === undefined ? undefined : parentLayout(file, site);
    if (parent !== undefined) layouts.add(parent);
  }

  // The pages (an include's text is rendered only where something includes it), those of a run on
  // some files too, and the other files Jekyll renders (feeds, search indexes), and the layouts.
  const rendering = [...new Set([...pages.keys(), ...site.frontMatter.keys()])].filter((file) => templateKind(file, jekyll) !== 'layout' && !inIncludesFolder(file, jekyll));
  const callers = [...rendering, ...[...site.files].filter((file) => templateKind(file, jekyll) !== undefined || inIncludesFolder(file, jekyll))];
  const { files: includes, dynamic } = includesRendered([...rendering, ...[...layouts].map((name) => layoutFiles.get(name))], site, pages, false, new ForwardedIncludes(site, pages, callers));
  return { layouts, includes: dynamic ? undefined : includes };
}

/**
 * The files an include's `{% include {{ include.path }} %}` may name: the values its calls pass
 * (`{% include markdown.html path="_markdown/install.md" %}`), through includes that pass on their
 * own parameter (`path=include.path`). Not known where a call passes another variable.
 */
export class ForwardedIncludes {
  private readonly passed = new Map<string, string[] | undefined>();

  constructor(
    private readonly site: SiteIndex,
    private readonly pages: Pages,
    /** The files that may call an include: pages, layouts and includes. */
    private readonly callers: readonly string[],
  ) {}

  filesPassed(include: string, parameter: string, seen = new Set<string>()): readonly string[] | undefined {
    const key = `${include}\0${parameter}`;
    if (this.passed.has(key)) return this.passed.get(key);
    // A call chain that comes back to itself passes nothing new.
    if (seen.has(key)) return [];
    seen.add(key);
    const files = new Set<string>();
    const calls = this.callsOf(include);
    let known = calls !== undefined;
    for (const { from, call } of calls ?? []) {
      const value = call.params[parameter];
      const variable = /^include\.([\w-]+)$/.exec(call.variables[parameter] ?? '')?.[1];
      if (typeof value === 'string') files.add(includesFolderFile(this.site.jekyll.includesDir, value));
      else if (value === null) {
        const passedOn = variable !== undefined && inIncludesFolder(from, this.site.jekyll) ? this.filesPassed(from, variable, seen) : undefined;
        if (!passedOn) known = false;
        else for (const file of passedOn) files.add(file);
      }
    }
    const result = known ? [...files] : undefined;
    this.passed.set(key, result);
    return result;
  }

  /** The calls of the include, with the file that makes each; undefined where a file that includes it cannot be read for them. */
  private callsOf(include: string): { from: string; call: IncludeCall }[] | undefined {
    const calls: { from: string; call: IncludeCall }[] = [];
    for (const from of this.callers) {
      if (!includesOf(from, this.site, this.pages)?.files.includes(include)) continue;
      const made = fileIncludeCalls(from, this.site);
      if (!made) return undefined;
      for (const call of made) if (includesFolderFile(this.site.jekyll.includesDir, call.name) === include) calls.push({ from, call });
    }
    return calls;
  }
}

/**
 * The includes the files render, nested includes too, and whether one of them may include
 * anything: an include's name is worked out from values, or no parser survived a file.
 * `asWritten`: only those whose text is written as it is, not captured (`{% capture %}`) for
 * the page to make something else of it. `forwards`: the files an include named by its call's
 * parameter (`{% include {{ include.path }} %}`) may be; without it, such an include may be any.
 */
export function includesRendered(files: readonly (string | undefined)[], site: SiteIndex, pages: Pages, asWritten = false, forwards?: ForwardedIncludes): { files: Set<string>; dynamic: boolean } {
  const includes = new Set<string>();
  let dynamic = false;
  const render = (file: string | undefined): void => {
    const uses = file === undefined ? undefined : includesOf(file, site, pages);
    if (uses === null) dynamic = true;
    if (!uses) return;
    dynamic ||= uses.dynamic;
    for (const included of uses.files) if (!(asWritten && uses.captured?.includes(included))) includes.add(included);
    for (const parameter of uses.forwarded ?? []) {
      const named = forwards?.filesPassed(file!, parameter);
      if (named) for (const included of named) includes.add(included);
      else dynamic = true;
    }
  };
  for (const file of files) render(file);
  // Includes inside includes: the set grows as it is walked.
  for (const file of includes) render(file);
  return { files: includes, dynamic };
}

const readUses = new WeakMap<SiteIndex, Map<string, IncludeUses | undefined | null>>();

/** The includes a file renders: from its facts, or, for a file the run did not lint, from its Liquid (read once); null when no parser survived it. */
export function includesOf(file: string, site: SiteIndex, pages: Pages): IncludeUses | undefined | null {
  if (pages.has(file)) {
    const facts = pages.get(file);
    return facts === undefined ? null : facts.includes;
  }
  let read = readUses.get(site);
  if (!read) readUses.set(site, (read = new Map()));
  if (!read.has(file)) read.set(file, readIncludeUses(file, site));
  return read.get(file);
}

function readIncludeUses(file: string, site: SiteIndex): IncludeUses | undefined | null {
  const text = site.sourceOf(file);
  if (text === undefined || !text.includes('include')) return undefined;
  try {
    return includeUses({ liquid: parseLiquid(text, 0, text.length, site.tags) }, site.jekyll);
  } catch {
    return null;
  }
}
