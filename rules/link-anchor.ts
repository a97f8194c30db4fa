/**
 * link-anchor: a link's `#fragment` names an anchor on the target page: a heading id as
 * kramdown generates it, an explicit `{#id}`/`{: #id}`, an HTML `id`/`name`, or an id its
 * includes or layouts write. A renamed heading silently breaks every link to it; the message
 * lists the closest of the page's own anchors. A layout's or include's `#id` is checked on each
 * page it is written into.
 */
import { pageReasons, reportFor } from '../src/links/link-report.js';
import { resolveLink } from '../src/links/resolve.js';
import { isMarkdownSyntax, type LinkRef } from '../src/links/extract.js';
import { documentsOfList } from '../src/links/document-urls.js';
import { percentDecoded } from '../src/text/percent-decode.js';
import { withoutDirective } from '../src/links/fragment.js';
import { rewritePath, writtenBaseurl } from '../src/links/rewrite.js';
import { closest } from '../src/suggest.js';
import type { PageFacts, SiteRule } from '../src/types.js';
import { gfmHeadingId, headingIdOptions, type Anchor } from '../src/site/anchors.js';
import { includeCalls, includeIds, joinedIds, type IncludeCall, type IncludeIds } from '../src/site/include-anchors.js';
import { collectionIds } from '../src/site/embedded-content.js';
import { layoutIds } from '../src/site/layout-anchors.js';
import { isMarkdownFile, isMarkdownInclude } from '../src/site/discover.js';
import { hasLiquid } from '../src/parse/liquid-tokens.js';
import { fragmentIncluder, pagesTakingIn, relativeIncludeIds } from '../src/site/fragments.js';
import { relativeLinkPages } from '../src/site/template-pages.js';
import { pagesWritingLink } from '../src/site/include-branches.js';
import type { SiteIndex } from '../src/site/site-index.js';

interface Options {
  /** Rewrite the fragment when exactly one anchor is close enough. */
  fixClosest: boolean;
}

export const linkAnchor: SiteRule<Options, IncludeCall[]> = {
  meta: {
    id: 'link-anchor',
    description: 'Link fragments (`#…`) name an anchor of the target page, computed as kramdown computes heading ids.',
    severity: 'error',
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { fixClosest: { type: 'boolean', description: 'Let --fix rewrite a fragment to the one close anchor.' } },
    },
    defaults: { fixClosest: false },
  },
  kind: 'site',
  // The page's includes, for the ids they write on it (a link to this page may name one).
  collect({ document }) {
    const calls = includeCalls(document.liquid.tags);
    return calls.length > 0 ? calls : undefined;
  },
  check({ page, options, site, pages, anchorsOf, report: reportPage }) {
    const { path } = page;
    const reasons = pageReasons(page, site, pages);
    // A fragment pages take in with include_relative: its `#id` links stay on those pages (below).
    const takenIn = fragmentIncluder(page, site, pages)?.tag === 'include_relative' ? pagesTakingIn(path, site, pages) : undefined;
    for (const link of page.links) {
      if (takenIn && link.url?.startsWith('#')) continue;
      const report = reportFor(link, reportPage, reasons);
      if (link.documentUrl?.list !== undefined) {
        const missing = missingOnDocuments(link, link.documentUrl.list, link.documentUrl.every === true, site, pages, anchorsOf);
        if (missing) report({ message: missing, start: link.start + link.raw.indexOf('#'), end: link.end });
        continue;
      }
      const resolution = resolveLink(link, path, site);
      if (resolution.status !== 'ok' && resolution.status !== 'missing-slash' && resolution.status !== 'redirect') continue;
      const fragment = resolution.fragment;
      if (fragment === undefined || fragment === '' || fragment === 'top') continue;
      const target = resolution.target.path;
      const anchors = anchorsOf(target);
      if (!anchors) continue;
      const known = knownAnchors(target, anchors, site, pages);
      if (known.open || known.ids.has(fragment)) continue;
      const ids = known.list;
      const heading = headingWritten(fragment, known.ids, site);
      const suggestion = heading ?? known.suggestion(fragment);
      const where = target === path ? 'this page' : `\`${target}\``;
      const hash = link.raw.lastIndexOf('#');
      const range = hash === -1 ? { start: link.start, end: link.end } : { start: link.start + hash, end: link.end };
      const text = suggestion && (heading || options.fixClosest) ? rewriteFragment(link.raw, suggestion, writtenBaseurl(link, site.jekyll.baseurl)) : undefined;
      const hint = heading
        ? `: the heading's id is \`#${heading}\` (kramdown keeps letters, digits, \`-\` and \`_\` of its text, in lower case)`
        : suggestion ? `: did you mean \`#${suggestion}\`?` : ids.length > 0 ? ` (it has ${ids.slice(0, 5).map((id) => `#${id}`).join(', ')}${ids.length > 5 ? ', …' : ''}).` : ' (it has no anchors).';
      report({
        message: `There is no anchor \`#${fragment}\` on ${where}${hint}${heading ? '.' : ''}`,
        ...range,
        ...(text ? { fix: { start: link.start, end: link.end, text } } : {}),
      });
    }
    // A layout's or include's `#id` stays on each page it is written into: each needs the id
    // (a Markdown include's links are its own; a template's are apart, see template-links.ts).
    const markdownInclude = isMarkdownInclude(path, site.jekyll);
    const fragmentLinks = [...(page.relativeLinks ?? []), ...(markdownInclude || takenIn ? page.links : [])].filter((link) => link.url?.startsWith('#'));
    const writing = fragmentLinks.length === 0 ? [] : (takenIn ?? relativeLinkPages(path, site, pages));
    for (const link of fragmentLinks) {
      // Markdown's link syntax makes a link only where kramdown reads the include: in a Markdown page.
      const on = pagesWritingLink(path, link, isMarkdownSyntax(link) ? writing.filter((target) => isMarkdownFile(target, site.jekyll)) : writing, site, pages);
      const resolution = on.length > 0 ? resolveLink(link, on[0]!, site) : undefined;
      const fragment = resolution?.status === 'ok' ? resolution.fragment : undefined;
      if (fragment === undefined || fragment === '' || fragment === 'top') continue;
      const missing = on.filter((target) => {
        const anchors = anchorsOf(target);
        const known = anchors && knownAnchors(target, anchors, site, pages);
        return known !== undefined && !known.open && !known.ids.has(fragment);
      });
      if (missing.length === 0) continue;
      const pagesMissing = missing.length > 1 ? `${missing.length === on.length ? `any of the ${on.length}` : `${missing.length} of the ${on.length}`} pages it is written into (as \`${missing[0]}\`)` : `\`${missing[0]}\`, ${on.length > 1 ? `one of the ${on.length} pages` : 'the page'} it is written into`;
      // Where other pages have the id, the condition around the link may be the one that writes the id there.
      const perhapsSkipped = link.inBranch === true && missing.length < on.length;
      reportPage({
        message: `There is no anchor \`#${fragment}\` on ${pagesMissing}: the link stays on the page, and no layout, include or text of it writes the id${perhapsSkipped ? ', unless the Liquid condition around the link leaves the link out there' : ''}.`,
        start: link.start,
        end: link.end,
        ...(perhapsSkipped ? { severity: 'warning' as const } : {}),
      });
    }
  },
};

