/**
 * Resolves a link against the site index, offline: which published URL it reaches (or why it
 * reaches none), as the built site would be served (GitHub Pages / any static server: case
 * sensitive, `dir` redirected to `dir/`, `dir/` serving `dir/index.html`).
 */
import { percentDecoded } from '../text/percent-decode.js';
import { withoutDirective } from './fragment.js';
import type { SiteIndex } from '../site/site-index.js';
import { basePathVariables } from '../site/base-path-variables.js';
import { baseurlAsWritten, siteUrlPath } from '../site/jekyll-config.js';
import { collectionRelative, isCollectionDocument, isUndatedPostFile, postSource, type UrlTarget } from '../site/urls.js';
import { relativeLinkSource } from '../site/github-pages-plugins.js';
import { publishedElsewhere } from '../site/published-elsewhere.js';
import { apacheTarget } from '../site/apache-redirects.js';
import { netlifyTarget } from '../site/netlify-redirects.js';
import type { ServerRule } from '../site/server-redirects.js';
import { isMarkdownSyntax, type LinkRef, type TaggedUrl } from './extract.js';

export type Resolution =
  /** Not a link into this site (external, mailto:, unknowable Liquid): other checks' business. */
  | { status: 'skip' }
  | { status: 'ok'; url: string; target: UrlTarget; fragment?: string }
  /** Reaches a jekyll-redirect-from page (the fragment is lost on the way), or a server's permanent redirect (`by`: the server and the rule's place). */
  | { status: 'redirect'; url: string; to: string; target: UrlTarget; fragment?: string; by?: RuleOrigin }
  /** `dir` where the page is `dir/`: the server answers with a redirect. */
  | { status: 'missing-slash'; url: string; target: UrlTarget; fragment?: string }
  | { status: 'wrong-case'; url: string; actual: string }
  /** A root-relative link without the baseurl: it leaves the site when deployed. */
  | { status: 'missing-baseurl'; url: string; target: UrlTarget }
  /** `viaSiteUrl`: written as an absolute URL on the site's own `url`, where other software may serve it. `sentBy`: a server's rule sends it to a page of the site that is not published either (`to`). */
  | { status: 'not-found'; url: string; path: string; viaSiteUrl?: true; sentBy?: RuleOrigin & { to: string } }
  | { status: 'outside-site'; url: string }
  /** A root-relative link outside the path GitHub Pages serves a project site under, to nothing of the site: the owner's other sites. */
  | { status: 'outside-baseurl'; url: string };

/** The server whose rule a link goes through, and where the rule is written (`_redirects:5`, `.htaccess:12`). */
export interface RuleOrigin {
  server: ServerRule['server'];
  where: string;
}

const scheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Each link's resolution on a site, computed once however many link rules ask (a link belongs to
 * one page). The rules check a page's links one after another, so a few pages' worth is kept: one
 * for every link of a site would last to the end of the run (apache/storm's 7 million javadoc
 * links ran a 4 GB heap out).
 */
const resolved = new WeakMap<SiteIndex, Map<LinkRef, { fromPath: string; resolution: Resolution }>>();
const resolutionsKept = 1 << 16;

export function resolveLink(link: LinkRef, fromPath: string, site: SiteIndex): Resolution {
  let links = resolved.get(site);
  if (!links) resolved.set(site, (links = new Map()));
  const known = links.get(link);
  if (known?.fromPath === fromPath) return known.resolution;
  const resolution = resolve(link, fromPath, site);
  if (links.size >= resolutionsKept) links.clear();
  links.set(link, { fromPath, resolution });
  return resolution;
}

