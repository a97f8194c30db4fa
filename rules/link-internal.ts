/**
 * link-internal: every link into the site reaches a page, file or image the build will
 * publish, resolved offline from the source: collection permalinks, pages, static files,
 * redirect aliases and the baseurl, as a static server (GitHub Pages) serves them.
 */
import { isRelative, pageReasons, reportFor } from '../src/links/link-report.js';
import { isMarkdownFile, isMarkdownInclude } from '../src/site/discover.js';
import { themeAssetUrls, themeGemName } from '../src/site/themes.js';
import type { UrlMap } from '../src/site/urls.js';
import { unreadPluginGems } from '../src/site/plugins.js';
import { baseurlAsWritten, siteUrlPath, type PageGenerator } from '../src/site/jekyll-config.js';
import { isMarkdownSyntax, type LinkRef } from '../src/links/extract.js';
import { baseurlBefore, linkTagSource, resolveLink, type Resolution } from '../src/links/resolve.js';
import { baseurlLeftToPlugins } from '../src/links/baseurl-convention.js';
import { rewritePath, writtenBaseurl } from '../src/links/rewrite.js';
import { endingWith, suggester } from '../src/suggest.js';
import { excludeFilter, specialEntryFilter, type IsSpecial } from '../src/site/entry-filter.js';
import { capturedOnly, pagesNamingFromValues, relativeLinkPages } from '../src/site/template-pages.js';
import { pagesWritingLink } from '../src/site/include-branches.js';
import type { JekyllConfig } from '../src/site/jekyll-config.js';
import type { SiteIndex } from '../src/site/site-index.js';
import { writtenBeforeBuild } from '../src/site/published-elsewhere.js';
import { ownerProjectAt, ownerProjectUrl } from '../src/links/owner-projects.js';
import type { PageFacts, Report, SiteRule } from '../src/types.js';

const compiledUrls = new Map<string, RegExp>();

/** A generator's URL expression, compiled once per run however many links miss. */
function generatedUrls(source: string): RegExp {
  let compiled = compiledUrls.get(source);
  if (!compiled) compiledUrls.set(source, (compiled = new RegExp(source)));
  return compiled;
}

/**
 * A path a generated page could have: a folder, `.html` or no extension (not an image's or a
 * file's; a version's dots make none: `/release/v0.10.0`), and none of the characters a mistyped
 * link leaves in it (`(`, `:`, spaces).
 */
function isPagePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return !/[()\s:]/.test(path) && (name === '' || !name.includes('.') || /\.(?:html?|\d+)$/i.test(name));
}

/** Where the baseurl comes from, when the config does not set it. */
const servedUnder = (jekyll: JekyllConfig): string => (jekyll.projectSite ? ` (GitHub Pages serves \`${jekyll.projectSite}\`'s project site there)` : '');

/** The generator plugins that could write a file at `path`. */
function generatorsOf(path: string, site: SiteIndex): PageGenerator[] {
  return site.jekyll.pageGenerators.filter((g) => (g.urls === undefined ? g.staticFiles === true || isPagePath(path) : generatedUrls(g.urls).test(path)));
}

/** What may write a missing URL: generators by the file or gem that holds them, and what the config keeps in the built site. */
function writersOf(generators: readonly PageGenerator[]): string {
  const kept = generators.filter((g) => g.kept !== undefined).map((g) => `\`${g.kept}\``);
  const filled = generators.filter((g) => g.filled !== undefined).map((g) => `\`${g.filled}\``);
  const others = generators.filter((g) => g.kept === undefined && g.filled === undefined).map((g) => `\`${g.by}\``);
  return [
    ...(others.length > 0 ? [`a generator writes it (${others.join(', ')})`] : []),
    ...(kept.length > 0 ? [`a step outside Jekyll puts it in the built site, where \`keep_files\` keeps ${kept.join(', ')}`] : []),
    ...(filled.length > 0 ? [`a post the build puts in ${filled.join(', ')} publishes it (.gitignore leaves ${filled.length > 1 ? 'them' : 'it'} to a build step)`] : []),
  ].join(', or ');
}

/** `[a]((https://…))`: kramdown keeps the inner parentheses in the URL. */
const inParenthesesTwice = /^\((?:[a-z][a-z0-9+.-]*:|\/)[^()\s]*\)$/i;

/** `[a]: [https://…]`: kramdown keeps the brackets in the URL. */
const inBrackets = /^\[(?:[a-z][a-z0-9+.-]*:|\/)[^[\]\s]*\]$/i;

