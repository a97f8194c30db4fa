/**
 * link-redirect: links that reach a page through a `redirect_from` alias or without the
 * trailing slash of a directory URL work, but only through a redirect: one more round trip,
 * and a redirect page drops the `#fragment`. Fix: link to the canonical URL.
 */
import { pageReasons, reportFor } from '../src/links/link-report.js';
import { resolveLink } from '../src/links/resolve.js';
import { rewritePath, writtenBaseurl } from '../src/links/rewrite.js';
import type { SiteRule } from '../src/types.js';

interface Options {
  /** Also report `dir` links to `dir/` pages (the server redirects them). */
  trailingSlash: boolean;
}

export const linkRedirect: SiteRule<Options> = {
  meta: {
    id: 'link-redirect',
    description: 'Links point at canonical URLs, not at `redirect_from` aliases or slash-less directory URLs.',
    severity: 'warning',
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { trailingSlash: { type: 'boolean', description: 'Report links to a directory URL without its trailing slash.' } },
    },
    defaults: { trailingSlash: true },
  },
  kind: 'site',
  check({ page, options, site, pages, report: reportPage }) {
    const baseurl = site.jekyll.baseurl;
    const reasons = pageReasons(page, site, pages);
    for (const link of page.links) {
      const report = reportFor(link, reportPage, reasons);
      const resolution = resolveLink(link, page.path, site);
      const where = { start: link.start, end: link.end };
      if (resolution.status === 'redirect') {
        const text = rewritePath(link.raw, writtenBaseurl(link, baseurl), resolution.to);
        const lost = resolution.fragment && !resolution.by ? ` (and the redirect page drops \`#${resolution.fragment}\`)` : '';
        const what = resolution.by ? `${resolution.by.server} redirects \`${baseurl}${resolution.url}\` permanently (\`${resolution.by.where}\`) to` : `\`${baseurl}${resolution.url}\` is a redirect_from alias of`;
        report({
          message: `${what} \`${baseurl}${resolution.to}\` (${resolution.target.path}): link to the page itself${lost}.`,
          ...where,
          ...(text ? { fix: { ...where, text } } : {}),
        });
      } else if (resolution.status === 'missing-slash' && options.trailingSlash) {
        const text = rewritePath(link.raw, writtenBaseurl(link, baseurl), resolution.url);
        report({ message: `\`${baseurl}${resolution.url.slice(0, -1)}\` lacks the trailing slash: the server answers with a redirect to \`${baseurl}${resolution.url}\`.`, ...where, ...(text ? { fix: { ...where, text } } : {}) });
      }
    }
  },
};
