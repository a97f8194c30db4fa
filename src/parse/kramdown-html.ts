/**
 * How kramdown 2.4 reads an HTML tag (parser/html.rb's HTML_TAG_RE and HTML_TAG_CLOSE_RE) and
 * which elements it knows, shared by its block HTML (kramdown-html-blocks.ts) and the span HTML
 * of its table pipe check (kramdown-tables.ts).
 */

const spanElements = new Set('a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(' '));
/** HTML_ELEMENTS_WITHOUT_BODY: never closed. */
export const elementsWithoutBody = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
/** HTML_BLOCK_ELEMENTS. */
export const blockElements = new Set('address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul'.split(' '));
const contentModelKeys = 'details figure noscript object script style math textarea';
/** kramdown's HTML_ELEMENT: names it compares without regard to case. */
const htmlElements = new Set([...spanElements, ...elementsWithoutBody, ...blockElements, ...contentModelKeys.split(' ')]);

/** Whether kramdown reads the element in a paragraph's text (HTML_SPAN_ELEMENTS), never as block HTML. */
export const isSpanElement = (name: string): boolean => spanElements.has(name.toLowerCase());

/** An element's name as kramdown compares it: lower-cased for HTML's own elements, as written for others. */
export const normalizedElementName = (name: string): string => (htmlElements.has(name.toLowerCase()) ? name.toLowerCase() : name);

// kramdown's HTML_TAG_RE (REXML's names; attributes alone, `=word` or quoted), whose groups cannot
// take the same text two ways: a failed match backtracks in linear time. The ASCII patterns read
// nearly every tag; the Unicode ones, slower to compile, only tags with other letters.
function tagPatterns(unicode: boolean) {
  const name = unicode ? '[\\p{L}_:][\\p{L}\\p{N}_:.\\-\\u00B7]*' : '[A-Za-z_:][\\w:.\\-]*';
  const word = unicode ? '[\\p{L}\\p{N}\\p{Pc}\\p{M}]+' : '\\w+';
  const flags = unicode ? 'u' : '';
  return {
    startTag: new RegExp(`<(${name})((?:\\s+${name}(?:\\s*=\\s*(?:${word}|"[^"]*"|'[^']*'))?)*)\\s*(\\/)?>`, `y${flags}`),
    endTag: new RegExp(`</(${name})\\s*>`, `y${flags}`),
    attribute: new RegExp(`(${name})(?:\\s*=\\s*(?:(${word})|"([^"]*)"|'([^']*)'))?`, `g${flags}`),
  };
}
const ascii = tagPatterns(false);
let unicode: ReturnType<typeof tagPatterns> | undefined;

/** The patterns for the tag at `at`: the Unicode ones when it holds a letter beyond ASCII. */
function patternsAt(text: string, at: number): ReturnType<typeof tagPatterns> {
  for (let i = at, end = Math.min(text.length, at + 512); i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 62) break; // '>'
    if (code > 127) return (unicode ??= tagPatterns(true));
  }
  return ascii;
}

export interface StartTag {
  name: string;
  end: number;
  closed: boolean;
  /** The `markdown` attribute's value, when there is one. */
  markdown?: string;
}

/** The start tag at `at` (a `<`), as kramdown's HTML_TAG_RE reads it. */
export function readStartTag(text: string, at: number): StartTag | undefined {
  const { startTag, attribute } = patternsAt(text, at);
  startTag.lastIndex = at;
  const match = startTag.exec(text);
  if (!match) return undefined;
  const tag: StartTag = { name: match[1]!, end: at + match[0].length, closed: match[3] !== undefined };
  if (/markdown/i.test(match[2]!)) {
    for (const [, key, word, double, single] of match[2]!.matchAll(attribute)) if (key!.toLowerCase() === 'markdown') tag.markdown = word ?? double ?? single ?? '';
  }
  return tag;
}

/** The end tag at `at` (`</name >`), as kramdown's HTML_TAG_CLOSE_RE reads it. */
export function readEndTag(text: string, at: number): { name: string; end: number } | undefined {
  const { endTag } = patternsAt(text, at);
  endTag.lastIndex = at;
  const match = endTag.exec(text);
  return match ? { name: match[1]!, end: at + match[0].length } : undefined;
}
