/**
 * Checks external URLs over HTTP(S), once each however many pages use them: a global
 * concurrency limit and a per-host one (one undici Agent, `connections` per origin), HEAD
 * first with a GET fallback where HEAD is refused or unreliable, bounded retries with
 * exponential backoff and jitter for network errors and 5xx, `Retry-After` honoured on 429/503
 * up to a ceiling, redirects followed by hand (bounded, loops detected), and no requests to
 * private networks unless allowed. Outcomes are plain data for the link-external rule.
 */
import { isIP } from 'node:net';
import type { Dispatcher } from 'undici';
import Agent from 'undici/lib/dispatcher/agent.js';
import { suspiciousLanding, type Landing } from './landing.js';
import { guardedLookup, isPrivateAddress } from './network-guard.js';
import { percentDecoded } from '../../text/percent-decode.js';
import { htmlIds } from '../html-ids.js';
import { Patience } from './patience.js';
import { HostScheduler, type Turn } from './scheduler.js';
import { defaultExternalOptions, type ExternalCheckOptions, type HostOverride } from './settings.js';

export { defaultExternalOptions, type ExternalCheckOptions, type HostOverride } from './settings.js';

/** Progress and notices while checking (a TTY progress line, a summary of rate-limited hosts). */
export interface CheckHooks {
  onProgress?(done: number, total: number, host: string): void;
}

export interface CheckRun {
  results: Map<string, ExternalStatus>;
  /** Hosts that answered 429 (their request limit was halved, then raised again as they answered). */
  rateLimitedHosts: string[];
}

export type ExternalStatus =
  | ({ kind: 'ok'; code: number } & FragmentFindings)
  | ({ kind: 'redirected'; code: number; finalUrl: string; permanent: boolean; landing?: Landing } & FragmentFindings)
  | { kind: 'broken'; code?: number; reason: string }
  /** Timeouts, 5xx after retries, resets: maybe fine, maybe not. */
  | { kind: 'unknown'; code?: number; reason: string }
  | { kind: 'skipped'; reason: string };


/** GET instead when HEAD answers one of these: servers that do not implement or mishandle HEAD. */
const headUnreliable = new Set([400, 403, 404, 405, 501]);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Context {
  agent: Agent;
  options: ExternalCheckOptions;
  scheduler: HostScheduler;
  patience: Patience;
}

interface Response {
  method: 'HEAD' | 'GET';
  code: number;
  location?: string;
  retryAfter?: number;
  /** The wanted fragments the page lacks, when its HTML was read (a GET of a page links use with fragments). */
  fragments?: FragmentOutcome;
}

/** What reading a page for fragments found: those it lacks, and those not in the part read (and why only a part). */
export interface FragmentFindings {
  missingFragments?: string[];
  unconfirmedFragments?: string[];
  /** Why a page was read only in part: past `maxBodyBytes`, `timeout` ran out, or the connection failed. */
  unconfirmedBecause?: UnreadReason;
}
export type UnreadReason = 'size' | 'timeout' | 'error';

/** Of the fragments looked for on a page: those it lacks, and those not in the part read. */
interface FragmentOutcome {
  missing: string[];
  unconfirmed: string[];
  because?: UnreadReason;
}

/**
 * Checks every URL once, politely (see ExternalChecks).
 * @param fragments URL -> the `#fragments` links use on it; checked when `options.fragments` is on.
 */
export async function checkExternalUrls(
  urls: Iterable<string>,
  options: ExternalCheckOptions = defaultExternalOptions,
  fragments: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  hooks: CheckHooks = {},
): Promise<CheckRun> {
  const checks = new ExternalChecks(options, fragments, hooks);
  for (const url of urls) checks.add(url);
  return checks.done();
}

/**
 * Checks URLs as they are added (so requests go out while pages are still being read), each
 * once; `done()` waits for the outcome of every URL added. Each request waits for its turn on
 * its host (see HostScheduler). With `options.fragments` on, `fragments` (URL -> the fragments
 * links use on it, filled as pages are read) is read when a URL's first request gets its turn:
 * a URL with fragments is fetched once, with GET, and its HTML read for them; fragments that
 * came after its turn are looked for once every page is in.
 */