/** An email address written as a link's destination without `mailto:` (`[email me](nick@example.com)`). */
const emailAddress = /^[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/** Top-level domains that end a link written without `https://` (`sigstore.dev`), and no file's extension. */
const webDomain = /^(?:www\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|edu|gov|info|app))(?:\/\S*)?$/i;

/**
 * What a missing destination's text says of how it was mistyped, as kramdown reads it: a URL
 * in parentheses twice, a title in parentheses (kramdown takes quotes only), a site written
 * without its scheme.
 */
function mistyped(destination: string, markdown: boolean): string | undefined {
  if (inParenthesesTwice.test(destination)) return ` Its destination \`${destination}\` is in parentheses twice: the inner ones are part of the URL.`;
  if (markdown && inBrackets.test(destination)) return ` Its destination \`${destination}\` is in square brackets, which kramdown keeps in the URL.`;
  const title = /\s+(\([^()]*\))$/.exec(destination);
  if (markdown && title) return ` kramdown reads \`${title[1]}\` as part of the URL: a link title goes in quotes (\`"…"\`).`;
  if (webDomain.test(destination)) return ` \`${destination}\` is a path on this site: a link to another site starts with \`https://\`.`;
  if (emailAddress.test(destination)) return ` \`${destination}\` is a path on this site: a link to an email address starts with \`mailto:\`.`;
  return undefined;
}

const sourceFilters = new WeakMap<JekyllConfig, { isSpecial: IsSpecial; excluded: (path: string) => boolean }>();

/**
 * Why the repository's file at a missing URL's path is not published, when one is there: its
 * name or a folder's starts with `_` or `.` (generated docs link to `_helper.html`), or Jekyll's
 * `exclude` names it. Said instead of a suggestion: the file the link means is right there.
 */
function unpublishedFile(site: SiteIndex, path: string): string | undefined {
  const file = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
  if (!site.files.has(file)) return undefined;
  let filters = sourceFilters.get(site.jekyll);
  if (!filters) sourceFilters.set(site.jekyll, (filters = { isSpecial: specialEntryFilter(site.jekyll.include), excluded: excludeFilter(site.jekyll.exclude) }));
  if (filters.isSpecial(file)) return ` \`${file}\` is in the repository, but Jekyll publishes no file or folder whose name starts with \`_\`, \`.\`, \`#\` or \`~\` unless \`include:\` in _config.yml names it.`;
  if (filters.excluded(file)) return ` \`${file}\` is in the repository, but \`exclude:\` in _config.yml leaves it out.`;
  return undefined;
}

/**
 * A link on the site's `url` with the baseurl in it twice, where the `url` ends with the baseurl
 * (`url: https://owner.github.io/project`, `baseurl: /project`): `absolute_url` and
 * `{{ site.url }}{{ site.baseurl }}` write both. `path` is the link's path within the site.
 */
function baseurlInSiteUrl(jekyll: JekyllConfig, path: string): string | undefined {
  const { url, baseurl } = jekyll;
  const sitePath = siteUrlPath(jekyll);
  if (!baseurl || sitePath !== baseurl || !(path === baseurl || path.startsWith(`${baseurl}/`))) return undefined;
  return `This link has the baseurl twice (\`${baseurl}${path}\`): the site's \`url\` (\`${url}\`) already ends with \`${baseurl}\`, and \`absolute_url\` (or \`{{ site.baseurl }}\` after \`{{ site.url }}\`) adds it again. Set \`url\` to \`${url.slice(0, -sitePath.length)}\` in _config.yml.`;
}

/** `{{ site.baseurl }}{% link a.md %}` on a site built with Jekyll 4, whose tag writes the baseurl too. */
function baseurlTwice({ tagged }: LinkRef, baseurl: string, tagsAddBaseurl: boolean | undefined): string | undefined {
  if (!tagged || !tagsAddBaseurl || !baseurlBefore(tagged, baseurl)) return undefined;
  return ` The baseurl is in it twice: \`{% ${tagged.tag} %}\` writes it itself in Jekyll 4, which the site's Gemfile asks for; leave out what comes before the tag.`;
}

/** Each site's suggestions by path: a missing page is often linked from many pages (w3c/wai-website: 790 links, 209 paths). */
const suggestions = new WeakMap<UrlMap, { near: (path: string, maxDistance: number) => string | undefined; ending: (path: string) => string | undefined; known: Map<string, string | undefined> }>();

