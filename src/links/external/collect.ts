/** The external URLs documents link to (fragment dropped), ready to check once each. */
import type { LinkRef } from '../extract.js';
import type { LinearPattern } from '../../text/linear-pattern.js';
import { withoutDirective } from '../fragment.js';
import type { JekyllConfig } from '../../site/jekyll-config.js';

/** The other sites of a GitHub Pages project site's owner, on its host: where its root-relative links outside `baseurl` lead. */
export interface OwnerSites {
  origin: string;
  baseurl: string;
}

/**
 * A GitHub Pages project site's owner's other sites: at the site's `url`, or `https://owner.github.io`,
 * which GitHub sends on to the owner's own domain where it has one. None for any other site.
 */
export function ownerSites(jekyll: Pick<JekyllConfig, 'projectSite' | 'url' | 'baseurl'>): OwnerSites | undefined {
  if (!jekyll.projectSite) return undefined;
  return { origin: ownerOrigin(jekyll.url, jekyll.projectSite.split('/')[0]!), baseurl: jekyll.baseurl };
}

/**
 * Where a GitHub Pages owner's sites are served: the host of the site's `url` (written with a
 * project's path too, `https://owner.github.io/project`), or `https://owner.github.io`, which
 * GitHub sends on to the owner's own domain where it has one.
 */
export function ownerOrigin(siteUrl: string, owner: string): string {
  const origin = URL.parse(siteUrl)?.origin;
  return origin && origin !== 'null' ? origin : `https://${owner.toLowerCase()}.github.io`;
}

/** The URL of the owner's site a project site's root-relative link outside its path leads to (`/other-project/`), if it is one. */
export function ownerSiteUrl(url: string | undefined, owner: OwnerSites | undefined): string | undefined {
  if (!owner || !url?.startsWith('/') || url.startsWith('//')) return undefined;
  const withoutFragment = url.split('#')[0]!;
  const path = withoutFragment.split('?')[0]!;
  if (path === owner.baseurl || path.startsWith(`${owner.baseurl}/`)) return undefined;
  return requestUrl(`${owner.origin}${withoutFragment}`);
}

/** The URL to request for a link, or undefined when the link is not an external http(s) URL. */
export function externalUrl(url: string | undefined, siteUrls: readonly string[]): string | undefined {
  if (!url || !/^https?:\/\//i.test(url.trim())) return undefined;
  const trimmed = url.trim();
  // Links on the site's own `url` (or a baseurl written as a URL) are checked offline, as links into the site.
  if (siteUrls.some((own) => trimmed === own || trimmed.startsWith(`${own}/`))) return undefined;
  return requestUrl(trimmed.split('#')[0]!);
}

/** One spelling per URL (`http://h` and `http://H:80/` are `http://h/`), so each is requested once. */
function requestUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    // The checker reports it as not a valid URL.
    return url;
  }
}

export interface ExternalUrls {
  urls: Set<string>;
  /** URL -> the fragments links use on it. */
  fragments: Map<string, Set<string>>;
}

/**
 * Adds one page's external URLs (and the fragments it uses on them) to `into`, with those of the
 * owner's other sites its root-relative links lead to (`owner`); returns the URLs it is the first to use.
 */
export function addExternalUrls(links: readonly LinkRef[], siteUrls: readonly string[], ignore: readonly LinearPattern[], into: ExternalUrls, owner?: OwnerSites): string[] {
  const added: string[] = [];
  for (const link of links) {
    const url = externalUrl(link.url, siteUrls) ?? ownerSiteUrl(link.url, owner);
    if (!url || ignore.some((pattern) => pattern.test(url))) continue;
    if (!into.urls.has(url)) {
      into.urls.add(url);
      added.push(url);
    }
    const hash = link.url!.indexOf('#');
    const fragment = hash === -1 ? '' : withoutDirective(link.url!.slice(hash + 1));
    if (fragment !== '') {
      if (!into.fragments.has(url)) into.fragments.set(url, new Set());
      into.fragments.get(url)!.add(fragment);
    }
  }
  return added;
}
