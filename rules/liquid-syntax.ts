/**
 * liquid-syntax: the page parses as Liquid, as Ruby Liquid 5 parses it in `jekyll build`:
 * every `{% %}` and `{{ }}` is closed, every tag is known, blocks are closed by their own
 * end tag and nest properly. Liquid stops at the first such error; this rule reports it, then
 * the errors after it (parsing on from each), saying that a later one may follow from an earlier.
 */
import type { LiquidSyntaxError } from '../src/parse/liquid-tree.js';
import { gemDefiningTag, unreadPluginGems } from '../src/site/plugins.js';
import type { DocumentRule, Report } from '../src/types.js';

/** A known gem's tag the site does not load (`{% seo %}` without jekyll-seo-tag): which gem, so that the fix is plain. */
function gemHint(found: LiquidSyntaxError): string {
  const gem = found.unknownTag === undefined ? undefined : gemDefiningTag(found.unknownTag);
  return gem ? ` \`${gem}\` defines it, and the site does not load that gem.` : '';
}

export const liquidSyntax: DocumentRule = {
  meta: {
    id: 'liquid-syntax',
    description: 'Liquid parses as Jekyll parses it: closed `{% %}`/`{{ }}`, known tags, balanced and properly nested blocks.',
    severity: 'error',
    fixable: false,
  },
  check({ document, site, report }) {
    const { error, laterErrors } = document.liquid;
    if (!error) return;
    // A tag doclint does not know may be a plugin gem's: then it is not certain that Jekyll fails.
    const gems = unreadPluginGems(site.jekyll);
    const uncertain = (found: LiquidSyntaxError) => found.unknownTag !== undefined && gems.length > 0;
    const finding = (found: LiquidSyntaxError, note = ''): Report =>
      uncertain(found)
        ? { message: `Unknown Liquid tag \`${found.unknownTag}\`: Jekyll fails on it unless a plugin gem defines it (the site loads ${gems.map((gem) => `\`${gem}\``).join(', ')}, whose tags doclint does not know; declare them in \`liquid.tags\`).${note}`, start: found.start, end: found.end, severity: 'warning' }
        : { message: `${found.message}${gemHint(found)}${note}`, start: found.start, end: found.end };
    report(finding(error));
    const firstLine = document.lines.position(error.start).line;
    // After a tag a gem may define, what follows may be its block's body and end tag.
    const severity = uncertain(error) ? { severity: 'warning' as const } : {};
    for (const later of laterErrors) report({ ...finding(later, ` (Liquid stops at the first error, on line ${firstLine}; this one may follow from it.)`), ...severity });
  },
};
