/**
 * The definition terms kramdown gives ids: kramdown's converter writes an id on each `<dt>` of a
 * definition list whose attribute list names `auto_ids` (or `auto_ids-PREFIX`), the term's
 * basic_generate_id with the prefix before it, unnumbered (kramdown 2.4.0, convert_dt):
 *
 *     {:auto_ids}
 *     absolute path
 *     :   A path from the root.
 *
 * A definition list is a paragraph whose lines are terms, followed (directly, or after one blank
 * line) by `:` lines; the list's attribute list is the one on the line right before its first term
 * or right after a definition line (which ends the list). Terms that follow the list after
 * blank lines and definitions' indented lines join it (and its attribute list). Read from the text, line by line,
 * outside fenced code, as kramdown reads blocks (a list item's or quote's lazy lines, tables and
 * indented code are no terms); lists in list items are read the same way. Checked against
 * kramdown on random documents of such lines: the same terms, odd shapes aside (definition lines
 * with no term before them, a definition line holding a `|`).
 */
import { FenceTracker } from './fences.js';
import { isTableLine } from './kramdown-tables.js';

interface Span {
  /** The term as written (kramdown's raw text), as offsets of the text. */
  start: number;
  end: number;
  /** The id the term's own attribute list gives it (`{: #id} term`), which kramdown keeps. */
  id?: string;
}

export interface AutoIdTerm extends Span {
  /** What kramdown writes before the term's id (`auto_ids-PREFIX`), often nothing. */
  prefix: string;
}

