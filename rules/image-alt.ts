/**
 * image-alt: images have alternative text for screen readers: Markdown images a non-empty
 * alt (`![what it shows](x.png)`), raw HTML `<img>` an `alt` attribute. (The help center's
 * `{% image %}` tag takes its alt text from the caption: see liquid-tag-arguments.)
 */
import { nodesOfType } from '../src/parse/document-nodes.js';
import { htmlStartTags } from '../src/parse/html-tags.js';
import type { DocumentRule } from '../src/types.js';

export const imageAlt: DocumentRule = {
  meta: {
    id: 'image-alt',
    description: 'Markdown images have alt text and HTML `<img>` elements an `alt` attribute.',
    severity: 'warning',
    fixable: false,
  },
  check({ document, report }) {
    for (const { node } of nodesOfType(document, 'image', 'html')) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      if (node.type === 'image' && (node.alt ?? '').trim() === '') {
        report({ message: 'This image has no alt text: describe what it shows inside `![…]`.', start, end });
      } else if (node.type === 'html') {
        for (const tag of htmlStartTags(document.maskedText.slice(start, end))) {
          if (tag.name !== 'img' || tag.attributes.some((attribute) => attribute.name === 'alt')) continue;
          report({ message: 'This `<img>` has no `alt` attribute, so screen readers announce only the file name.', start: start + tag.start, end: start + tag.end });
        }
      }
    }
  },
};
