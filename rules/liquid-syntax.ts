/**
 * liquid-syntax: the page parses as Liquid, as Ruby Liquid 5 parses it in `jekyll build`:
 * every `{% %}` and `{{ }}` is closed, every tag is known, blocks are closed by their own
 * end tag and nest properly. Liquid stops at the first such error, and so does this rule.
 */
import type { Rule } from '../src/types.js';

export const liquidSyntax: Rule = {
  meta: {
    id: 'liquid-syntax',
    description: 'Liquid parses as Jekyll parses it: closed `{% %}`/`{{ }}`, known tags, balanced and properly nested blocks.',
    severity: 'error',
    fixable: false,
  },
  check({ document, report }) {
    const error = document.liquid.error;
    if (error) report({ message: error.message, start: error.start, end: error.end });
  },
};
