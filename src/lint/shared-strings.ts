/**
 * One copy of each string a run's facts repeat, kept until pass 2 is over. Facts from pass 1 here,
 * from a worker or from the result cache each hold copies of their own (a message or a cache entry
 * is read string by string), and generated pages repeat the same links on every page: apache/storm's
 * site commits 108,000 javadoc pages, 7 million links to 70,000 distinct URLs per 7,000 pages.
 * Line starts are kept as 32-bit numbers, half a JavaScript array's size.
 */
import type { Anchor } from '../site/anchors.js';
import type { PageFacts } from '../types.js';

export class SharedStrings {
  private readonly strings = new Map<string, string>();
  private readonly done = new WeakSet<PageFacts>();

  private shared(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /** The facts, their links' destinations and their anchors' ids from the pool, their line starts packed (changed in place). */
  share(facts: PageFacts): PageFacts {
    if (this.done.has(facts)) return facts;
    this.done.add(facts);
    for (const link of facts.links) {
      link.raw = this.shared(link.raw);
      if (link.url !== undefined) link.url = link.url === link.raw ? link.raw : this.shared(link.url);
    }
    if (Array.isArray(facts.anchors)) for (const anchor of facts.anchors as Anchor[]) anchor.id = this.shared(anchor.id);
    if (!(facts.lineStarts instanceof Uint32Array)) facts.lineStarts = Uint32Array.from(facts.lineStarts);
    return facts;
  }
}
