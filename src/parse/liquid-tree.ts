/**
 * Parses Liquid tokens into blocks the way Ruby Liquid 5 (Liquid::BlockBody, Block, Raw,
 * Comment, Document) does, including its first-error-stops semantics: the error recorded
 * here is the one `jekyll build` would fail with, positioned where the author can fix it.
 */
import { laxMarkupError } from './liquid-markup.js';
import { scanLiquid, type LiquidOutputToken, type LiquidTagToken, type LiquidToken } from './liquid-tokens.js';
import type { TagRegistry, TagSpec } from './tag-registry.js';

export interface LiquidBlock {
  kind: 'block';
  open: LiquidTagToken;
  /** `else` / `elsif` / `when` tags met in the body. */
  branches: LiquidTagToken[];
  children: LiquidNode[];
  /** Missing when the document ended (or failed) first. */
  close?: LiquidTagToken;
  /** For raw: the unparsed body range. */
  rawBody?: { start: number; end: number };
  /** The tag writes its body as code into its own HTML (highlight): no link or id in it is one. */
  writesCode?: true;
}

export type LiquidNode = LiquidBlock | LiquidTagToken | LiquidOutputToken;

export type LiquidErrorCode =
  | 'unterminated-tag'
  | 'unterminated-output'
  | 'unknown-tag'
  | 'invalid-end-tag'
  | 'unexpected-branch'
  | 'never-closed'
  | 'nesting-too-deep'
  | 'invalid-raw'
  | 'invalid-markup';

export interface LiquidSyntaxError {
  code: LiquidErrorCode;
  message: string;
  start: number;
  end: number;
  /** The name no registry knows, when that is the error. */
  unknownTag?: string;
}

export interface LiquidParse {
  /** Every token the scanner found, including those inside raw bodies. */
  tokens: LiquidToken[];
  /** The parsed tree (complete up to the first syntax error that is not an unknown tag: the parse goes on past those). */
  nodes: LiquidNode[];
  /** Tags and outputs Liquid actually parses (not inside raw), in document order. */
  tags: LiquidTagToken[];
  outputs: LiquidOutputToken[];
  blocks: LiquidBlock[];
  /** The first syntax error, as the real engine stops there. */
  error?: LiquidSyntaxError;
  /**
   * The errors after it, found by parsing on from the token after each one (the tree above stops
   * at the first): what the author meets next once each is fixed. At most maxLaterErrors.
   */
  laterErrors: LiquidSyntaxError[];
}

