/**
 * Pass 1's findings of a file, seen once the whole site is known (pass 2): what Jekyll does with
 * the file decides whether they hold.
 * - Jekyll parses a layout's or include's Liquid only to render it: in a template no page uses,
 *   its findings (Liquid, images) fail no build and reach no reader, and are warnings that say
 *   so (the link rules say so of theirs).
 * - A file without front matter that pages take in with `{% include_relative %}` is a fragment of
 *   those pages, not a page that lacks its front matter: front-matter-syntax's finding is not made
 *   (the link rules read its relative links from those pages).
 */
import { fragmentIncluder } from '../site/fragments.js';
import type { SiteIndex } from '../site/site-index.js';
import { unusedTemplate } from '../site/template-use.js';
import type { Finding, PageFacts } from '../types.js';
import type { FirstPass } from './lint-files.js';
import { templateRules } from './template-pass.js';

export function firstPassFindingsInSite(file: string, { findings, facts }: FirstPass, site: SiteIndex, pages: ReadonlyMap<string, PageFacts | undefined>): Finding[] {
  if (findings.some((found) => templateRules.has(found.ruleId))) {
    const unused = unusedTemplate(file, site, pages);
    if (unused !== undefined) return findings.map((found) => (templateRules.has(found.ruleId) ? { ...found, severity: 'warning', message: `${found.message} (${unused})` } : found));
  }
  if (facts && findings.some((found) => found.ruleId === 'front-matter-syntax') && fragmentIncluder(facts, site, pages) !== undefined) {
    return findings.filter((found) => found.ruleId !== 'front-matter-syntax');
  }
  return findings;
}