/** A URL more edits away than this is another page, however long the URLs (`…/task/CoordinatedBolt.html` is no typo of `…/task/class-use/IBolt.html`). */
const maxUrlEdits = 8;

/**
 * The published URL closest to a path that is not published, if one is near (never the home page:
 * `/cv` is not a typo of `/`), or else the one URL that ends with it (a folder left out).
 */
function publishedNear(urls: UrlMap, path: string): string | undefined {
  let site = suggestions.get(urls);
  if (!site) {
    const published = [...urls.targets.keys()].filter((url) => url !== '/');
    suggestions.set(urls, (site = { near: suggester(published), ending: endingWith(published), known: new Map() }));
  }
  if (!site.known.has(path)) site.known.set(path, site.near(path, Math.min(maxUrlEdits, Math.max(2, Math.floor(path.length / 5)))) ?? site.ending(path));
  return site.known.get(path);
}

/** A link without the baseurl where a plugin gem doclint does not read may add it (w3c's wai-website-plugin): said, and no fix is certain. */
function pluginRewriteNote(jekyll: JekyllConfig): string {
  const gems = unreadPluginGems(jekyll);
  return gems.length > 0 ? `, unless a plugin rewrites it (the site loads ${gems.map((gem) => `\`${gem}\``).join(', ')}, which doclint does not read)` : '';
}

/**
 * `{{ post.url }}` on a site with a baseurl: Jekyll's `url` leaves it out. The certain fix adds
 * `relative_url` to the output, unless a plugin gem doclint does not read may rewrite the link.
 */
function reportDocumentUrl(link: LinkRef, expression: string, site: SiteIndex, report: (finding: Report) => void): void {
  const where = { start: link.start, end: link.end };
  const rewritten = pluginRewriteNote(site.jekyll);
  const output = /^\{\{-?\s*[^}]*?\s*-?\}\}/.exec(link.raw)?.[0];
  const text = output === undefined ? undefined : `${output.replace(/(\s*)(-?\}\})$/, ' | relative_url$1$2')}${link.raw.slice(output.length)}`;
  report({
    message: `This link leaves out the baseurl \`${site.jekyll.baseurl}\`${servedUnder(site.jekyll)}: Jekyll's \`${expression}\` is a path within the site, without it, so deployed the link leads outside the site${rewritten}. Write \`{{ ${expression} | relative_url }}\`.`,
    ...where,
    ...(rewritten ? { severity: 'warning' as const } : text ? { fix: { ...where, text } } : {}),
  });
}

