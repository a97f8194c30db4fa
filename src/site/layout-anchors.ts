/**
 * The ids a page's layouts write around it. Jekyll renders the page into its layout, that into
 * the layout's own `layout`, and so on: `<section id="comments">` in `_layouts/post.html`, or in
 * an include the layout calls, is an anchor of every page laid out with it. Static ids are taken
 * as written. An include named from the page (`{% include custom/{{ page.map }}.html %}`) is the
 * one the page's values name, and none when the page leaves the value unset (Jekyll would stop on
 * the missing file, so such a call sits behind a condition). An id with Liquid, an include name
 * that cannot be worked out, a file that cannot be read, and a layout the site does not hold while
 * a theme gem is in use (its layouts are the theme's) leave the ids open: a fragment not found
 * cannot be judged.
 */
import { parseFrontMatter } from '../parse/front-matter.js';
import { renderOutput, type RenderScope } from '../parse/liquid-render.js';
import { scanLiquid } from '../parse/liquid-tokens.js';
import { withFrontMatterDefaults } from './front-matter-defaults.js';
import { staticIds, type IncludeIds } from './include-anchors.js';
import type { SiteIndex } from './site-index.js';
import { documentType } from './urls.js';

/** What a layout and the layouts around it write, but for the includes whose names come from the page. */
interface LayoutIds extends IncludeIds {
  /** Include names with Liquid in them, as written. */
  pageIncludes: readonly string[];
}

const none: LayoutIds = { ids: new Set(), open: false, pageIncludes: [] };
const unknowable: LayoutIds = { ids: new Set(), open: true, pageIncludes: [] };

/** Per site, what each layout (by name) writes with the layouts around it. */
const bySite = new WeakMap<SiteIndex, Map<string, LayoutIds>>();

/** The ids the layouts of the content file `path` write (none when it has no layout). */
export function layoutIds(path: string, site: SiteIndex): IncludeIds {
  const own = site.frontMatter.get(path);
  if (!own) return none;
  const data = withFrontMatterDefaults(site.jekyll.frontMatterDefaults, path, documentType(path, site.jekyll), own);
  if (typeof data.layout !== 'string') return none;
  const layout = idsOfLayout(data.layout, site, new Set());
  if (layout.open || layout.pageIncludes.length === 0) return layout;
  const scope = site.renderScopeOf(path);
  return joined([layout, ...layout.pageIncludes.map((name) => includedForPage(name, scope, site))]);
}

function idsOfLayout(name: string, site: SiteIndex, seen: Set<string>): LayoutIds {
  let layouts = bySite.get(site);
  if (!layouts) bySite.set(site, (layouts = new Map()));
  const known = layouts.get(name);
  if (known) return known;
  // A layout that leads back to itself: Jekyll stops there too.
  if (seen.has(name)) return none;
  seen.add(name);
  const ids = readLayout(name, site, seen);
  layouts.set(name, ids);
  return ids;
}

function readLayout(name: string, site: SiteIndex, seen: Set<string>): LayoutIds {
  const folder = typeof site.jekyll.raw.layouts_dir === 'string' ? site.jekyll.raw.layouts_dir.replace(/^\/|\/$/g, '') : '_layouts';
  const file = [...site.files].find((path) => path.startsWith(`${folder}/${name}.`) && !path.slice(folder.length + name.length + 2).includes('/'));
  const text = file === undefined ? undefined : site.sourceOf(file);
  if (text === undefined) return typeof site.jekyll.raw.theme === 'string' || typeof site.jekyll.raw.remote_theme === 'string' ? unknowable : none;
  const front = parseFrontMatter(text);
  const outer = front.kind === 'yaml' && typeof front.data.layout === 'string' ? idsOfLayout(front.data.layout, site, seen) : none;
  return joined([textIds(front.kind === 'yaml' ? text.slice(front.end) : text, site, new Set()), outer]);
}

/** The ids a layout's or include's text writes, with those of the includes it calls (each followed once). */
function textIds(text: string, site: SiteIndex, visited: Set<string>): LayoutIds {
  const parts: LayoutIds[] = [{ ...staticIds(text), pageIncludes: [] }];
  for (const tag of scanLiquid(text)) {
    if (tag.kind !== 'tag' || tag.name !== 'include') continue;
    // Jekyll's VARIABLE_SYNTAX: a name may hold `{{ variables }}`, spaces inside them included.
    const name = /^\s*((?:[^\s{}]*\{\{[^}]*\}\})+[^\s{}]*|\S+)/.exec(tag.markup)?.[1];
    if (!name) return unknowable;
    if (/\{\{|\{%/.test(name)) {
      parts.push({ ids: new Set(), open: false, pageIncludes: [name] });
      continue;
    }
    if (visited.has(name)) continue;
    visited.add(name);
    const included = site.sourceOf(`${site.jekyll.includesDir}/${name}`);
    if (included === undefined) return unknowable;
    parts.push(textIds(included, site, visited));
  }
  return joined(parts);
}

/** The ids of the include a page's values name (`custom/{{ page.map }}.html`): none when a value is unset, open when one cannot be worked out. */
function includedForPage(written: string, scope: RenderScope, site: SiteIndex): LayoutIds {
  let unset = false;
  let unknown = false;
  const name = written.replace(/\{\{-?([\s\S]*?)-?\}\}/g, (_, markup: string) => {
    const value = renderOutput(markup, scope);
    if (value === undefined) unknown = true;
    else if (value === '') unset = true;
    return value ?? '';
  });
  if (unknown || /\{%/.test(name)) return unknowable;
  if (unset) return none;
  const text = site.sourceOf(`${site.jekyll.includesDir}/${name}`);
  if (text === undefined) return unknowable;
  const ids = textIds(text, site, new Set([name]));
  // An include named from the page inside one named from the page: not followed.
  return ids.pageIncludes.length > 0 ? unknowable : ids;
}

function joined(parts: readonly LayoutIds[]): LayoutIds {
  return {
    ids: new Set(parts.flatMap((part) => [...part.ids])),
    open: parts.some((part) => part.open),
    pageIncludes: [...new Set(parts.flatMap((part) => part.pageIncludes))],
  };
}
