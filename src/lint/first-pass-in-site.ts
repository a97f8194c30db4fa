/**
 * Pass 1's findings of a file, seen once the whole site is known (pass 2): what Jekyll does with
 * the file decides whether they hold.
 * - Jekyll parses a layout's or include's Liquid only to render it: in a template no page uses,
 *   or a page that says `published: false`, its findings (Liquid, images) fail no build and reach
 *   no reader, and are warnings that say so (the link rules say so of theirs).
 * - A file without front matter that pages take in with `{% include_relative %}` (or, in the
 *   includes folder, `{% include %}`) is a fragment of those pages, not a page that lacks its front
 *   matter: front-matter-syntax's finding is not made (the link rules read its relative links from
 *   those pages). A file Jekyll does not render on its own that no page takes in reaches no reader:
 *   of its findings only those of a static file hold (its missing front matter; none for a file
 *   Jekyll skips, such as `_part.md`).
 */
import { isFragmentFile } from '../site/discover.js';
import { fragmentIncluder } from '../site/fragments.js';
import type { SiteIndex } from '../site/site-index.js';
import { unusedTemplate } from '../site/template-use.js';
import { unpublishedPageReason } from '../site/urls.js';
import type { Finding, PageFacts } from '../types.js';
import type { FirstPass } from './lint-files.js';
import { templateRules } from './template-pass.js';

export function firstPassFindingsInSite(file: string, { findings, facts }: FirstPass, site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>): Finding[] {
  if (findings.some((found) => templateRules.has(found.ruleId))) {
    const unused = unusedTemplate(file, site, pages) ?? unpublishedPageReason(file, site.urls);
    if (unused !== undefined) return findings.map((found) => (templateRules.has(found.ruleId) ? { ...found, severity: 'warning', message: `${found.message} (${unused})` } : found));
  }
  if (!facts || (facts.rendered && !findings.some((found) => found.ruleId === 'front-matter-syntax'))) return findings;
  if (fragmentIncluder(facts, site, pages) !== undefined) return findings.filter((found) => found.ruleId !== 'front-matter-syntax');
  if (facts.rendered) return findings;
  const skipped = isFragmentFile(file, site.jekyll);
  return findings.filter((found) => readingFindings.has(found.ruleId) || (found.ruleId === 'front-matter-syntax' && !skipped));
}

/** The findings of reading a file at all, whatever Jekyll does with it. */
const readingFindings = new Set(['file-unreadable', 'file-too-complex', 'internal-error']);
