/**
 * link-external: external links work. The checking itself (HTTP, once per distinct URL,
 * polite and bounded) happens before the rules run, with `--external` or `external.enabled`;
 * this rule turns the outcomes into findings, so severities, disable comments and reports
 * work as for every other finding. `mailto:` links are checked for syntax only, offline.
 */
import { externalUrl, ownerSites, ownerSiteUrl } from '../src/links/external/collect.js';
import { resolveLink } from '../src/links/resolve.js';
import type { ExternalStatus, FragmentFindings, UnreadReason } from '../src/links/external/check.js';
import type { Landing } from '../src/links/external/landing.js';
import type { LinkRef } from '../src/links/extract.js';
import { asUnpublished, pageReasons, reportAtUse } from '../src/links/link-report.js';
import type { Report, SiteRule, Severity } from '../src/types.js';
import { percentDecoded } from '../src/text/percent-decode.js';
import { ownSiteUrls } from '../src/site/jekyll-config.js';

interface Options {
  /** Severity of outcomes that may be passing trouble (timeouts, 5xx after retries, 403/429): off keeps CI from flaking. */
  unknown: Severity | 'off';
  /** Report links that reach their page through a permanent redirect (fix: the final URL). */
  permanentRedirects: boolean;
  /** Severity for a redirect to a sign-in page, an error page or the home page. */
  suspiciousRedirects: Severity | 'off';
}

const address = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * A mailto: URL names one or more addresses, separated by commas (RFC 6068), before or in its
 * `?to=` field; or none, with header fields for the reader to send on (`mailto:?subject=…`, a
 * "share by email" link). A bare `mailto:` (an empty `{{ site.email }}`) opens nothing useful.
 */
function isWellFormedMailto(url: string): boolean {
  const [to = '', fields = ''] = url.slice('mailto:'.length).split(/\?(.*)/s);
  const headers = new URLSearchParams(fields);
  const addresses = [...to.split(','), ...headers.getAll('to').flatMap((value) => value.split(','))].map((part) => percentDecoded(part).trim()).filter(Boolean);
  if (addresses.length === 0) return to.trim() === '' && [...headers.values()].some((value) => value.trim() !== '');
  return addresses.every((part) => address.test(part));
}

export const linkExternal: SiteRule<Options> = {
  meta: {
    id: 'link-external',
    description: 'External links answer (checked over HTTP with --external); mailto: links are well-formed.',
    severity: 'error',
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        unknown: { enum: ['error', 'warning', 'off'], description: 'Severity for timeouts, 5xx after retries, 401/403/429.' },
        permanentRedirects: { type: 'boolean' },
        suspiciousRedirects: {
          enum: ['error', 'warning', 'off'],
          description: 'Severity for a redirect that lands on a sign-in page, an error page or the home page (a page that is gone, answering 200).',
        },
      },
    },
    defaults: { unknown: 'warning', permanentRedirects: true, suspiciousRedirects: 'warning' },
  },
  kind: 'site',
  check({ page, options, site, pages, externalStatus, report: reportPage }) {
    const reasons = pageReasons(page, site, pages);
    const siteUrls = ownSiteUrls(site.jekyll);
    const owner = ownerSites(site.jekyll);
    for (const link of page.links) {
      const report = asUnpublished(reportAtUse(link, reportPage), reasons.unpublished);
      if (link.url?.toLowerCase().startsWith('mailto:') && !isWellFormedMailto(link.url)) {
        // `a@x;b@y`: Outlook's separator; RFC 6068's is a comma, which every mail program reads.
        const query = link.url.indexOf('?');
        const commas = query === -1 ? link.url.replace(/;/g, ',') : `${link.url.slice(0, query).replace(/;/g, ',')}${link.url.slice(query)}`;
        if (commas !== link.url && isWellFormedMailto(commas)) {
          const fix = link.raw === link.url ? { fix: { start: link.start, end: link.end, text: commas } } : {};
          report({ message: `\`${link.url}\` separates its addresses with \`;\`, which is not RFC 6068's separator: mail programs that follow it do not split the addresses there. Separate them with \`,\`.`, start: link.start, end: link.end, ...fix });
          continue;
        }
        report({ message: `\`${link.url}\` is not a valid mailto: address.`, start: link.start, end: link.end });
        continue;
      }
      // A project site's root-relative link outside it leads to its owner's other sites (link-internal checks those into it).
      const ownerUrl = owner && link.url?.startsWith('/') && resolveLink(link, page.path, site).status === 'outside-baseurl' ? ownerSiteUrl(link.url, owner) : undefined;
      const url = ownerUrl ?? externalUrl(link.url, siteUrls);
      const status = url ? externalStatus(url) : undefined;
      // GitHub's redirect from owner.github.io to the owner's domain is no change to the link.
      if (status) reportStatus(url!, link, status, ownerUrl ? { ...options, permanentRedirects: false } : options, report);
    }
  },
};

