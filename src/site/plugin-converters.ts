/**
 * The Markdown a site's own `Converter` plugins hand to kramdown. Jekyll runs every converter
 * whose `matches(ext)` takes a page's extension, highest `priority` first, each on the last one's
 * output; kramdown's is `:low`, so a converter of `:normal` priority or more rewrites the page
 * before kramdown reads it. docs.scala-lang.org's turns mdoc's fences into plain ones:
 *
 *     def convert(content)
 *       content = content.gsub("```scala mdoc\n", "```scala\n")
 *       content.gsub("```scala mdoc:fail\n", "```scala\n")
 *     end
 *
 * Only such converters are read: `convert` made of nothing but `gsub` calls of one string by
 * another (no interpolation, no backslash in the replacement, which gsub would read as a group),
 * each keeping the count of lines, on extensions `matches` lists plainly (`/^\.(md|markdown)$/i`).
 * Any other converter is not read: pages are read as kramdown reads them without it.
 */
import type { MarkdownRewrite } from '../parse/document.js';

/** A converter of the site's Markdown that runs before kramdown, read: how early it runs, what it replaces. */
export interface MarkdownConverterPlugin {
  /** Jekyll's priority, as a number: higher runs first. */
  priority: number;
  rewrites: MarkdownRewrite[];
}

/** The text's Markdown converters that run before kramdown, and that can be read. */
export function markdownConverters(text: string): MarkdownConverterPlugin[] {
  const classStarts = [...text.matchAll(/^[ \t]*class\s/gm)].map((match) => match.index);
  const converters: MarkdownConverterPlugin[] = [];
  for (const match of text.matchAll(/^[ \t]*class\s+[\w:]+\s*<\s*(?:::)?(?:Jekyll::)?Converter\b/gm)) {
    const body = text.slice(match.index, classStarts.find((start) => start > match.index) ?? text.length);
    const name = /\bpriority\s+:(\w+)/.exec(body)?.[1] ?? 'normal';
    // kramdown's own is :low; a converter at :low or under runs on its HTML (or in no set order).
    if (!Object.hasOwn(priorities, name) || priorities[name]! <= priorities.low!) continue;
    const priority = priorities[name]!;
    const extensions = matchedExtensions(body);
    const replacements = extensions && literalReplacements(body);
    if (extensions && replacements) converters.push({ priority, rewrites: replacements.map(([from, to]) => ({ ...extensions, from, to })) });
  }
  return converters;
}

/** The rewrites of the site's converters in the order Jekyll runs them: highest priority first (Ruby's sort sets no order among equals). */
export function rewritesInOrder(converters: readonly MarkdownConverterPlugin[]): MarkdownRewrite[] {
  return [...converters].sort((a, b) => b.priority - a.priority).flatMap((converter) => converter.rewrites);
}

const priorities: Record<string, number> = { lowest: -100, low: -10, normal: 0, high: 10, highest: 100 };

/** The extensions of `def matches(ext) ext =~ /^\.(md|markdown)$/i end`, when its expression lists them and nothing else. */
function matchedExtensions(body: string): Pick<MarkdownRewrite, 'extensions' | 'ignoreCase'> | undefined {
  const expression = /\bdef\s+matches\s*\(\s*(\w+)\s*\)\s*\n\s*(?:\1\s*=~\s*\/([^/\n]+)\/([a-z]*)|\/([^/\n]+)\/([a-z]*)\.match\??\(\s*\1\s*\))\s*\n\s*end\b/.exec(body);
  if (!expression) return undefined;
  const source = expression[2] ?? expression[4]!;
  const flags = expression[3] ?? expression[5]!;
  const listed = /^(?:\^|\\A)?\\\.(?:\((?:\?:)?([\w|-]+)\)|([\w-]+))(?:\$|\\z|\\Z)$/.exec(source);
  if (!listed) return undefined;
  return { extensions: (listed[1] ?? listed[2]!).split('|').map((name) => `.${name}`), ignoreCase: flags.includes('i') };
}

/** The `[from, to]` pairs of a `def convert(content)` made only of `gsub` calls on strings (see the module's comment). */
function literalReplacements(body: string): [string, string][] | undefined {
  const convert = /\bdef\s+convert\s*\(\s*(\w+)\s*\)[ \t]*\n([\s\S]*?)\n[ \t]*end\b/.exec(body);
  if (!convert) return undefined;
  const variable = convert[1]!;
  const statements = convert[2]!.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  const pairs: [string, string][] = [];
  for (const [index, statement] of statements.entries()) {
    const last = index === statements.length - 1;
    if (last && statement === variable) break;
    const call = new RegExp(`^(${variable}\\s*=\\s*)?${variable}\\.gsub(!?)\\(\\s*(${stringLiteral})\\s*,\\s*(${stringLiteral})\\s*\\)$`).exec(statement);
    // Without an assignment or `!`, a gsub changes nothing unless it is what the method returns.
    if (!call || (!last && !call[1] && !call[2])) return undefined;
    const from = rubyString(call[3]!);
    const to = rubyString(call[4]!);
    if (from === undefined || to === undefined || from === '' || to.includes('\\') || lines(from) !== lines(to)) return undefined;
    pairs.push([from, to]);
  }
  return pairs.length > 0 ? pairs : undefined;
}

const stringLiteral = `"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'`;

const lines = (text: string): number => text.split('\n').length;

/** A Ruby string literal's value: single-quoted (`\\` and `\'`), or double-quoted without interpolation (the common escapes). */
function rubyString(literal: string): string | undefined {
  const inner = literal.slice(1, -1);
  if (literal.startsWith("'")) return inner.replace(/\\([\\'])/g, '$1');
  if (/#\{|#[@$]/.test(inner)) return undefined;
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', s: ' ', '\\': '\\', '"': '"', "'": "'", '#': '#', e: '\u001b', '0': '\0' };
  let known = true;
  const value = inner.replace(/\\(.)/g, (_, character: string) => {
    if (Object.hasOwn(escapes, character)) return escapes[character]!;
    known = false;
    return '';
  });
  return known ? value : undefined;
}