export class ExternalChecks {
  private readonly agent: Agent;
  private readonly context: Context;
  private readonly results = new Map<string, ExternalStatus>();
  private readonly added = new Set<string>();
  private readonly checks: Promise<void>[] = [];
  /** The fragments each URL's check looked for (those known when its turn came). */
  private readonly lookedFor = new Map<string, ReadonlySet<string>>();
  private closing = false;

  constructor(
    private readonly options: ExternalCheckOptions = defaultExternalOptions,
    private readonly fragments: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
    private readonly hooks: CheckHooks = {},
  ) {
    const overrides = Object.values(options.hosts).map((host) => host.perHost ?? 0);
    this.agent = new Agent({
      // doclint's scheduler enforces each host's limit; the agent only needs enough sockets.
      connections: Math.max(options.perHost, ...overrides),
      pipelining: 1,
      headersTimeout: options.timeout,
      bodyTimeout: options.timeout,
      connect: { timeout: options.connectTimeout, lookup: guardedLookup(options.allowPrivate) },
    });
    this.context = { agent: this.agent, options, scheduler: new HostScheduler(options.perHost, options.hosts, options.concurrency), patience: new Patience() };
  }

  add(url: string): void {
    if (this.added.has(url)) return;
    this.added.add(url);
    const check = this.check(url);
    // Awaited by done(); a failure before then must not also surface as an unhandled rejection.
    check.catch(() => undefined);
    this.checks.push(check);
  }

  async done(): Promise<CheckRun> {
    // Every page is in: URLs checked before all their fragments were known are looked at once more.
    this.closing = true;
    for (const url of this.results.keys()) {
      if (this.laterFragments(url).length > 0) this.checks.push(this.withLaterFragments(url, this.results.get(url)!).then((status) => void this.results.set(url, status)));
    }
    try {
      await Promise.all(this.checks);
    } finally {
      await this.agent.close();
    }
    return { results: this.results, rateLimitedHosts: [...this.context.scheduler.rateLimited].sort() };
  }

  private async check(url: string): Promise<void> {
    let wanted: ReadonlySet<string> | undefined;
    let status = await checkUrl(url, this.context, () => (wanted ??= this.wantedNow(url)));
    this.lookedFor.set(url, wanted ?? noFragments);
    // Once every page is in, a URL checked before some of its fragments were known is looked at again for them.
    if (this.closing) status = await this.withLaterFragments(url, status);
    this.results.set(url, status);
    this.hooks.onProgress?.(this.results.size, this.added.size, HostScheduler.hostOf(url));
  }

  /** The fragments links use on the URL so far (none unless fragments are checked). */
  private wantedNow(url: string): ReadonlySet<string> {
    return this.options.fragments ? new Set(this.fragments.get(url) ?? []) : noFragments;
  }

  /** The fragments used on the URL that its check did not look for. */
  private laterFragments(url: string): string[] {
    const looked = this.lookedFor.get(url) ?? noFragments;
    return [...this.wantedNow(url)].filter((fragment) => !looked.has(fragment));
  }

  private async withLaterFragments(url: string, status: ExternalStatus): Promise<ExternalStatus> {
    const later = this.laterFragments(url);
    if (later.length === 0 || (status.kind !== 'ok' && status.kind !== 'redirected')) return status;
    this.lookedFor.set(url, this.wantedNow(url));
    const found = await missingFragments(status.kind === 'redirected' ? status.finalUrl : url, new Set(later), this.context);
    return withFragments(status, found);
  }
}

const noFragments: ReadonlySet<string> = new Set();

/** A status with the outcome of more fragments added to what it says already. */
function withFragments<T extends ExternalStatus>(status: T, found: FragmentOutcome | undefined): T {
  if (!found || (status.kind !== 'ok' && status.kind !== 'redirected')) return status;
  const missing = [...(status.missingFragments ?? []), ...found.missing];
  const unconfirmed = [...(status.unconfirmedFragments ?? []), ...found.unconfirmed];
  const because = found.unconfirmed.length > 0 ? found.because : status.unconfirmedBecause;
  return { ...status, ...(missing.length ? { missingFragments: missing } : {}), ...(unconfirmed.length ? { unconfirmedFragments: unconfirmed, ...(because ? { unconfirmedBecause: because } : {}) } : {}) };
}

