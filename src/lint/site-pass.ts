/**
 * Pass 2: the site rules, one page at a time, over every page's facts (no parsing): links
 * against the published URLs and other pages' anchors, what external checking found, values
 * across a collection.
 */
import type { ResolvedConfig } from '../config/types.js';
import type { ExternalStatus } from '../links/external/check.js';
import type { Anchor } from '../site/anchors.js';
import type { SiteIndex } from '../site/site-index.js';
import { reachesReaders } from '../site/fragments.js';
import { pageLinks } from '../links/included-references.js';
import { positionsIn } from '../text/line-index.js';
import { isSiteRule, type AnyRule, type Finding, type PageFacts } from '../types.js';
import { byPosition, collectReports, isEnabled, type FindingSink } from './rule-reports.js';
import { isSuppressedBy } from './suppressions.js';

export interface SitePassContext {
  config: ResolvedConfig;
  site: SiteIndex;
  /** The facts of the pages pass 1 ran on (or the result cache held); undefined for a page no parser survives. */
  pages: ReadonlyMap<string, PageFacts | undefined>;
  /** What checking external URLs found (when it is on). */
  external?: ReadonlyMap<string, ExternalStatus>;
}

const noStatuses: ReadonlyMap<string, ExternalStatus> = new Map();

/** One page's pass-2 findings, sorted. */
export function sitePass(facts: PageFacts, rules: readonly AnyRule[], { config, site, pages, external = noStatuses }: SitePassContext): Finding[] {
  // A file Jekyll does not render on its own reaches readers only through the pages that take it in.
  if (!reachesReaders(facts, site, pages)) return [];
  const links = pageLinks(facts, site);
  const page = links === facts.links ? facts : { ...facts, links };
  const sink: FindingSink = { file: page.path, position: positionsIn(page.lineStarts, page.length), suppressed: isSuppressedBy(page.suppressions), findings: [] };
  const anchorsOf = (path: string): readonly Anchor[] | undefined => {
    // Pages with no facts this run (not linted, not cached) are parsed by the index when a link needs them.
    if (!pages.has(path)) return site.anchors(path);
    const anchors = pages.get(path)?.anchors;
    if (anchors && 'error' in anchors) throw new Error(anchors.error);
    return anchors;
  };
  for (const rule of rules) {
    if (!isSiteRule(rule) || !isEnabled(config, rule)) continue;
    const options = config.rules[rule.meta.id]!.options;
    const collected = page.collected[rule.meta.id];
    collectReports(config, rule, sink, (report) => rule.check({ page, collected, options, site, pages, anchorsOf, externalStatus: (url) => external.get(url), report }));
  }
  return sink.findings.sort(byPosition);
}
