import { parsesAsCondition, parsesAsForLoop } from './liquid-expression.js';

/**
 * The markup Liquid's own tags, and Jekyll's include and highlight tags, refuse outright. Jekyll
 * parses in Liquid's `warn` mode: a tag whose markup the strict parser cannot read is read again
 * by the lax one (with a warning), and only what the lax parser cannot read fails the build:
 * `{% if %}`, `{% for item %}`, `{% assign x %}`. The patterns are the lax parsers' (Liquid 5.4
 * lib/liquid/tags, the same in 4.0) and Jekyll 4.3's, with Ruby's ASCII `\s` and `\w`. A
 * `{% post_url %}` name Jekyll cannot parse is link-internal's (no post has it).
 */

const space = '[ \\t\\r\\n\\f\\v]';

/** Ruby's String#strip: ASCII whitespace and NUL (not a no-break space). */
export const rubyStrip = (text: string): string => text.replace(/^[ \t\r\n\f\v\0]+|[ \t\r\n\f\v\0]+$/g, '');
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

// Jekyll's IncludeTag: VARIABLE_SYNTAX (a name with `{{ }}`) and VALID_SYNTAX (the parameters).
const includeName = /(?<variable>[^{]*(\{\{[ \t\r\n\f\v]*[\w\-.]+[ \t\r\n\f\v]*(\|.*)?\}\}[^ \t\r\n\f\v{}]*)+)(?<params>.*)/s;
const includeParameter = `([\\w-]+)${space}*=${space}*(?:"([^"\\\\]*(?:\\\\.[^"\\\\]*)*)"|'([^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|([\\w.-]+))`;
const includeParameters = new RegExp(`^${space}*(?:${includeParameter}(?=${space}|$)${space}*)*$`);

/** IncludeTag#validate_params: what follows the file's name is `key="value"`, `key='value'` or `key=variable` pairs. */
function includeParametersRefused(markup: string): boolean {
  const stripped = rubyStrip(markup);
  const named = includeName.exec(stripped);
  const params = named ? rubyStrip(named.groups!.params!) : /[ \t\r\n\f\v]+([^]*)$/.exec(stripped)?.[1];
  return params !== undefined && !includeParameters.test(params);
}

const includeError = (tag: string): string => `Invalid syntax for include tag. Valid syntax: {% ${tag} file.ext param='value' param2='value' %}`;

/** Jekyll's HighlightBlock::SYNTAX: a language, then options (`linenos`, `mark_lines="1 2"`). */
const highlightMarkup = new RegExp(`^([a-zA-Z0-9.+#_-]+)((${space}+\\w+(=(\\w+|"([0-9]+${space})*[0-9]+"))?)*)$`, 'm');

/** What each tag's parser refuses, and its error: `if` and `for` only where the strict parser fails too (warn mode reads them strictly first). */
const laxSyntax: Record<string, { refuses: (markup: string) => boolean; error: string; by?: 'Jekyll' }> = {
  highlight: { refuses: (markup) => !highlightMarkup.test(rubyStrip(markup)), error: "Syntax Error in tag 'highlight'. Valid syntax: highlight <lang> [linenos]", by: 'Jekyll' },
  include: { refuses: includeParametersRefused, error: includeError('include'), by: 'Jekyll' },
  include_relative: { refuses: includeParametersRefused, error: includeError('include_relative'), by: 'Jekyll' },
  include_cached: { refuses: includeParametersRefused, error: includeError('include_cached'), by: 'Jekyll' },
  if: { refuses: conditionsRefused, error: ifError },
  unless: { refuses: conditionsRefused, error: ifError },
  elsif: { refuses: conditionsRefused, error: ifError },
  case: { refuses: lacking(new RegExp(quotedFragment)), error: "Syntax Error in 'case' - Valid syntax: case [condition]" },
  when: { refuses: lacking(new RegExp(quotedFragment)), error: "Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}" },
  for: { refuses: (markup) => !parsesAsForLoop(markup) && !forLoop.test(markup), error: "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]" },
  tablerow: { refuses: lacking(new RegExp(`\\w+${space}+in${space}+${quotedFragment}`)), error: "Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3" },
  assign: { refuses: lacking(new RegExp(`(?:${variableSignature})+${space}*=`)), error: "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]" },
  capture: { refuses: lacking(new RegExp(variableSignature)), error: "Syntax Error in 'capture' - Valid syntax: capture [var]" },
  'case-else': { refuses: (markup) => rubyStrip(markup) !== '', error: "Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) " },
  cycle: { refuses: lacking(new RegExp(`^${quotedFragment}`)), error: "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]" },
};

/** How the build fails on a tag of Liquid's or Jekyll's whose markup (what follows the name) its parser refuses; undefined where it reads it. */
export function laxMarkupError(name: string, markup: string): string | undefined {
  const syntax = Object.hasOwn(laxSyntax, name) ? laxSyntax[name]! : undefined;
  // Liquid's markup starts after the whitespace that follows the tag's name.
  return syntax?.refuses(markup.replace(/^[ \t\r\n\f\v]+/, '')) ? `${syntax.by ?? 'Liquid'} fails with "${syntax.error.trim()}"` : undefined;
}