/**
 * `{{ post.url }}#more` in a loop over documents. Where the loop writes the link for every
 * document of its list, each one without the anchor is a broken link; elsewhere which of them a
 * page's loop writes is not read (its `limit`, conditions, a category), but where none of the
 * documents the list may hold has the anchor, every link the loop writes misses it. The message, if so.
 */
function missingOnDocuments(link: LinkRef, list: string, every: boolean, site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>, anchorsOf: (path: string) => readonly Anchor[] | undefined): string | undefined {
  const hash = link.raw.indexOf('#');
  const fragment = hash === -1 ? '' : percentDecoded(withoutDirective(link.raw.slice(hash + 1)));
  if (fragment === '' || fragment === 'top' || fragment.includes('{')) return undefined;
  // The same loop in every post's text would read every post's anchors once per post: once per site.
  let answers = loopAnswers.get(site);
  if (!answers) loopAnswers.set(site, (answers = new Map()));
  const key = `${every}\n${list}\n${fragment}`;
  if (!answers.has(key)) answers.set(key, missingMessage(fragment, list, every, site, pages, anchorsOf));
  return answers.get(key);
}

const loopAnswers = new WeakMap<SiteIndex, Map<string, string | undefined>>();

function missingMessage(fragment: string, list: string, every: boolean, site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>, anchorsOf: (path: string) => readonly Anchor[] | undefined): string | undefined {
  const documents = documentsOfList(list, site) ?? [];
  const missing: string[] = [];
  for (const document of documents) {
    const anchors = anchorsOf(document);
    const known = anchors && knownAnchors(document, anchors, site, pages);
    // An anchor that cannot be known makes the document's link unjudged: it only counts where every link is read one by one.
    if (!known || known.open) {
      if (every) continue;
      return undefined;
    }
    if (!known.ids.has(fragment)) missing.push(document);
  }
  if (missing.length === 0 || (!every && missing.length < documents.length)) return undefined;
  if (every && missing.length < documents.length) return `There is no anchor \`#${fragment}\` on ${missing.length} of the ${documents.length} documents of \`${list}\` this loop links to (as \`${missing[0]}\`).`;
  const count = documents.length === 1 ? `the one document \`${list}\` holds (\`${documents[0]}\`)` : `any of the ${documents.length} documents \`${list}\` ${every ? 'holds' : 'may hold'} (as \`${documents[0]}\`)`;
  return `There is no anchor \`#${fragment}\` on ${count}: every link this loop writes misses it.`;
}

