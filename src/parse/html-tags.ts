/**
 * The start tags of a piece of HTML and their attributes, as a browser's tokenizer reads them:
 * where a page's links, ids and images come from. Text is not markup (`&lt;a href="x"&gt;` in a
 * code sample, `src="x"` in prose), nor are comments, `<!…>` and `<?…>` declarations, end tags,
 * or the bodies of raw-text elements (script, style, textarea…). A tag the text ends inside (an
 * unclosed quote, say) is no tag, and nothing after it is markup. Linear in the text.
 */

export interface HtmlAttribute {
  /** Lowercased. */
  name: string;
  /** The value's offsets, quotes left out (start = end: no value, or an empty one). */
  start: number;
  end: number;
}

export interface HtmlStartTag {
  /** Lowercased. */
  name: string;
  /** From its `<` to after its `>`. */
  start: number;
  end: number;
  /**
   * In order, a repeated name too: a browser takes the first, but in a template Liquid may write
   * only one of them (`<a href="/a" {% if x %} href="/b"{% endif %}>`).
   */
  attributes: HtmlAttribute[];
}

/** Elements whose body is text up to their end tag. */
const rawTextEnds = new Map(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'].map((name) => [name, new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')]));
const commentEnd = /--!?>/g;

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

export function* htmlStartTags(html: string): Generator<HtmlStartTag> {
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) return;
    const next = html.charCodeAt(open + 1);
    if (html.startsWith('!--', open + 1)) {
      // `<!-->` and `<!--->` end where they start.
      const body = open + 4;
      if (html.startsWith('>', body) || html.startsWith('->', body)) {
        at = html.indexOf('>', body) + 1;
        continue;
      }
      commentEnd.lastIndex = body;
      const end = commentEnd.exec(html);
      if (!end) return;
      at = end.index + end[0].length;
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */ || next === 47 /* / */) {
      // A declaration, a processing instruction or an end tag: up to the next `>`.
      const close = html.indexOf('>', open + 2);
      if (close < 0) return;
      at = close + 1;
      continue;
    }
    if (!isLetter(next)) {
      at = open + 1;
      continue;
    }
    const tag = startTagAt(html, open);
    if (!tag) return;
    yield tag;
    at = tag.end;
    const rawTextEnd = rawTextEnds.get(tag.name);
    if (rawTextEnd) {
      rawTextEnd.lastIndex = at;
      const end = rawTextEnd.exec(html);
      if (!end) return;
      at = end.index;
    }
  }
}

const linkNames = new Set(['href', 'src']);

/** A prefixed tag name is an XML namespace's (JSP's `<s:url>`, `<sx:a>` in a sample that lost its fence): a browser follows none of its attributes. */
const followed = (tag: HtmlStartTag): boolean => !tag.name.includes(':');

/** The `href` and `src` values of a piece of HTML's tags (those a browser follows), and each URL of a `srcset`. */
export function* linkAttributes(html: string): Generator<HtmlAttribute> {
  for (const tag of htmlStartTags(html)) if (followed(tag)) yield* linkValues(html, tag.attributes);
}

/** The link values among a tag's attributes: `href`, `src`, and each candidate URL of a `srcset` (a browser loads the one it picks). */
function* linkValues(html: string, attributes: readonly HtmlAttribute[]): Generator<HtmlAttribute> {
  for (const attribute of attributes) {
    if (linkNames.has(attribute.name)) yield attribute;
    else if (attribute.name === 'srcset') yield* srcsetUrls(html, attribute);
  }
}

/**
 * The URLs of a `srcset` value, as HTML's parser splits it: a URL is a run of non-space
 * characters (commas inside it too: `w_100,h_50/a.png`), less the commas that end it; a
 * descriptor (`2x`, `480w`) runs to the next comma outside parentheses.
 */
function* srcsetUrls(html: string, { start, end }: HtmlAttribute): Generator<HtmlAttribute> {
  let i = start;
  for (;;) {
    while (i < end && (isSpace(html.charCodeAt(i)) || html[i] === ',')) i++;
    if (i >= end) return;
    const urlStart = i;
    while (i < end && !isSpace(html.charCodeAt(i))) i++;
    let urlEnd = i;
    while (urlEnd > urlStart && html[urlEnd - 1] === ',') urlEnd--;
    if (urlEnd > urlStart) yield { name: 'srcset', start: urlStart, end: urlEnd };
    if (urlEnd < i) continue;
    for (let depth = 0; i < end && (depth > 0 || html[i] !== ','); i++) depth += html[i] === '(' ? 1 : html[i] === ')' && depth > 0 ? -1 : 0;
  }
}

/** Whether an attribute makes its element the target of a `#fragment`: an `id`, or an `<a>`'s `name` (HTML's "potential indicated element"; `<meta name>` is none). */
const isTargetName = (tag: HtmlStartTag, attribute: HtmlAttribute): boolean => attribute.name === 'id' || (attribute.name === 'name' && tag.name === 'a');

/** The `id` values of a piece of HTML's tags, and the `name` values of its `<a>` tags: the targets of a `#fragment`. */
export function* idAttributes(html: string): Generator<HtmlAttribute> {
  for (const tag of htmlStartTags(html)) for (const attribute of tag.attributes) if (isTargetName(tag, attribute)) yield attribute;
}

/** A whole page's link values (as linkAttributes), id values (as idAttributes) and whether a `<base href>` moves its relative links, in one reading. */
export function pageAttributes(html: string): { links: HtmlAttribute[]; ids: HtmlAttribute[]; baseHref: boolean } {
  const links: HtmlAttribute[] = [];
  const ids: HtmlAttribute[] = [];
  let baseHref = false;
  for (const tag of htmlStartTags(html)) {
    for (const attribute of tag.attributes) if (isTargetName(tag, attribute)) ids.push(attribute);
    if (!followed(tag)) continue;
    links.push(...linkValues(html, tag.attributes));
    if (tag.name === 'base' && tag.attributes.some((attribute) => attribute.name === 'href')) baseHref = true;
  }
  return { links, ids, baseHref };
}

/** The start tag whose `<` is at `open` (a letter follows it), or undefined when the text ends inside it. */
function startTagAt(html: string, open: number): HtmlStartTag | undefined {
  let i = open + 1;
  while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(open + 1, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  for (;;) {
    while (i < html.length && (isSpace(html.charCodeAt(i)) || html[i] === '/')) i++;
    if (i >= html.length) return undefined;
    if (html[i] === '>') return { name, start: open, end: i + 1, attributes };
    // A name's first character may be `=`.
    const nameStart = i++;
    while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attributeName = html.slice(nameStart, i).toLowerCase();
    let value = { start: i, end: i };
    let j = i;
    while (j < html.length && isSpace(html.charCodeAt(j))) j++;
    if (html[j] === '=') {
      j++;
      while (j < html.length && isSpace(html.charCodeAt(j))) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        if (close < 0) return undefined;
        value = { start: j + 1, end: close };
        i = close + 1;
      } else {
        let end = j;
        while (end < html.length && !isSpace(html.charCodeAt(end)) && html[end] !== '>') end++;
        value = { start: j, end };
        i = end;
      }
    }
    attributes.push({ name: attributeName, ...value });
  }
}
