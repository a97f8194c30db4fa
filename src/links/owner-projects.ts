/**
 * A GitHub Pages user or organization site (`owner.github.io`) shares its host with the owner's
 * project sites: GitHub serves each repository's at `/name/` beside it (owasp.github.io's
 * `/www-project-top-ten/`). A link into a folder the site publishes nothing in may be one of
 * theirs; with external checks on, it is asked for there.
 */
import type { JekyllConfig } from '../site/jekyll-config.js';
import type { SiteIndex } from '../site/site-index.js';
import type { UrlMap } from '../site/urls.js';
import type { PageFacts } from '../types.js';
import { resolveLink } from './resolve.js';
import { ownerOrigin } from './external/collect.js';

/** The first folder of each URL a site publishes or redirects from, once per site. */
const topFolders = new WeakMap<UrlMap, Set<string>>();

/** The owner's repository whose project site GitHub serves at a path's first folder, where the site itself publishes nothing in that folder. */
export function ownerProjectAt(site: SiteIndex, path: string): string | undefined {
  const owner = site.jekyll.userSite;
  // GitHub serves a project site at `/project/` (and `/project` only by a redirect there): `/about` is a page of the site's own.
  const folder = /^\/([\w-][\w.-]*)\//.exec(path)?.[1];
  if (!owner || !folder) return undefined;
  let folders = topFolders.get(site.urls);
  if (!folders) topFolders.set(site.urls, (folders = new Set([...site.urls.targets.keys(), ...site.urls.redirects.keys()].map((url) => url.split('/')[1]!))));
  return folders.has(folder) ? undefined : `${owner}/${folder}`;
}

/** Where the owner's project site would answer for a path (see ownerOrigin). */
export function ownerProjectUrl(jekyll: Pick<JekyllConfig, 'url' | 'userSite'>, path: string): string {
  return new URL(path, ownerOrigin(jekyll.url, jekyll.userSite!)).href;
}

/** The URLs to ask for the pages' links into folders a user site publishes nothing in. */
export function* ownerProjectRequests(facts: Iterable<PageFacts | undefined>, site: SiteIndex): Generator<string> {
  if (!site.jekyll.userSite) return;
  for (const page of facts) {
    for (const link of page?.links ?? []) {
      const resolution = resolveLink(link, page!.path, site);
      if (resolution.status === 'not-found' && !resolution.viaSiteUrl && ownerProjectAt(site, resolution.path)) yield ownerProjectUrl(site.jekyll, resolution.path);
    }
  }
}
