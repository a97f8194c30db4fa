/**
 * Pass 1 of a layout or include (HTML, or other text Liquid renders: a script, a stylesheet). Its Liquid fails the build of every page that uses it, as
 * a page's own fails that page's: the Liquid rules check it; image-alt its `<img>` tags. Its facts are the links it writes
 * into every page (see links/template-links.ts), which the link rules check in pass 2, and the
 * includes it renders, which tell which templates are in use (site/template-use.ts).
 */
import { templateLinks } from '../links/template-links.js';
import { parseTemplate } from '../parse/document.js';
import { templateContent, templateKind } from '../site/discover.js';
import { includeUses, relativeIncludeNames } from '../site/include-files.js';
import { detachStrings } from '../text/detach.js';
import type { AnyRule, PageFacts } from '../types.js';
import { runRules, type DocumentPassContext, type DocumentPassResult } from './document-pass.js';
import { readSuppressions } from './suppressions.js';

/** The rules that read a template: its Liquid as Jekyll parses it, and its `<img>` tags (it has no Markdown, and no front matter of a page). */
export const templateRules: ReadonlySet<string> = new Set(['liquid-syntax', 'liquid-output', 'image-alt']);

export function templatePass(path: string, text: string, rules: readonly AnyRule[], context: DocumentPassContext): DocumentPassResult {
  const { tags, site } = context;
  const document = parseTemplate(path, text, tags, templateKind(path, site.jekyll) ?? 'include', site.jekyll.markdownReading);
  const suppressions = readSuppressions(document);
  const { findings } = runRules(document, rules.filter((rule) => templateRules.has(rule.meta.id)), context, suppressions);
  // Only HTML's tags hold links: a script's or a stylesheet's text is not read for them.
  const { links, relativeLinks } = templateContent(path) === 'html' ? templateLinks(document, site.jekyll.raw, tags) : { links: [], relativeLinks: [] };
  // Kept for the whole run: they must not keep the file's text alive.
  detachStrings(links);
  const facts: PageFacts = { path, rendered: true, links, anchors: [], lineStarts: document.lines.starts, length: text.length, suppressions, collected: {} };
  if (relativeLinks.length > 0) {
    detachStrings(relativeLinks);
    facts.relativeLinks = relativeLinks;
  }
  const includes = includeUses(document, site.jekyll);
  if (includes) {
    detachStrings(includes.files);
    facts.includes = includes;
  }
  const relativeIncludes = relativeIncludeNames(document, site.jekyll);
  if (relativeIncludes) {
    detachStrings(relativeIncludes);
    facts.relativeIncludes = relativeIncludes;
  }
  return { findings, facts };
}