/** The ids a page's includes write (in a Markdown page, a Markdown include's headings too). */
function idsOfIncludes(path: string, anchors: readonly Anchor[], facts: PageFacts | undefined, site: SiteIndex): IncludeIds | undefined {
  const calls = facts?.collected['link-anchor'] as IncludeCall[] | undefined;
  return calls ? includeIds(calls, site, isMarkdownFile(path, site.jekyll) ? new Set(anchors.filter((anchor) => anchor.text !== '').map((anchor) => anchor.id)) : undefined) : undefined;
}

function rewriteFragment(raw: string, fragment: string, baseurl: string): string | undefined {
  if (raw.startsWith('#')) return `#${fragment}`;
  const path = /^(?:\{\{[^}]*\}\}|[^?#])*/.exec(raw)![0].replace(/^\{\{-?\s*site\.baseurl\s*-?\}\}/, '');
  return rewritePath(raw, baseurl, baseurl && path.startsWith(baseurl) ? path.slice(baseurl.length) : path, fragment);
}

/**
 * The id kramdown gives a heading whose text is the fragment as written (`#IX.-Access,-Scope`,
 * ``#around-the-`pmd`-class``, `#Setup`), when the page has it: the link names that heading, so
 * `--fix` writes its id. Only where kramdown makes the ids (its auto ids, with their prefix).
 */
function headingWritten(fragment: string, ids: ReadonlySet<string>, site: SiteIndex): string | undefined {
  if (site.jekyll.markdownConverter !== 'kramdown') return undefined;
  const { auto, prefix } = headingIdOptions(site.jekyll.raw);
  if (!auto) return undefined;
  const written = fragment.startsWith(prefix) ? fragment.slice(prefix.length) : fragment;
  const id = `${prefix}${gfmHeadingId(written)}`;
  return id !== fragment && id !== prefix && ids.has(id) ? id : undefined;
}

/** Distinct broken fragments per page that get a "did you mean": past this, the page's first anchors are listed instead. */
const suggestedFragmentsPerPage = 200;

interface KnownAnchors {
  ids: ReadonlySet<string>;
  /** Some id cannot be known (Liquid in an HTML id, an include named from a variable): a fragment not found cannot be judged. */
  open: boolean;
  /** The ids of the page's text and of what it takes in (the ones a link is meant for: not its layout's, on every page), its own first, for messages and suggestions. */
  list: readonly string[];
  suggestion(fragment: string): string | undefined;
}

/**
 * A page's anchor ids (its own, its includes' and its layouts'), as a set, built once per page
 * however many links point at it: a page with N headings and N broken links costs O(N), not O(N^2).
 */
const knownBySite = new WeakMap<SiteIndex, Map<string, KnownAnchors>>();

function knownAnchors(path: string, anchors: readonly Anchor[], site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>): KnownAnchors {
  let known = knownBySite.get(site)?.get(path);
  if (known) return known;
  const own = new Set(anchors.filter((anchor) => anchor.embeds === undefined).map((anchor) => anchor.id));
  const includes = idsOfIncludes(path, anchors, pages.get(path), site);
  const fragments = relativeIncludeIds(path, site, pages);
  const embedded = joinedIds(anchors.filter((anchor) => anchor.embeds !== undefined).map((anchor) => collectionIds(anchor.embeds!, site)));
  const written = [includes, layoutIds(path, site), fragments, embedded];
  const ownList = [...own].filter((id) => !hasLiquid(id));
  const list = [...new Set([...ownList, ...[includes, fragments, embedded].flatMap((part) => [...(part?.ids ?? [])])])];
  const suggestions = new Map<string, string | undefined>();
  known = {
    ids: new Set([...own, ...written.flatMap((part) => [...(part?.ids ?? [])])]),
    open: ownList.length < own.size || written.some((part) => part?.open),
    list,
    suggestion(fragment) {
      if (suggestions.has(fragment)) return suggestions.get(fragment);
      if (suggestions.size >= suggestedFragmentsPerPage) return undefined;
      const suggestion = closest(fragment, list, Math.max(3, Math.floor(fragment.length / 2)));
      suggestions.set(fragment, suggestion);
      return suggestion;
    },
  };
  if (!knownBySite.has(site)) knownBySite.set(site, new Map());
  knownBySite.get(site)!.set(path, known);
  return known;
}
