/**
 * Who may be asked next: a URL whose host has a free slot (per-host limits, with per-host
 * overrides), so a slow or busy host never blocks the others. A host that answered 429 is
 * slowed to one request at a time for the rest of the run.
 */
export class HostScheduler {
  private readonly active = new Map<string, number>();
  private readonly limits = new Map<string, number>();
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

  /** Takes the first queued URL whose host has a free slot, waiting while none has. */
  async take(queue: string[]): Promise<string | undefined> {
    for (;;) {
      if (queue.length === 0) return undefined;
      const index = queue.findIndex((url) => this.free(HostScheduler.hostOf(url)));
      if (index !== -1) {
        const [url] = queue.splice(index, 1);
        const host = HostScheduler.hostOf(url!);
        this.active.set(host, (this.active.get(host) ?? 0) + 1);
        return url;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  release(url: string): void {
    const host = HostScheduler.hostOf(url);
    this.active.set(host, (this.active.get(host) ?? 1) - 1);
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  slowDown(url: string): void {
    const host = HostScheduler.hostOf(url);
    this.limits.set(host, 1);
    this.rateLimited.add(host);
  }

  private free(host: string): boolean {
    return (this.active.get(host) ?? 0) < (this.limits.get(host) ?? this.defaultLimit);
  }
}
