/**
 * Anchors between pages and processes: how a rule's anchor requests are answered (see
 * late-answers.ts), and a page's anchors as workers pass them and the result cache keeps them.
 */
import type { Anchor } from '../site/anchors.js';
import type { SiteIndex } from '../site/site-index.js';
import { answeredAtOnce, DeferredRequests, type Lookup, type Requests } from './late-answers.js';

export type AnchorsLookup = Lookup<readonly Anchor[] | undefined>;
export type AnchorRequests = Requests<readonly Anchor[] | undefined>;
export type DeferredAnchors = DeferredRequests<readonly Anchor[] | undefined>;

/** A page's anchors as passed between workers and kept in the result cache: none when it is not a page, or why computing them failed. */
export type AnchorsResult = readonly Anchor[] | null | { error: string };

/** Looks pages' anchors up in the index, which parses a page on first use. */
export const anchorsLookup =
  (site: SiteIndex) =>
  (path: string): AnchorsLookup =>
  () =>
    site.anchors(path);

/** Answers at once, parsing the page if needed. */
export const immediateAnchors = (site: SiteIndex): AnchorRequests => answeredAtOnce(anchorsLookup(site));

/** Waits for the pages of a batch; anchors already known (computed or given) are answered at once. */
export const deferredAnchors = (site: SiteIndex): DeferredAnchors => new DeferredRequests<readonly Anchor[] | undefined>((path) => site.knownAnchors(path));

export const isAnchorList = (result: AnchorsResult): result is readonly Anchor[] => Array.isArray(result);

/** A page's anchors as a result (computed now unless already known). */
export function anchorsResult(site: SiteIndex, path: string): AnchorsResult {
  try {
    return site.anchors(path) ?? null;
  } catch (error) {
    return { error: (error as Error).message ?? String(error) };
  }
}
