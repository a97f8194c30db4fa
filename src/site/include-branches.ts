/**
 * The pages an include's link is written into, as the calls that write it decide its branches:
 * `{% if include.type != "deprecated" %}` around a link in `_includes/nav.html` keeps it off the
 * page that calls `{% include nav.html type="deprecated" %}`. A page is left out only where the
 * include reaches it through calls of the page's own text alone (its layouts and its other
 * includes may call it with any parameters), and none of those calls renders the link.
 */
import { branchesOnIncludeParams, includeParamsKey, skippedBranches, type IncludeParams } from '../parse/liquid-branches.js';
import { parseLiquid, type LiquidParse } from '../parse/liquid-tree.js';
import type { PageFacts } from '../types.js';
import { withinRanges } from '../text/ranges.js';
import { inIncludesFolder } from './discover.js';
import { fileIncludeCalls } from './include-anchors.js';
import { includesFolderFile } from './include-files.js';
import { layoutChain, layoutOf } from './layouts.js';
import type { SiteIndex } from './site-index.js';
import { includesOf, includesRendered } from './template-use.js';

type Pages = ReadonlyMap<string, PageFacts | undefined>;

interface IncludeBranches {
  /** The include's Liquid, where a branch depends on its parameters. */
  liquid: LiquidParse | undefined;
  /** What each page's own calls pass it (undefined: the include may reach the page otherwise). */
  callsByPage: Map<string, readonly IncludeParams[] | undefined>;
  /** The ranges each set of parameters skips. */
  skipped: Map<string, readonly { start: number; end: number }[]>;
}

const bySite = new WeakMap<SiteIndex, Map<string, IncludeBranches>>();

/** The pages of `pages` (those the include at `template` is written into) the link at `start`-`end` of it is written on. */
export function pagesWritingLink(template: string, link: { start: number; end: number }, pages: readonly string[], site: SiteIndex, facts: Pages): readonly string[] {
  if (pages.length === 0 || !inIncludesFolder(template, site.jekyll)) return pages;
  const branches = branchesOf(template, site);
  if (!branches.liquid) return pages;
  const written = pages.filter((page) => {
    let calls = branches.callsByPage.get(page);
    if (!branches.callsByPage.has(page)) branches.callsByPage.set(page, (calls = ownCalls(page, template, site, facts)));
    return !calls || calls.some((params) => !withinRanges(skippedWith(branches, params, site), link.start, link.end));
  });
  return written.length === pages.length ? pages : written;
}

function branchesOf(template: string, site: SiteIndex): IncludeBranches {
  let templates = bySite.get(site);
  if (!templates) bySite.set(site, (templates = new Map()));
  let branches = templates.get(template);
  if (!branches) {
    const text = site.sourceOf(template);
    let liquid: LiquidParse | undefined;
    try {
      liquid = text !== undefined && branchesOnIncludeParams(text) ? parseLiquid(text, 0, text.length, site.tags) : undefined;
    } catch {
      // Input no parser survives: the page is taken as written into.
    }
    templates.set(template, (branches = { liquid, callsByPage: new Map(), skipped: new Map() }));
  }
  return branches;
}

function skippedWith(branches: IncludeBranches, params: IncludeParams, site: SiteIndex): readonly { start: number; end: number }[] {
  const key = includeParamsKey(params);
  let skipped = branches.skipped.get(key);
  if (!skipped) branches.skipped.set(key, (skipped = skippedBranches(branches.liquid!, site.jekyll.raw, undefined, params)));
  return skipped;
}

/** The parameters of the page's own calls of the include, when those are the only way it reaches the page. */
function ownCalls(page: string, template: string, site: SiteIndex, facts: Pages): readonly IncludeParams[] | undefined {
  const uses = includesOf(page, site, facts);
  if (!uses || uses.dynamic || uses.forwarded || !uses.files.includes(template) || uses.captured?.includes(template)) return undefined;
  const layout = layoutOf(page, site.frontMatter.get(page) ?? {}, site.jekyll);
  const others = includesRendered([...(layout === undefined ? [] : layoutChain(layout, site)), ...uses.files.filter((file) => file !== template)], site, facts);
  if (others.dynamic || others.files.has(template)) return undefined;
  const calls = fileIncludeCalls(page, site)?.filter((call) => includesFolderFile(site.jekyll.includesDir, call.name) === template) ?? [];
  return calls.length > 0 ? calls.map((call) => call.params) : undefined;
}