function resolve(link: LinkRef, fromPath: string, site: SiteIndex): Resolution {
  const written = link.url ?? (link.tagged && taggedLinkUrl(link.tagged, site)) ?? (link.variableBase && basePathUrl(link.variableBase, site));
  if (written === undefined) return { status: 'skip' };
  // As a browser parses a URL: its tabs and line breaks are dropped (`src="/a\n/b.svg"` loads /a/b.svg).
  let url = (relativeLinkUrl(link, fromPath, site) ?? written).trim().replace(/[\t\n\r]/g, '');
  if (url === '') return { status: 'skip' };
  const siteUrl = site.jekyll.url;
  const viaSiteUrl = siteUrl !== '' && (url === siteUrl || url.startsWith(`${siteUrl}/`));
  // On a site served under a baseurl, a `url` with a path (`https://owner.github.io/project`) is a
  // folder on its host, as the baseurl is: what follows it is a path on that host.
  if (viaSiteUrl) url = `${site.jekyll.baseurl ? siteUrlPath(site.jekyll) : ''}${url.slice(siteUrl.length) || '/'}`;
  else {
    // `{{ site.baseurl }}/x` with `baseurl: //host/docs`: the site's own `/docs/x`.
    const origin = site.jekyll.baseurlOrigin;
    if (origin && (url === origin || url.startsWith(`${origin}/`))) url = url.slice(origin.length) || '/';
  }
  if (scheme.test(url) || url.startsWith('//')) return { status: 'skip' };

  const hash = url.indexOf('#');
  const fragment = hash === -1 ? undefined : percentDecoded(withoutDirective(url.slice(hash + 1)));
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  const pathPart = withoutFragment.split('?')[0]!;
  const baseurl = site.jekyll.baseurl;
  const knownUrl = site.urls.urlOf.get(fromPath) ?? site.urls.draftUrls.get(fromPath);
  const pageUrl = knownUrl ?? `/${fromPath}`;
  const keep = (value: string | undefined) => (value === undefined ? {} : { fragment: value });
  const notFound = (notFoundUrl: string, notFoundPath: string, sentBy?: RuleOrigin & { to: string }): Resolution => ({ status: 'not-found', url: notFoundUrl, path: notFoundPath, ...(viaSiteUrl ? { viaSiteUrl: true as const } : {}), ...(sentBy ? { sentBy } : {}) });

  if (pathPart === '') {
    // `#x` stays on this page, even where another file is published at the same URL or its URL is not known.
    if (!site.urls.urlOf.has(fromPath)) return { status: 'skip' };
    const target = site.urls.targets.get(pageUrl);
    const own = target?.path === fromPath ? target : { kind: isCollectionDocument(fromPath, site.jekyll) ? ('document' as const) : ('page' as const), path: fromPath };
    return { status: 'ok', url: pageUrl, target: own, ...keep(fragment) };
  }

  let path: string;
  if (pathPart.startsWith('/')) {
    path = percentDecoded(pathPart);
    if (baseurl) {
      if (path === baseurl || path.startsWith(`${baseurl}/`)) path = path.slice(baseurl.length) || '/';
      else {
        const target = lookup(site, normalize(path));
        if (target) return { status: 'missing-baseurl', url: normalize(path), target: target.target };
        // A GitHub Pages project site shares its host with the owner's other sites: a path outside it is theirs.
        return site.jekyll.projectSite && !viaSiteUrl ? { status: 'outside-baseurl', url: normalize(path) } : notFound(pathPart, path);
      }
    }
  } else {
    // A file in _posts Jekyll reads no post from has no URL to resolve from (a published page is none).
    if (knownUrl === undefined && isUndatedPostFile(fromPath, site.jekyll)) return { status: 'skip' };
    // Relative to the page's URL, as a browser resolves it (not to the source file).
    const resolved = new URL(pathPart, `http://site${baseurl}${pageUrl}`).pathname;
    path = percentDecoded(resolved);
    if (baseurl && !(path === baseurl || path.startsWith(`${baseurl}/`))) return { status: 'outside-site', url: path };
    path = path.slice(baseurl.length) || '/';
  }
  path = normalize(path);

  const found = lookup(site, path);
  if (found) {
    if (found.how === 'slash') return { status: 'missing-slash', url: found.url, target: found.target, ...keep(fragment) };
    return { status: 'ok', url: found.url, target: found.target, ...keep(fragment) };
  }
  const alias = redirectAt(site.urls.redirects, path);
  if (alias) {
    const target = site.urls.targets.get(alias);
    if (target) return { status: 'redirect', url: path, to: alias, target, ...keep(fragment) };
  }
  const served = site.jekyll.serverRules?.length ? serverRuleFor(site.jekyll.serverRules, path) : undefined;
  if (served) {
    const outcome = throughServerRule(served, path, site, fragment);
    if (outcome) return outcome;
  }
  // Published by another step of the build (`jekyll.published`, or what git leaves out): nothing here to check it against.
  if (publishedElsewhere(site.jekyll, path)) return { status: 'skip' };
  const actual = sameButCase(site, path);
  if (actual !== undefined) return { status: 'wrong-case', url: path, actual };
  return notFound(path, path, served && { server: served.rule.server, where: served.rule.where, to: served.to });
}

type ServerMatch = { rule: ServerRule; to: string } | undefined;

/** Each rule list's answers by path: a missing page is often linked from many pages, and each path meets every rule. */
const serverMatches = new WeakMap<readonly ServerRule[], Map<string, ServerMatch>>();

