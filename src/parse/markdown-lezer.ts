/**
 * The Markdown tree of a document read by @lezer/markdown, a CommonMark parser several times
 * faster than micromark, mapped to mdast exactly as remark-parse (parse/markdown.ts) builds it.
 *
 * lezer differs from micromark where an editor needs it to: it takes `[text]` for a link whether or
 * not its label is defined, has no footnotes, only double-tilde strikethrough, and pairs a few runs
 * of `*` and `_` otherwise. So this reader reads an undefined `[label]` as text only where nothing
 * else can depend on it, and declines (returns undefined) every document where a difference could
 * show, or that it does not map: other references to undefined labels, `[^`, two runs of tildes in
 * one block, an unmatched `*` or `_` run that could pair, a block right after a definition, a
 * backtick run right after an escaped backtick, tabs anywhere but inside a line's text or a
 * fenced code block's body, CR and NUL characters, a byte order mark, and a few rare block shapes. test/markdown-lezer.test.ts
 * holds it to micromark's tree, node for node, on the CommonMark spec's examples, every Markdown
 * fixture and random documents.
 */
import type { SyntaxNode } from '@lezer/common';
import type { BlockContent, Code, Definition, Heading, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { LineIndex } from '../text/line-index.js';
import { commonMarkParser } from './lezer-parser.js';
import { toString } from 'mdast-util-to-string';

/** lezer's link parsing takes time quadratic in the brackets of a paragraph: thousands go to micromark. */
const lezerParagraphBrackets = 5000;

/** The most `[` one paragraph of the text holds (a blank line ends a paragraph). */
export function mostParagraphBrackets(text: string): number {
  let most = 0;
  let count = 0;
  let blankLine = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (blankLine) count = 0;
      blankLine = true;
    } else if (code !== 32) {
      blankLine = false;
      if (code === 91 && ++count > most) most = count;
    }
  }
  return most;
}

/** The first line of an HTML block of kind 1 or 6 (CommonMark 4.6), which may interrupt a paragraph. */
const paragraphInterruptingHtml = /^ {0,3}(?:<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ />]|$)|<(?:script|pre|style|textarea)(?:[ >]|$))/i;

/** A tag whose name has `_` (`<node_name>`): lezer reads HTML, CommonMark's names have letters, digits and `-` only. */
const underscoreTagName = /^\s*<\/?[a-z][\w-]*_/i;

