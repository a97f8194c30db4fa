/**
 * The links a layout or an include (`_layouts/default.html`, `_includes/nav.html`) writes into
 * every page that uses it: `href` and `src` values that are the same on every page. That is a
 * path from the site's root (`/about/`, `{{ "/about/" | relative_url }}`,
 * `{{ site.baseurl }}/about/`) or an http(s) URL, rendered with the site's values only. A value
 * with a tag or a variable other than `site`'s (`page.url`, `include.href`, a loop's `item.url`)
 * depends on the page, and is not taken, but for a document's own `url` (`{{ post.url }}` in a loop
 * over `site.posts`), which lacks the baseurl on every page; a relative one (`docs/`, `#main`) is taken apart, as it
 * leads elsewhere from each page. `{% link %}` and `{% post_url %}` tags are, wherever they are: Liquid renders them (an
 * HTML comment around one included), and the build fails when the file they name is missing.
 * Only tags hold links (see parse/html-tags.ts): not comments, `<script>` and `<style>` bodies or
 * text; nor do `{% comment %}` blocks; a `{% raw %}` body is written as it is, so its `{{` never renders.
 */
import type { RenderScope } from '../parse/liquid-render.js';
import type { Document } from '../types.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { decodeCharacterReferences } from '../text/html-entities.js';
import { linkAttributes } from '../parse/html-tags.js';
import { linkTags, renderUrl, type LinkRef } from './extract.js';
import { documentUrlAt } from './document-urls.js';
import { skippedBranches } from '../parse/liquid-branches.js';
import { withinRanges } from '../text/ranges.js';

/** The same on every page: a path from the root (not `//host`), or an http(s) URL. */
const pageIndependent = /^(?:\/(?!\/)|https?:\/\/)/i;

/** Relative to the page (`css/main.css`, `../`, `#main`): not from the root, not `//host`, `?q` or `scheme:`. */
const pageRelative = /^(?![/?]|[a-z][a-z0-9+.-]*:)\S/i;

/** The blocks whose body Liquid may skip on some pages. */
const conditional = new Set(['if', 'unless', 'case']);

/**
 * The links of a template parsed as a document (an include without front matter: Jekyll writes
 * its text whole): those the same on every page, and apart those relative to the page, which
 * lead elsewhere from each page the template is written into (see template-pages.ts).
 */
export function templateLinks(document: Pick<Document, 'text' | 'liquid' | 'maskedText'>, site: RenderScope['site'], tags: TagRegistry): { links: LinkRef[]; relativeLinks: LinkRef[] } {
  const { text, liquid, maskedText: masked } = document;
  const scope: RenderScope = { site, page: undefined };
  const links: LinkRef[] = [];
  const relativeLinks: LinkRef[] = [];
  const skipped = skippedBranches(liquid, site);
  const branches = liquid.blocks.filter((block) => conditional.has(block.open.name)).map((block) => ({ start: block.open.end, end: block.close?.start ?? text.length }));
  for (const { start, end } of linkAttributes(masked)) {
    if (withinRanges(skipped, start, end)) continue;
    const raw = text.slice(start, end);
    const rendered = renderUrl({ text, liquid }, raw, start, scope);
    // The value ends up in an attribute: the browser decodes its character references.
    const url = rendered === undefined ? undefined : decodeCharacterReferences(rendered);
    if (url !== undefined && pageIndependent.test(url)) links.push({ source: 'template', raw, start, end, url });
    else if (url !== undefined && pageRelative.test(url)) relativeLinks.push({ source: 'template', raw, start, end, url, ...(withinRanges(branches, start, end) ? { inBranch: true as const } : {}) });
    else if (url === undefined) {
      // A document's `url` is a path from the site's root without the baseurl, on every page alike.
      const documentUrl = documentUrlAt(liquid, start, end, site);
      if (documentUrl) links.push({ source: 'template', raw, start, end, url: undefined, documentUrl });
    }
  }
  return { links: [...links, ...linkTags(document, tags, site)].sort((a, b) => a.start - b.start), relativeLinks };
}
