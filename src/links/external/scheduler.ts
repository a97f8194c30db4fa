/**
 * Who may be asked next: URLs wait in one queue per host, and a worker takes the next URL of a
 * host with a free slot (per-host limits, with per-host overrides), so a slow or busy host
 * never blocks the others and a take costs O(hosts), not O(URLs). A host that answered 429 is
 * slowed to one request at a time for the rest of the run.
 */
export class HostScheduler {
  private readonly queues = new Map<string, string[]>();
  private readonly active = new Map<string, number>();
  private readonly limits = new Map<string, number>();
  private readonly hostOfUrl = new Map<string, string>();
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
        if (queue.length === 0 || (this.active.get(host) ?? 0) >= (this.limits.get(host) ?? this.defaultLimit)) continue;
        this.active.set(host, (this.active.get(host) ?? 0) + 1);
        this.pending--;
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

  slowDown(url: string): void {
    const host = this.hostOfUrl.get(url) ?? HostScheduler.hostOf(url);
    this.limits.set(host, 1);
    this.rateLimited.add(host);
  }

  private wake(count: number): void {
    for (const resolve of this.waiting.splice(0, count)) resolve();
  }
}
