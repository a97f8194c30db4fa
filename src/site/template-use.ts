/**
 * Which of the site's layouts and includes Jekyll writes into some page: the layouts the pages
 * name (their own `layout`, or the defaults'), the layouts those name in turn, and the includes
 * the pages and those layouts render, nested includes too. A template no page uses is written
 * nowhere, so its links reach no reader.
 *
 * Not known, and then every template counts as used: in a run that did not read every file
 * (some files named, a change), on a site with a theme gem (its layouts may render the site's
 * includes and be laid out in the site's layouts), and, for includes, where an include's name is
 * worked out from values or a page could not be parsed. On a site with generator plugins, every
 * layout counts as used (they may lay the pages they make out in any).
 */
import { parseFrontMatter } from '../parse/front-matter.js';
import type { PageFacts } from '../types.js';
import { isDataFile, templateKind } from './discover.js';
import { usesThemeGem } from './themes.js';
import { layoutFile, layoutName, layoutOf } from './layouts.js';
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
  const kind = templateKind(path, site.jekyll) ?? (path.startsWith(`${site.jekyll.includesDir}/`) ? 'include' : undefined);
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
  // Every page's and template's facts are needed: a run on some files has only theirs.
  const linted = (file: string) => /\.html?$/i.test(file) || jekyll.markdownExtensions.some((ext) => file.endsWith(`.${ext}`));
  if (templates.some((file) => !pages.has(file)) || [...site.frontMatter.keys()].some((file) => linted(file) && !pages.has(file))) return unknown;

  const layouts = new Set(jekyll.plugins.flatMap((plugin) => (Object.hasOwn(pluginLayouts, plugin) ? pluginLayouts[plugin]! : [])));
  // Generator plugins may lay the pages they make out in any layout: every layout counts as used.
  if (jekyll.pageGenerators.length > 0) for (const file of templates) if (templateKind(file, jekyll) === 'layout') layouts.add(layoutName(file, jekyll));
  // Pages with front matter, and those rendered without (jekyll-optional-front-matter): the defaults give them layouts too.
  const rendered = [...pages].filter(([path, facts]) => facts?.rendered && templateKind(path, jekyll) === undefined && !isDataFile(path, jekyll)).map(([path]) => path);
  for (const path of new Set([...site.frontMatter.keys(), ...rendered])) {
    const layout = layoutOf(path, site.frontMatter.get(path) ?? {}, jekyll);
    if (layout !== undefined) layouts.add(layout);
  }
  // The layouts those are laid out in.
  const layoutFiles = new Map<string, string | undefined>();
  for (const name of layouts) {
    const file = layoutFile(name, site);
    layoutFiles.set(name, file);
    const text = file === undefined ? undefined : site.sourceOf(file);
    const front = text === undefined ? undefined : parseFrontMatter(text);
    if (front?.kind === 'yaml' && typeof front.data.layout === 'string') layouts.add(front.data.layout);
  }

  const includes = new Set<string>();
  let dynamic = false;
  const render = (facts: PageFacts | undefined): void => {
    if (!facts?.includes) return;
    dynamic ||= facts.includes.dynamic;
    for (const file of facts.includes.files) includes.add(file);
  };
  for (const [path, facts] of pages) {
    if (templateKind(path, jekyll) !== undefined) continue;
    // A page no parser survived may include anything.
    if (facts === undefined) dynamic = true;
    else render(facts);
  }
  for (const name of layouts) render(pages.get(layoutFiles.get(name) ?? ''));
  // Includes inside includes: the set grows as it is walked.
  for (const file of includes) render(pages.get(file));
  return { layouts, includes: dynamic ? undefined : includes };
}