function reportStatus(url: string, link: LinkRef, status: ExternalStatus, options: Options, report: (r: Report) => void): void {
  const where = { start: link.start, end: link.end };
  switch (status.kind) {
    case 'broken':
      report({ message: `External link is broken: ${url} (${status.reason}).`, ...where });
      break;
    case 'unknown':
      if (options.unknown !== 'off') report({ message: `External link could not be confirmed: ${url} (${status.reason}).`, ...where, severity: options.unknown });
      break;
    case 'redirected':
      reportMissingFragment(link.url!, status, where, options, report);
      if (status.landing) {
        if (options.suspiciousRedirects !== 'off') report({ message: `${url} ${landingMessages[status.landing]} (${status.finalUrl}).`, ...where, severity: options.suspiciousRedirects });
      } else if (status.permanent && options.permanentRedirects) {
        const fragment = link.url!.includes('#') ? link.url!.slice(link.url!.indexOf('#')) : '';
        const certain = link.raw === link.url && !new URL(status.finalUrl).hash;
        report({
          message: `${url} permanently redirects to ${status.finalUrl}: link to the final URL.`,
          ...where,
          severity: 'warning',
          ...(certain ? { fix: { ...where, text: `${status.finalUrl}${fragment}` } } : {}),
        });
      }
      break;
    case 'ok':
      reportMissingFragment(link.url!, status, where, options, report);
      break;
    default:
      break;
  }
}

const landingMessages: Record<Landing, string> = {
  login: 'redirects to a sign-in page: readers who are not signed in never see what it linked to',
  'not-found': 'redirects to an error page: what it linked to is probably gone',
  home: 'redirects to the home page: what it linked to is probably gone',
};

/** Where a fragment was looked for when only part of its page was read. */
const partRead: Record<UnreadReason, (page: string) => string> = {
  size: (page) => `the first bytes of ${page} read (external.maxBodyBytes)`,
  timeout: (page) => `what was read of ${page} before external.timeout ran out`,
  error: (page) => `what was read of ${page} before its connection failed`,
};

function reportMissingFragment(url: string, { missingFragments: missing = [], unconfirmedFragments: unconfirmed = [], unconfirmedBecause = 'size' }: FragmentFindings, where: { start: number; end: number }, options: Options, report: (r: Report) => void): void {
  const hash = url.indexOf('#');
  if (hash === -1) return;
  const decoded = percentDecoded(url.slice(hash + 1));
  if (missing.includes(decoded)) report({ message: `${url.slice(0, hash)} has no anchor \`#${decoded}\` (no element with that id or name).`, ...where });
  if (unconfirmed.includes(decoded) && options.unknown !== 'off') {
    report({ message: `External anchor could not be confirmed: \`#${decoded}\` is not in ${partRead[unconfirmedBecause](url.slice(0, hash))}.`, ...where, severity: options.unknown });
  }
}
