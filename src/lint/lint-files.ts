/**
 * The two passes for one file, shared by every kind of run (one thread, a worker, a cached
 * run, --fix): reading files, pass 1 whatever a file holds, and both passes for one text.
 */
import { resolve } from 'node:path';
import { allRules } from '../../rules/index.js';
import type { ResolvedConfig } from '../config/types.js';
import type { ExternalStatus } from '../links/external/check.js';
import { isHtmlPage, parseDocument } from '../parse/document.js';
import { parseFrontMatter } from '../parse/front-matter.js';
import { firstDifference, fixesBefore, rewrittenPage } from '../parse/markdown-rewrites.js';
import { ComplexityError } from '../parse/parse-budget.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { isDataFile, isFragmentFile, isTemplateFile } from '../site/discover.js';
import { firstPassFindingsInSite } from './first-pass-in-site.js';
import { readSource, type Source } from '../site/read-source.js';
import { readmeIndexPages } from '../site/github-pages-plugins.js';
import { frontMatterValues, type SiteIndex } from '../site/site-index.js';
import type { Anchor } from '../site/anchors.js';
import { detachStrings } from '../text/detach.js';
import type { AnyRule, Document, Finding, PageFacts } from '../types.js';
import { dataFileFacts } from './data-pass.js';
import { staticHtmlFacts } from './static-html-pass.js';
import { templatePass } from './template-pass.js';
import { documentPass, type DocumentPassContext } from './document-pass.js';
import { byPosition, engineFinding } from './rule-reports.js';
import { sitePass } from './site-pass.js';

/** Everything a run shares across files. */
export interface LintContext {
  config: ResolvedConfig;
  tags: TagRegistry;
  site: SiteIndex;
  /** What checking external URLs found (when external checking is on). */
  external?: ReadonlyMap<string, ExternalStatus>;
}

/** What pass 1 gives of one file: its findings, and unless no parser survives it, its facts. */
export interface FirstPass {
  findings: Finding[];
  facts?: PageFacts;
  /** Its front matter values (for the site's URLs), when Jekyll reads its front matter. */
  frontMatter?: Record<string, unknown>;
}

/** Pass 1 of a run's files, and the threads that ran it. */
export interface FirstPassRun {
  results: Map<string, FirstPass>;
  threads: number;
}

/** The anchors in pages' facts (not those whose computing failed: asking for them reports why). */
export function knownAnchors(pages: Iterable<readonly [string, PageFacts | undefined]>): Map<string, readonly Anchor[]> {
  const anchors = new Map<string, readonly Anchor[]>();
  for (const [path, facts] of pages) if (facts && Array.isArray(facts.anchors)) anchors.set(path, facts.anchors);
  return anchors;
}

/** Pass 1 settings of a run in a site (a context without files is a file on its own). */
export const documentPassContext = ({ config, tags, site }: LintContext): DocumentPassContext => ({
  config,
  tags,
  site: { jekyll: site.jekyll, standalone: site.files.size === 0, readmeIndexes: readmeIndexesOf(site) },
});

const readmeIndexesBySite = new WeakMap<SiteIndex, ReadonlySet<string>>();

/** The site's README index pages, worked out once per site (a library may lint its files one call at a time). */
function readmeIndexesOf(site: SiteIndex): ReadonlySet<string> {
  let readmes = readmeIndexesBySite.get(site);
  if (!readmes) readmeIndexesBySite.set(site, (readmes = readmeIndexPages(site.files, site.jekyll)));
  return readmes;
}

/**
 * Pass 1 of one file, whatever it holds: a file that cannot be read, or input that defeats the
 * parsers (a stack overflow on thousands of nested quotes), is a finding on that file, and the
 * run goes on.
 */