/** @param wanted the fragments to look for, read when the URL's first request gets its turn. */
async function checkUrl(url: string, context: Context, wanted: () => ReadonlySet<string>): Promise<ExternalStatus> {
  const { options } = context;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { kind: 'broken', reason: 'not a valid URL' };
  }
  const seen = new Set<string>();
  let permanent: boolean | undefined;
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') return { kind: 'skipped', reason: `${current.protocol} is not checked over HTTP` };
    if (isIP(current.hostname.replace(/^\[|\]$/g, '')) && isPrivateAddress(current.hostname) && !options.allowPrivate) {
      return { kind: 'skipped', reason: `${current.hostname} is a private address (not requested: allow it with external.allowPrivate)` };
    }
    seen.add(current.href);
    let response: Response;
    try {
      response = await withRetries(current, context, wanted, hop === 0 ? 'first' : 'next');
    } catch (error) {
      return classifyError(error);
    }
    if (response.code >= 300 && response.code < 400 && response.location) {
      permanent ??= response.code === 301 || response.code === 308;
      const next = new URL(response.location, current);
      if (seen.has(next.href)) return { kind: 'broken', code: response.code, reason: `redirect loop back to ${next.href}` };
      current = next;
      continue;
    }
    const accepted = [...options.acceptStatuses, ...(hostOverride(options, current)?.acceptStatuses ?? [])];
    if ((response.code >= 200 && response.code < 300) || accepted.includes(response.code)) {
      if (hop === 0) return withFragments({ kind: 'ok', code: response.code }, response.fragments);
      const landing = suspiciousLanding(new URL(url), current);
      return withFragments({ kind: 'redirected', code: response.code, finalUrl: current.href, permanent: permanent ?? false, ...(landing ? { landing } : {}) }, response.fragments);
    }
    if (response.code === 404 || response.code === 410) return { kind: 'broken', code: response.code, reason: `HTTP ${response.code}` };
    if (response.code >= 500 || response.code === 429 || response.code === 401 || response.code === 403) {
      return { kind: 'unknown', code: response.code, reason: `HTTP ${response.code}` };
    }
    return { kind: 'broken', code: response.code, reason: `HTTP ${response.code}` };
  }
  return { kind: 'broken', reason: `more than ${options.maxRedirects} redirects` };
}

function hostOverride(options: ExternalCheckOptions, url: URL): HostOverride | undefined {
  const hosts = options.hosts;
  const own = (key: string): HostOverride | undefined => (Object.hasOwn(hosts, key) ? hosts[key] : undefined);
  return own(url.host.toLowerCase()) ?? own(url.hostname.toLowerCase());
}

/**
 * A URL's requests: HEAD (GET where HEAD is refused, or when its page is read for fragments),
 * again after a 5xx or a reset (at most `retries` more times, after a back-off) and after each
 * Retry-After (at most `retries` waits); a timeout (a server that hangs) is not tried again, so
 * a hanging URL costs one timeout, not `retries + 1`. A request with no answer within its host's
 * patience (see Patience) is let go and asked again once, in the `slow` turn, with the whole
 * timeout. No slot is held while waiting.
 */
async function withRetries(url: URL, context: Context, wanted: () => ReadonlySet<string>, firstTurn: Turn): Promise<Response> {
  const { options } = context;
  let turn = firstTurn;
  let waits = 0;
  let patient = true;
  for (let attempt = 0; ; ) {
    const last = attempt >= options.retries;
    try {
      let response = await send(url, context, turn, wanted, { patient });
      if (response.method === 'HEAD' && headUnreliable.has(response.code)) response = await send(url, context, 'next', wanted, { method: 'GET' });
      const retryAfter = response.code === 429 || response.code === 503 ? response.retryAfter : undefined;
      if (retryAfter !== undefined && retryAfter <= options.retryAfterCeiling && waits < options.retries) {
        waits++;
        await wait(retryAfter);
      } else if (response.code >= 500 && !last) {
        await wait(backoff(attempt++));
      } else {
        return response;
      }
      turn = 'again';
    } catch (error) {
      if (patient && codeOf(error) === letGoCode) {
        // Slower than its host usually is: asked again once the host's other URLs had their first turn.
        patient = false;
        turn = 'slow';
        continue;
      }
      if (last || !retryable(error)) throw error;
      // A server that let the timeout pass would most likely let it pass again: one timeout per URL.
      if (/TIMEOUT|TimeoutError/i.test(codeOf(error))) throw error;
      await wait(backoff(attempt++));
      turn = 'again';
    }
  }
}

