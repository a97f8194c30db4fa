/**
 * One run's external checking, fed page by page: a page's new URLs are requested as soon as it
 * is read (each distinct URL once, from the outcome cache when fresh, only this shard's). With
 * `external.fragments`, the fragments used on a URL are collected as pages come, and read by the
 * checks as each URL's turn comes (see ExternalChecks).
 */
import { resolve } from 'node:path';
import { ExternalCache } from '../links/external/cache.js';
import type { CheckRun, ExternalStatus } from '../links/external/check.js';
import { addExternalUrls, ownerSites, type ExternalUrls } from '../links/external/collect.js';
import { ownSiteUrls, type JekyllConfig } from '../site/jekyll-config.js';
import { inShard } from '../links/external/shard.js';
import type { ResolvedConfig } from '../config/types.js';
import type { LinkRef } from '../links/extract.js';
import { configPatterns } from '../text/linear-pattern.js';

export interface ExternalRun {
  /** Requests the new URLs among a page's links (from its pass-1 facts). */
  addPage(links: readonly LinkRef[]): void;
  /** Requests URLs no link names as written (where a user site's owner's project site would answer for a link into it). */
  addUrls(urls: Iterable<string>): void;
  /** Every outcome, cached or checked, once the last request is done (the cache is saved by then). */
  done(): Promise<CheckRun>;
}

export async function startExternalRun(root: string, config: ResolvedConfig, jekyll: JekyllConfig, onProgress?: (done: number, total: number, host: string) => void): Promise<ExternalRun> {
  const siteUrls = ownSiteUrls(jekyll);
  const owner = ownerSites(jekyll);
  const settings = config.external;
  const ignore = await configPatterns('external.ignore', settings.ignore);
  const cache = settings.cache === false ? undefined : await ExternalCache.load(resolve(root, settings.cache), settings.cacheTtl);
  // Loaded only here: the HTTP client is not needed by runs without external checks.
  const { ExternalChecks } = await import('../links/external/check.js');
  const collected: ExternalUrls = { urls: new Set(), fragments: new Map() };
  const checks = new ExternalChecks(settings, collected.fragments, onProgress ? { onProgress } : {});
  const known = new Map<string, ExternalStatus>();
  const request = (url: string): void => {
    if (settings.shard && !inShard(url, settings.shard)) return;
    // A cached outcome says nothing about fragments that run did not look for.
    const cached = settings.fragments && collected.fragments.has(url) ? undefined : cache?.get(url);
    if (cached) known.set(url, cached);
    else checks.add(url);
  };
  return {
    addPage(links) {
      addExternalUrls(links, siteUrls, ignore, collected, owner).forEach(request);
    },
    addUrls(urls) {
      for (const url of urls) {
        if (collected.urls.has(url) || ignore.some((pattern) => pattern.test(url))) continue;
        collected.urls.add(url);
        request(url);
      }
    },
    async done() {
      // A cached outcome says nothing about fragments: a URL that got some after it was taken from the cache is checked.
      for (const url of known.keys()) {
        if (settings.fragments && collected.fragments.has(url)) {
          known.delete(url);
          checks.add(url);
        }
      }
      const checked = await checks.done();
      for (const [url, status] of checked.results) {
        known.set(url, status);
        cache?.set(url, status);
      }
      await cache?.save();
      return { results: known, rateLimitedHosts: checked.rateLimitedHosts };
    },
  };
}

/** Lets the answers to requests in flight be handled between two pages' CPU work. */
export const yieldToRequests = (): Promise<void> => new Promise((next) => setImmediate(next));