/** The index of the first output at or after `offset`, by halving (outputs are in document order; a page may hold thousands). */
export function firstOutputFrom(outputs: readonly LiquidOutputToken[], offset: number): number {
  let low = 0;
  for (let high = outputs.length; low < high; ) {
    const middle = (low + high) >>> 1;
    if (outputs[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The output that starts at `offset`, if one does. */
export function outputAt(outputs: readonly LiquidOutputToken[], offset: number): LiquidOutputToken | undefined {
  const output = outputs[firstOutputFrom(outputs, offset)];
  return output?.start === offset ? output : undefined;
}

/** Later errors reported per page at most: each is found by parsing the rest of the page again. */
const maxLaterErrors = 50;

/** Ruby Liquid's Block::MAX_DEPTH. */
const maxDepth = 100;

class Stop {
  constructor(readonly error: LiquidSyntaxError) {}
}

interface BodyEnd {
  /** The unregistered tag that ended the body (an end tag, a branch or an unknown tag), or undefined at EOF. */
  tag?: LiquidTagToken;
}

export function parseLiquid(text: string, from: number, to: number, registry: TagRegistry): LiquidParse {
  const tokens = scanLiquid(text, from, to);
  const result: LiquidParse = { tokens, nodes: [], tags: [], outputs: [], blocks: [], laterErrors: [] };
  // Where the parse is; the parse of the rest after an error writes into a scratch result.
  let index = 0;
  let into = result;

  const fail = (code: LiquidErrorCode, message: string, token: { start: number; end: number }): never => {
    throw new Stop({ code, message, start: token.start, end: token.end });
  };
  const unknownError = (tag: LiquidTagToken): LiquidSyntaxError => ({ code: 'unknown-tag', message: `Unknown Liquid tag \`${tag.name}\`: Jekyll fails on tags it does not know.`, start: tag.start, end: tag.end, unknownTag: tag.name });
  /** Names of unknown tags passed over: their `end…` tags are unknown tags too, not misplaced end tags. */
  const passedOver = new Set<string>();
  /**
   * An unknown tag is an error where it is (Liquid fails on it), and the parse goes on past it as
   * past a simple tag: had a plugin defined it (most such tags are simple: `include_cached`,
   * `seo`, `gist`), Liquid would render the rest of the page, whose tags, blocks and outputs are
   * then what the page's Markdown is made of.
   */
  const passOver = (tag: LiquidTagToken, nodes: LiquidNode[]): void => {
    const error = unknownError(tag);
    if (!result.error) result.error = error;
    else if (result.laterErrors.length < maxLaterErrors) result.laterErrors.push(error);
    passedOver.add(tag.name);
    nodes.push(tag);
    into.tags.push(tag);
  };

  /**
   * An error where Liquid's own tag refuses the markup (as `kind` reads it: a case's `else` takes
   * none). The parse goes on with the tag in its place, as past an unknown tag: the blocks around
   * it are what the page meant, and an `endfor` after a refused `for` is no stray.
   */
  const refuseMarkup = (kind: string, tag: LiquidTagToken): void => {
    const refused = laxMarkupError(kind, tag.markup);
    if (!refused) return;
    const error: LiquidSyntaxError = { code: 'invalid-markup', message: `\`${preview(text, tag)}\`: ${refused}.`, start: tag.start, end: tag.end };
    if (!result.error) result.error = error;
    else if (result.laterErrors.length < maxLaterErrors) result.laterErrors.push(error);
  };

  const parseBody = (nodes: LiquidNode[], depth: number): BodyEnd => {
    while (index < tokens.length) {
      const token = tokens[index++]!;
      switch (token.kind) {
        case 'malformed-tag':
          fail(
            'unterminated-tag',
            text.startsWith('%}', token.end - 2)
              ? `Liquid tag \`${preview(text, token)}\` has no tag name: Liquid fails to parse the page.`
              : `Liquid tag \`${preview(text, token)}\` is not closed with \`%}\`: Liquid fails to parse the page.`,
            token,
          );
          break;
        case 'malformed-output':
          fail('unterminated-output', `Liquid output \`${preview(text, token)}\` is not closed with \`}}\`: Liquid fails to parse the page.`, token);
          break;
        case 'output':
          nodes.push(token);
          into.outputs.push(token);
          break;
        case 'tag': {
          const spec = registry.get(token.name);
          if (!spec) return { tag: token };
          refuseMarkup(token.name, token);
          into.tags.push(token);
          if (!spec.block) nodes.push(token);
          else nodes.push(spec.raw ? parseRaw(token) : parseBlock(token, spec, depth));
          break;
        }
      }
    }
    return {};
  };

  const parseBlock = (open: LiquidTagToken, spec: TagSpec, depth: number): LiquidBlock => {
    if (depth >= maxDepth) fail('nesting-too-deep', `Liquid blocks are nested more than ${maxDepth} deep: Liquid fails with "Nesting too deep".`, open);
    const block: LiquidBlock = { kind: 'block', open, branches: [], children: [], ...(spec.body === 'code' ? { writesCode: true as const } : {}) };
    into.blocks.push(block);
    for (;;) {
      const end = parseBody(block.children, depth + 1);
      if (!end.tag) {
        return fail('never-closed', `\`{% ${open.name} %}\` is never closed: expected \`{% end${open.name} %}\` before the end of the document.`, open);
      }
      const name = end.tag.name;
      if (name === `end${open.name}`) {
        block.close = end.tag;
        return block;
      }
      if (spec.branches?.includes(name)) {
        refuseMarkup(open.name === 'case' && name === 'else' ? 'case-else' : name, end.tag);
        block.branches.push(end.tag);
      }
      else if (!spec.ignoresUnknownTags) unknownInBlock(end.tag, open.name, block.children);
    }
  };

  const parseRaw = (open: LiquidTagToken): LiquidBlock => {
    if (open.markup.trim() !== '') fail('invalid-raw', '`{% raw %}` takes no arguments: Liquid fails with "Valid syntax: {% raw %}".', open);
    const block: LiquidBlock = { kind: 'block', open, branches: [], children: [] };
    into.blocks.push(block);
    const bodyStart = open.end;
    while (index < tokens.length) {
      const token = tokens[index++]!;
      // Any token ending in `%}` can close raw, even `{{ x {% endraw %}` (an output to the scanner).
      const close = rawCloser(text, token.start, token.end, `end${open.name}`);
      if (close) {
        block.close = close;
        block.rawBody = { start: bodyStart, end: close.start };
        return block;
      }
    }
    return fail('never-closed', `\`{% ${open.name} %}\` is never closed: expected \`{% end${open.name} %}\` before the end of the document.`, open);
  };

  const unknownInBlock = (tag: LiquidTagToken, blockName: string, nodes: LiquidNode[]): void => {
    if (tag.name === 'else') return fail('unexpected-branch', `\`{% else %}\` is not allowed inside \`{% ${blockName} %}\`.`, tag);
    if (tag.name.startsWith('end') && !passedOver.has(tag.name.slice(3))) {
      return fail('invalid-end-tag', `\`{% ${tag.name} %}\` does not close \`{% ${blockName} %}\`: expected \`{% end${blockName} %}\`.`, tag);
    }
    passOver(tag, nodes);
  };

  /** Parses the document from token `from` into `into`; the error it stops at, if any. */
  const parseFrom = (from: number): LiquidSyntaxError | undefined => {
    index = from;
    try {
      for (;;) {
        const end = parseBody(into.nodes, 0);
        if (!end.tag) return undefined;
        const name = end.tag.name;
        if (name === 'else' || name === 'end') fail('unexpected-branch', `\`{% ${name} %}\` outside of any block.`, end.tag);
        if (name.startsWith('end') && registry.get(name.slice(3))?.block) {
          fail('unknown-tag', `\`{% ${name} %}\` closes a \`{% ${name.slice(3)} %}\` that was never opened.`, end.tag);
        }
        passOver(end.tag, into.nodes);
      }
    } catch (caught) {
      if (!(caught instanceof Stop)) throw caught;
      return caught.error;
    }
  };
  const after = (error: LiquidSyntaxError): number => {
    const at = tokens.findIndex((token) => token.start === error.start);
    return at === -1 ? tokens.length : at + 1;
  };

  // Where the parse stopped (unknown tags it passed over are recorded already).
  const stopped = parseFrom(0);
  if (stopped && !result.error) result.error = stopped;
  else if (stopped) result.laterErrors.push(stopped);
  let next = stopped ? after(stopped) : tokens.length;
  // Nesting too deep would only be found again one level further in.
  if (stopped?.code === 'nesting-too-deep') next = tokens.length;
  let previous = stopped;
  while (next < tokens.length && result.laterErrors.length < maxLaterErrors) {
    into = { tokens, nodes: [], tags: [], outputs: [], blocks: [], laterErrors: [] };
    const error = parseFrom(next);
    if (!error) break;
    // A run of the same error (a line of `{{{{`) is one mistake: reported once.
    const repeated = previous !== undefined && error.code === previous.code && !/\n/.test(text.slice(previous.end, error.start));
    if (!repeated) result.laterErrors.push(error);
    previous = error;
    next = Math.max(next + 1, after(error));
  }
  return result;
}

/**
 * Liquid::Raw ends at the first token matching FullTokenPossiblyInvalid whose tag name is
 * `endraw`; the name is read after the LAST `{%` in the token that starts a tag. `{%- endraw %}`
 * names no tag there: whitespace control does not end raw (Liquid 4 and 5.4, which Jekyll runs).
 */
function rawCloser(text: string, start: number, end: number, delimiter: string): LiquidTagToken | undefined {
  if (!text.startsWith('%}', end - 2)) return undefined;
  let open = text.lastIndexOf('{%', end - 2);
  while (open >= start) {
    const match = /^\{%[ \t\r\n\f\v]*(\w+)/.exec(text.slice(open, end));
    if (match) {
      if (match[1] !== delimiter) return undefined;
      const nameStart = text.indexOf(delimiter, open);
      return { kind: 'tag', start: open, end, name: delimiter, nameStart, markup: '', markupStart: nameStart + delimiter.length };
    }
    open = open > start ? text.lastIndexOf('{%', open - 1) : -1;
  }
  return undefined;
}

function preview(text: string, token: { start: number; end: number }): string {
  const source = text.slice(token.start, Math.min(token.end, token.start + 40)).replace(/\s+/g, ' ');
  return token.end - token.start > 40 ? `${source}…` : source;
}
