/** The external URLs documents link to (fragment dropped), ready to check once each. */
import type { LinkRef } from '../extract.js';
import type { LinearPattern } from '../../text/linear-pattern.js';
import { withoutDirective } from '../fragment.js';

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

/** Adds one page's external URLs (and the fragments it uses on them) to `into`; returns the URLs it is the first to use. */
export function addExternalUrls(links: readonly LinkRef[], siteUrls: readonly string[], ignore: readonly LinearPattern[], into: ExternalUrls): string[] {
  const added: string[] = [];
  for (const link of links) {
    const url = externalUrl(link.url, siteUrls);
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
