/**
 * `doclint crawl <dir-or-url>`: crawls a built site folder (linkinator serves it on localhost)
 * or a live URL with linkinator, recursively, and reports every broken link through doclint's
 * formats, with the same `external` config (ignore patterns, concurrency, timeout, user agent)
 * and the same private-network guard for the links it follows; `#fragments` on the site's own
 * pages are checked against their HTML.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import { createServer, isIP } from 'node:net';
import { resolve } from 'node:path';
import { check, LinkState, type CheckOptions, type LinkResult } from 'linkinator';
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { escapePath, globSync } from 'tinyglobby';
import type { ResolvedConfig } from '../config/types.js';
import { isPrivateAddress } from '../links/external/network-guard.js';
import { isInsideRoot } from '../site/discover.js';
import type { Finding } from '../types.js';
import { LineIndex } from '../text/line-index.js';
import { decodeCharacterReferences } from '../text/html-entities.js';
import { percentDecoded } from '../text/percent-decode.js';
import { withoutDirective } from '../links/fragment.js';
import { configPatterns } from '../text/linear-pattern.js';
import { htmlIds } from '../links/html-ids.js';
import { htmlStartTags, linkAttributes } from '../parse/html-tags.js';

export interface CrawlResult {
  /** What the findings' paths are relative to: the folder, or the crawled URL's origin. */
  root: string;
  pages: string[];
  findings: Finding[];
}

export interface CrawlOptions {
  /** Follow and check only the links of the crawled site's own origin (no network beyond it). */
  skipExternal?: boolean;
}

/** Pages no link reaches checked together: linkinator starts every request of a check at once (7.6 does not hold them to its concurrency). */
const orphansAtOnce = 25;

/** Requests at a time to a server on this machine (a folder's, `jekyll serve`): a dev server is no CDN. */
const localConcurrency = 8;

