/**
 * liquid-syntax: the page parses as Liquid, as Ruby Liquid 5 parses it in `jekyll build`:
 * every `{% %}` and `{{ }}` is closed, every tag is known, blocks are closed by their own
 * end tag and nest properly. Liquid stops at the first such error; this rule reports it, then
 * the errors after it (parsing on from each), saying that a later one may follow from an earlier.
 */
import type { DocumentRule } from '../src/types.js';

export const liquidSyntax: DocumentRule = {
  meta: {
    id: 'liquid-syntax',
    description: 'Liquid parses as Jekyll parses it: closed `{% %}`/`{{ }}`, known tags, balanced and properly nested blocks.',
    severity: 'error',
    fixable: false,
  },
  check({ document, report }) {
    const { error, laterErrors } = document.liquid;
    if (!error) return;
    report({ message: error.message, start: error.start, end: error.end });
    const firstLine = document.lines.position(error.start).line;
    for (const later of laterErrors) {
      report({ message: `${later.message} (Liquid stops at the first error, on line ${firstLine}; this one may follow from it.)`, start: later.start, end: later.end });
    }
  },
};
