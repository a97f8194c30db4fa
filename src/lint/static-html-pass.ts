/**
 * Pass 1 of a static HTML file (no front matter: Jekyll copies it as it is, slides and vendored
 * pages among them): no document rule reads it (no Liquid runs in it); its facts are its tags'
 * links and ids, which the link rules check in pass 2 as they check a page's, relative links
 * from its own URL, as html-proofer checks every HTML file of the built site.
 */
import type { LinkRef } from '../links/extract.js';
import { pageAttributes } from '../parse/html-tags.js';
import type { Anchor } from '../site/anchors.js';
import { detachStrings } from '../text/detach.js';
import { decodeCharacterReferences } from '../text/html-entities.js';
import { LineIndex } from '../text/line-index.js';
import type { PageFacts } from '../types.js';

/** A value a template engine or the page's own scripts fill in (`{{url}}`, `${base}`, `<%= x %>`, `<?php … ?>`, `%%BASE_URL%%`): no link until they run. */
const scriptTemplate = /\{\{|\{%|\$\{|<%|<\?|%%|\[%/;
/** Where a `<base href>` sets another base URL, only links with a scheme or from the root are read. */
const relativeUrl = /^(?![a-z][a-z0-9+.-]*:|\/|#)/i;

export function staticHtmlFacts(path: string, text: string): PageFacts {
  const { links: linkValues, ids, baseHref } = pageAttributes(text);
  const links: LinkRef[] = [];
  for (const { start, end } of linkValues) {
    const raw = text.slice(start, end);
    const url = decodeCharacterReferences(raw.trim());
    if (scriptTemplate.test(raw) || (baseHref && relativeUrl.test(url))) continue;
    links.push({ source: 'html', raw, start, end, url });
  }
  const anchors: Anchor[] = ids.map(({ start, end }) => ({ id: decodeCharacterReferences(text.slice(start, end)), offset: start, text: '' }));
  // Kept for the whole run: the values must not keep the file's text alive.
  detachStrings(links);
  detachStrings(anchors);
  return { path, rendered: true, links, anchors, lineStarts: new LineIndex(text).starts, length: text.length, suppressions: [], collected: {} };
}
