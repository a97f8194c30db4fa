/**
 * Pass 1 of a data file (`_data/*.yml`): no document rule reads it; its facts are the links it
 * gives the layouts that list it, which the link rules check in pass 2 as they check a page's.
 */
import { dataFileLinks } from '../links/data-links.js';
import { LineIndex } from '../text/line-index.js';
import { detachStrings } from '../text/detach.js';
import type { PageFacts, SiteSettings } from '../types.js';

export function dataFileFacts(path: string, text: string, site: SiteSettings): PageFacts {
  const links = dataFileLinks(text, site.jekyll.baseurl);
  // Kept for the whole run: the values must not keep the file's text alive.
  detachStrings(links);
  return { path, rendered: true, links, anchors: [], lineStarts: new LineIndex(text).starts, length: text.length, suppressions: [], collected: {} };
}
