/**
 * image-alt: images have alternative text for screen readers: Markdown images a non-empty
 * alt (`![what it shows](x.png)`), raw HTML `<img>` an `alt` attribute, in pages and in the
 * HTML layouts and includes that write them into pages. (The help center's `{% image %}` tag
 * takes its alt text from the caption: see liquid-tag-arguments.)
 */
import { nodesOfType } from '../src/parse/document-nodes.js';
import { htmlStartTags, type HtmlStartTag } from '../src/parse/html-tags.js';
import { templateContent, templateKind } from '../src/site/discover.js';
import type { DocumentRule } from '../src/types.js';

const noAlt = 'This `<img>` has no `alt` attribute, so screen readers announce only the file name.';
const lacksAlt = (tag: HtmlStartTag): boolean => tag.name === 'img' && !tag.attributes.some((attribute) => attribute.name === 'alt');

/**
 * Whether Liquid in the tag may write attributes of its own (`{{ include.attributes }}`, `{% if %}`
 * around one): Liquid inside a quoted value (`src="{{ image | relative_url }}"`) writes only that value.
 */
function liquidOutsideValues(text: string, tag: HtmlStartTag): boolean {
  let at = tag.start;
  for (const { start, end } of tag.attributes) {
    const quote = text[start - 1];
    if ((quote !== '"' && quote !== "'") || text[end] !== quote) continue;
    if (/\{[{%]/.test(text.slice(at, start))) return true;
    at = end;
  }
  return /\{[{%]/.test(text.slice(at, tag.end));
}

export const imageAlt: DocumentRule = {
  meta: {
    id: 'image-alt',
    description: 'Markdown images have alt text and HTML `<img>` elements an `alt` attribute.',
    severity: 'warning',
    fixable: false,
  },
  check({ document, site, report }) {
    if (!site.standalone && templateKind(document.path, site.jekyll) !== undefined) {
      // A layout or include is HTML, not Markdown: each of its tags, but one whose Liquid may write the alt.
      // One of other text (a script, a stylesheet) writes no tag of the page's.
      if (templateContent(document.path) !== 'html') return;
      for (const tag of htmlStartTags(document.maskedText)) {
        if (lacksAlt(tag) && !liquidOutsideValues(document.text, tag)) report({ message: noAlt, start: tag.start, end: tag.end });
      }
      return;
    }
    for (const { node } of nodesOfType(document, 'image', 'html')) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      if (node.type === 'image' && (node.alt ?? '').trim() === '') {
        report({ message: 'This image has no alt text: describe what it shows inside `![…]`.', start, end });
      } else if (node.type === 'html') {
        for (const tag of htmlStartTags(document.maskedText.slice(start, end))) {
          if (lacksAlt(tag)) report({ message: noAlt, start: start + tag.start, end: start + tag.end });
        }
      }
    }
  },
};