export async function crawl(target: string, config: ResolvedConfig, { skipExternal = false }: CrawlOptions = {}): Promise<CrawlResult> {
  const isFolder = existsSync(target) && statSync(target).isDirectory();
  const folder = isFolder ? resolve(target) : undefined;
  const start = folder ? startPath(folder) : new URL(target).href;
  // The folder's server listens on a port chosen here, so that only its own origin is followed on localhost.
  const port = folder ? await freePort() : undefined;
  const startOrigin = folder ? `http://localhost:${port}` : new URL(start).origin;
  const ignore = await configPatterns('external.ignore', config.external.ignore);
  // Each host name is looked up once per crawl, however many links name it.
  const lookups = new Map<string, Promise<boolean>>();
  const resolvesPrivate = (host: string): Promise<boolean> => {
    let answer = lookups.get(host);
    if (!answer) lookups.set(host, (answer = resolvesToPrivate(host)));
    return answer;
  };
  const local = folder !== undefined || isLocalHost(new URL(start).hostname);
  const concurrency = local ? Math.min(localConcurrency, config.external.concurrency) : config.external.concurrency;
  const settings = {
    // `/about` is `about.html`, as GitHub Pages and `jekyll serve` serve it. A path that starts
    // with `//` (`..//about/` in a page) is the path with one slash, as servers and html-proofer
    // read it: linkinator's server would take `//about/` for a host.
    ...(folder ? { serverRoot: folder, port, cleanUrls: true, urlRewriteExpressions: [{ pattern: /^(http:\/\/localhost:\d+)\/{2,}/, replacement: '$1/' }] } : {}),
    concurrency,
    timeout: config.external.timeout,
    userAgent: config.external.userAgent,
    retry: true,
    // Fragments are checked below, on the pages' HTML: linkinator checks a page's fragments when it
    // fetches the page, and misses those it meets on pages crawled after that.
    checkFragments: false,
    // A folder's path with a malformed %-escape is not asked for: linkinator's server throws on it,
    // outside any promise, and the process ends. The folder has no such file (reported below).
    linksToSkip: async (link: string) =>
      ignore.some((pattern) => pattern.test(link)) ||
      (skipExternal && !sameOrigin(link, startOrigin)) ||
      (folder !== undefined && sameOrigin(link, startOrigin) && !decodablePath(new URL(link).pathname)) ||
      guarded(link, startOrigin, config.external.allowPrivate, resolvesPrivate),
  };
  const checked = (options: CheckOptions) => (local ? withConnectionLimit(concurrency, () => check(options)) : check(options));
  // A folder with no index page where the crawl starts: there is nothing to crawl from, and each page is checked on its own (below).
  const noStart = folder !== undefined && !existsSync(resolve(folder, start.replace(/^\/+/, ''), 'index.html'));
  const crawled = noStart ? { links: [] as LinkResult[] } : await checked({ ...settings, path: start, recurse: true });
  const origin = folder ? undefined : new URL(start).origin;
  /** A page as a path: `help/article/x/index.html` in a folder, its URL (without query or fragment) on a live site. */
  const pageOf = (url: string | undefined): string => {
    if (!url) return folder ? 'index.html' : start;
    // A file's name as it is on disk (`a b.html`, not `a%20b.html`).
    if (folder) return /^[a-z]+:/i.test(url) ? url : cleanUrlFile(folder, percentDecoded(url.replace(/^\/+/, '').replace(/#.*$/, '').replace(/(^|\/)$/, '$1index.html')));
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  };
  const shown = (url: string): string => (folder && !/^[a-z]+:/i.test(url) ? `/${url.replace(/^\/+/, '')}` : url);
  // linkinator files each broken URL under the first page it met it on: the pages' HTML says which pages hold the link, and where.
  const siteBase = folder ? 'http://site.invalid/' : start;
  const siteOrigin = new URL(siteBase).origin;
  const absolute = (url: string): string => new URL(shown(url), siteBase).href;
  const fileOfPage = (page: string): string => pageOf(folder ? new URL(page).pathname : page);
  // A folder's pages that no link reaches are published all the same (404.html, redirect_from's
  // stubs): as html-proofer does, their own links are checked too (each page once, not crawled from).
  const reached = new Set(crawled.links.filter((link) => link.state === LinkState.OK).map((link) => fileOfPage(absolute(link.url))));
  const orphans = folder ? unreachedPages(folder, start, reached).filter((file) => !ignore.some((pattern) => pattern.test(`${startOrigin}/${file}`))) : [];
  const result = { links: [...crawled.links] };
  // A few pages at a time (see orphansAtOnce).
  for (let i = 0; i < orphans.length; i += orphansAtOnce) result.links.push(...(await checked({ ...settings, path: orphans.slice(i, i + orphansAtOnce), recurse: false })).links);
  // A folder's own file is a page of the site, its links and fragments read from disk, whatever its
  // server said: linkinator's sends `/a` to `/a/` where a folder `a/` has no index page and answers
  // 404 there (GitHub Pages and `jekyll serve` answer with `a.html`, as offline checking resolves it),
  // and a request that timed out waited behind the crawl's own work (linkinator starts them all together).
  const servedAnyway = new Set<string>();
  for (const link of result.links) {
    if (!folder || link.state !== LinkState.BROKEN || (link.status !== 404 && !timedOut(link))) continue;
    const target = absolute(link.url);
    if (sameOrigin(target, siteOrigin) && servedFromFolder(folder, new URL(target).pathname)) servedAnyway.add(link.url);
  }
  // One URL per page file (`/help/` rather than `/help`, which the server redirects): relative links resolve against it.
  const pageUrls = new Map<string, string>();
  for (const link of result.links) {
    if (link.state !== LinkState.OK && !servedAnyway.has(link.url)) continue;
    const page = absolute(link.url);
    if (!sameOrigin(page, siteOrigin)) continue;
    const file = fileOfPage(page);
    if (!pageUrls.has(file) || page.endsWith('/')) pageUrls.set(file, page);
  }
  const crawledPages = [...pageUrls.values()];
  // A decoded name that climbs out of the folder (`..%2f`) is never read.
  const htmlOf = folder
    ? async (page: string) => {
        const file = fileOfPage(page);
        return isInsideRoot(folder, file) ? readHtml(resolve(folder, file)) : undefined;
      }
    : (page: string) => fetchHtml(page, config.external.timeout);
  const { places, ids } = await readPages(crawledPages, htmlOf, fileOfPage);
  // linkinator names a URL without its #fragment: a missing page is broken for every link to it.
  const placesOfPage = new Map<string, Place[]>();
  for (const [target, where] of places) {
    const page = target.replace(/#.*$/s, '');
    const list = placesOfPage.get(page);
    if (list) for (const place of where) list.push(place);
    else placesOfPage.set(page, [...where]);
  }
  /**
   * A link linkinator reports broken without a request: one no browser can follow either (not a URL
   * at all), or a valid URL whose `#fragment` has a `%` that starts no escape (`#a% 2C`), which
   * its decodeURIComponent refuses. On the site, its page is checked here (a folder's file, a page
   * the crawl reached) and its fragment below; elsewhere, it is not checked.
   */
  const unreadLink = (link: LinkResult, page: string): { target?: string; severity: 'error' | 'warning'; message: string } | undefined => {
    let target: string;
    try {
      target = new URL(link.url, page).href;
    } catch {
      return { severity: 'error', message: `Broken link to ${link.url} (not a valid URL).` };
    }
    if (sameOrigin(target, siteOrigin)) {
      const { pathname } = new URL(target);
      if (folder) return servedFromFolder(folder, pathname) ? undefined : { target, severity: 'error', message: `Broken link to ${pathname} (the folder has no such file).` };
      if (pageUrls.has(fileOfPage(target))) return undefined;
    } else if (skipExternal) return undefined;
    return { target, severity: 'warning', message: `Link to ${link.url} was not checked: linkinator cannot decode its \`#fragment\` (a malformed %-escape).` };
  };
  const findings: Finding[] = [];
  /** A finding at each place a link is written, or at line 1 of the page linkinator names when the crawled HTML has none. */
  const report = (where: readonly Place[] | undefined, parent: string | undefined, severity: Finding['severity'], message: string): void => {
    for (const place of where ?? [{ file: pageOf(parent), line: 1, column: 1 }]) findings.push({ ruleId: 'link-crawl', severity, message, ...place });
  };
  const reported = new Set<string>();
  for (const link of result.links) {
    if (reported.has(link.url)) continue;
    if (link.state === LinkState.SKIPPED) {
      // A folder's own path that does not decode, skipped above: the folder has no such file.
      const target = folder ? absolute(link.url) : undefined;
      if (!target || !sameOrigin(target, siteOrigin) || decodablePath(new URL(target).pathname)) continue;
      reported.add(link.url);
      // linkinator names the page of a link it skipped as its server does.
      const parent = link.parent && sameOrigin(link.parent, startOrigin) ? new URL(link.parent).pathname : link.parent;
      report(placesOfPage.get(target), parent, 'error', `Broken link to ${new URL(target).pathname} (the folder has no such file).`);
      continue;
    }
    if (link.state !== LinkState.BROKEN || servedAnyway.has(link.url)) continue;
    reported.add(link.url);
    if (link.failureDetails === undefined) {
      // linkinator could not read the link and requested nothing (its only result without details).
      const finding = unreadLink(link, absolute(link.parent ?? start));
      if (finding) report(places.get(finding.target ?? link.url), link.parent, finding.severity, finding.message);
      continue;
    }
    const target = absolute(link.url);
    let reason = describe(link);
    // No answer in time says nothing about the link: it could not be confirmed. The folder's own
    // files are answered above; one it does not have is broken.
    let unconfirmed = timedOut(link);
    if (unconfirmed && folder && sameOrigin(target, siteOrigin)) {
      reason = 'the folder has no such file';
      unconfirmed = false;
    }
    const message = unconfirmed ? `Link to ${shown(link.url)} could not be confirmed (${reason}).` : `Broken link to ${shown(link.url)} (${reason}).`;
    report(placesOfPage.get(target), link.parent, unconfirmed ? 'warning' : 'error', message);
  }
  // The site's own pages' fragments cost nothing more: their HTML is read anyway.
  for (const [target, where] of places) {
    const hash = target.indexOf('#');
    const page = target.slice(0, hash);
    if (hash === -1 || !sameOrigin(page, siteOrigin)) continue;
    const fragment = percentDecoded(withoutDirective(target.slice(hash + 1)));
    const pageIds = ids.get(fileOfPage(page));
    if (!pageIds || fragment === '' || fragment === 'top' || pageIds.has(fragment)) continue;
    report(where, undefined, 'error', `Broken link to ${folder ? new URL(target).pathname + new URL(target).hash : target} (the page has no such fragment).`);
  }
  const pages = [...new Set(result.links.filter((link) => link.state === LinkState.OK).map((link) => pageOf(link.url)))];
  return { root: folder ?? process.cwd(), pages, findings: findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.message.localeCompare(b.message))) };
}

interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * What the crawled pages' HTML says: every place a page links to a URL (resolved on its page,
 * absolute) with the pages and positions in order, and each page's ids and names (character
 * references decoded, as a browser reads them).
 */
