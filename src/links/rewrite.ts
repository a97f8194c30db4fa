/**
 * Rewrites the path of a link destination while keeping how it was written: the
 * `{{site.baseurl}}` (any spelling) or literal baseurl prefix, the query and the fragment.
 * Only simple, root-relative destinations are rewritten; anything else is left to a human.
 */
import type { LinkRef } from './extract.js';

const baseurlOutput = /^\{\{-?\s*site\.baseurl\s*-?\}\}/;

export function rewritePath(raw: string, baseurl: string, newPath: string, newFragment?: string): string | undefined {
  const prefix = baseurlOutput.exec(raw)?.[0] ?? (baseurl && raw.startsWith(`${baseurl}/`) ? baseurl : '');
  const rest = raw.slice(prefix.length);
  // Not a protocol-relative URL (`//host/x`): its host is kept as written only by a human.
  const match = /^(\/(?!\/)[^?#{}]*)(\?[^#]*)?(#.*)?$/.exec(rest);
  if (!match) return undefined;
  const fragment = newFragment === undefined ? (match[3] ?? '') : `#${newFragment}`;
  return `${prefix || (baseurl ? '{{site.baseurl}}' : '')}${newPath}${match[2] ?? ''}${fragment}`;
}

/**
 * The baseurl a link is written with: a data file's root-relative URL leaves it to the layout
 * (`relative_url`) unless it spells it out; jekyll-redirect-from adds it to any `redirect_to`.
 */
export function writtenBaseurl(link: Pick<LinkRef, 'source' | 'raw'>, baseurl: string): string {
  return link.source === 'redirect-to' || (link.source === 'data' && !(baseurl && link.raw.startsWith(`${baseurl}/`))) ? '' : baseurl;
}
