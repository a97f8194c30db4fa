/**
 * The URLs cmark-gfm's autolink extension makes links of in text (jekyll-commonmark with
 * `commonmark: extensions: [autolink]`): `http://`, `https://` and `ftp://` URLs, and `www.`
 * domains (linked as `http://…`), up to a space or `<`, less trailing punctuation, a trailing
 * entity-like `&…;` and unpaired closing parentheses (cmark-gfm 0.29's autolink.c, which
 * commonmarker 0.23 builds). kramdown makes no link of either: only such sites have these.
 */

export interface Autolink {
  /** Offsets in the text given. */
  start: number;
  end: number;
  url: string;
}

/**
 * The autolinks of a run of text, none after an unclosed `[` (cmark-gfm links none inside a
 * bracket that may still close). `previous`: the character before the text, if any (a `www.`
 * link starts after a space, `*`, `_`, `~` or `(`).
 */
export function gfmAutolinks(text: string, previous = ''): Autolink[] {
  const links: Autolink[] = [];
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === '[') brackets++;
    else if (c === ']') brackets = Math.max(0, brackets - 1);
    else if (brackets > 0) continue;
    else if (c === ':' && text.startsWith('//', i + 1)) {
      const link = urlAt(text, i);
      if (link) {
        links.push(link);
        i = link.end - 1;
      }
    } else if (c === 'w' && text.startsWith('www.', i) && /^(?:$|[\s*_~(])/.test(i === 0 ? previous : text[i - 1]!)) {
      const link = wwwAt(text, i);
      if (link) {
        links.push(link);
        i = link.end - 1;
      }
    }
  }
  return links;
}

function urlAt(text: string, colon: number): Autolink | undefined {
  let start = colon;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1]!)) start--;
  const rest = text.slice(start);
  const scheme = /^(?:https?|ftp):\/\/(?=[A-Za-z0-9])/i.exec(rest);
  if (!scheme) return undefined;
  const domain = domainLength(text.slice(colon + 3), true);
  if (domain === 0) return undefined;
  const end = delimited(text, colon, runEnd(text, colon + 3 + domain));
  return end > colon ? { start, end, url: text.slice(start, end) } : undefined;
}

function wwwAt(text: string, start: number): Autolink | undefined {
  const domain = domainLength(text.slice(start), false);
  if (domain === 0) return undefined;
  const end = delimited(text, start, runEnd(text, start + domain));
  return end > start ? { start, end, url: `http://${text.slice(start, end)}` } : undefined;
}

/** Where the link runs to: the next space (or the text's end). */
function runEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return end;
}

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const unicodePunctuation = /\p{P}/u;

/** cmark-gfm's check_domain: the length of the domain at the start (0: none; `www.` needs a dot), no `_` in its last two labels. */
function domainLength(data: string, allowShort: boolean): number {
  let dots = 0;
  let underscoresBefore = 0;
  let underscores = 0;
  let i = 1;
  for (; i < data.length - 1; i++) {
    if (data[i] === '\\' && i < data.length - 2) i++;
    const c = data[i]!;
    if (c === '_') underscores++;
    else if (c === '.') {
      underscoresBefore = underscores;
      underscores = 0;
      dots++;
    } else if (c !== '-' && (/\s/.test(c) || (c.charCodeAt(0) < 128 ? asciiPunctuation.test(c) : unicodePunctuation.test(c)))) break;
  }
  if (underscoresBefore > 0 || underscores > 0) return 0;
  return allowShort || dots > 0 ? i : 0;
}

/**
 * cmark-gfm's autolink_delim: the end once a `<`, trailing punctuation, an entity-like `&…;` and
 * unpaired `)` are taken off. Parentheses are counted once (cmark-gfm counts them again for each
 * `)` it takes off: a URL ending in thousands of them would take quadratic time).
 */
function delimited(text: string, from: number, to: number): number {
  const lt = text.indexOf('<', from);
  let end = lt !== -1 && lt < to ? lt : to;
  let opening = 0;
  let closing = 0;
  for (let i = from; i < end; i++) {
    if (text[i] === '(') opening++;
    else if (text[i] === ')') closing++;
  }
  while (end > from) {
    const last = text[end - 1]!;
    if ('?!.,:*_~\'"'.includes(last)) end--;
    else if (last === ';') {
      let at = end - 2;
      while (at > from && /[A-Za-z]/.test(text[at]!)) at--;
      end = at < end - 2 && text[at] === '&' ? at : end - 1;
    } else if (last === ')' && closing > opening) {
      closing--;
      end--;
    } else break;
  }
  return end;
}