async function readPages(pages: readonly string[], htmlOf: (page: string) => Promise<string | undefined>, fileOf: (page: string) => string): Promise<{ places: Map<string, Place[]>; ids: Map<string, Set<string>> }> {
  const places = new Map<string, Place[]>();
  const ids = new Map<string, Set<string>>();
  const texts = await mapLimited(pages, localConcurrency, htmlOf);
  pages.forEach((page, i) => {
    const html = texts[i];
    if (html === undefined) return;
    ids.set(fileOf(page), new Set(htmlIds(html)));
    const lines = new LineIndex(html);
    const base = baseOf(html, page);
    for (const { start, end } of linkAttributes(html)) {
      const written = decodeCharacterReferences(html.slice(start, end).trim());
      let target: string;
      try {
        target = new URL(written, base).href;
      } catch {
        // Not a URL: linkinator names it as written.
        target = written;
      }
      const list = places.get(target) ?? [];
      list.push({ file: fileOf(page), ...lines.position(start) });
      places.set(target, list);
    }
  });
  return { places, ids };
}

/** The URL a page's relative links resolve against, as a browser's: its first `<base href>`, else the page's own. */
function baseOf(html: string, page: string): string {
  if (!/<base[\s/>]/i.test(html)) return page;
  for (const tag of htmlStartTags(html)) {
    const href = tag.name === 'base' ? tag.attributes.find((attribute) => attribute.name === 'href') : undefined;
    if (!href) continue;
    try {
      return new URL(decodeCharacterReferences(html.slice(href.start, href.end).trim()), page).href;
    } catch {
      return page;
    }
  }
  return page;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const work = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await map(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, work));
  return results;
}