export const linkInternal: SiteRule = {
  meta: {
    id: 'link-internal',
    description: 'Links, images and `{% link %}` tags reach a page or file the site publishes (offline, from source).',
    severity: 'error',
    fixable: true,
  },
  kind: 'site',
  check({ page, site, pages, externalStatus, report: reportPage }) {
    if (site.urls.targets.size === 0) return;
    const baseurl = site.jekyll.baseurl;
    const reasons = pageReasons(page, site, pages);
    // A Markdown include's links relative to the page are read from each Markdown page it is written
    // into; where pages only capture it (`{% capture %}`), what they write of it is not known.
    const markdownInclude = isMarkdownInclude(page.path, site.jekyll) && page.links.some((link) => isRelative(link) && !(link.url ?? link.raw).startsWith('#'));
    const includedIn = markdownInclude ? relativeLinkPages(page.path, site, pages).filter((path) => isMarkdownFile(path, site.jekyll)) : [];
    const includedFolders = byFolder(includedIn, site);
    const captured = markdownInclude && includedIn.length === 0 && capturedOnly(page.path, site, pages);
    // Where no page is known to write it, those whose include names are worked out from values may.
    const mayInclude = markdownInclude && includedIn.length === 0 && !captured ? pagesNamingFromValues(page.path, site, pages).filter((path) => isMarkdownFile(path, site.jekyll)) : [];
    const mayIncludeFolders = byFolder(mayInclude, site);
    for (const link of page.links) {
      if (markdownInclude && isRelative(link) && !(link.url ?? link.raw).startsWith('#')) {
        if (includedIn.length > 0) reportRelativeMissOn(link, includedIn, includedFolders, page.path, site, pages, reportPage);
        else if (!captured) reportRelativeMissFromAll(link, mayIncludeFolders, mayInclude.length, site, reportPage);
        continue;
      }
      const report = reportFor(link, reportPage, reasons);
      const where = { start: link.start, end: link.end };
      if (link.source === 'link-tag') {
        const name = link.sourcePath!;
        // A file a build step writes before Jekyll runs (git ignores it) cannot be looked for here.
        if (linkTagSource(site, 'link', name) !== undefined || writtenBeforeBuild(site.jekyll, name)) continue;
        // Only a static file is found by a path that starts with `/`.
        const bare = name.startsWith('/') && linkTagSource(site, 'link', name.slice(1)) !== undefined ? name.slice(1) : undefined;
        if (bare !== undefined) report({ message: `\`{% link ${name} %}\`: Jekyll finds a page or document by its path without the leading \`/\` (\`${bare}\`), so it fails to build the page.`, ...where, fix: { ...where, text: bare } });
        else report({ message: `\`{% link ${name} %}\`: no published document at that path, so Jekyll fails to build the page.`, ...where });
        continue;
      }
      if (link.source === 'post-url-tag') {
        if (linkTagSource(site, 'post_url', link.sourcePath!) === undefined) {
          report({ message: `\`{% post_url ${link.sourcePath} %}\`: no post \`_posts/${link.sourcePath}.*\`, so Jekyll fails to build the page.`, ...where });
        }
        continue;
      }
      if (link.documentUrl) {
        if (baseurl && !baseurlLeftToPlugins(site, pages)) reportDocumentUrl(link, link.documentUrl.expression, site, report);
        continue;
      }
      const resolved = resolveLink(link, page.path, site);
      // Outside a project site's path are the owner's other sites, but where a plugin gem adds the baseurl to the site's
      // root-relative links (it is a page of the site that is missing), and where the destination is mistyped (a title in parentheses).
      const missing = resolved.status === 'outside-baseurl' && (baseurlLeftToPlugins(site, pages) || mistyped((link.url ?? link.raw).trim(), isMarkdownSyntax(link)) !== undefined);
      const resolution: Resolution = missing ? { status: 'not-found', url: resolved.url, path: resolved.url } : resolved;
      const fix = (path: string): Report['fix'] => {
        const text = rewritePath(link.raw, writtenBaseurl(link, baseurl), path);
        return text === undefined ? undefined : { ...where, text };
      };
      switch (resolution.status) {
        case 'not-found': {
          const suggestion = publishedNear(site.urls, resolution.path);
          const what = link.source === 'image' || link.source === 'tag' ? 'image or file' : 'page or file';
          if (resolution.viaSiteUrl) {
            const twice = baseurlInSiteUrl(site.jekyll, resolution.path);
            // Other software on the same host may serve it (an old archive, an app): likely broken, not certainly.
            if (twice) report({ message: twice, ...where });
            else report({ message: `This site does not publish \`${baseurl}${resolution.url}\` (the link is on its own \`url\`, where the server may serve other content)${suggestion ? `; did you mean \`${baseurl}${suggestion}\`?` : '.'}`, ...where, severity: 'warning' });
            break;
          }
          // A destination whose text shows how it was mistyped (`example.com/x`, `me@example.com`) is that typo, whatever may write pages.
          const markdown = isMarkdownSyntax(link);
          const typed = mistyped((link.url ?? link.raw).trim(), markdown);
          const generators = typed === undefined ? generatorsOf(resolution.path, site) : [];
          if (generators.length > 0) {
            // A generator plugin writes pages no source file gives (archives, indexes), static files it lists or a post_write hook any file: likely broken, not certainly.
            const page = isPagePath(resolution.path) && generators.some((g) => !g.afterWrite) ? 'page' : 'file';
            report({
              message: `No source file publishes a ${page} at \`${baseurl}${resolution.url}\`${suggestion ? ` (did you mean \`${baseurl}${suggestion}\`?)` : ''}, unless ${writersOf(generators)}.`,
              ...where,
              severity: 'warning',
            });
            break;
          }
          const theme = themeGemName(site.jekyll);
          if (typed === undefined && theme !== undefined && themeAssetUrls(site.jekyll) === 'unknown' && resolution.path.startsWith('/assets/')) {
            // Jekyll copies a theme gem's own `assets/` folder into the site: the repository need not hold it.
            report({ message: `No ${what} of this repository is published at \`${baseurl}${resolution.url}\`${suggestion ? ` (did you mean \`${baseurl}${suggestion}\`?)` : ''}, unless the theme \`${theme}\` ships it in its \`assets/\` folder.`, ...where, severity: 'warning' });
            break;
          }
          const project = suggestion || typed !== undefined ? undefined : ownerProjectAt(site, resolution.path);
          if (project) {
            // With external checks on, the owner's project site was asked for the page.
            const projectUrl = ownerProjectUrl(site.jekyll, resolution.path);
            const answer = externalStatus(projectUrl);
            if (answer?.kind === 'ok' || answer?.kind === 'redirected') break;
            if (answer?.kind === 'broken') report({ message: `No page or file is published at \`${resolution.url}\`: not by this site, nor by \`${project}\`'s GitHub Pages project site (${projectUrl}: ${answer.reason}).`, ...where });
            else report({ message: `No page or file of this site is published at \`${resolution.url}\`, unless the repository \`${project}\` publishes a GitHub Pages project site there (GitHub serves an owner's project sites beside the owner's own site).`, ...where, severity: 'warning' });
            break;
          }
          const templated = typed === undefined ? [...site.urls.unknownUrls].find(([urls]) => generatedUrls(urls).test(resolution.path))?.[1] : undefined;
          if (templated) {
            const others = templated.documents - 1;
            report({
              message: `No page is known at \`${baseurl}${resolution.url}\`, unless it is \`${templated.path}\`${others > 0 ? ` (or ${others} more)` : ''}, whose permalink uses \`${templated.placeholder}\`: a placeholder only a plugin fills in (without one, jekyll build fails).`,
              ...where,
              severity: 'warning',
            });
            break;
          }
          const listedBy = site.urls.inertRedirects.get(resolution.path) ?? site.urls.inertRedirects.get(`${resolution.path}/`);
          if (listedBy) {
            report({ message: `No ${what} is published at \`${baseurl}${resolution.url}\`: \`${listedBy}\` lists it in \`redirect_from\`, but the site does not load jekyll-redirect-from (add it to \`plugins:\` in _config.yml), so nothing is written there.`, ...where });
            break;
          }
          const typo = baseurlTwice(link, baseurlAsWritten(site.jekyll), site.jekyll.linkTagsAddBaseurl) ?? unpublishedFile(site, resolution.path) ?? typed;
          // The one certain fix: the URL inside the doubled parentheses or the brackets.
          const unwrapped = markdown && (inParenthesesTwice.test(link.raw) || inBrackets.test(link.raw)) ? { fix: { ...where, text: link.raw.slice(1, -1) } } : {};
          const { sentBy } = resolution;
          const redirected = sentBy ? ` ${sentBy.server} sends it to \`${sentBy.to}\` (\`${sentBy.where}\`), where nothing is published either.` : '';
          report({ message: `No ${what} is published at \`${baseurl}${resolution.url}\`${suggestion && !typo ? ` (did you mean \`${baseurl}${suggestion}\`?)` : ''}.${typo ?? ''}${redirected}`, ...where, ...unwrapped });
          break;
        }
        case 'wrong-case': {
          // Also on the site's own `url`: no other software serves this site's page in another case.
          const fixed = fix(resolution.actual);
          report({ message: `\`${baseurl}${resolution.url}\` differs in letter case from \`${baseurl}${resolution.actual}\`: servers are case-sensitive.`, ...where, ...(fixed ? { fix: fixed } : {}) });
          break;
        }
        case 'missing-baseurl': {
          // A plugin gem doclint does not read may rewrite such links before they are rendered
          // (w3c's wai-website-plugin makes each `[text](/path/)` a relative_url): then no fix is
          // certain, and where the site's links leave the baseurl out as a rule, the gem adds it.
          if (baseurlLeftToPlugins(site, pages)) break;
          const rewritten = pluginRewriteNote(site.jekyll);
          const fixed = rewritten ? undefined : fix(resolution.url);
          report({ message: `This link leaves out the baseurl \`${baseurl}\`${servedUnder(site.jekyll)}: deployed, \`${resolution.url}\` is outside the site${rewritten}. Start it with \`{{site.baseurl}}\`.`, ...where, ...(rewritten ? { severity: 'warning' as const } : {}), ...(fixed ? { fix: fixed } : {}) });
          break;
        }
        case 'outside-baseurl': {
          // GitHub Pages serves the owner's other sites beside this one: not checked; but a path close to a page of the
          // site is likely that page, missing the baseurl and mistyped.
          const near = publishedNear(site.urls, resolution.url);
          if (near) report({ message: `\`${resolution.url}\` is outside this site, which is served under \`${baseurl}\`${servedUnder(site.jekyll)}: did you mean \`${baseurl}${near}\`?`, ...where, severity: 'warning' });
          break;
        }
        case 'outside-site':
          report({ message: `This relative link climbs out of the site (to \`${resolution.url}\`).`, ...where });
          break;
        default:
          break;
      }
    }
    // A relative link resolves from the page's folder: one page per folder speaks for the rest.
    const writing = page.relativeLinks ? relativeLinkPages(page.path, site, pages) : [];
    const folders = byFolder(writing, site);
    for (const link of page.relativeLinks ?? []) reportRelativeMissOn(link, writing, folders, page.path, site, pages, reportPage);
  },
};

