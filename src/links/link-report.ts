/** How the link rules report on a link that is not written where it is reported, or not as a page's own. */
import type { SiteIndex } from '../site/site-index.js';
import { fragmentIncluder } from '../site/fragments.js';
import { unusedTemplate } from '../site/template-use.js';
import { unpublishedPageReason, unwrittenCollection } from '../site/urls.js';
import type { PageFacts, Report } from '../types.js';
import type { LinkRef } from './extract.js';

/**
 * The rule's `report` for a reference an include defines: at its use, saying where it is defined
 * (a fix would have to edit that file: none is offered). Other links' reports go through as they are.
 */
export function reportAtUse(link: LinkRef, report: (report: Report) => void): (report: Report) => void {
  if (link.definedIn === undefined) return report;
  return ({ fix: _fix, ...found }) => report({ ...found, start: link.start, end: link.end, message: `${found.message} (The reference is defined in \`${link.definedIn}\`, which the page includes.)` });
}

/** Why a page's link findings are warnings (unpublishedReason, fragmentReason), each worked out on the first finding that asks: most pages have none. */
export interface PageReasons {
  unpublished(): string | undefined;
  fragment(): string | undefined;
}

export function pageReasons(page: PageFacts, site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>): PageReasons {
  return { unpublished: once(() => unpublishedReason(page.path, site, pages)), fragment: once(() => fragmentReason(page, site, pages)) };
}

function once<T>(compute: () => T): () => T {
  let computed: { value: T } | undefined;
  return () => (computed ??= { value: compute() }).value;
}

/**
 * Why a file's links may reach no reader: it is a document of a collection Jekyll does not
 * write, a layout or include no page uses, or a page that says `published: false`. Undefined
 * when it is published.
 */
function unpublishedReason(path: string, site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>): string | undefined {
  const collection = unwrittenCollection(path, site.jekyll);
  if (collection !== undefined) return `The \`${collection}\` collection is not written as pages: this text reaches readers only where a page prints it.`;
  return unusedTemplate(path, site, pages) ?? unpublishedPageReason(path, site.urls);
}

/**
 * Why a relative link (`#part`, `guide.html`, `../img/a.png`) of a file is not judged from the
 * file's own URL: the file is a fragment other pages take in with `{% include_relative %}`, and
 * the link is read from theirs. Undefined when it is no fragment.
 */
function fragmentReason(page: PageFacts, site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>): string | undefined {
  const includer = fragmentIncluder(page, site, pages);
  if (includer === undefined) return undefined;
  const who = includer.file === undefined ? 'Pages take' : `\`${includer.file}\` takes`;
  return `${who} this file in with \`${includer.tag}\`: a relative link in it is read from the URL of the page that renders it.`;
}

/** Neither a URL with a scheme nor a path from the site's root (nor a `{% link %}` tag, which names a source file): read from the URL of the page it is on. */
export const isRelative = (link: LinkRef): boolean => link.source !== 'link-tag' && link.source !== 'post-url-tag' && !/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(link.url ?? link.raw);

/**
 * The internal-link rules' `report` for one link on a page: as reportAtUse; a data file's
 * findings, those of a file whose text may reach no reader (`reasons.unpublished`), and those of a
 * relative link in a fragment of other pages (`reasons.fragment`) are warnings that say why.
 */
export function reportFor(link: LinkRef, report: (report: Report) => void, reasons: PageReasons): (report: Report) => void {
  if (link.source === 'data') return (found) => report({ ...found, message: `${found.message} (A data file's value, read under the baseurl: a layout may write it under a prefix of its own.)`, severity: 'warning' });
  const atUse = asUnpublished(reportAtUse(link, report), reasons.unpublished);
  return isRelative(link) ? asUnpublished(atUse, reasons.fragment) : atUse;
}

/** A `report` whose findings are warnings that say why the text may reach no reader (`reason`, asked when a finding comes); as it is when there is none. */
export function asUnpublished(report: (report: Report) => void, reason: () => string | undefined): (report: Report) => void {
  return (found) => {
    const why = reason();
    report(why === undefined ? found : { ...found, message: `${found.message} (${why})`, severity: 'warning' });
  };
}
