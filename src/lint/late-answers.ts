/**
 * How a rule learns a fact it does not hold: another page's anchors, what checking an external
 * URL found. Answered at once by default. A batch run answers later instead (the pages it lints
 * give their anchors as they are parsed; URLs are answered after the last request), so each page
 * is parsed once whatever the order of the links, and rules run while requests are in flight.
 */

/** Looks the fact up; throws what computing it threw, so the asking rule reports it. */
export type Lookup<T> = () => T;
export type Answer<T> = (lookup: Lookup<T>) => void;

export interface Requests<T> {
  request(key: string, answer: Answer<T>): void;
}

/** Answers every request at once. */
export const answeredAtOnce = <T>(lookupOf: (key: string) => Lookup<T>): Requests<T> => ({
  request: (key, answer) => answer(lookupOf(key)),
});

/** Holds requests until `settle`, except those `known` can already answer. */
export class DeferredRequests<T> implements Requests<T> {
  private readonly waiting = new Map<string, Answer<T>[]>();

  constructor(private readonly known: (key: string) => T | undefined = () => undefined) {}

  request(key: string, answer: Answer<T>): void {
    const known = this.known(key);
    if (known !== undefined) return answer(() => known);
    const queue = this.waiting.get(key);
    if (queue) queue.push(answer);
    else this.waiting.set(key, [answer]);
  }

  /** The keys asked about that are not answered yet. */
  pending(): string[] {
    return [...this.waiting.keys()];
  }

  /** Answers every waiting request, looking each key up once. */
  settle(lookupOf: (key: string) => Lookup<T>): void {
    for (const [key, answers] of this.waiting) {
      const lookup = settledLookup(lookupOf(key));
      for (const answer of answers) answer(lookup);
    }
    this.waiting.clear();
  }
}

/** Runs the lookup once; every caller gets its result or its error. */
function settledLookup<T>(lookup: Lookup<T>): Lookup<T> {
  try {
    const value = lookup();
    return () => value;
  } catch (error) {
    return () => {
      throw error;
    };
  }
}
