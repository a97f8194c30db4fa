/**
 * Where a redirect chain that ends in 200 really lands. A page that moved answers with its
 * new address; a page that is gone often redirects to a "not found" page, the home page, or
 * a sign-in form that then answers 200: a broken link that a status code alone calls fine.
 * Judged from the URLs only (no page bodies), so it flags only the recognisable cases.
 */
export type Landing =
  /** A sign-in page: readers who are not signed in never see the linked page. */
  | 'login'
  /** An error page answering 200 ("soft 404"). */
  | 'not-found'
  /** A deep link sent to the site's home page: the usual soft 404 of a removed page. */
  | 'home';

const loginPath = /(?:^|\/)(?:log-?in|sign[-_]?in|signon|sso|auth|authenticate|authorize|oauth2?|saml2?|cas|session\/new)(?:[/.?;]|$)/i;
const notFoundPath = /(?:^|\/)(?:404|(?:page-?)?not-?found|error-?404|gone)(?:[/.?;]|$)/i;
const notFoundQuery = /(?:^|[?&])(?:error|status|code)=404(?:&|$)/i;

export function suspiciousLanding(from: URL, to: URL): Landing | undefined {
  // The link names such a page itself: it lands where it says.
  if (loginPath.test(from.pathname)) return undefined;
  if (loginPath.test(to.pathname)) return 'login';
  if (!notFoundPath.test(from.pathname) && (notFoundPath.test(to.pathname) || notFoundQuery.test(to.search))) return 'not-found';
  const deep = from.pathname.replace(/\/+$/, '') !== '';
  const home = /^\/(?:index\.\w+)?$/.test(to.pathname);
  if (deep && home && sameSite(from, to)) return 'home';
  return undefined;
}

/** The same host, give or take a `www.` (http to https and www redirects are not a soft 404's doing). */
function sameSite(a: URL, b: URL): boolean {
  const bare = (url: URL): string => url.hostname.toLowerCase().replace(/^www\./, '');
  return bare(a) === bare(b);
}
