import { parsesAsCondition, parsesAsForLoop } from './liquid-expression.js';

/**
 * The markup Liquid's own tags refuse outright. Jekyll parses in Liquid's `warn` mode: a tag whose
 * markup the strict parser cannot read is read again by the lax one (with a warning), and only
 * what the lax parser cannot read fails the build: `{% if %}`, `{% for item %}`, `{% assign x %}`.
 * The patterns are the lax parsers' (Liquid 5.4 lib/liquid/tags, the same in 4.0), with Ruby's
 * ASCII `\s` and `\w`.
 */

const space = '[ \\t\\r\\n\\f\\v]';
const quotedString = `"[^"]*"|'[^']*'`;
const quotedFragment = `(?:${quotedString}|(?:[^ \\t\\r\\n\\f\\v,|'"]|${quotedString})+)`;
const variableSignature = '\\(?[\\w\\-.\\[\\]]\\)?';

const ifError = "Syntax Error in tag 'if' - Valid syntax: if [expression]";
const condition = new RegExp(quotedFragment);
const andOr = `\\b(?:${space}?and${space}?|${space}?or${space}?)\\b`;
const expressionsAndOperators = new RegExp(`(?:${andOr}|(?:${space}*(?!${andOr})(?:${quotedFragment}|[^ \\t\\r\\n\\f\\v]+)${space}*)+)`, 'g');

/** If#lax_parse (`unless` and `elsif` too), after the strict parse failed: conditions joined by `and` and `or`, read from the last. */
function conditionsRefused(markup: string): boolean {
  if (parsesAsCondition(markup)) return false;
  const expressions = markup.match(expressionsAndOperators) ?? [];
  if (!condition.test(expressions.pop() ?? '')) return true;
  while (expressions.length > 0) {
    const operator = expressions.pop()!.trim();
    if (!condition.test(expressions.pop() ?? '') || (operator !== 'and' && operator !== 'or')) return true;
  }
  return false;
}

const forLoop = new RegExp(`^[\\w\\-]+${space}+in${space}+${quotedFragment}`);
const lacking = (pattern: RegExp) => (markup: string): boolean => !pattern.test(markup);

/** What each tag's parser refuses, and its error: `if` and `for` only where the strict parser fails too (warn mode reads them strictly first). */
const laxSyntax: Record<string, { refuses: (markup: string) => boolean; error: string }> = {
  if: { refuses: conditionsRefused, error: ifError },
  unless: { refuses: conditionsRefused, error: ifError },
  elsif: { refuses: conditionsRefused, error: ifError },
  case: { refuses: lacking(new RegExp(quotedFragment)), error: "Syntax Error in 'case' - Valid syntax: case [condition]" },
  when: { refuses: lacking(new RegExp(quotedFragment)), error: "Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}" },
  for: { refuses: (markup) => !parsesAsForLoop(markup) && !forLoop.test(markup), error: "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]" },
  tablerow: { refuses: lacking(new RegExp(`\\w+${space}+in${space}+${quotedFragment}`)), error: "Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3" },
  assign: { refuses: lacking(new RegExp(`(?:${variableSignature})+${space}*=`)), error: "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]" },
  capture: { refuses: lacking(new RegExp(variableSignature)), error: "Syntax Error in 'capture' - Valid syntax: capture [var]" },
  'case-else': { refuses: (markup) => markup.trim() !== '', error: "Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) " },
  cycle: { refuses: lacking(new RegExp(`^${quotedFragment}`)), error: "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]" },
};

/** Liquid's error for a tag of its own whose markup (what follows the name) its parsers refuse; undefined otherwise. */
export function laxMarkupError(name: string, markup: string): string | undefined {
  const syntax = Object.hasOwn(laxSyntax, name) ? laxSyntax[name]! : undefined;
  // Liquid's markup starts after the whitespace that follows the tag's name.
  return syntax?.refuses(markup.replace(/^[ \t\r\n\f\v]+/, '')) ? syntax.error : undefined;
}
