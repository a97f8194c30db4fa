/**
 * `doclint crawl <dir-or-url>`: crawls a built site folder (linkinator serves it on localhost)
 * or a live URL with linkinator, recursively, and reports every broken link through doclint's
 * formats, with the same `external` config (ignore patterns, concurrency, timeout, user agent,
 * fragments) and the same private-network guard for the links it follows.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { check, LinkState, type LinkResult } from 'linkinator';
import type { ResolvedConfig } from '../config/types.js';
import { isPrivateAddress } from '../links/external/network-guard.js';
import type { Finding } from '../types.js';

export interface CrawlResult {
  /** What the findings' paths are relative to: the folder, or the crawled URL's origin. */
  root: string;
  pages: string[];
  findings: Finding[];
}

export async function crawl(target: string, config: ResolvedConfig): Promise<CrawlResult> {
  const isFolder = existsSync(target) && statSync(target).isDirectory();
  const folder = isFolder ? resolve(target) : undefined;
  const start = folder ? startPath(folder) : new URL(target).href;
  const startHost = folder ? 'localhost' : new URL(start).hostname;
  const ignore = config.external.ignore.map((pattern) => new RegExp(pattern));
  const result = await check({
    path: start,
    ...(folder ? { serverRoot: folder } : {}),
    recurse: true,
    concurrency: config.external.concurrency,
    timeout: config.external.timeout,
    userAgent: config.external.userAgent,
    retry: true,
    checkFragments: config.external.fragments,
    linksToSkip: async (link: string) => ignore.some((pattern) => pattern.test(link)) || guarded(link, startHost, config.external.allowPrivate),
  });
  const origin = folder ? undefined : new URL(start).origin;
  /** A page as a path: `help/article/x/index.html` in a folder, the URL path (or URL) on a live site. */
  const pageOf = (url: string | undefined): string => {
    if (!url) return folder ? 'index.html' : start;
    if (folder) return /^[a-z]+:/i.test(url) ? url : url.replace(/^\/+/, '').replace(/#.*$/, '').replace(/(^|\/)$/, '$1index.html').replace(/^([^.]*[^/.])$/, '$1/index.html');
    const parsed = new URL(url);
    return parsed.origin === origin ? parsed.pathname : `${parsed.origin}${parsed.pathname}`;
  };
  const shown = (url: string): string => (folder && !/^[a-z]+:/i.test(url) ? `/${url.replace(/^\/+/, '')}` : url);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const link of result.links) {
    if (link.state !== LinkState.BROKEN) continue;
    const file = pageOf(link.parent);
    const key = `${file}\0${link.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ ruleId: 'link-crawl', severity: 'error', message: `Broken link to ${shown(link.url)} (${describe(link)}).`, file, line: 1, column: 1 });
  }
  const pages = [...new Set(result.links.filter((link) => link.state === LinkState.OK).map((link) => pageOf(link.url)))];
  return { root: folder ?? process.cwd(), pages, findings: findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.message.localeCompare(b.message))) };
}

/** Where to start in a built folder: its index, or the one sub-folder holding the site (`_site/help` for baseurl /help). */
function startPath(folder: string): string {
  if (existsSync(resolve(folder, 'index.html'))) return '/';
  const children = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(resolve(folder, entry.name, 'index.html')));
  return children.length === 1 ? `${children[0]!.name}/` : '/';
}

/** The links a crawl must not follow: private addresses, unless allowed or the crawl's own host. */
function guarded(link: string, startHost: string, allowPrivate: boolean): boolean {
  if (allowPrivate) return false;
  try {
    const host = new URL(link).hostname.replace(/^\[|\]$/g, '');
    if (host === startHost) return false;
    return host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host));
  } catch {
    return false;
  }
}

function describe(link: LinkResult): string {
  if (link.status && link.status !== 200) return `HTTP ${link.status}`;
  if (link.url.includes('#') && link.status === 200) return 'the page has no such fragment';
  const detail = link.failureDetails?.[0];
  return detail instanceof Error ? detail.message : 'no answer';
}
