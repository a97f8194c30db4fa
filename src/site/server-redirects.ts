/**
 * Redirect and rewrite rules of the web server that serves the built site: Netlify's
 * (netlify-redirects.ts) and Apache's `.htaccess` (apache-redirects.ts). A link to a path no
 * file is published at works when a rule sends it somewhere:
 * - a permanent redirect (301, 308) to a page of the site is link-redirect's, as a
 *   `redirect_from` alias is (browsers keep the `#fragment` through an HTTP redirect);
 * - a rewrite (200) or a temporary redirect (302, 303, 307) is the site's own alias, and one to
 *   another site goes where it says: the link is not judged, unless it leads to a page of the
 *   site that is not published.
 * Rules are plain data (they travel to workers and into caches); each server's module matches its own.
 */
export interface ServerRule {
  server: 'Netlify' | 'Apache';
  /**
   * How `from` matches a site path: Netlify's (`:name` a segment, a trailing `*` the rest),
   * Apache's `Redirect` (a path prefix, the rest appended), or a regular expression (`RedirectMatch`
   * on the path, `RewriteRule` on the path without its first slash; `$1` in `to`).
   */
  syntax: 'netlify' | 'prefix' | 'path-regex' | 'rewrite-regex';
  from: string;
  /** Where it sends the path; `-` for a rewrite rule that leaves it as it is and stops. */
  to: string;
  status: number;
  /** Where it is written: `_redirects:28`, `netlify.toml`, `.htaccess:12`. */
  where: string;
  /** Apache's `[NC]`: letter case does not count. */
  ignoreCase?: true;
}

export interface ServerMatch {
  rule: ServerRule;
  /** Where the rule sends the path, its placeholders filled in. */
  to: string;
}

/** Rules are read up to this many per file (a site has a few hundred at most). */
export const maxRules = 5000;

/** A rule file's lines with their numbers; one with front matter is a page Jekyll renders: the lines after it. */
export function renderedLines(text: string): { line: string; number: number }[] {
  const lines = text.split(/\r?\n/);
  const first = lines[0]?.trimEnd() === '---' ? lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line)) + 1 : 0;
  return lines.slice(first).map((line, i) => ({ line, number: first + i + 1 }));
}
