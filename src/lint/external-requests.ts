/**
 * How link-external learns what checking a URL found (see late-answers.ts): at once from known
 * outcomes (a --fix run checks every URL first), or after the last request (a batch run lints
 * its pages while their URLs are being requested). Undefined for a URL that was not checked.
 */
import type { ExternalStatus } from '../links/external/check.js';
import { answeredAtOnce, DeferredRequests, type Lookup, type Requests } from './late-answers.js';

export type ExternalRequests = Requests<ExternalStatus | undefined>;

/** Looks URLs up in a run's outcomes. */
export const statusLookup =
  (statuses: ReadonlyMap<string, ExternalStatus>) =>
  (url: string): Lookup<ExternalStatus | undefined> =>
  () =>
    statuses.get(url);

export const knownStatuses = (statuses: ReadonlyMap<string, ExternalStatus>): ExternalRequests => answeredAtOnce(statusLookup(statuses));

/** Settled with statusLookup(outcomes) after the last request. */
export const pendingStatuses = (): DeferredRequests<ExternalStatus | undefined> => new DeferredRequests<ExternalStatus | undefined>();
