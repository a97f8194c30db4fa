/**
 * Heading ids as jekyll-commonmark-ghpages writes them (`markdown: CommonMarkGhPages`, GitHub
 * Pages' CommonMark converter): kramdown's basic_generate_id applied to the heading's HTML as
 * commonmarker renders it, tags and character references included (`Q & A` is `q-amp-a`,
 * ``Use `x` `` is `use-codexcode`), `section` when nothing is left, a repeat numbered `-1`, `-2`….
 * Checked with jekyll-commonmark-ghpages' renderer on commonmarker 0.23.6.
 */
import type { Definition, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** The options of commonmarker's that change a heading's HTML: UNSAFE (raw HTML kept, otherwise omitted) and SMART (curly quotes, dashes). */
export interface CommonMarkOptions {
  unsafe: boolean;
  smart: boolean;
}

/** The heading's content as commonmarker's HtmlRenderer writes it. */
export function commonMarkHtml(nodes: readonly PhrasingContent[], definitions: ReadonlyMap<string, Definition>, options: CommonMarkOptions): string {
  return nodes.map((node) => nodeHtml(node, definitions, options)).join('');
}

function nodeHtml(node: PhrasingContent, definitions: ReadonlyMap<string, Definition>, options: CommonMarkOptions): string {
  const children = (list: readonly PhrasingContent[]): string => commonMarkHtml(list, definitions, options);
  switch (node.type) {
    case 'text':
      // SMART makes straight quotes curly and every run of two or more hyphens dashes: none is left in the id.
      return escapeHtml(options.smart ? node.value.replace(/"/g, '\u201C').replace(/-{2,}/g, '\u2013') : node.value);
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'emphasis':
      return `<em>${children(node.children)}</em>`;
    case 'strong':
      return `<strong>${children(node.children)}</strong>`;
    case 'delete':
      return `<del>${children(node.children)}</del>`;
    case 'break':
      return '<br />\n';
    case 'html':
      return options.unsafe ? node.value : '<!-- raw HTML omitted -->';
    case 'link':
    case 'linkReference': {
      const { url, title } = node.type === 'link' ? node : (definitions.get(node.identifier) ?? { url: '', title: null });
      return `<a href="${escapeHref(url)}"${titleAttribute(title)}>${children(node.children)}</a>`;
    }
    case 'image':
    case 'imageReference': {
      const { url, title } = node.type === 'image' ? node : (definitions.get(node.identifier) ?? { url: '', title: null });
      return `<img src="${escapeHref(url)}" alt="${escapeHtml(node.alt ?? '')}"${titleAttribute(title)} />`;
    }
    default:
      return escapeHtml(toString(node));
  }
}

const titleAttribute = (title: string | null | undefined): string => (title ? ` title="${escapeHtml(title)}"` : '');

/** commonmarker's HTML escaping of text: `&`, `<`, `>` and `"` (not `'`). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** cmark's houdini_escape_href: URL-safe ASCII kept, `&` and `'` as references, every other byte (UTF-8) as `%XX`. */
function escapeHref(url: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(url)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.+!*(),%#@?=;:/$~]/.test(c)) out += c;
    else if (c === '&') out += '&amp;';
    else if (c === "'") out += '&#x27;';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The id of a heading whose HTML content is `html`, numbered against the ids `used` so far on
 * the page (updated). Ruby's `^` starts every line: each line of a setext heading loses its leading non-letters.
 */
export function gitHubPagesHeadingId(html: string, used: Map<string, number>): string {
  const base = html.replace(/^[^a-zA-Z]+/gm, '').replace(/[^a-zA-Z0-9 -]/g, '').replace(/ /g, '-').toLowerCase() || 'section';
  const seen = used.get(base);
  used.set(base, seen === undefined ? 0 : seen + 1);
  return seen === undefined ? base : `${base}-${seen + 1}`;
}