/**
 * Whether the folder's server answers for a URL path: a file, a folder with an index page, or an
 * HTML page named without its `.html` (as linkinator's server maps them, clean URLs on).
 */
export function servedFromFolder(folder: string, pathname: string): boolean {
  let file: string;
  try {
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    file = [...parts, ...(pathname.endsWith('/') ? ['index.html'] : [])].join('/');
  } catch {
    return false;
  }
  return servedFile(folder, file) || (!file.endsWith('.html') && servedFile(folder, `${file}.html`));
}

/** Whether each segment of a URL path decodes (`%E0%A4%A` and `%` alone do not). */
function decodablePath(pathname: string): boolean {
  try {
    pathname.split('/').forEach((segment) => decodeURIComponent(segment));
    return true;
  } catch {
    return false;
  }
}

function servedFile(folder: string, file: string): boolean {
  if (!isInsideRoot(folder, file)) return false;
  try {
    const info = statSync(resolve(folder, file));
    return info.isFile() || (info.isDirectory() && statSync(resolve(folder, file, 'index.html')).isFile());
  } catch {
    return false;
  }
}

/** The file a path without an extension is answered with: the folder's index page, else the `.html` page (clean URLs). */
function cleanUrlFile(folder: string, file: string): string {
  if (!/^[^.]*[^/.]$/.test(file)) return file;
  return isInsideRoot(folder, file) && existsSync(resolve(folder, file, 'index.html')) ? `${file}/index.html` : `${file}.html`;
}