/** An unquoted attribute value with `/` (`src=https://x/a.jpg`): micromark ends the value there, so the tag is text. */
const slashInUnquotedValue = /^\s*<[a-z][\w-]*\s[^>]*=\s*[^\s"'=<>`]*\//i;

/** A line of one complete self-closing tag (CommonMark 4.6, kind 7), such as `<br/>` or `<img src="a" />`. */
const selfClosingTagLine = /^[ \t]*<[a-z][a-z0-9-]*(?:\s+[a-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/>[ \t]*$/i;

/** CommonMark's Unicode whitespace and punctuation (flanking rules of `*` and `_` runs). */
const whitespace = /\s/u;
const punctuationOrSymbol = /[\p{P}\p{S}]/u;
const isSpace = (c: string): boolean => whitespace.test(c);
/** micromark's attention markers with the strikethrough extension (its `attentionMarkers`). */
const attentionMarkers = '*_~';
const isPunctuation = (c: string): boolean => punctuationOrSymbol.test(c);

/** Thrown inside the reader to give the document back to micromark. */
const decline = Symbol('decline');
/** Declined: a reference lezer read as a link has no definition (lezerMarkdownTree may read the text again without it). */
const undefinedLabel = Symbol('undefined label');
/** A link label of plain text: no emphasis, code, escape, reference, HTML, bracket or line break. */
const plainLabel = /^[^*_`\\&<!\[\]~\n]+$/;

/**
 * `paragraphBrackets`: mostParagraphBrackets(text), when the caller has counted them already (the parse budget has).
 * `lines`: the line index of a text with the same line breaks, when the caller has one (a page's masked text shares its page's).
 */
export function lezerMarkdownTree(text: string, paragraphBrackets = mostParagraphBrackets(text), lines?: LineIndex): Root | undefined {
  // lezer takes the escaped backtick in \`` for the start of the run after it (\``a` has no code span).
  if (/^\uFEFF|[\r\0]|\[\^|\\``/.test(text) || paragraphBrackets > lezerParagraphBrackets) return undefined;
  const lineIndex = lines ?? new LineIndex(text);
  const reader = new Reader(lineIndex, text);
  try {
    return withTabsReadAlike(reader.root(), text);
  } catch (error) {
    if (error === decline) return undefined;
    if (error !== undefinedLabel) throw error;
  }
  // lezer took an undefined `[label]` for a link, so the brackets around it made none: read the
  // text again with that label's brackets as plain punctuation, as micromark reads them.
  const structure = reader.undefinedLabelsMasked();
  if (structure === text) return undefined;
  try {
    return withTabsReadAlike(new Reader(lineIndex, text, structure).root(), text);
  } catch (error) {
    if (error === decline || error === undefinedLabel) return undefined;
    throw error;
  }
}

/**
 * The tree, if each tab of the text stands where it is only a character to both parsers: inside a
 * line's text or code span, with text before and after it on its line (a tab that indents, follows a
 * marker or ends a line counts as up to four columns, or is stripped), or in the body of a fenced
 * code block at the start of the document's lines. Else undefined: micromark reads the document.
 */
function withTabsReadAlike(tree: Root, text: string): Root | undefined {
  if (!text.includes('\t')) return tree;
  const inline: [number, number][] = [];
  const fencedBodies: [number, number][] = [];
  const visit = (node: Root | RootContent, atTop: boolean): void => {
    const position = node.position;
    if ((node.type === 'text' || node.type === 'inlineCode') && position) inline.push([position.start.offset!, position.end.offset!]);
    else if (node.type === 'code' && atTop && position?.start.column === 1 && /^(?:```|~~~)/.test(text.slice(position.start.offset!))) {
      const bodyStart = text.indexOf('\n', position.start.offset!) + 1;
      const lastLineStart = text.lastIndexOf('\n', position.end.offset! - 1) + 1;
      const closed = /^(?:```|~~~)/.test(text.slice(lastLineStart, position.end.offset!)) && lastLineStart >= bodyStart;
      if (bodyStart > 0) fencedBodies.push([bodyStart, closed ? lastLineStart : position.end.offset!]);
    }
    if ('children' in node) for (const child of node.children) visit(child, node.type === 'root');
  };
  visit(tree, false);
  const inFencedBody = rangeHolding(fencedBodies);
  const inText = rangeHolding(inline);
  for (let tab = text.indexOf('\t'); tab !== -1; tab = text.indexOf('\t', tab + 1)) {
    if (inFencedBody(tab)) continue;
    const node = inText(tab);
    if (!node) return undefined;
    // Text of the same node before and after it on its line: no marker, indent or line end is next to it.
    const lineStart = Math.max(node[0], text.lastIndexOf('\n', tab) + 1);
    const nextBreak = text.indexOf('\n', tab);
    const lineEnd = Math.min(node[1], nextBreak === -1 ? text.length : nextBreak);
    if (!/\S/.test(text.slice(lineStart, tab)) || !/\S/.test(text.slice(tab, lineEnd))) return undefined;
  }
  return tree;
}

/** The range of a list in document order holding each offset asked, offsets asked in increasing order: the list is walked once. */
function rangeHolding(ranges: readonly [number, number][]): (at: number) => [number, number] | undefined {
  let index = 0;
  return (at) => {
    while (index < ranges.length && ranges[index]![1] <= at) index++;
    return index < ranges.length && ranges[index]![0] <= at ? ranges[index] : undefined;
  };
}

/**
 * `[label]` alone (not escaped, not an image's, not beside another label or a destination, not a
 * definition's) of plain text: when no definition has it, micromark reads its brackets as text.
 */
const shortcutLabel = new RegExp(`(?<![\\\\\\]!])\\[(${plainLabel.source.slice(1, -1)})\\](?![[(:])`, 'g');

/** A destination's parentheses, escaped ones aside, each closed in order (always so in `<…>`). */
function balancedParentheses(destination: string): boolean {
  if (destination.startsWith('<')) return true;
  let depth = 0;
  for (let i = 0; i < destination.length; i++) {
    const c = destination[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A container a line's prefix belongs to: a block quote, or a list item, whose content starts
 * after its marker on the marker's line and after `indent` spaces on the others.
 */
type Container = { quote: true } | { quote: false; indent: number; markerLine: number; contentStart: number };

class Reader {
  /** Where each line starts (lezer, like this reader, ends lines at LF only: CR is declined). */
  private readonly starts: readonly number[];
  private definitions: Set<string> | undefined;
  /** Whether the text could hold a link reference definition at all. */
  private readonly mayDefine: boolean;
  /** The block whose inline content is being read. */
  private section = { from: 0, to: 0 };
  private readonly tree;

  /** `structure`: what lezer parses, the text but for brackets made plain punctuation (same length); values come from `text`. */
  constructor(
    private readonly lineIndex: LineIndex,
    private readonly text: string,
    private readonly structure = text,
  ) {
    this.starts = this.lineIndex.starts;
    this.tree = commonMarkParser.parse(structure);
    this.mayDefine = text.includes(']:');
  }

  /**
   * The text with the brackets of every undefined plain `[label]` made commas: punctuation to
   * emphasis, as brackets are, and no block's marker (`1[ a]` must not become a list item).
   */
  undefinedLabelsMasked(): string {
    return this.text.replace(shortcutLabel, (whole, label: string) => (this.defined(label) ? whole : `,${label},`));
  }

  /** A label is read from the text as written: one that holds a masked bracket is none to micromark. */
  private labelText(from: number, to: number): string {
    const label = this.text.slice(from, to);
    if (this.structure !== this.text && this.structure.slice(from, to) !== label) throw decline;
    // A label over lines of a list item or quote: micromark leaves the container's prefix out of it.
    if (/\n[ >]/.test(label)) throw decline;
    return label;
  }

  root(): Root {
    const top = this.tree.topNode;
    return { type: 'root', children: this.blocks(top, []) as RootContent[], position: this.span(0, this.text.length) };
  }

  private point(offset: number): Point {
    return this.lineIndex.point(offset);
  }

  private span(from: number, to: number): Position {
    return { start: this.point(from), end: this.point(to) };
  }

  private blocks(parent: SyntaxNode, containers: Container[]): BlockContent[] {
    const out: (BlockContent | Definition)[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      const node = this.block(child, containers);
      if (node) out.push(node);
    }
    return out as BlockContent[];
  }

  private block(node: SyntaxNode, containers: Container[]): BlockContent | Definition | undefined {
    if (node.name === 'QuoteMark' || node.name === 'ListMark') return undefined;
    // micromark reads a definition's following lines as one paragraph before it takes the definition out.
    if (node.name !== 'LinkReference' && this.followsDefinition(node.from)) throw decline;
    switch (node.name) {
      case 'Paragraph':
        return this.paragraph(node, containers);
      case 'ATXHeading1':
      case 'ATXHeading2':
      case 'ATXHeading3':
      case 'ATXHeading4':
      case 'ATXHeading5':
      case 'ATXHeading6':
        return this.atxHeading(node);
      case 'SetextHeading1':
      case 'SetextHeading2':
        return this.setextHeading(node);
      case 'HorizontalRule':
        return { type: 'thematicBreak', position: this.span(node.from, node.to) };
      case 'Blockquote':
        // A lazy line (no `>`): micromark and lezer disagree on what may end the quote's paragraph there.
        if (/\n(?! {0,3}>)/.test(this.text.slice(node.from, node.to))) throw decline;
        return { type: 'blockquote', children: this.blocks(node, [...containers, { quote: true }]), position: this.span(node.from, node.to) };
      case 'BulletList':
      case 'OrderedList':
        return this.list(node, containers);
      case 'FencedCode':
        return this.fencedCode(node, containers);
      case 'CodeBlock':
        return this.indentedCode(node, containers);
      case 'HTMLBlock':
        // A kind 7 block cannot interrupt a paragraph; lezer lets one end a lazy paragraph.
        if (!this.afterBlankLine(node.from) && !paragraphInterruptingHtml.test(this.text.slice(node.from, this.lineEndOf(node.from)))) throw decline;
        return this.htmlBlock(node, containers);
      case 'CommentBlock':
      case 'ProcessingInstructionBlock':
        return this.htmlBlock(node, containers);
      case 'LinkReference':
        return this.definition(node);
      default:
        throw decline;
    }
  }

  private paragraph(node: SyntaxNode, containers: Container[]): Paragraph {
    const to = this.trimEnd(node.from, node.to);
    if (containers.length > 0) this.checkContainerParagraphLines(node.from, to, containers);
    // `<!` and a lower-case letter starts an HTML block to micromark (CommonMark 0.30), not to lezer.
    if (/(?:^|\n)[ >]*<![a-z]/.test(this.text.slice(node.from, to))) throw decline;
    // A self-closing tag alone on the first line starts an HTML block (kind 7) to micromark, not to lezer.
    if (selfClosingTagLine.test(this.text.slice(node.from, this.lineEndOf(node.from)))) throw decline;
    return { type: 'paragraph', children: this.sectionInline(node, node.from, to), position: this.span(node.from, this.lineEndOf(to)) };
  }

  /**
   * A line of a container's paragraph that starts like an ordered list item, or like HTML on a lazy
   * line or HTML that may interrupt a paragraph (kinds 1-6): micromark may end the paragraph there
   * where lezer does not. A tag on a line that carries its containers' prefixes (`<a href>` under a
   * list item's text) is the paragraph's to both.
   */
  private checkContainerParagraphLines(from: number, to: number, containers: Container[]): void {
    const text = this.text.slice(from, to);
    const lineStarts = /\n[ >]*(?:\d{1,9}[.)](?: |$)|<)/g;
    for (let match = lineStarts.exec(text); match; match = lineStarts.exec(text)) {
      if (!match[0].endsWith('<')) throw decline;
      const line = this.point(from + match.index + 1).line - 1;
      const content = this.text.slice(this.afterPrefixes(line, containers), this.lineEndOf(this.starts[line]!));
      if (paragraphInterruptingHtml.test(content)) throw decline;
    }
  }

  private followsDefinition(from: number): boolean {
    if (!this.mayDefine) return false;
    const previous = this.tree.resolve(this.starts[this.point(from).line - 1]! - 1, -1);
    for (let node: SyntaxNode | null = previous; node; node = node.parent) if (node.name === 'LinkReference') return true;
    return false;
  }

  private trimEnd(from: number, to: number): number {
    while (to > from && (this.text.charCodeAt(to - 1) === 32 || this.text.charCodeAt(to - 1) === 10)) to--;
    return to;
  }

  private atxHeading(node: SyntaxNode): Heading {
    const depth = Number(node.name.at(-1)) as Heading['depth'];
    const open = node.firstChild!;
    let close: SyntaxNode | null = node.lastChild;
    if (close?.from === open.from || close?.name !== 'HeaderMark') close = null;
    let from = open.to;
    while (from < node.to && this.text.charCodeAt(from) === 32) from++;
    const to = this.trimEnd(from, close ? close.from : node.to);
    return { type: 'heading', depth, children: from < to ? this.sectionInline(node, from, to) : [], position: this.span(node.from, this.lineEndOf(node.from)) };
  }

  private setextHeading(node: SyntaxNode): Heading {
    const underline = node.lastChild!;
    // The content ends on the line above the underline's (a quote's `>` may stand before it).
    const to = this.trimEnd(node.from, this.starts[this.point(underline.from).line - 1]!);
    return { type: 'heading', depth: node.name.endsWith('1') ? 1 : 2, children: this.sectionInline(node, node.from, to), position: this.span(node.from, node.to) };
  }

  private list(node: SyntaxNode, containers: Container[]): List {
    const ordered = node.name === 'OrderedList';
    const items: ListItem[] = [];
    let spread = false;
    for (let item = node.firstChild; item; item = item.nextSibling) {
      if (item.name === 'QuoteMark') continue;
      if (item.name !== 'ListItem') throw decline;
      const mark = item.firstChild!;
      const children = this.blocks(item, [...containers, this.itemContainer(mark, containers)]);
      const end = children.length > 0 ? children.at(-1)!.position!.end.offset! : this.lineEndOf(mark.to);
      items.push({ type: 'listItem', spread: this.itemSpread(children), checked: null, children, position: this.span(mark.from, end) });
      const previous = items.at(-2);
      if (previous && this.point(item.from).line - previous.position!.end.line > 1) spread = true;
    }
    const start = ordered ? Number.parseInt(this.text.slice(node.firstChild!.firstChild!.from, node.firstChild!.firstChild!.to - 1), 10) : null;
    // An ordered list that does not start at 1 cannot interrupt a paragraph, which lezer misses
    // inside a list; micromark also reads one right after indented code as a paragraph.
    if (start !== null && start !== 1 && (node.prevSibling?.name === 'CodeBlock' || !this.afterBlankLine(node.from))) throw decline;
    // A list in a block quote followed by a blank line of the quote ends, for micromark, at that line's end.
    let end = items.at(-1)!.position!.end.offset!;
    const next = this.lineEndOf(end) + 1;
    if (containers.some((container) => container.quote) && next < this.text.length && /^[ >]*>[ >]*$/.test(this.text.slice(next, this.lineEndOf(next)))) end = this.lineEndOf(next);
    return { type: 'list', ordered, start, spread, children: items, position: this.span(items[0]!.position!.start.offset!, end) };
  }

  /** A blank line between two of the item's blocks (not inside a nested list or quote) makes it spread. */
  private itemSpread(children: readonly (BlockContent | Definition)[]): boolean {
    for (let i = 1; i < children.length; i++) if (children[i]!.position!.start.line - children[i - 1]!.position!.end.line > 1) return true;
    return false;
  }

  /** Where a list item's content starts: on its marker's line, and on the others, counted from its container's content. */
  private itemContainer(mark: SyntaxNode, containers: Container[]): Container {
    const markerLine = this.point(mark.from).line - 1;
    const lineStart = this.starts[markerLine]!;
    const lineEnd = this.lineEndOf(lineStart);
    const outerStart = this.afterPrefixes(markerLine, containers);
    let spaces = 0;
    while (this.text.charCodeAt(mark.to + spaces) === 32) spaces++;
    const blank = mark.to + spaces === lineEnd;
    // An item that starts empty cannot interrupt a paragraph; micromark carries that into a new block quote.
    if (blank && !this.afterBlankLine(mark.from)) throw decline;
    // Five spaces or more after the marker start indented code in the item: read by micromark.
    if (spaces > 4 && !blank) throw decline;
    const padding = blank ? 1 : spaces;
    return { quote: false, indent: mark.to + padding - outerStart, markerLine, contentStart: blank ? lineEnd : mark.to + padding };
  }

  /** Whether the line before the one holding `offset` is blank (or there is none). */
  private afterBlankLine(offset: number): boolean {
    const line = this.point(offset).line - 1;
    return line === 0 || /^[ >]*$/.test(this.text.slice(this.starts[line - 1]!, this.starts[line]! - 1));
  }

  /** Whether a line of the current block after the offset opens with a prefix (an indent, a quote's `>`). */
  prefixedLineAfter(offset: number): boolean {
    if (this.lastPrefixedLine === undefined) {
      // Found once per block: a block may hold thousands of text runs.
      let at = this.section.to - 1;
      while (at > this.section.from && !(this.text.charCodeAt(at - 1) === 10 && (this.text.charCodeAt(at) === 32 || this.text.charCodeAt(at) === 62))) at--;
      this.lastPrefixedLine = at > this.section.from ? at : -1;
    }
    return this.lastPrefixedLine > offset;
  }

  /** Where the current block's last line with a prefix starts (-1: none), once prefixedLineAfter asked. */
  private lastPrefixedLine: number | undefined;

  private lineEndOf(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end === -1 ? this.text.length : end;
  }

  /** Where a line's content starts once its containers' prefixes are taken off. */
  private afterPrefixes(line: number, containers: Container[]): number {
    const lineStart = this.starts[line]!;
    const lineEnd = this.lineEndOf(lineStart);
    let at = lineStart;
    for (const container of containers) {
      if (container.quote) {
        let spaces = 0;
        while (spaces < 3 && this.text.charCodeAt(at + spaces) === 32) spaces++;
        if (this.text.charCodeAt(at + spaces) !== 62) throw decline;
        at += spaces + 1;
        if (this.text.charCodeAt(at) === 32) at++;
      } else if (container.markerLine === line) {
        if (at > container.contentStart) throw decline;
        at = container.contentStart;
      } else {
        let spaces = 0;
        while (spaces < container.indent && this.text.charCodeAt(at + spaces) === 32) spaces++;
        if (spaces < container.indent && at + spaces < lineEnd) throw decline;
        at += spaces;
      }
    }
    return Math.min(at, lineEnd);
  }

  /** The lines from the one holding `from` to the one holding `to`, each without its containers' prefixes. */
  private lines(from: number, to: number, containers: Container[]): { start: number; end: number }[] {
    const lines: { start: number; end: number }[] = [];
    let line = this.point(from).line - 1;
    const last = this.point(to).line - 1;
    for (; line <= last; line++) {
      const start = this.starts[line]!;
      const end = this.lineEndOf(start);
      lines.push({ start: this.afterPrefixes(line, containers), end });
    }
    return lines;
  }

  private fencedCode(node: SyntaxNode, containers: Container[]): Code {
    const marks = node.getChildren('CodeMark');
    const open = marks[0]!;
    const close = marks.length > 1 ? marks.at(-1)! : undefined;
    const info = node.getChild('CodeInfo');
    const openLine = this.lines(open.from, open.from, containers)[0]!;
    const indent = open.from - openLine.start;
    let lang: string | null = null;
    let meta: string | null = null;
    if (info) {
      const raw = this.text.slice(info.from, this.lineEndOf(info.from));
      const space = raw.search(/ /);
      lang = decoded(space === -1 ? raw : raw.slice(0, space));
      // micromark keeps the spaces that end the line in the meta (not in the language).
      const rest = space === -1 ? '' : raw.slice(space).trimStart();
      meta = rest === '' ? null : decoded(rest);
    }
    const bodyFrom = this.lineEndOf(open.from) + 1;
    const bodyTo = close ? this.starts[this.point(close.from).line - 1]! - 1 : node.to;
    const values: string[] = [];
    const bodyLines = bodyFrom <= bodyTo && bodyFrom <= this.text.length ? this.lines(bodyFrom, bodyTo, containers) : [];
    for (const line of bodyLines) {
      let start = line.start;
      for (let i = 0; i < indent && this.text.charCodeAt(start) === 32; i++) start++;
      values.push(this.text.slice(start, line.end));
    }
    // Left open to the end of its container, micromark's block may take in other lines: read only
    // the one shape checked against it, a fence on a list item's marker line that ends the item.
    const innermost = containers.at(-1);
    if (!close && innermost && (bodyLines.length > 0 || innermost.quote || innermost.markerLine !== this.point(open.from).line - 1)) throw decline;
    if (!close && values.length > 0 && values.at(-1) === '' && node.to === this.text.length) values.pop();
    const end = close ? this.lineEndOf(close.to) : node.to;
    return { type: 'code', lang, meta, value: values.join('\n'), position: this.span(open.from, end) };
  }

  private indentedCode(node: SyntaxNode, containers: Container[]): Code {
    // Right under a quote's line, micromark's block takes lines of spaces otherwise (`>\n    a\n    `).
    const quote = node.prevSibling?.name === 'Blockquote' ? node.prevSibling : null;
    if (quote && !/\n *\n/.test(this.text.slice(quote.to, node.from))) throw decline;
    const lines = this.lines(node.from, node.to, containers);
    // micromark's block goes on over the lines of spaces after it that reach the code's indent,
    // and over the shorter ones between them.
    const between: { start: number; end: number }[] = [];
    for (let line = this.point(node.to).line; line < this.starts.length; line++) {
      const end = this.lineEndOf(this.starts[line]!);
      if (!/^[ >]*$/.test(this.text.slice(this.starts[line]!, end))) break;
      const start = this.afterPrefixes(line, containers);
      if (!/^ *$/.test(this.text.slice(start, end))) break;
      if (end - start < 4) between.push({ start, end });
      else lines.push(...between.splice(0), { start, end });
    }
    const values = lines.map((line) => {
      let start = line.start;
      for (let i = 0; i < 4 && start < line.end && this.text.charCodeAt(start) === 32; i++) start++;
      return this.text.slice(start, line.end);
    });
    while (values.at(-1) === '') values.pop();
    // Spaces alone (after a list marker, in a quote): lezer's blank code block is no block to micromark.
    if (!values.some((value) => /[^ ]/.test(value))) throw decline;
    return { type: 'code', lang: null, meta: null, value: values.join('\n'), position: this.span(lines[0]!.start, Math.max(node.to, lines.at(-1)!.end)) };
  }

  private htmlBlock(node: SyntaxNode, containers: Container[]): Html {
    let to = node.to;
    while (to > node.from && this.text.charCodeAt(to - 1) === 10) to--;
    const lines = this.lines(node.from, to, containers);
    // A block that ends at a closing marker and runs to the document's end without it takes in the last line ending.
    const firstLine = this.text.slice(lines[0]!.start, lines[0]!.end);
    const ending = closingMarker(firstLine);
    if (ending && !ending.test(this.text.slice(lines.at(-1)!.start, lines.at(-1)!.end))) throw decline;
    if (underscoreTagName.test(firstLine) || (slashInUnquotedValue.test(firstLine) && !paragraphInterruptingHtml.test(firstLine))) throw decline;
    const value = lines.map((line, i) => this.text.slice(i === 0 ? lines[0]!.start : line.start, i === lines.length - 1 ? to : line.end)).join('\n');
    return { type: 'html', value, position: this.span(lines[0]!.start, to) };
  }

  private definition(node: SyntaxNode): Definition {
    const label = node.getChild('LinkLabel');
    const url = node.getChild('URL');
    const title = node.getChild('LinkTitle');
    if (!label) throw decline;
    // lezer takes a destination whose parentheses do not pair; micromark reads no definition then.
    if (url && !balancedParentheses(this.text.slice(url.from, url.to))) throw decline;
    const rawLabel = this.labelText(label.from + 1, label.to - 1);
    const end = this.lineEndOf((title ?? url ?? label).to);
    return { type: 'definition', identifier: normalizeIdentifier(rawLabel).toLowerCase(), label: decoded(rawLabel), title: title ? this.title(title) : null, url: url ? this.url(url) : '', position: this.span(node.from, end) };
  }

  private url(node: SyntaxNode): string {
    const raw = this.text.slice(node.from, node.to);
    return decoded(raw.startsWith('<') ? raw.slice(1, -1) : raw);
  }

  private title(node: SyntaxNode): string {
    return decoded(this.text.slice(node.from + 1, node.to - 1));
  }

  private defined(label: string): boolean {
    if (!this.definitions) {
      const definitions = new Set<string>();
      this.tree.iterate({
        enter: (node) => {
          if (node.name !== 'LinkReference') return node.type.is('Block') || node.name === 'Document' ? undefined : false;
          const child = node.node.getChild('LinkLabel');
          if (child) definitions.add(normalizeIdentifier(this.labelText(child.from + 1, child.to - 1)).toLowerCase());
          return false;
        },
      });
      this.definitions = definitions;
    }
    return this.definitions.has(normalizeIdentifier(label).toLowerCase());
  }

  /**
   * A block's phrasing content. Two runs of tildes in its text could be strikethrough, which
   * lezer does not read as micromark does (single tildes too); one run cannot. lezer matches runs
   * of `*` and `_` as micromark does except in corner cases of the rule of three: where it left a
   * run unmatched that could pair with another run of the same character, micromark reads it.
   */
  private sectionInline(node: SyntaxNode, from: number, to: number): PhrasingContent[] {
    this.section = { from, to };
    this.lastPrefixedLine = undefined;
    this.tildeRuns = 0;
    this.delimiters = [];
    const children = this.inline(node, from, to);
    if (this.tildeRuns > 1 || couldPair(this.delimiters)) throw decline;
    return children;
  }

  /** Counted by TextRun in the text of the current block. */
  tildeRuns = 0;
  /** The current block's runs of `*` and `_`, in order: emphasis marks and the runs lezer left as text. */
  private delimiters: Delimiter[] = [];

  /**
   * The runs of `*` and `_` lezer left in the text between two offsets, with whether each could
   * open or close emphasis by CommonMark's flanking rules as micromark applies them, read on the
   * whole run in the source.
   */
  noteDelimiterRuns(from: number, to: number): void {
    const text = this.text;
    const piece = text.slice(from, to);
    if (!piece.includes('*') && !piece.includes('_')) return;
    for (const run of piece.matchAll(/\*+|_+/g)) {
      const mark = run[0][0]!;
      const start = from + run.index;
      const end = start + run[0].length;
      // lezer may have taken part of the run for emphasis: the run as the source has it.
      let runStart = start;
      let runEnd = end;
      while (runStart > 0 && text[runStart - 1] === mark) runStart--;
      while (runEnd < text.length && text[runEnd] === mark) runEnd++;
      const before = runStart === 0 ? ' ' : text[runStart - 1]!;
      const after = runEnd === text.length ? ' ' : text[runEnd]!;
      // micromark also lets a run open before, and close after, another attention marker (`*`, `_`, `~`).
      const left = (!isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before))) || attentionMarkers.includes(after);
      const right = (!isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after))) || attentionMarkers.includes(before);
      const open = left && (mark === '*' || !right || isPunctuation(before));
      const close = right && (mark === '*' || !left || isPunctuation(after));
      this.delimiters.push({ mark, open, close, matched: false, edge: runStart < start || runEnd > end });
    }
  }

  /** The phrasing content between two offsets of a block, from the inline nodes lezer found there. */
  private inline(parent: SyntaxNode, from: number, to: number): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    const text = new TextRun(this, out);
    let cursor = from;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.to <= from || child.from >= to) continue;
      if (child.from < from || child.to > to) throw decline;
      if (child.from > cursor) text.add(cursor, child.from);
      cursor = child.to;
      switch (child.name) {
        case 'QuoteMark':
          text.startLine();
          break;
        case 'Escape':
          text.addValue(this.text[child.from + 1]!, child.from, child.to);
          break;
        case 'Entity':
          text.addValue(decodeString(this.text.slice(child.from, child.to)), child.from, child.to);
          break;
        case 'HardBreak':
          text.flush();
          out.push({ type: 'break', position: this.span(child.from, child.to) });
          text.startLine();
          break;
        default:
          if ((child.name === 'Link' || child.name === 'Image') && this.undefinedReference(child)) {
            text.add(child.from, child.to);
            break;
          }
          text.flush();
          out.push(this.phrasing(child));
      }
    }
    if (cursor < to) text.add(cursor, to);
    text.flush();
    return out;
  }

  /**
   * `[text]`, `[text][]` or `[text][label]` that lezer took for a link though no definition has
   * its labels, which micromark reads as text: only when the brackets hold plain text, no other
   * bracket pair could have formed a link around them (lezer closes no link around one it took),
   * and no label or destination right before or after could have made one with them (`[a][b][c]`,
   * `[a][b](/c)`).
   */
  private undefinedReference(node: SyntaxNode): boolean {
    const open = node.firstChild!;
    const close = open.nextSibling;
    if (close?.name !== 'LinkMark') return false;
    const label = close.nextSibling;
    if (label && (label.name !== 'LinkLabel' || label.nextSibling)) return false;
    const inner = this.text.slice(open.to, close.from);
    if (!plainLabel.test(inner) || this.defined(inner)) return false;
    if (label) {
      const written = this.text.slice(label.from + 1, label.to - 1);
      if ((written !== '' && (!plainLabel.test(written) || this.defined(written))) || '[('.includes(this.text[node.to] ?? ' ') || this.text[node.from - 1] === ']') return false;
    }
    const opener = this.text.indexOf('[', this.section.from);
    return !(opener !== -1 && opener < node.from && this.text.lastIndexOf(']', this.section.to - 1) >= node.to);
  }

  private phrasing(node: SyntaxNode): PhrasingContent {
    const position = this.span(node.from, node.to);
    switch (node.name) {
      case 'Emphasis':
      case 'StrongEmphasis': {
        const marks = node.getChildren('EmphasisMark');
        const mark = this.text[marks[0]!.from]!;
        this.delimiters.push({ mark, open: true, close: true, matched: true, edge: true });
        const children = this.inline(node, marks[0]!.to, marks.at(-1)!.from);
        this.delimiters.push({ mark, open: true, close: true, matched: true, edge: true });
        return { type: node.name === 'Emphasis' ? 'emphasis' : 'strong', children, position };
      }
      case 'InlineCode': {
        const marks = node.getChildren('CodeMark');
        if (node.getChild('QuoteMark')) throw decline;
        let value = this.text.slice(marks[0]!.to, marks.at(-1)!.from);
        // A line's indent in a code span is a container's (not in the value) or the span's own (in it): micromark tells them apart.
        if (value.includes('\n ')) throw decline;
        if (value.length > 2 && / |\n/.test(value[0]!) && / |\n/.test(value.at(-1)!) && /[^ \n]/.test(value)) value = value.slice(1, -1);
        return { type: 'inlineCode', value, position };
      }
      case 'HTMLTag':
      case 'Comment':
      case 'ProcessingInstruction': {
        const value = this.text.slice(node.from, node.to);
        // micromark leaves a line's indent (and a quote's marker) out of inline HTML over lines.
        if (/\n[ >]/.test(value)) throw decline;
        if (node.name === 'HTMLTag' && (underscoreTagName.test(value) || slashInUnquotedValue.test(value))) throw decline;
        return { type: 'html', value, position };
      }
      case 'Autolink': {
        const url = node.getChild('URL')!;
        const raw = this.text.slice(url.from, url.to);
        // lezer lets an autolink hold `<`; CommonMark's may not (`<a:b~<c:d>` is text, then a link).
        if (raw.includes('<')) throw decline;
        return { type: 'link', url: /^[a-zA-Z][a-zA-Z\d+.-]{1,31}:/.test(raw) ? raw : `mailto:${raw}`, title: null, children: [{ type: 'text', value: raw, position: this.span(url.from, url.to) }], position };
      }
      case 'Link':
      case 'Image':
        return this.link(node, position);
      default:
        throw decline;
    }
  }

  private link(node: SyntaxNode, position: Position): PhrasingContent {
    const image = node.name === 'Image';
    const marks = node.getChildren('LinkMark');
    const open = marks[0]!;
    const close = marks.find((mark) => this.text.charCodeAt(mark.from) === 93)!;
    const children = this.inline(node, open.to, close.from);
    const label = node.getChild('LinkLabel');
    const resource = marks.find((mark) => mark.from === close.to && this.text.charCodeAt(mark.from) === 40);
    if (resource) {
      const url = node.getChild('URL');
      const title = node.getChild('LinkTitle');
      const fields = { url: url ? this.url(url) : '', title: title ? this.title(title) : null, position };
      return image ? { type: 'image', ...fields, alt: toString(children) } : { type: 'link', ...fields, children };
    }
    const rawLabel = label ? this.labelText(label.from + 1, label.to - 1) : '';
    // `[a][ ]`: lezer takes a blank label for `[]`; to micromark it is text.
    if (rawLabel !== '' && rawLabel.trim() === '') throw decline;
    const full = label !== null && rawLabel !== '';
    const source = full ? rawLabel : this.labelText(open.to, close.from);
    if (!this.defined(source)) throw label ? decline : undefinedLabel;
    const reference = { identifier: normalizeIdentifier(source).toLowerCase(), label: decoded(source), referenceType: full ? 'full' : label ? 'collapsed' : 'shortcut', position } as const;
    return image ? { type: 'imageReference', ...reference, alt: toString(children) } : { type: 'linkReference', ...reference, children };
  }

  /** The source between two offsets, for TextRun. */
  slice(from: number, to: number): string {
    return this.text.slice(from, to);
  }

  position(from: number, to: number): Position {
    return this.span(from, to);
  }
}

/**
 * The text between inline nodes as micromark gives it: runs of text, escapes and character
 * references become one node; a line's trailing spaces and the next line's indent are dropped.
 */
class TextRun {
  /** The value in pieces, joined once at the end: a long paragraph would otherwise be copied per line. */
  private pieces: string[] = [];
  private from = -1;
  private to = -1;
  private lineStart = false;

  constructor(private readonly reader: Reader, private readonly out: PhrasingContent[]) {}

  add(from: number, to: number): void {
    const source = this.reader.slice(from, to);
    let at = 0;
    while (at < source.length) {
      if (this.lineStart) {
        while (at < source.length && source.charCodeAt(at) === 32) at++;
        if (at === source.length) return;
        this.lineStart = false;
      }
      const newline = source.indexOf('\n', at);
      const end = newline === -1 ? source.length : newline;
      if (end > at) {
        this.append(source.slice(at, end), from + at, from + end);
        this.reader.noteDelimiterRuns(from + at, from + end);
      }
      if (newline === -1) return;
      this.trimTrailingSpaces();
      this.append('\n', from + newline, from + newline + 1);
      this.lineStart = true;
      at = newline + 1;
    }
  }

  addValue(value: string, from: number, to: number): void {
    this.lineStart = false;
    this.append(value, from, to);
  }

  /** A new line's content follows (after a container's marker or a hard break): its indent is not text. */
  startLine(): void {
    this.lineStart = true;
  }

  private append(value: string, from: number, to: number): void {
    if (this.from === -1) this.from = from;
    this.pieces.push(value);
    this.to = to;
  }

  private trimTrailingSpaces(): void {
    const pieces = this.pieces;
    while (pieces.length > 0) {
      const last = pieces.at(-1)!;
      let end = last.length;
      while (end > 0 && last.charCodeAt(end - 1) === 32) end--;
      this.to -= last.length - end;
      if (end > 0) {
        pieces[pieces.length - 1] = last.slice(0, end);
        return;
      }
      pieces.pop();
    }
    this.from = -1;
  }

  flush(): void {
    if (this.from !== -1 && this.pieces.length > 0) {
      const value = this.pieces.join('');
      if (value.includes('~')) this.reader.tildeRuns += value.match(/~+/g)!.length;
      // After a backtick run no code span took, micromark places a node that starts a line after that line's prefix.
      if (value.includes('`') && this.reader.prefixedLineAfter(this.to - 1)) throw decline;
      const node: Text = { type: 'text', value, position: this.reader.position(this.from, this.to) };
      this.out.push(node);
    }
    this.pieces = [];
    this.from = -1;
    this.lineStart = false;
  }
}

interface Delimiter {
  mark: string;
  open: boolean;
  close: boolean;
  /** An emphasis mark lezer matched. */
  matched: boolean;
  /** A run lezer split: part of it is an emphasis mark or lies in another node. */
  edge: boolean;
}

/**
 * Whether a run left unmatched could pair with a run of the same character on the side it faces:
 * another unmatched run, or, for a run lezer split, an emphasis mark.
 */
function couldPair(delimiters: readonly Delimiter[]): boolean {
  return delimiters.some((run, i) => {
    if (run.matched) return false;
    const pairs = (other: Delimiter): boolean => other.mark === run.mark && (run.edge || !other.matched);
    if (run.close && delimiters.slice(0, i).some(pairs)) return true;
    return run.open && delimiters.slice(i + 1).some((other) => pairs(other) && other.close);
  });
}

/** The end condition of an HTML block of kinds 1 to 5 (CommonMark 4.6), from its first line. */
function closingMarker(firstLine: string): RegExp | undefined {
  const raw = /^ {0,3}<(script|pre|style|textarea)(?=[ >]|$)/i.exec(firstLine);
  if (raw) return new RegExp(`</${raw[1]}>`, 'i');
  if (/^ {0,3}<!--/.test(firstLine)) return /-->/;
  if (/^ {0,3}<\?/.test(firstLine)) return /\?>/;
  if (/^ {0,3}<!\[CDATA\[/.test(firstLine)) return /\]\]>/;
  if (/^ {0,3}<![A-Za-z]/.test(firstLine)) return />/;
  return undefined;
}

/** micromark's decoding of escapes and character references, skipped where there are none. */
function decoded(raw: string): string {
  return raw.includes('\\') || raw.includes('&') ? decodeString(raw) : raw;
}
