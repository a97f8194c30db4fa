/**
 * Pass 1: one document on its own (parallel, cached by the file's text hash). Runs the
 * document rules and the site rules' `collect`, and keeps the page's facts for pass 2: its
 * links, anchors, line starts, disable comments and what each site rule collected. Pure: no
 * file system, no network, nothing of other pages.
 */
import type { ResolvedConfig } from '../config/types.js';
import { documentLinks } from '../links/extract.js';
import { definitionsUsedWithin, referenceUses } from '../links/included-references.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { documentAnchors } from '../site/anchors.js';
import { documentRelativeIncludes, includeUses } from '../site/include-files.js';
import { documentScope, rendersAsPage } from '../site/site-index.js';
import { isSiteRule, type AnyRule, type Document, type Finding, type PageFacts, type SiteSettings } from '../types.js';
import { byPosition, collectReports, isEnabled, type FindingSink } from './rule-reports.js';
import { isSuppressedBy, readSuppressions, type SuppressionComment } from './suppressions.js';
import { detachStrings } from '../text/detach.js';
import { redirectToLinks } from '../links/redirect-to.js';

export interface DocumentPassContext {
  config: ResolvedConfig;
  tags: TagRegistry;
  site: SiteSettings;
}

export interface DocumentPassResult {
  findings: Finding[];
  facts: PageFacts;
}

/**
 * The links with only the reference definitions the document's own text uses: kramdown writes
 * nothing for a definition no link uses. A fragment's others are checked where pages that take it
 * in use them (links/included-references.ts).
 */
function withUsedDefinitions(document: Document, links: PageFacts['links']): PageFacts['links'] {
  const definitions = links.some((link) => link.source === 'definition') ? definitionsUsedWithin(document) : [];
  return links.filter((link) => link.source !== 'definition' || definitions.some(({ start, end }) => link.start >= start && link.start < end));
}

/** The document's pass-1 findings (sorted) and facts. */
export function documentPass(document: Document, rules: readonly AnyRule[], { config, tags, site }: DocumentPassContext): DocumentPassResult {
  const { path } = document;
  // A file Jekyll does not render on its own is linted whole all the same: a page may take it in
  // with an include tag, and pass 2 keeps its findings only then (first-pass-in-site.ts).
  const rendered = rendersAsPage(document, site);
  const suppressions = readSuppressions(document);
  const { findings, collected } = runRules(document, rules, { config, tags, site }, suppressions);
  // A fragment renders with the values of the page that takes it in: `{{ page.x }}` is not known.
  const scope = documentScope(document, site);
  const links = [...documentLinks(document, scope, tags), ...redirectToLinks(document, site.jekyll)];
  const includes = includeUses(document, site.jekyll, scope.page);
  // Kept of a static file too: a page that takes it in renders them.
  const relativeIncludes = documentRelativeIncludes(document, site.jekyll, scope.page);
  const facts: PageFacts = {
    path,
    rendered,
    // A page's definitions may be used by the text it includes, which kramdown reads with its own.
    links: rendered && (includes || relativeIncludes) ? links : withUsedDefinitions(document, links),
    anchors: anchorsOrError(() => documentAnchors(document, scope, tags)),
    lineStarts: document.lines.starts,
    length: document.text.length,
    suppressions,
    collected,
  };
  const references = referenceUses(document, site.jekyll);
  if (references) facts.references = references;
  if (includes) {
    detachStrings(includes.files);
    facts.includes = includes;
  }
  if (relativeIncludes) {
    detachStrings(relativeIncludes);
    facts.relativeIncludes = relativeIncludes;
  }
  if (document.frontMatter.kind === 'none') facts.noFrontMatter = true;
  return { findings, facts };
}

/** The document rules' findings on a document (sorted), and what the site rules' `collect` took from it, by rule id. */
export function runRules(document: Document, rules: readonly AnyRule[], { config, tags, site }: DocumentPassContext, suppressions: readonly SuppressionComment[]): { findings: Finding[]; collected: Record<string, unknown> } {
  const sink: FindingSink = { file: document.path, position: (offset) => document.lines.position(offset), suppressed: isSuppressedBy(suppressions), findings: [] };
  const collected: Record<string, unknown> = {};
  for (const rule of rules) {
    if (!isEnabled(config, rule)) continue;
    const context = { document, options: config.rules[rule.meta.id]!.options, tags, site };
    if (!isSiteRule(rule)) collectReports(config, rule, sink, (report) => rule.check!({ ...context, report }));
    else if (rule.collect) {
      const collect = rule.collect;
      collectReports(config, rule, sink, () => {
        const value = collect(context);
        if (value === undefined) return;
        // Kept for the whole run: the strings a rule sliced from the text must not keep it alive.
        detachStrings(value);
        collected[rule.meta.id] = value;
      });
    }
  }
  return { findings: sink.findings.sort(byPosition), collected };
}

function anchorsOrError(compute: () => PageFacts['anchors']): PageFacts['anchors'] {
  try {
    return compute();
  } catch (error) {
    return { error: (error as Error).message ?? String(error) };
  }
}