/**
 * One request, in its turn on the URL's host: HEAD unless the page is read for fragments or
 * `method` says GET. `patient`: let go (rejected with letGoCode) when its head takes longer than
 * the host's patience.
 */
async function send(url: URL, { agent, options, scheduler, patience }: Context, turn: Turn, wanted: () => ReadonlySet<string>, { method, patient = false }: { method?: 'GET'; patient?: boolean } = {}): Promise<Response> {
  const slot = await scheduler.acquire(url.href, turn);
  try {
    const fragments = wanted();
    const verb = method ?? (fragments.size > 0 ? 'GET' : 'HEAD');
    const headers = {
      'user-agent': options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'en',
      ...hostOverride(options, url)?.headers,
    };
    const answer = await exchange(agent, url, verb, headers, verb === 'GET' ? fragments : noFragments, options, patient ? patience.of(slot.host, options.timeout) : undefined);
    patience.record(slot.host, answer.headMs);
    if (answer.code === 429) scheduler.slowDown(slot, url.href);
    else scheduler.answered(slot);
    const location = answer.headers.location;
    const retryAfter = parseRetryAfter(answer.headers['retry-after']);
    return { method: verb, code: answer.code, ...(typeof location === 'string' ? { location } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}), ...(answer.fragments ? { fragments: answer.fragments } : {}) };
  } finally {
    scheduler.release(slot);
  }
}

/** Fetches a page (GET) only to look for fragments in its HTML (see exchange). */
async function missingFragments(url: string, wanted: ReadonlySet<string>, context: Context): Promise<FragmentOutcome | undefined> {
  try {
    return (await send(new URL(url), context, 'next', () => wanted, { method: 'GET' })).fragments;
  } catch {
    return undefined;
  }
}

interface Exchange {
  code: number;
  /** Milliseconds from the request to its answer's head. */
  headMs: number;
  headers: Record<string, string | string[] | undefined>;
  /** What the HTML of a page read for fragments showed (undefined: none wanted, or not HTML). */
  fragments?: FragmentOutcome;
}

/** A body that is not read is drained up to this many bytes, so the connection serves the host's next request; a longer one is cut. */
const drainBytes = 128 * 1024;
const timedOut = (): Error => new DOMException('The operation was aborted due to timeout', 'TimeoutError');
/** A request let go for taking longer than its host's patience. */
const letGoCode = 'DOCLINT_LET_GO';
const letGo = (): Error => Object.assign(new Error('no answer within the host\'s usual time'), { code: letGoCode });

/**
 * One request over undici's dispatcher interface (no stream per answer: thousands of HEADs cost
 * less), its whole time bounded by `timeout`. The answer's status and headers; with fragments
 * wanted (a GET of a 2xx HTML page), the page is read until each is found as an id or name or
 * `maxBodyBytes` are read (see FragmentReader). A failure before the answer's head rejects; one
 * while its body is read leaves the fragments not found yet unconfirmed. With `patience`, no head
 * within that many milliseconds rejects with letGoCode.
 */
