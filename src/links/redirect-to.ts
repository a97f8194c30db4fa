/**
 * jekyll-redirect-from's `redirect_to` (the first of a list): the page is published as a redirect
 * to that URL, which the built page links to. A value without a scheme is taken from the site's
 * root under the baseurl (`absolute_url`), whether or not it starts with `/`.
 */
import { locateInFrontMatter } from '../parse/yaml-locate.js';
import { servedBaseurl } from '../parse/liquid-render.js';
import { detached } from '../text/detach.js';
import type { JekyllConfig } from '../site/jekyll-config.js';
import type { Document } from '../types.js';
import type { LinkRef } from './extract.js';

export function redirectToLinks(document: Pick<Document, 'frontMatter' | 'text'>, jekyll: Pick<JekyllConfig, 'plugins' | 'raw' | 'ownRedirectLayout'>): LinkRef[] {
  const front = document.frontMatter;
  // A site's own `redirect` layout writes what it will of the value (elixir-lang.org's: a page of hexdocs.pm), linted as the layout's.
  if (front.kind !== 'yaml' || !jekyll.plugins.includes('jekyll-redirect-from') || jekyll.ownRedirectLayout) return [];
  const value = front.data.redirect_to;
  const listed = Array.isArray(value);
  const raw: unknown = listed ? value.find((item) => item !== null && item !== undefined) : value;
  if (typeof raw !== 'string' || raw === '' || raw.startsWith('//')) return [];
  const place = locateInFrontMatter(front, listed ? ['redirect_to', value.indexOf(raw)] : ['redirect_to']);
  // A quoted value's text starts after its quote; one written otherwise (escapes, a folded line) cannot be pointed at.
  const start = place && [place.start, place.start + 1].find((at) => document.text.startsWith(raw, at));
  if (start === undefined) return [];
  // `absolute_url` leaves a URL with a scheme (`https:`, `mailto:`) as it is.
  const url = /^[a-z][a-z\d+.-]*:/i.test(raw) ? raw : `${servedBaseurl(jekyll.raw)}${raw.startsWith('/') ? '' : '/'}${raw}`;
  return [{ source: 'redirect-to', raw: detached(raw), start, end: start + raw.length, url: detached(url) }];
}
