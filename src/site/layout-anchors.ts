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
import type { RenderScope } from '../parse/liquid-render.js';
import { joinedIds, markdownIncludeIds, missingInclude, writtenIds, type IncludeIds, type WrittenIds } from './include-anchors.js';
import { isMarkdownFile } from './discover.js';
import { includeNameOnPage, includesFolderFile } from './include-files.js';
import { layoutFile, layoutOf } from './layouts.js';
import type { SiteIndex } from './site-index.js';

const none: WrittenIds = { ids: new Set(), open: false, variableIncludes: [] };
const unknowable: IncludeIds = { ids: new Set(), open: true };

/** Per site, what each layout (by name) writes with the layouts around it. */
const bySite = new WeakMap<SiteIndex, Map<string, WrittenIds>>();

/** The ids the layouts of the content file `path` write (none when it has no layout). */
export function layoutIds(path: string, site: SiteIndex): IncludeIds {
  const own = site.frontMatter.get(path);
  const name = own && layoutOf(path, own, site.jekyll);
  if (name === undefined) return none;
  const layout = idsOfLayout(name, site, new Set());
  if (layout.open || layout.variableIncludes.length === 0) return layout;
  const scope = site.renderScopeOf(path);
  return joinedIds([layout, ...layout.variableIncludes.map((name) => includedForPage(name, scope, site))]);
}

function idsOfLayout(name: string, site: SiteIndex, seen: Set<string>): WrittenIds {
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

function readLayout(name: string, site: SiteIndex, seen: Set<string>): WrittenIds {
  const file = layoutFile(name, site);
  const text = file === undefined ? undefined : site.sourceOf(file);
  if (text === undefined) return { ...missingInclude(site), variableIncludes: [] };
  const front = parseFrontMatter(text);
  const outer = front.kind === 'yaml' && typeof front.data.layout === 'string' ? idsOfLayout(front.data.layout, site, seen) : none;
  const own = writtenIds(front.kind === 'yaml' ? text.slice(front.end) : text, site, new Set());
  return { ...joinedIds([own, outer]), variableIncludes: [...new Set([...own.variableIncludes, ...outer.variableIncludes])] };
}

/** The ids of the include a page's values name (`custom/{{ page.map }}.html`): none when a value is unset, open when one cannot be worked out. */
function includedForPage(written: string, scope: RenderScope, site: SiteIndex): IncludeIds {
  const name = includeNameOnPage(written, scope);
  if (name === undefined) return unknowable;
  if (name === '') return none;
  const path = includesFolderFile(site.jekyll.includesDir, name);
  const text = site.sourceOf(path);
  if (text === undefined) return missingInclude(site);
  const ids = writtenIds(text, site, new Set([name]));
  // An include named from the page inside one named from the page: not followed.
  if (ids.variableIncludes.length > 0) return unknowable;
  return isMarkdownFile(path, site.jekyll) ? joinedIds([ids, markdownIncludeIds(path, site)]) : ids;
}
