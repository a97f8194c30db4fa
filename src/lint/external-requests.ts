/**
 * How link-external learns what checking a URL found. Answered at once from known outcomes
 * (a --fix run checks every URL first), or later: a batch run lints its pages while their URLs
 * are still being requested, and answers every question once the last request is done.
 */
import type { ExternalStatus } from '../links/external/check.js';

export type StatusAnswer = (status: ExternalStatus | undefined) => void;

export interface ExternalRequests {
  request(url: string, answer: StatusAnswer): void;
}

/** Answers at once; undefined for a URL that was not checked. */
export const knownStatuses = (statuses: ReadonlyMap<string, ExternalStatus>): ExternalRequests => ({
  request: (url, answer) => answer(statuses.get(url)),
});

export class PendingStatuses implements ExternalRequests {
  private readonly waiting: [url: string, answer: StatusAnswer][] = [];

  request(url: string, answer: StatusAnswer): void {
    this.waiting.push([url, answer]);
  }

  settle(statuses: ReadonlyMap<string, ExternalStatus>): void {
    for (const [url, answer] of this.waiting) answer(statuses.get(url));
    this.waiting.length = 0;
  }
}
