/**
 * How long a request waits for its answer before it is let go and asked again later, once, with
 * the whole `timeout`: a few times the host's usual wait (the median of its last answers). A host
 * has a few requests at a time; one slow page or a server that hangs would hold one of them while
 * the host's other URLs wait for their first answer, and with it for every Retry-After they bring,
 * which a checker cannot know before asking. Asked again once the host's other URLs had their
 * first turn, a slow page costs its host one more request, and the run less time. Until a host has
 * answered a few times there is no such bound, and it is never below `floorMs`.
 */
const kept = 15;
const fewestAnswers = 5;
const timesUsual = 4;
const floorMs = 250;

export class Patience {
  private readonly recent = new Map<string, number[]>();

  /** A request to the host got its answer's head after this many milliseconds. */
  record(host: string, ms: number): void {
    let times = this.recent.get(host);
    if (!times) this.recent.set(host, (times = []));
    times.push(ms);
    if (times.length > kept) times.shift();
  }

  /** Milliseconds the host's next request may wait for its answer before it is let go; undefined: the whole timeout. */
  of(host: string, timeout: number): number | undefined {
    const times = this.recent.get(host);
    if (!times || times.length < fewestAnswers) return undefined;
    const sorted = [...times].sort((a, b) => a - b);
    const patience = Math.max(floorMs, timesUsual * sorted[sorted.length >> 1]!);
    return patience < timeout ? patience : undefined;
  }
}
