/** The external URLs documents link to (fragment dropped), ready to check once each. */
import type { SiteIndex } from '../../site/site-index.js';
import type { TagRegistry } from '../../parse/tag-registry.js';
import { documentLinks } from '../extract.js';

/** The URL to request for a link, or undefined when the link is not an external http(s) URL. */
export function externalUrl(url: string | undefined, site: SiteIndex): string | undefined {
  if (!url || !/^https?:\/\//i.test(url.trim())) return undefined;
  const trimmed = url.trim();
  if (site.jekyll.url && (trimmed === site.jekyll.url || trimmed.startsWith(`${site.jekyll.url}/`))) return undefined;
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
export function addExternalUrls(path: string, site: SiteIndex, tags: TagRegistry, ignore: readonly RegExp[], into: ExternalUrls): string[] {
  const document = site.document(path);
  if (!document) return [];
  const added: string[] = [];
  for (const link of documentLinks(document, site.scope(path), tags)) {
    const url = externalUrl(link.url, site);
    if (!url || ignore.some((pattern) => pattern.test(url))) continue;
    if (!into.urls.has(url)) {
      into.urls.add(url);
      added.push(url);
    }
    const hash = link.url!.indexOf('#');
    const fragment = hash === -1 ? '' : link.url!.slice(hash + 1);
    if (fragment !== '') {
      if (!into.fragments.has(url)) into.fragments.set(url, new Set());
      into.fragments.get(url)!.add(fragment);
    }
  }
  return added;
}
