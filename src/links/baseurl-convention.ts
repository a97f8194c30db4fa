/**
 * Whether a site writes its links without the baseurl as a rule, leaving it to a plugin gem
 * doclint does not read (w3c's wai-website-plugin makes each `[text](/path/)` a `relative_url`):
 * where the site loads such a gem and more of its root-relative links that reach a page leave the
 * baseurl out than write it, the gem adds it; built without one, nearly every page of the site
 * would be broken. Counted once per run, over the links of the pages it knows (at most
 * `linksCounted`); fewer than `fewestLinks` tell nothing.
 */
import { unreadPluginGems } from '../site/plugins.js';
import type { SiteIndex } from '../site/site-index.js';
import type { PageFacts } from '../types.js';
import { resolveLink } from './resolve.js';

const linksCounted = 20_000;
const fewestLinks = 10;

const bySite = new WeakMap<SiteIndex, boolean>();

export function baseurlLeftToPlugins(site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>): boolean {
  const known = bySite.get(site);
  if (known !== undefined) return known;
  const baseurl = site.jekyll.baseurl;
  let without = 0;
  let written = 0;
  let counted = 0;
  if (baseurl && unreadPluginGems(site.jekyll).length > 0) {
    for (const facts of pages.values()) {
      for (const link of facts?.links ?? []) {
        if (link.url === undefined || !link.url.startsWith('/') || link.url.startsWith('//')) continue;
        if (++counted > linksCounted) break;
        const status = resolveLink(link, facts!.path, site).status;
        if (status === 'missing-baseurl') without++;
        else if ((status === 'ok' || status === 'redirect' || status === 'missing-slash') && (link.url === baseurl || link.url.startsWith(`${baseurl}/`))) written++;
      }
      if (counted > linksCounted) break;
    }
  }
  const leftToPlugins = without + written >= fewestLinks && without > written;
  bySite.set(site, leftToPlugins);
  return leftToPlugins;
}
