/**
 * Pass 1 of an HTML layout or include. Its Liquid fails the build of every page that uses it, as
 * a page's own fails that page's: the Liquid rules check it. Its facts are the links it writes
 * into every page (see links/template-links.ts), which the link rules check in pass 2, and the
 * includes it renders, which tell which templates are in use (site/template-use.ts).
 */
import { templateLinks } from '../links/template-links.js';
import { parseDocument } from '../parse/document.js';
import { parseFrontMatter, type FrontMatter } from '../parse/front-matter.js';
import { templateKind } from '../site/discover.js';
import { includeUses } from '../site/include-files.js';
import { detachStrings } from '../text/detach.js';
import { unusedTemplate } from '../site/template-use.js';
import type { SiteIndex } from '../site/site-index.js';
import type { AnyRule, Finding, PageFacts } from '../types.js';
import { runRules, type DocumentPassContext, type DocumentPassResult } from './document-pass.js';
import { readSuppressions } from './suppressions.js';

/** The rules that read a template as Jekyll does: its Liquid alone (it has no Markdown, and no front matter of a page). */
const templateRules = new Set(['liquid-syntax', 'liquid-output']);

export function templatePass(path: string, text: string, rules: readonly AnyRule[], context: DocumentPassContext): DocumentPassResult {
  const { tags, site } = context;
  // Jekyll reads a layout's front matter; an include's text is written whole.
  const front: FrontMatter = templateKind(path, site.jekyll) === 'layout' ? parseFrontMatter(text) : { kind: 'none' };
  const document = parseDocument(path, text, tags, front, site.jekyll.rawBlockHtml);
  const suppressions = readSuppressions(document);
  const { findings } = runRules(document, rules.filter((rule) => templateRules.has(rule.meta.id)), context, suppressions);
  const links = templateLinks(document, site.jekyll.raw);
  // Kept for the whole run: they must not keep the file's text alive.
  detachStrings(links);
  const facts: PageFacts = { path, rendered: true, links, anchors: [], lineStarts: document.lines.starts, length: text.length, suppressions, collected: {} };
  const includes = includeUses(document, site.jekyll.includesDir);
  if (includes) {
    detachStrings(includes.files);
    facts.includes = includes;
  }
  return { findings, facts };
}

/**
 * Pass 1's findings of a file, seen from the whole site: Jekyll parses a layout's or include's
 * Liquid only when it renders it, so in a template no page uses, the Liquid rules' findings fail
 * no build: they are warnings that say why (the link rules say so of theirs).
 */
export function templateFindingsInSite(file: string, findings: Finding[], site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>): Finding[] {
  if (!findings.some((found) => templateRules.has(found.ruleId))) return findings;
  const unused = unusedTemplate(file, site, pages);
  if (unused === undefined) return findings;
  return findings.map((found) => (templateRules.has(found.ruleId) ? { ...found, severity: 'warning', message: `${found.message} (${unused})` } : found));
}