async function readHtml(file: string): Promise<string | undefined> {
  if (!file.endsWith('.html')) return undefined;
  return readFile(file, 'utf8').catch(() => undefined);
}

/** A page of the crawled site (its own origin only), again, for where its links are. */
async function fetchHtml(page: string, timeout: number): Promise<string | undefined> {
  try {
    const response = await fetch(page, { signal: AbortSignal.timeout(timeout) });
    return /html/i.test(response.headers.get('content-type') ?? '') ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Where to start in a built folder: its index, or the one sub-folder holding the site (`_site/help` for baseurl /help). */
function startPath(folder: string): string {
  if (existsSync(resolve(folder, 'index.html'))) return '/';
  const children = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(resolve(folder, entry.name, 'index.html')));
  return children.length === 1 ? `${children[0]!.name}/` : '/';
}

/**
 * The HTML files under the crawl's start folder that the crawl did not reach, as linkinator
 * paths (globs relative to the folder): names glob or URL syntax would misread are left out.
 */
function unreachedPages(folder: string, start: string, reached: ReadonlySet<string>): string[] {
  const base = start.replace(/^\/+/, '');
  return globSync(`${escapePath(base)}**/*.html`, { cwd: folder, dot: false, followSymbolicLinks: false })
    .filter((file) => !reached.has(file) && !/[*?[\]{}()!#%\\]/.test(file))
    .sort();
}

/**
 * Runs linkinator with at most `perOrigin` connections to each origin: linkinator 7.6 starts
 * every request of a check at once (its `concurrency` does not hold them: 126 at once on a
 * 221-page site), and its requests go through the global fetch dispatcher, restored after.
 */
async function withConnectionLimit<T>(perOrigin: number, run: () => Promise<T>): Promise<T> {
  const previous = getGlobalDispatcher();
  const limited = new Agent({ connections: perOrigin });
  setGlobalDispatcher(limited);
  try {
    return await run();
  } finally {
    setGlobalDispatcher(previous);
    await limited.close();
  }
}

/**
 * The links a crawl must not follow: those on private addresses (literal, `localhost`, or a name
 * that resolves to one), unless allowed or on the crawl's own origin (its host and port).
 */
async function guarded(link: string, startOrigin: string, allowPrivate: boolean, resolvesPrivate: (host: string) => Promise<boolean>): Promise<boolean> {
  if (allowPrivate) return false;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (url.origin === startOrigin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) !== 0) return isPrivateAddress(host);
  return resolvesPrivate(host);
}

async function resolvesToPrivate(host: string): Promise<boolean> {
  try {
    return (await lookup(host, { all: true })).some((answer) => isPrivateAddress(answer.address));
  } catch {
    // Unresolvable: linkinator reports it broken without reaching anything.
    return false;
  }
}

/** Whether a URL is on an origin (a text that is no URL is on none). */
function sameOrigin(link: string, origin: string): boolean {
  try {
    return new URL(link).origin === origin;
  } catch {
    return false;
  }
}

function isLocalHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare.endsWith('.localhost') || (isIP(bare) !== 0 && isPrivateAddress(bare));
}

/** A TCP port free on this machine now. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** linkinator gave up waiting for an answer. */
const timedOut = (link: LinkResult): boolean => /timeout|timed out|aborted/i.test(describe(link));

function describe(link: LinkResult): string {
  if (link.status && link.status !== 200) return `HTTP ${link.status}`;
  const detail = link.failureDetails?.[0];
  return detail instanceof Error ? detail.message : 'no answer';
}
