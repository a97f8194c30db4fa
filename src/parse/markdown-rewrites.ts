/**
 * A page as the site's own converters hand it to the Markdown converter: their literal
 * replacements (site/plugin-converters.ts) applied to its body, its lines kept, so every line
 * number stays the file's (a column after a replacement on its line moves by the difference).
 */
import { extname } from 'node:path';
import type { Finding } from '../types.js';
import type { MarkdownRewrite } from './document.js';

/** The page's text with the rewrites of its extension applied after its front matter; undefined when they change nothing. */
export function rewrittenPage(path: string, text: string, bodyStart: number, rewrites: readonly MarkdownRewrite[]): string | undefined {
  const extension = extname(path);
  let body = text.slice(bodyStart);
  for (const { extensions, ignoreCase, from, to } of rewrites) {
    if (extensions.some((name) => (ignoreCase ? name.toLowerCase() === extension.toLowerCase() : name === extension))) body = body.split(from).join(to);
  }
  return body.length === text.length - bodyStart && text.endsWith(body) ? undefined : text.slice(0, bodyStart) + body;
}

/** Where two texts first differ (the shorter one's length if one starts the other). */
export function firstDifference(a: string, b: string): number {
  let same = 0;
  while (same < a.length && a.charCodeAt(same) === b.charCodeAt(same)) same++;
  return same;
}

/** Findings on a rewritten text, with fixes only where it is still the file's: a fix past the first change would land elsewhere in the file. */
export function fixesBefore(findings: Finding[], offset: number): Finding[] {
  return findings.map((finding) => {
    if (!finding.fix || finding.fix.end <= offset) return finding;
    const { fix: _past, ...unfixable } = finding;
    return unfixable;
  });
}