/** The server rule a site path meets first, read top down, and where it sends the path; none when it meets one that leaves the path as it is (`-`). */
function serverRuleFor(rules: readonly ServerRule[], path: string): ServerMatch {
  let known = serverMatches.get(rules);
  if (!known) serverMatches.set(rules, (known = new Map()));
  if (known.has(path)) return known.get(path);
  let match: ServerMatch;
  for (const rule of rules) {
    const to = rule.server === 'Netlify' ? netlifyTarget(rule, path) : apacheTarget(rule, path);
    if (to === undefined) continue;
    match = to === '-' ? undefined : { rule, to };
    break;
  }
  known.set(path, match);
  return match;
}

/** Where a server's rule takes a path (see server-redirects.ts); undefined when it leads to a page of the site that is not published. */
function throughServerRule({ rule, to }: NonNullable<ServerMatch>, path: string, site: SiteIndex, fragment: string | undefined): Resolution | undefined {
  if (scheme.test(to) || to.startsWith('//')) return { status: 'skip' };
  const found = lookup(site, normalize(percentDecoded(to.split(/[?#]/)[0]!)));
  if (!found) return undefined;
  const keep = fragment === undefined ? {} : { fragment };
  if (rule.status === 301 || rule.status === 308) return { status: 'redirect', url: path, to: found.url, target: found.target, by: { server: rule.server, where: rule.where }, ...keep };
  return { status: 'ok', url: found.url, target: found.target, ...keep };
}

/** `{{ BASE_PATH }}/rest` where the site's includes set BASE_PATH to the path it is served under: the rest, from the site's root. */
function basePathUrl({ name, rest }: NonNullable<LinkRef['variableBase']>, site: SiteIndex): string | undefined {
  return basePathVariables(site).has(name) ? `${baseurlAsWritten(site.jekyll)}${rest}` : undefined;
}

/** The source file a `{% link path %}` or `{% post_url name %}` tag names, if the site publishes it. */
export function linkTagSource(site: SiteIndex, tag: TaggedUrl['tag'], name: string): string | undefined {
  if (tag === 'link') {
    if (site.urls.urlOf.has(name)) return name;
    // A static file's relative_path starts with `/` in Jekyll, a page's or document's does not: `{% link /img/a.png %}` finds the file.
    const bare = name.slice(1);
    return name.startsWith('/') && site.urls.targets.get(site.urls.urlOf.get(bare) ?? '')?.kind === 'static' ? bare : undefined;
  }
  // `{% post_url [sub/]2021-01-02-name %}` names a post `[dir/]_posts/[sub/]2021-01-02-name.<ext>`.
  for (const path of site.urls.urlOf.keys()) {
    const inside = collectionRelative(path, site.jekyll);
    const post = inside === undefined ? undefined : postSource(inside, site.jekyll);
    if (!post) continue;
    const relative = path.slice(path.indexOf('_posts/') + '_posts/'.length).replace(/\.[^.]+$/, '');
    if (post.name === name || relative === name) return path;
  }
  return undefined;
}

/**
 * The URL Jekyll writes for a destination around a `{% link %}` or `{% post_url %}` tag, if the
 * tag names a published document. Jekyll 4's tags write the baseurl themselves, Jekyll 3's do not;
 * when the Gemfile does not say which one builds the site, the link is taken as written for the
 * one it suits.
 */
function taggedLinkUrl(tagged: TaggedUrl, site: SiteIndex): string | undefined {
  const source = linkTagSource(site, tagged.tag, tagged.name);
  const target = source === undefined ? undefined : site.urls.urlOf.get(source);
  if (target === undefined) return undefined;
  const baseurl = baseurlAsWritten(site.jekyll);
  const addsBaseurl = site.jekyll.linkTagsAddBaseurl ?? !baseurlBefore(tagged, baseurl);
  return `${tagged.before}${addsBaseurl ? baseurl : ''}${target}${tagged.after}`;
}

/** Whether a tagged destination writes the baseurl before its tag (`{{ site.baseurl }}/{% post_url … %}`). */
export function baseurlBefore(tagged: TaggedUrl, baseurl: string): boolean {
  return baseurl !== '' && tagged.before.replace(/\/+$/, '').endsWith(baseurl);
}

/** The URL jekyll-relative-links writes for a Markdown link to a file by its path (`Foo.md#x` -> `/base/Foo#x`), if it does. */
function relativeLinkUrl(link: LinkRef, fromPath: string, site: SiteIndex): string | undefined {
  if (!isMarkdownSyntax(link)) return undefined;
  const source = relativeLinkSource(link.raw, fromPath, site.jekyll, (path) => isCollectionDocument(path, site.jekyll));
  const target = source === undefined ? undefined : site.urls.urlOf.get(source);
  if (target === undefined) return undefined;
  if (link.url === undefined) return undefined;
  const hash = link.url.indexOf('#');
  return `${baseurlAsWritten(site.jekyll)}${target}${hash === -1 ? '' : link.url.slice(hash)}`;
}

/**
 * Published URLs by their lower case, and those ending in `/` also without it, so that one
 * lookup finds `path` or `path/`; the first URL published under a key keeps it.
 */
const lowerCaseUrls = new WeakMap<ReadonlyMap<string, UrlTarget>, Map<string, string>>();

/** The first published URL (in publishing order) that is `path` or `path/` but for letter case. */
function sameButCase(site: SiteIndex, path: string): string | undefined {
  const { targets } = site.urls;
  let byLowerCase = lowerCaseUrls.get(targets);
  if (!byLowerCase) {
    byLowerCase = new Map();
    for (const url of targets.keys()) {
      const lower = url.toLowerCase();
      for (const key of lower.endsWith('/') ? [lower, lower.slice(0, -1)] : [lower]) if (!byLowerCase.has(key)) byLowerCase.set(key, url);
    }
    lowerCaseUrls.set(targets, byLowerCase);
  }
  return byLowerCase.get(path.toLowerCase());
}

/** The published target at a path, the way a static server finds it. */
function lookup(site: SiteIndex, path: string): { url: string; target: UrlTarget; how: 'exact' | 'slash' } | undefined {
  const { targets } = site.urls;
  const exact = targets.get(path) ?? (path.endsWith('/') ? (targets.get(`${path}index.html`) ?? writtenAsHtml(targets, `${path}index`)) : undefined);
  if (exact) return { url: path, target: exact, how: 'exact' };
  if (path.endsWith('/index.html')) {
    const directory = path.slice(0, -'index.html'.length);
    const target = targets.get(directory);
    if (target) return { url: directory, target, how: 'exact' };
  }
  if (path.endsWith('.html')) {
    const page = writtenAsHtml(targets, path.slice(0, -'.html'.length));
    if (page) return { url: path.slice(0, -'.html'.length), target: page, how: 'exact' };
  }
  if (!path.endsWith('/')) {
    const directory = targets.get(`${path}/`) ?? targets.get(`${path}/index.html`) ?? writtenAsHtml(targets, `${path}/index`);
    if (directory) return { url: `${path}/`, target: directory, how: 'slash' };
    // A server tries `<path>.html` too: `/guide/index` is the `/guide/` page's file.
    const html = targets.get(`${path}.html`) ?? (path.endsWith('/index') ? targets.get(path.slice(0, -'index'.length)) : undefined);
    if (html) return { url: `${path}.html`, target: html, how: 'exact' };
  }
  return undefined;
}

/** The page or document Jekyll writes to `<url>.html` (its URL has no extension): a folder's index when the URL ends in `/index`. */
function writtenAsHtml(targets: ReadonlyMap<string, UrlTarget>, url: string): UrlTarget | undefined {
  const target = targets.get(url);
  return target && target.kind !== 'static' ? target : undefined;
}

/** The URL the redirect page at `path` sends to: jekyll-redirect-from writes an alias as Jekyll writes a page (`/old` to `old.html`, `/old/` to `old/index.html`). */
function redirectAt(redirects: ReadonlyMap<string, string>, path: string): string | undefined {
  const alias = redirects.get(path) ?? redirects.get(`${path}/`);
  if (alias !== undefined) return alias;
  if (path.endsWith('/index.html')) return redirects.get(path.slice(0, -'index.html'.length));
  const written = path.endsWith('.html') ? path.slice(0, -'.html'.length) : undefined;
  return written !== undefined && !/\.[^/]*$/.test(written) ? redirects.get(written) : undefined;
}

/** Collapses `//`, `.` and `..` segments as a browser does before requesting the path. */
function normalize(path: string): string {
  const segments: string[] = [];
  const parts = path.replace(/\/{2,}/g, '/').split('/');
  parts.forEach((part, index) => {
    if (part === '..') segments.length > 1 && segments.pop();
    else if (part !== '.' || index === parts.length - 1) segments.push(part === '.' ? '' : part);
  });
  return segments.join('/') || '/';
}
