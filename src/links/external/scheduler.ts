/**
 * Who may be asked next: URLs wait in one queue per host, and a worker takes the next URL of a
 * host with a free slot (per-host limits, with per-host overrides), so a slow or busy host
 * never blocks the others and a take costs O(hosts), not O(URLs). A host's limit adapts as TCP's
 * window does (AIMD): a 429 halves it (down to one request at a time), once per window (a 429 to
 * a request sent before the last halving says nothing of the new limit), and each run of answers
 * without one as long as the limit raises it by one again, back up to the configured limit.
 */
export class HostScheduler {
  private readonly queues = new Map<string, string[]>();
  private readonly active = new Map<string, number>();
  private readonly limits = new Map<string, number>();
  /** Each host's limit as the answers adapt it (absent: its configured limit). */
  private readonly current = new Map<string, number>();
  private readonly successes = new Map<string, number>();
  private readonly hostOfUrl = new Map<string, string>();
  /** How many times each host's limit was halved, and that count when each URL was taken. */
  private readonly halvings = new Map<string, number>();
  private readonly takenAt = new Map<string, number>();
  private pending = 0;
  private closed = false;
  private waiting: (() => void)[] = [];
  readonly rateLimited = new Set<string>();

  constructor(
    private readonly defaultLimit: number,
    overrides: Readonly<Record<string, { perHost?: number }>> = {},
  ) {
    for (const [host, override] of Object.entries(overrides)) if (override.perHost) this.limits.set(host.toLowerCase(), override.perHost);
  }

  static hostOf(url: string): string {
    try {
      return new URL(url).host.toLowerCase();
    } catch {
      return '';
    }
  }

  enqueue(urls: Iterable<string>): void {
    let added = 0;
    for (const url of urls) {
      added++;
      const host = HostScheduler.hostOf(url);
      this.hostOfUrl.set(url, host);
      let queue = this.queues.get(host);
      if (!queue) this.queues.set(host, (queue = []));
      queue.push(url);
      this.pending++;
    }
    // One idle worker per new URL at most (waking all of them for each URL costs O(workers) per URL).
    this.wake(added);
  }

  /** The URL comes back at the head of its host's queue after `ms` (a Retry-After: it has had its turn); until then it counts as pending. */
  defer(url: string, ms: number): void {
    this.pending++;
    setTimeout(() => {
      const host = this.hostOfUrl.get(url) ?? HostScheduler.hostOf(url);
      let queue = this.queues.get(host);
      if (!queue) this.queues.set(host, (queue = []));
      queue.unshift(url);
      this.wake(1);
    }, ms);
  }

  /** No more URLs will come: workers finish once the queues are empty. */
  close(): void {
    this.closed = true;
    this.wake(this.waiting.length);
  }

  /** The next URL whose host has a free slot, waiting while none has; undefined when all are taken and the scheduler is closed. */
  async take(): Promise<string | undefined> {
    for (;;) {
      if (this.pending === 0 && this.closed) return undefined;
      for (const [host, queue] of this.queues) {
        if (queue.length === 0 || (this.active.get(host) ?? 0) >= this.limitOf(host)) continue;
        this.active.set(host, (this.active.get(host) ?? 0) + 1);
        this.pending--;
        this.takenAt.set(queue[0]!, this.halvings.get(host) ?? 0);
        // Nothing left to hand out: let every idle worker finish (or wait for more).
        if (this.pending === 0 && this.closed) this.wake(this.waiting.length);
        return queue.shift();
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** One slot is free again: one waiting worker can use it. */
  release(url: string): void {
    const host = this.hostOfUrl.get(url) ?? HostScheduler.hostOf(url);
    this.active.set(host, (this.active.get(host) ?? 1) - 1);
    this.wake(1);
  }

  /** A 429: the host gets half as many requests at a time (at least one), unless the request went out before its last halving. */
  slowDown(url: string): void {
    const host = this.hostOfUrl.get(url) ?? HostScheduler.hostOf(url);
    this.rateLimited.add(host);
    const halvings = this.halvings.get(host) ?? 0;
    if ((this.takenAt.get(url) ?? halvings) < halvings) return;
    this.halvings.set(host, halvings + 1);
    this.current.set(host, Math.max(1, Math.floor(this.limitOf(host) / 2)));
    this.successes.set(host, 0);
  }

  /** An answer that was not a 429: after as many in a row as the limit, one more request at a time, up to the configured limit. */
  answered(url: string): void {
    const host = this.hostOfUrl.get(url) ?? HostScheduler.hostOf(url);
    const limit = this.current.get(host);
    if (limit === undefined) return;
    const inRow = (this.successes.get(host) ?? 0) + 1;
    if (inRow < limit) {
      this.successes.set(host, inRow);
      return;
    }
    this.successes.set(host, 0);
    if (limit + 1 >= this.configuredLimit(host)) this.current.delete(host);
    else this.current.set(host, limit + 1);
    this.wake(1);
  }

  private limitOf(host: string): number {
    return this.current.get(host) ?? this.configuredLimit(host);
  }

  private configuredLimit(host: string): number {
    return this.limits.get(host) ?? this.defaultLimit;
  }

  private wake(count: number): void {
    for (const resolve of this.waiting.splice(0, count)) resolve();
  }
}
