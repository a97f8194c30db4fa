/**
 * How a rule learns another page's anchors. Answered at once by default (the site index parses
 * the page on first use). A batch run answers later instead: the pages it lints give their
 * anchors as they are parsed, and what is still asked once every page has been linted is
 * answered then, so each page is parsed once whatever the order of the links between pages.
 */
import type { Anchor } from '../site/anchors.js';
import type { SiteIndex } from '../site/site-index.js';

/** Looks the anchors up; throws what parsing the page threw, so the asking rule reports it. */
export type AnchorsLookup = () => readonly Anchor[] | undefined;
export type AnchorsAnswer = (lookup: AnchorsLookup) => void;

/** A page's anchors as passed between workers and kept in the result cache: none when it is not a page, or why computing them failed. */
export type AnchorsResult = readonly Anchor[] | null | { error: string };

export interface AnchorRequests {
  request(path: string, answer: AnchorsAnswer): void;
}

/** Answers at once, parsing the page if needed. */
export const immediateAnchors = (site: SiteIndex): AnchorRequests => ({
  request: (path, answer) => answer(() => site.anchors(path)),
});

export class DeferredAnchors implements AnchorRequests {
  private readonly waiting = new Map<string, AnchorsAnswer[]>();

  constructor(private readonly site: SiteIndex) {}

  request(path: string, answer: AnchorsAnswer): void {
    const known = this.site.knownAnchors(path);
    if (known) return answer(() => known);
    const queue = this.waiting.get(path);
    if (queue) queue.push(answer);
    else this.waiting.set(path, [answer]);
  }

  /** The pages asked about whose anchors are not known yet. */
  pending(): string[] {
    return [...this.waiting.keys()];
  }

  /**
   * Answers every waiting request: by default the index parses what nobody has parsed yet; a
   * worker passes the answers other workers computed.
   */
  settle(lookupOf: (path: string) => AnchorsLookup = (path) => () => this.site.anchors(path)): void {
    for (const [path, answers] of this.waiting) {
      const lookup = settledLookup(lookupOf(path));
      for (const answer of answers) answer(lookup);
    }
    this.waiting.clear();
  }
}

/** Runs the lookup once; every caller gets its result or its error. */
function settledLookup(lookup: AnchorsLookup): AnchorsLookup {
  try {
    const anchors = lookup();
    return () => anchors;
  } catch (error) {
    return () => {
      throw error;
    };
  }
}

export const isAnchorList = (result: AnchorsResult): result is readonly Anchor[] => Array.isArray(result);

/** A page's anchors as a result (computed now unless already known). */
export function anchorsResult(site: SiteIndex, path: string): AnchorsResult {
  try {
    return site.anchors(path) ?? null;
  } catch (error) {
    return { error: (error as Error).message ?? String(error) };
  }
}
