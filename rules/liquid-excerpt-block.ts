/**
 * liquid-excerpt-block: Jekyll cuts every document's excerpt (and a page's, with `page_excerpts: true`) at the first blank line
 * (`excerpt_separator`, default "\n\n"). When that cut falls inside a Liquid block, Jekyll
 * appends the missing end tags and prints "Warning: Excerpt modified" on every build;
 * listings and feeds then show half a callout. Reported where the block opens.
 * Silence it by setting `excerpt_separator` (site config or front matter) or `excerpt`.
 */
import type { LiquidTagToken } from '../src/parse/liquid-tokens.js';
import type { DocumentRule } from '../src/types.js';
import { isCollectionDocument } from '../src/site/urls.js';

export const liquidExcerptBlock: DocumentRule = {
  meta: {
    id: 'liquid-excerpt-block',
    description: "The page excerpt (up to the first blank line) does not cut a Liquid block in half (Jekyll's \"Excerpt modified\" warning).",
    severity: 'warning',
    fixable: false,
  },
  check({ document, site, tags, report }) {
    const front = document.frontMatter;
    if (front.kind !== 'yaml' || front.bom) return;
    const data = front.data;
    if ('excerpt' in data) return;
    // Pages (outside collections and posts) get an excerpt only with `page_excerpts: true` (Jekyll 4.1+).
    if (!site.standalone && !isCollectionDocument(document.path, site.jekyll) && site.jekyll.raw.page_excerpts !== true) return;
    const separator = typeof data.excerpt_separator === 'string' ? data.excerpt_separator : typeof site.jekyll.raw.excerpt_separator === 'string' ? site.jekyll.raw.excerpt_separator : '\n\n';
    if (separator === '') return;
    const cut = document.text.indexOf(separator, document.bodyStart);
    if (cut === -1) return;
    // Jekyll::Excerpt#sanctify_liquid_tags: a block tag named in the head whose end tag is not in the head.
    // Every tag token counts, end tags included (Jekyll scans the head with a regex).
    const inHead = document.liquid.tokens.filter((token): token is LiquidTagToken => token.kind === 'tag' && token.end <= cut);
    const open = inHead.filter((tag) => tags.get(tag.name)?.block && !inHead.some((other) => other.name === `end${tag.name}`));
    const first = open[0];
    if (!first) return;
    report({
      message: `The excerpt ends at the first blank line, inside this \`{% ${first.name} %}\` block: Jekyll closes it itself and prints "Excerpt modified" on every build. Set \`excerpt_separator\` or \`excerpt\` in the front matter to choose the excerpt.`,
      start: first.start,
      end: first.end,
    });
  },
};
