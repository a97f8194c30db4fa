/**
 * liquid-output: `{{ output }}` markup, and the value of `{% assign x = value %}` (Liquid parses
 * it as an output), that Jekyll accepts but does not mean what it says.
 * - markup Liquid's strict parser rejects (Jekyll renders it laxly, and prints "Liquid Warning"
 *   for a page's or a layout's, not for an include's);
 * - `site.baseurl` misspelt (`site.baseURL`, `site.base_url`): it renders empty, silently,
 *   and every link built on it loses the baseurl. Fix: the right spelling;
 * - filters Liquid and Jekyll do not know: Jekyll silently ignores them.
 */
import { parseOutputMarkup } from '../src/parse/liquid-expression.js';
import { unreadPluginGems } from '../src/site/plugins.js';
import { inIncludesFolder } from '../src/site/discover.js';
import type { LiquidTagToken } from '../src/parse/liquid-tokens.js';
import type { DocumentRule } from '../src/types.js';

interface Options {
  /** Filters the site's plugins add (e.g. `pluralize`), on top of Liquid's and Jekyll's. */
  filters: string[];
  /** Report filters nobody defines. */
  checkFilters: boolean;
}

const liquidFilters = `abs append at_least at_most base64_decode base64_encode base64_url_safe_decode base64_url_safe_encode
  capitalize ceil compact concat date default divided_by downcase escape escape_once first floor join last lstrip map minus
  modulo newline_to_br plus prepend remove remove_first remove_last replace replace_first replace_last reverse round rstrip
  size slice sort sort_natural split strip strip_html strip_newlines sum times truncate truncatewords uniq upcase
  url_decode url_encode where`;
const jekyllFilters = `absolute_url array_to_sentence_string cgi_escape date_to_long_string date_to_rfc822 date_to_string
  date_to_xmlschema find find_exp group_by group_by_exp inspect jsonify markdownify normalize_whitespace number_of_words
  pop push relative_url sample sassify scssify shift slugify smartify sort strip_index to_integer unshift uri_escape
  where_exp xml_escape`;
const knownFilters = new Set(`${liquidFilters} ${jekyllFilters}`.split(/\s+/));

export const liquidOutput: DocumentRule<Options> = {
  meta: {
    id: 'liquid-output',
    description: '`{{ }}` outputs and `{% assign %}` values parse strictly, spell `site.baseurl` right, and use filters that exist.',
    severity: 'warning',
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        filters: { type: 'array', items: { type: 'string' }, description: 'Filters your plugins add.' },
        checkFilters: { type: 'boolean' },
      },
    },
    defaults: { filters: [], checkFilters: true },
  },
  check({ document, site, options, report }) {
    const extraFilters = new Set(options.filters);
    // Jekyll prints the warnings of a page's and a layout's Liquid, not of an include's.
    const warned = site.standalone || !inIncludesFolder(document.path, site.jekyll) ? 'Jekyll prints a warning and guesses' : 'Jekyll guesses, with no warning (it prints none for an include)';
    for (const output of [...document.liquid.outputs, ...assignedValues(document.liquid.tags)]) {
      const parsed = parseOutputMarkup(output.markup);
      const at = (offset: number): number => output.markupStart + offset;
      const source = document.text.slice(output.start, output.end);
      if (parsed.error) {
        report({ message: `Liquid cannot parse \`${source}\` strictly: ${parsed.error.message}. ${warned}.`, start: at(parsed.error.offset), end: output.end });
      }
      const variable = parsed.variable;
      if (variable && variable.path !== 'site.baseurl' && /^site\.base_?url$/i.test(variable.path)) {
        const start = at(variable.offset);
        report({
          message: `\`${variable.path}\` is not \`site.baseurl\` (Liquid names are case-sensitive): it renders empty and the link loses its base URL.`,
          start,
          end: start + variable.path.length,
          fix: { start, end: start + variable.path.length, text: 'site.baseurl' },
        });
      }
      if (!options.checkFilters) continue;
      for (const filter of parsed.filters) {
        if (knownFilters.has(filter.name) || extraFilters.has(filter.name)) continue;
        const start = at(filter.offset);
        const gems = unreadPluginGems(site.jekyll);
        const unless = gems.length > 0 ? ` unless a plugin gem the site loads defines it (${gems.map((gem) => `\`${gem}\``).join(', ')}, whose filters doclint does not know)` : '';
        report({
          message: `Unknown Liquid filter \`${filter.name}\`: Jekyll silently ignores it${unless}. If a plugin defines it, add it to the rule's \`filters\` option.`,
          start,
          end: start + filter.name.length,
        });
      }
    }
  },
};

/** The values `{% assign name = value %}` tags give, as Liquid's Assign reads them: a variable's markup, after the first `=`. */
function assignedValues(tags: readonly LiquidTagToken[]): { markup: string; markupStart: number; start: number; end: number }[] {
  return tags.flatMap((tag) => {
    const target = tag.name === 'assign' ? /^\s*[\w\-.[\]()]+\s*=\s*/.exec(tag.markup) : null;
    return target ? [{ markup: tag.markup.slice(target[0].length), markupStart: tag.markupStart + target[0].length, start: tag.start, end: tag.end }] : [];
  });
}