/** reportRelativeMiss over the pages of `writing` (by folder: `folders`) the template's link is written on (an include's branch may keep it off some). */
function reportRelativeMissOn(link: LinkRef, writing: readonly string[], folders: ReadonlyMap<string, readonly string[]>, template: string, site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>, report: (report: Report) => void): void {
  const writingLink = pagesWritingLink(template, link, writing, site, pages);
  reportRelativeMiss(link, writingLink === writing ? folders : byFolder(writingLink, site), writingLink.length, site, report);
}

/** Reports a link relative to the page that reaches nothing from some of the `of` pages (by folder) a layout or include is written into. */
function reportRelativeMiss(link: LinkRef, folders: ReadonlyMap<string, readonly string[]>, of: number, site: SiteIndex, report: (report: Report) => void): void {
  const miss = missFromPages(link, folders, of, site);
  if (!miss) return;
  const baseurl = site.jekyll.baseurl;
  const fromRoot = !link.url!.startsWith('.') && resolveLink({ ...link, url: `${baseurl}/${link.url!}` }, miss.page, site).status === 'ok' ? ` Written from the site's root (\`{{ "/${link.url!}" | relative_url }}\`), it reaches a published file.` : '';
  const from = miss.pages > 1 ? `${miss.pages === miss.of ? `all ${miss.of}` : `${miss.pages} of the ${miss.of}`} pages it is written into: from \`${miss.page}\`` : `\`${miss.page}\`, ${miss.of > 1 ? `one of the ${miss.of} pages` : 'the page'} it is written into:`;
  report({ message: `This link is relative to the page, and reaches nothing from ${from} it leads to \`${baseurl}${miss.url}\`, where nothing is published.${fromRoot}`, start: link.start, end: link.end });
}