/** kramdown's DEFINITION_LIST_START (`[\t| ]` includes `|`, as kramdown's own class does), and the spaces before the definition's text. */
const definitionLine = /^[ \t]*:[\t| ][ \t]*/;
/** A block attribute list alone on its line (not an attribute list definition `{:name: …}`, not an extension `{::…}`). */
const attributeLine = /^[ \t]*\{:(?![\w-]*:|\/)([^}]*)\}[ \t]*$/;
/** An attribute list at the start of a term, which kramdown takes off the term's text. */
const termAttributes = /^\{:(?![\w-]*:|\/)([^}]*)\}[ \t]*/;
/** Lines that start another kind of block, which ends a paragraph and a definition list. */
const otherBlock = /^[ \t]*(?:#|>|\||[*+-][ \t]|\d{1,9}[.)][ \t]|\{::)/;
const listItem = /^[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]/;

/** The id an attribute list's text gives (`#id`), as kramdown reads it. */
export function attributeListId(attributes: string): string | undefined {
  return /(?:^|\s)#([A-Za-z][\w:-]*)/.exec(attributes)?.[1];
}

/** The `auto_ids` reference of an attribute list's text, and its prefix ('' for none). */
function autoIdsPrefix(attributes: string | undefined): string | undefined {
  if (attributes === undefined) return undefined;
  const refs = attributes.replace(/"[^"]*"|'[^']*'/g, ' ');
  const match = /(?:^|\s)auto_ids(?:-([\w-]+))?/.exec(refs);
  return match ? (match[1] ?? '') : undefined;
}

interface DefinitionList {
  prefix: string | undefined;
  terms: Span[];
}

export function autoIdTerms(text: string, from: number): AutoIdTerm[] {
  if (!text.includes('auto_ids', from)) return [];
  const lists: DefinitionList[] = [];
  const fences = new FenceTracker();
  /** The list that terms may still join: only blank lines and its definitions' lines came since. */
  let list: DefinitionList | undefined;
  /** Inside a definition: the indent of its text, and whether a blank line came since its last line. */
  let definitionIndent = -1;
  let blankInDefinition = false;
  /** The list an attribute line on this line would be given to: right after a definition's line (or another such attribute line). */
  let attributed: DefinitionList | undefined;
  /** After a list item's or block quote's line: lines up to a blank one are its lazy text. After a list item: indented lines are its content, not code. */
  let lazy = false;
  let inListItem = false;
  /** The paragraph being read (its lines are terms if a definition follows), whether it may join `list`, its attribute list. */
  let paragraph: { lines: Span[]; joins: boolean; prefix: string | undefined } | undefined;
  let blanksAfterParagraph = 0;
  let attributesBefore: string | undefined;
  /** A paragraph no definition followed: it ends the list before it. */
  const endParagraph = (): void => {
    if (paragraph) list = undefined;
    paragraph = undefined;
  };

  for (let start = from; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const lineStart = start;
    start = end + 1;
    if (fences.isCode(line)) {
      list = paragraph = attributesBefore = attributed = undefined;
      definitionIndent = -1;
      continue;
    }
    if (line.trim() === '') {
      if (paragraph && ++blanksAfterParagraph > 1) endParagraph();
      if (definitionIndent >= 0) blankInDefinition = true;
      attributesBefore = attributed = undefined;
      lazy = false;
      continue;
    }
    if (lazy && !listItem.test(line)) continue;
    lazy = false;
    const definition = definitionLine.exec(line);
    if (definition && (paragraph || (list && definitionIndent >= 0))) {
      if (paragraph) {
        if (!paragraph.joins || !list) lists.push((list = { prefix: paragraph.prefix, terms: [] }));
        // kramdown strips the paragraph's end, not its other lines' trailing spaces.
        const last = paragraph.lines.at(-1)!;
        while (last.end > last.start && /\s/.test(text[last.end - 1]!)) last.end--;
        list!.terms.push(...paragraph.lines);
        paragraph = undefined;
      }
      definitionIndent = definition[0].length;
      blankInDefinition = false;
      attributed = list;
      continue;
    }
    const attributes = attributeLine.exec(line);
    if (attributes) {
      // Right after a definition's line it is the list's, and ends it (later terms make a list of their own);
      // after a paragraph's line, the paragraph's (whose lines are no terms then).
      if (attributed) {
        attributed.prefix ??= autoIdsPrefix(attributes[1]);
        list = undefined;
        definitionIndent = -1;
      } else if (paragraph && blanksAfterParagraph === 0) endParagraph();
      // After a blank line, the next block's: a paragraph before it still makes terms for a definition right after.
      else attributesBefore = `${attributesBefore ?? ''} ${attributes[1]}`;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (definitionIndent >= 0) {
      if (!blankInDefinition || indent >= definitionIndent) {
        blankInDefinition = false;
        attributed = list;
        continue;
      }
      definitionIndent = -1;
    }
    attributed = undefined;
    if (indent === 0) inListItem = false;
    if (paragraph && blanksAfterParagraph === 0 && !otherBlock.test(line)) {
      paragraph.lines.push(termSpan(text, lineStart, end));
      continue;
    }
    // Another kind of block: a list item, a quote, a heading, a table row (kramdown starts a table
    // at any line with a `|`), indented code (not inside a list item).
    if (otherBlock.test(line) || (isTableLine(line) && !definition) || (!inListItem && (indent >= 4 || /^ {0,3}\t/.test(line)))) {
      paragraph = list = attributesBefore = undefined;
      lazy = listItem.test(line) || /^[ \t]*>/.test(line);
      if (listItem.test(line)) inListItem = true;
      continue;
    }
    endParagraph();
    paragraph = { lines: [termSpan(text, lineStart, end)], joins: list !== undefined, prefix: autoIdsPrefix(attributesBefore) };
    blanksAfterParagraph = 0;
    attributesBefore = undefined;
  }
  return lists.flatMap(({ prefix, terms }) => (prefix === undefined ? [] : terms.map((term) => ({ prefix, ...term }))));
}

/** A term line without its indent and its leading attribute list (whose `#id` it keeps). */
function termSpan(text: string, lineStart: number, lineEnd: number): Span {
  let start = lineStart;
  while (text[start] === ' ' || text[start] === '\t') start++;
  const attributes = termAttributes.exec(text.slice(start, lineEnd));
  if (!attributes) return { start, end: lineEnd };
  const id = attributeListId(attributes[1]!);
  return { start: start + attributes[0].length, end: lineEnd, ...(id ? { id } : {}) };
}
