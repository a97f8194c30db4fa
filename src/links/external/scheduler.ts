/**
 * Who may send the next request: each request waits for a slot on its host (per-host limits,
 * with per-host overrides) and in the run (the concurrency limit), so a slow or busy host never
 * blocks the others. A host's waiting requests go out in turn order: requests due again after a
 * Retry-After or back-off wait first, then each URL's first request, then requests asked again
 * after they were let go for being slow (see Patience), then the rest of a URL's requests
 * (redirect hops, GET after a refused HEAD). Every URL's first answer, and so every Retry-After
 * the host demands, comes as early as the host's slots allow. The slow requests may take the
 * whole timeout each, so they go before the short rest, and never hold all of a host's slots
 * (one is kept for the others when the limit is above one): a request due after its Retry-After
 * does not wait behind them.
 *
 * A host's limit adapts as TCP's window does (AIMD): 429s halve it (down to one request at a
 * time), and each run of answers without one as long as the limit raises it by one again, back
 * up to the configured limit. One 429 among answers that are fine is that URL's own limit (its
 * Retry-After is honoured for it alone); two answered in a row, for different URLs asked for the
 * first time since a 429, are the host's, and halve it, once per window (a 429 to a request sent
 * before the last halving says nothing of the new limit). A URL asked again after its own 429 and
 * answered 429 again only says its own wait is not over: URLs retried together after one
 * Retry-After would otherwise halve the host in pairs.
 */
export type Turn = 'again' | 'first' | 'slow' | 'next';
const turns: readonly Turn[] = ['again', 'first', 'slow', 'next'];

/** A granted request slot: give it back with release(). */
export interface Slot {
  readonly host: string;
  /** The host's halvings when the slot was granted: a 429 to a request sent before the last one does not halve again. */
  readonly window: number;
  readonly turn: Turn;
}

interface HostState {
  readonly host: string;
  active: number;
  /** Slots held by requests of the `slow` turn. */
  activeSlow: number;
  waiting: Record<Turn, ((slot: Slot) => void)[]>;
  /** The limit as the answers adapt it (absent: the configured limit). */
  current?: number;
  successes: number;
  halvings: number;
  /** The URL of the host's last answer when it was a 429. */
  last429?: string;
}

export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();
  private readonly limits = new Map<string, number>();
  private active = 0;
  readonly rateLimited = new Set<string>();
  /** URLs answered 429 at least once. */
  private readonly limitedUrls = new Set<string>();

  constructor(
    private readonly defaultLimit: number,
    overrides: Readonly<Record<string, { perHost?: number }>> = {},
    private readonly concurrency = Number.POSITIVE_INFINITY,
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

  /** Waits for a free slot on the URL's host and in the run; requests of an earlier turn go first. */
  acquire(url: string, turn: Turn): Promise<Slot> {
    const state = this.stateOf(HostScheduler.hostOf(url));
    return new Promise((grant) => {
      state.waiting[turn].push(grant);
      this.grant(state);
    });
  }

  /** The request is answered: its host's next waiting request may go, or another host's if the run was full. */
  release(slot: Slot): void {
    const state = this.stateOf(slot.host);
    const runWasFull = this.active >= this.concurrency;
    state.active--;
    if (slot.turn === 'slow') state.activeSlow--;
    this.active--;
    this.grant(state);
    if (runWasFull) for (const other of this.hosts.values()) if (!this.grant(other)) break;
  }

  /**
   * A 429 to the URL: after a 429 to another URL, the host gets half as many requests at a time
   * (at least one), unless this request went out before its last halving.
   */
  slowDown(slot: Slot, url: string): void {
    const state = this.stateOf(slot.host);
    this.rateLimited.add(slot.host);
    if (this.limitedUrls.has(url)) return;
    this.limitedUrls.add(url);
    const previous = state.last429;
    state.last429 = url;
    if (previous === undefined || slot.window < state.halvings) return;
    state.halvings++;
    state.current = Math.max(1, Math.floor(this.limitOf(state) / 2));
    state.successes = 0;
  }

  /** An answer that was not a 429: after as many in a row as the limit, one more request at a time, up to the configured limit. */
  answered(slot: Slot): void {
    const state = this.stateOf(slot.host);
    state.last429 = undefined;
    if (state.current === undefined) return;
    if (++state.successes < state.current) return;
    state.successes = 0;
    state.current = state.current + 1 >= this.configuredLimit(slot.host) ? undefined : state.current + 1;
    this.grant(state);
  }

  /** Grants the host's waiting requests the slots it and the run have free; false when the run is full. */
  private grant(state: HostState): boolean {
    const limit = this.limitOf(state);
    while (this.active < this.concurrency && state.active < limit) {
      const turn = turns.find((t) => state.waiting[t].length > 0 && (t !== 'slow' || limit === 1 || state.activeSlow < limit - 1));
      if (!turn) return true;
      state.active++;
      this.active++;
      if (turn === 'slow') state.activeSlow++;
      state.waiting[turn].shift()!({ host: state.host, window: state.halvings, turn });
    }
    return this.active < this.concurrency;
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) this.hosts.set(host, (state = { host, active: 0, activeSlow: 0, waiting: { again: [], first: [], next: [], slow: [] }, successes: 0, halvings: 0 }));
    return state;
  }

  private limitOf(state: HostState): number {
    return state.current ?? this.configuredLimit(state.host);
  }

  private configuredLimit(host: string): number {
    return this.limits.get(host) ?? this.defaultLimit;
  }
}