function exchange(agent: Dispatcher, url: URL, method: 'HEAD' | 'GET', headers: Record<string, string>, wanted: ReadonlySet<string>, options: ExternalCheckOptions, patience?: number): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let answer: Exchange | undefined;
    let reader: FragmentReader | undefined;
    let drained = 0;
    let settled = false;
    const settle = (outcome: Exchange | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(impatience);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    /** Settles with the answer so far and lets go of the rest of the body. */
    const stop = (outcome: Exchange | Error): void => {
      settle(outcome);
      if (controller && !controller.aborted) controller.abort(outcome instanceof Error ? outcome : new Error('body not needed'));
    };
    /** The answer so far when the request stops early: fragments not yet found in its HTML are unconfirmed. */
    const cut = (because: UnreadReason): Exchange | undefined => answer && (reader ? { ...answer, fragments: reader.outcome(because) } : answer);
    const timer = setTimeout(() => stop(cut('timeout') ?? timedOut()), options.timeout);
    let impatience: NodeJS.Timeout | undefined;
    let sentAt = 0;
    const request: Dispatcher.DispatchOptions = {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method,
      headers,
      // undici closes the connection after every HEAD unless told not to: that would cost each URL
      // a new TCP (and TLS) handshake with its host. Node's own http client keeps it too.
      reset: false,
    };
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        if (settled) return started.abort(timedOut());
        // From the request's writing: the time it waited in the client is not the host's.
        sentAt = performance.now();
        clearTimeout(impatience);
        if (patience !== undefined) {
          impatience = setTimeout(() => {
            if (!answer) stop(letGo());
          }, patience);
        }
      },
      onResponseStart(_controller, code, responseHeaders) {
        answer = { code, headMs: performance.now() - sentAt, headers: responseHeaders };
        if (wanted.size > 0 && code < 300 && /html/i.test(String(responseHeaders['content-type'] ?? ''))) reader = new FragmentReader(wanted, options.maxBodyBytes);
      },
      onResponseData(_controller, chunk) {
        if (!answer) return;
        if (reader) {
          if (reader.read(chunk)) stop({ ...answer, fragments: reader.outcome() });
        } else if ((drained += chunk.length) > drainBytes) stop(answer);
      },
      onResponseEnd() {
        if (answer) settle(reader ? { ...answer, fragments: reader.outcome() } : answer);
      },
      onResponseError(_controller, error) {
        // (A body cut on purpose ends here too, after its outcome was settled.)
        settle(cut('error') ?? error);
      },
    };
    try {
      agent.dispatch(request, handler);
    } catch (error) {
      stop(error as Error);
    }
  });
}

/**
 * Reads an HTML page for wanted fragments, chunk by chunk: each found as an id or name (character
 * references decoded, as a browser reads the attribute) is crossed off; those left when the page
 * ends are missing, or unconfirmed when it was read only in part (past the byte bound, or stopped).
 */
class FragmentReader {
  private readonly remaining: Set<string>;
  private bytes = 0;
  /** The end of the previous chunk: an attribute may be cut in two. */
  private tail = '';

  constructor(
    wanted: ReadonlySet<string>,
    private readonly maxBytes: number,
  ) {
    this.remaining = new Set([...wanted].map(percentDecoded));
  }

  /** True when nothing more needs reading. */
  read(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    const text = this.tail + chunk.toString('utf8');
    for (const id of htmlIds(text)) this.remaining.delete(id);
    this.tail = text.slice(-256);
    return this.remaining.size === 0 || this.bytes >= this.maxBytes;
  }

  /** @param stopped why the page was not read to its end, when it was stopped. */
  outcome(stopped?: UnreadReason): FragmentOutcome {
    const because = stopped ?? (this.bytes >= this.maxBytes ? 'size' : undefined);
    return because ? { missing: [], unconfirmed: [...this.remaining], because } : { missing: [...this.remaining], unconfirmed: [] };
  }
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from now. */
export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoff(attempt: number): number {
  return 200 * 2 ** attempt + Math.random() * 100;
}

/** A comparable error code: Node's and undici's string codes, else the error's name (a DOMException's code is a number). */
function codeOf(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown }; name?: string };
  if (typeof e.code === 'string') return e.code;
  if (typeof e.cause?.code === 'string') return e.cause.code;
  return e.name ?? 'ERROR';
}

function retryable(error: unknown): boolean {
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'TimeoutError', 'EPIPE', 'EAI_AGAIN'].includes(codeOf(error));
}

function classifyError(error: unknown): ExternalStatus {
  const code = codeOf(error);
  const message = (error as Error).message ?? String(error);
  if (code === 'EPRIVATE') return { kind: 'skipped', reason: `${message} (not requested: allow it with external.allowPrivate)` };
  if (code === 'ENOTFOUND') return { kind: 'broken', reason: 'the host name does not resolve (DNS)' };
  if (code === 'ECONNREFUSED') return { kind: 'broken', reason: 'the connection was refused' };
  if (/CERT|SSL|TLS|ERR_TLS/i.test(code) || /certificate/i.test(message)) return { kind: 'broken', reason: `TLS error: ${message}` };
  if (/TIMEOUT|TimeoutError|AbortError/i.test(code)) return { kind: 'unknown', reason: 'timed out' };
  return { kind: 'unknown', reason: `${code}: ${message}` };
}
