/**
 * Pass 1 of the files no document rule reads, whose facts are the links they give the pages:
 * a data file (`_data/*.yml`) gives its values to the layouts that list them, a layout or an
 * include writes its own links into every page that uses it. The link rules check them in
 * pass 2 as they check a page's.
 */
import { dataFileLinks } from '../links/data-links.js';
import type { LinkRef } from '../links/extract.js';
import { templateLinks } from '../links/template-links.js';
import { parseFrontMatter } from '../parse/front-matter.js';
import { parseLiquid } from '../parse/liquid-tree.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { templateKind } from '../site/discover.js';
import { includeUses } from '../site/include-files.js';
import { siteVariablesOf } from '../site/site-index.js';
import { LineIndex } from '../text/line-index.js';
import { detachStrings } from '../text/detach.js';
import type { PageFacts, SiteSettings } from '../types.js';

export function dataFileFacts(path: string, text: string, site: SiteSettings): PageFacts {
  return linksOnlyFacts(path, text, dataFileLinks(text, site.jekyll.baseurl));
}

/** A layout's or include's links, and the includes it renders (which the site's includes in use are). */
export function templateFacts(path: string, text: string, site: SiteSettings, tags: TagRegistry): PageFacts {
  // Jekyll reads a layout's front matter; an include's text is written whole.
  const front = templateKind(path, site.jekyll) === 'layout' ? parseFrontMatter(text) : { kind: 'none' as const };
  const liquid = parseLiquid(text, front.kind === 'yaml' || front.kind === 'non-yaml' ? front.end : 0, text.length, tags);
  const facts = linksOnlyFacts(path, text, templateLinks(text, front, liquid, tags, siteVariablesOf(site.jekyll)));
  const includes = includeUses({ liquid }, site.jekyll.includesDir);
  if (includes) {
    detachStrings(includes.files);
    facts.includes = includes;
  }
  return facts;
}

function linksOnlyFacts(path: string, text: string, links: LinkRef[]): PageFacts {
  // Kept for the whole run: the values must not keep the file's text alive.
  detachStrings(links);
  return { path, rendered: true, links, anchors: [], lineStarts: new LineIndex(text).starts, length: text.length, suppressions: [], collected: {} };
}