export function firstPass(file: string, source: Source, context: DocumentPassContext, rules: readonly AnyRule[] = allRules): FirstPass {
  const { config, tags } = context;
  if (!source.ok) return { findings: engineFinding(config, 'file-unreadable', file, source.message, source.line, source.column) };
  if (!context.site.standalone && isDataFile(file, context.site.jekyll)) return { findings: [], facts: dataFileFacts(file, source.text, context.site) };
  // A layout's or include's front matter gives no page its values: no front matter is read here for one.
  // A fragment is taken into pages whole, a `---` block too.
  const inSite = !context.site.standalone;
  const front = inSite && isTemplateFile(file, context.site.jekyll) ? undefined : inSite && isFragmentFile(file, context.site.jekyll) ? ({ kind: 'none' } as const) : parseFrontMatter(source.text);
  if (inSite && front?.kind === 'none' && isHtmlPage(file)) return { findings: [], facts: staticHtmlFacts(file, source.text) };
  const values = front && frontMatterValues(front);
  // Kept for the whole run: they must not keep the file's text alive.
  if (values) detachStrings(values);
  const withValues = values ? { frontMatter: values } : {};
  try {
    if (!front) return templatePass(file, source.text, rules, context);
    const reading = context.site.jekyll.markdownReading;
    // The site's own converters may rewrite a page before kramdown reads it.
    const rewritten = front.kind === 'yaml' && reading.rewrites ? rewrittenPage(file, source.text, front.end, reading.rewrites) : undefined;
    const passed = documentPass(parseDocument(file, rewritten ?? source.text, tags, front, reading), rules, context);
    if (rewritten !== undefined) {
      const rewrittenFrom = firstDifference(source.text, rewritten);
      passed.findings = fixesBefore(passed.findings, rewrittenFrom);
      if (passed.facts) passed.facts.rewrittenFrom = rewrittenFrom;
    }
    return { ...passed, ...withValues };
  } catch (error) {
    if (error instanceof ComplexityError) {
      return { findings: engineFinding(config, 'file-too-complex', file, `The Markdown was not parsed, to keep the run bounded: ${error.message} (see file-too-complex).`, error.line, 1), ...withValues };
    }
    const reason = error instanceof RangeError ? 'it nests too deeply for a Markdown parser' : 'the parser failed';
    return { findings: engineFinding(config, 'file-unreadable', file, `doclint could not parse this file: ${reason} (${(error as Error).message}).`, 1, 1), ...withValues };
  }
}

/** Pass 2 of the pages pass 1 read (facts of other pages as given), findings per page. */
export function secondPass(page: FirstPass, context: LintContext, pages: ReadonlyMap<string, PageFacts | undefined>, rules: readonly AnyRule[] = allRules): Finding[] {
  if (!page.facts) return [];
  const found = sitePass(page.facts, rules, { config: context.config, site: context.site, pages, ...(context.external ? { external: context.external } : {}) });
  return page.facts.rewrittenFrom === undefined ? found : fixesBefore(found, page.facts.rewrittenFrom);
}

/**
 * Both passes for one text as the file at `path` of the given site (other pages' anchors from
 * the index): for editors, tests, --fix and the changed-files baseline. Pure. `pages`: the run's
 * pass-1 facts of the site's files (a --fix run has them), which tell what takes a file in and
 * which templates are used; without them, those are not known.
 */
export function lintFile(path: string, text: string, context: LintContext, rules: readonly AnyRule[] = allRules, pages?: ReadonlyMap<string, PageFacts | undefined>): Finding[] {
  const first = firstPass(path, { ok: true, text }, documentPassContext(context), rules);
  return findingsInSite(path, first, context, pages ?? new Map([[path, first.facts]]), rules);
}

/** A file's findings once the site is known: pass 1's as the site sees them (first-pass-in-site.ts), and pass 2's; sorted. */
export function findingsInSite(path: string, first: FirstPass, context: LintContext, pages: ReadonlyMap<string, PageFacts | undefined>, rules: readonly AnyRule[] = allRules): Finding[] {
  return [...firstPassFindingsInSite(path, first, context.site, pages), ...secondPass(first, context, pages, rules)].sort(byPosition);
}

/** Both passes for a parsed document on its own (the remark plugins, which parse once per file for every rule). */
export function lintDocument(document: Document, context: LintContext, rules: readonly AnyRule[] = allRules): Finding[] {
  const first = documentPass(document, rules, documentPassContext(context));
  return [...first.findings, ...secondPass(first, context, new Map([[document.path, first.facts]]), rules)].sort(byPosition);
}

/** Both passes for a file as read (one that cannot be read is a finding). */
export function lintSource(path: string, source: Source, context: LintContext, rules: readonly AnyRule[] = allRules): Finding[] {
  return source.ok ? lintFile(path, source.text, context, rules) : firstPass(path, source, documentPassContext(context), rules).findings;
}

export function readAll(root: string, files: readonly string[], maxFileSize: number): Map<string, Source> {
  return new Map(files.map((file) => [file, readSource(resolve(root, file), maxFileSize)]));
}

/** The texts of the given files that could be read, in their order. */
export function readableTexts(sources: ReadonlyMap<string, Source>, files: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    const source = sources.get(file);
    if (source?.ok) texts.set(file, source.text);
  }
  return texts;
}
