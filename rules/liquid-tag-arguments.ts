/**
 * liquid-tag-arguments: each tag's arguments match its grammar in the tag registry.
 * Defaults are the help-center plugins: `callout` takes exactly one of info|warning|success
 * (anything else: Jekyll warns and falls back to info), `icon` 1 to 3 words (0 or 4+ fail the
 * build; a double space silently drops a word), `image` a path and a caption (no caption = no
 * alt text; a double quote breaks the alt attribute).
 */
import type { LiquidTagToken } from '../src/parse/liquid-tokens.js';
import { rubyStrip } from '../src/parse/liquid-markup.js';
import type { PathCaptionGrammar, WordsGrammar } from '../src/parse/tag-registry.js';
import type { Report, DocumentRule } from '../src/types.js';

export const liquidTagArguments: DocumentRule = {
  meta: {
    id: 'liquid-tag-arguments',
    description: "Tag arguments match the tag's grammar: `callout` type, `icon` word count, `image` path and caption (configurable per tag).",
    severity: 'error',
    fixable: false,
  },
  check({ document, tags, report }) {
    // Plugins check their arguments when they render, and a comment body never renders.
    const comments = document.liquid.blocks.filter((b) => b.open.name === 'comment').map((b) => [b.open.end, b.close?.start ?? Infinity] as const);
    for (const tag of document.liquid.tags) {
      if (comments.some(([from, to]) => tag.start >= from && tag.start < to)) continue;
      const grammar = tags.get(tag.name)?.arguments;
      if (!grammar) continue;
      const reports = grammar.kind === 'words' ? checkWords(tag, grammar) : checkPathCaption(tag, grammar);
      reports.forEach(report);
    }
  },
};


function markupRange(tag: LiquidTagToken): { start: number; end: number } {
  const trimmed = rubyStrip(tag.markup);
  if (trimmed === '') return { start: tag.start, end: tag.end };
  const start = tag.markupStart + tag.markup.indexOf(trimmed);
  return { start, end: start + trimmed.length };
}

function checkWords(tag: LiquidTagToken, grammar: WordsGrammar): Report[] {
  const markup = rubyStrip(tag.markup);
  const words = markup === '' ? [] : markup.split(' ');
  const where = markupRange(tag);
  const shown = `\`{% ${tag.name} ${markup} %}\``.replace('  %}', ' %}');
  const syntax = grammar.syntax ? ` Valid syntax: \`${grammar.syntax}\`.` : '';
  const fallback = grammar.fallback ? ` ${grammar.fallback}.` : '';
  const min = grammar.min ?? 0;
  const max = grammar.max ?? Infinity;
  const severity = grammar.countSeverity ?? 'error';
  const consequence = severity === 'error' ? ' Jekyll fails to build the page.' : fallback;
  if (words.some((word) => /\s/.test(word))) {
    return [{ message: `${shown}: words must be separated by single spaces, not tabs or line breaks.${consequence}${syntax}`, ...where, severity }];
  }
  if (words.length < min || words.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    return [{ message: `${shown} takes ${expected} argument${max === 1 ? '' : 's'}, found ${words.length}.${consequence}${syntax}`, ...where, severity }];
  }
  if (words.includes('')) {
    return [{ message: `${shown}: a double space between arguments makes the plugin silently drop a word.${syntax}`, ...where, severity: 'warning' }];
  }
  if (grammar.values && words[0] !== undefined && !grammar.values.includes(words[0])) {
    const values = grammar.values.map((v) => `\`${v}\``).join(', ');
    return [{ message: `${shown}: \`${words[0]}\` is not one of ${values} (case-sensitive).${fallback}`, ...where, severity: grammar.valueSeverity ?? 'error' }];
  }
  return [];
}

function checkPathCaption(tag: LiquidTagToken, grammar: PathCaptionGrammar): Report[] {
  const markup = rubyStrip(tag.markup);
  const where = markupRange(tag);
  const syntax = grammar.syntax ? ` Valid syntax: \`${grammar.syntax}\`.` : '';
  if (markup === '') return [{ message: `\`{% ${tag.name} %}\` needs a path: Jekyll fails to build the page.${syntax}`, ...where, severity: 'error' }];
  const space = markup.search(/\s/);
  const caption = space === -1 ? '' : rubyStrip(markup.slice(space));
  if (caption === '') {
    if (grammar.missingCaption === 'off') return [];
    return [{ message: `\`{% ${tag.name} ${markup} %}\` has no caption, so the image has no alt text for screen readers.${syntax}`, ...where, severity: grammar.missingCaption ?? 'warning' }];
  }
  if (caption.includes('"')) {
    return [{ message: `The caption of \`{% ${tag.name} %}\` contains \`"\`, which ends the alt attribute early: the image renders as broken text.`, ...where, severity: 'warning' }];
  }
  return [];
}
