/** External link checking's settings and their defaults: plain data, so that reading a config does not load the HTTP client. */

export interface ExternalCheckOptions {
  concurrency: number;
  perHost: number;
  /** Per request, milliseconds: the whole of it, from its turn to the end of the body read. */
  timeout: number;
  /** For a connection to be made, milliseconds: an unreachable host fails fast, a slow page still has `timeout`. */
  connectTimeout: number;
  retries: number;
  allowPrivate: boolean;
  userAgent: string;
  maxRedirects: number;
  /** The longest Retry-After doclint waits, milliseconds. */
  retryAfterCeiling: number;
  /** Statuses that count as fine (e.g. 403 or 999 from sites that block bots). */
  acceptStatuses: number[];
  /** Check `#fragments` against the ids and names of the final HTML page (one GET per page). */
  fragments: boolean;
  /** The most of a page read when looking for fragments, bytes. */
  maxBodyBytes: number;
  /** Per host (`example.com`, or `host:port`): its own connection limit, request headers and accepted statuses. */
  hosts: Record<string, HostOverride>;
}

export interface HostOverride {
  perHost?: number;
  headers?: Record<string, string>;
  acceptStatuses?: number[];
}

export const defaultExternalOptions: ExternalCheckOptions = {
  concurrency: 64,
  perHost: 4,
  timeout: 15_000,
  connectTimeout: 5_000,
  retries: 2,
  allowPrivate: false,
  userAgent: 'Mozilla/5.0 (compatible; doclint; +https://github.com/doclint/doclint)',
  maxRedirects: 5,
  retryAfterCeiling: 30_000,
  acceptStatuses: [],
  fragments: false,
  maxBodyBytes: 2 * 1024 * 1024,
  hosts: {},
};