/**
 * Reports a Markdown include's link relative to the page that reaches nothing from any of the `of`
 * pages (by folder) that may write the include: each may name another file, so a miss from some is no sign.
 */
function reportRelativeMissFromAll(link: LinkRef, folders: ReadonlyMap<string, readonly string[]>, of: number, site: SiteIndex, report: (report: Report) => void): void {
  const miss = of === 0 ? undefined : missFromPages(link, folders, of, site);
  if (!miss || miss.pages < of) return;
  const pages = of === 1 ? 'the page whose include tag may name this file from values it does not set' : `any of the ${of} pages whose include tags may name this file from values they do not set`;
  report({ message: `This link is relative to the page, and reaches nothing from ${pages}: from \`${miss.page}\` it leads to \`${site.jekyll.baseurl}${miss.url}\`, where nothing is published.`, start: link.start, end: link.end, severity: 'warning' });
}

/** The pages (of the `of` a template is written into, by folder) its relative link leads nowhere from: how many, one of them, and where it leads from that one. */
function missFromPages(link: LinkRef, folders: ReadonlyMap<string, readonly string[]>, of: number, site: SiteIndex): { pages: number; of: number; page: string; url: string } | undefined {
  let miss: { pages: number; of: number; page: string; url: string } | undefined;
  for (const inFolder of folders.values()) {
    const resolution = resolveLink(link, inFolder[0]!, site);
    if (resolution.status !== 'not-found' || resolution.viaSiteUrl || generatorsOf(resolution.path, site).length > 0) continue;
    miss ??= { pages: 0, of, page: inFolder[0]!, url: resolution.url };
    miss.pages += inFolder.length;
  }
  return miss;
}

function byFolder(paths: readonly string[], site: SiteIndex): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const path of paths) {
    const url = site.urls.urlOf.get(path)!;
    const folder = url.slice(0, url.lastIndexOf('/') + 1);
    const inFolder = folders.get(folder);
    if (inFolder) inFolder.push(path);
    else folders.set(folder, [path]);
  }
  return folders;
}
