/**
 * Liquid 5's strict parser for `{{ output }}` markup (Liquid::Lexer, Liquid::Parser,
 * Variable#strict_parse). Jekyll runs Liquid in `warn` mode: a markup the strict parser
 * rejects still renders (laxly) but prints "Liquid Warning: ... Unexpected character {".
 */
import { detached } from '../text/detach.js';

type TokenType =
  | 'comparison' | 'string' | 'number' | 'id' | 'dotdot' | 'pipe' | 'dot' | 'colon' | 'comma'
  | 'open_square' | 'close_square' | 'open_round' | 'close_round' | 'question' | 'dash' | 'end_of_string';

interface Token {
  type: TokenType;
  text: string;
  offset: number;
}

export interface FilterUse {
  name: string;
  /** Offset of the filter name within the markup. */
  offset: number;
  /** Each argument as written (`'x'`, `3`, `page.title`). */
  args: string[];
}

export interface OutputExpression {
  /** The variable path when the expression is a plain lookup (`site.baseurl`), with its offset. */
  variable?: { path: string; offset: number };
  /** The expression when it is a string or number literal, as written. */
  literal?: string;
  filters: FilterUse[];
  /** The strict parser's complaint, as Liquid words it, and where in the markup. */
  error?: { message: string; offset: number };
}

const specials: Record<string, TokenType> = {
  '|': 'pipe', '.': 'dot', ':': 'colon', ',': 'comma', '[': 'open_square', ']': 'close_square',
  '(': 'open_round', ')': 'close_round', '?': 'question', '-': 'dash',
};

// Liquid::Lexer's patterns, anchored (sticky) at the scan position.
const comparison = /==|!=|<>|<=?|>=?|contains(?=\s)/y;
const singleString = /'[^']*'/y;
const doubleString = /"[^"]*"/y;
const numberLiteral = /-?\d+(?:\.\d+)?/y;
const identifier = /[a-zA-Z_][\w-]*\??/y;
const dotdot = /\.\./y;
const whitespace = /\s*/y;

class LiquidSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function tokenize(markup: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  const scan = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = position;
    const match = pattern.exec(markup);
    if (!match || match[0] === '') return undefined;
    position += match[0].length;
    return match[0];
  };
  for (;;) {
    whitespace.lastIndex = position;
    whitespace.exec(markup);
    position = whitespace.lastIndex;
    if (position >= markup.length) break;
    const offset = position;
    const scanned: [TokenType, RegExp][] = [
      ['comparison', comparison], ['string', singleString], ['string', doubleString],
      ['number', numberLiteral], ['id', identifier], ['dotdot', dotdot],
    ];
    let token: Token | undefined;
    for (const [type, pattern] of scanned) {
      const text = scan(pattern);
      if (text !== undefined) {
        token = { type, text, offset };
        break;
      }
    }
    if (!token) {
      const char = markup[position]!;
      const type = specials[char];
      if (!type) throw new LiquidSyntaxError(`Unexpected character ${char}`, position);
      token = { type, text: char, offset };
      position++;
    }
    tokens.push(token);
  }
  tokens.push({ type: 'end_of_string', text: '', offset: markup.length });
  return tokens;
}

/** A token of Liquid::Lexer's. */
export type LiquidToken = Readonly<Token>;

/** Liquid::Lexer's tokens of a markup (without its end token), or undefined where the lexer fails on a character. */
export function liquidTokens(markup: string): readonly LiquidToken[] | undefined {
  try {
    return tokenize(markup).slice(0, -1);
  } catch (error) {
    if (error instanceof LiquidSyntaxError) return undefined;
    throw error;
  }
}

/** Brackets and ranges deeper than this are a syntax finding, not a stack overflow (Liquid's own parser recurses too). */
const maxExpressionDepth = 100;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  look(type: TokenType, ahead = 0): boolean {
    return this.tokens[this.index + ahead]?.type === type;
  }

  consume(type?: TokenType): Token {
    const token = this.tokens[this.index]!;
    if (type && token.type !== type) throw new LiquidSyntaxError(`Expected ${type} but found ${token.type}`, token.offset);
    this.index++;
    return token;
  }

  consumeIf(type: TokenType): boolean {
    if (!this.look(type)) return false;
    this.index++;
    return true;
  }

  /** Liquid::Parser#id?: the identifier `text`, consumed if it is next. */
  idIf(text: string): boolean {
    if (!this.look('id') || this.tokens[this.index]!.text !== text) return false;
    this.index++;
    return true;
  }

  expression(): string {
    const token = this.tokens[this.index]!;
    if (this.depth >= maxExpressionDepth) throw new LiquidSyntaxError(`the expression nests more than ${maxExpressionDepth} brackets deep`, token.offset);
    this.depth++;
    try {
      return this.term(token);
    } finally {
      this.depth--;
    }
  }

  private term(token: Token): string {
    switch (token.type) {
      case 'id':
        return this.consume().text + this.variableLookups();
      case 'open_square': {
        const text = this.consume().text + this.expression() + this.consume('close_square').text;
        return text + this.variableLookups();
      }
      case 'string':
      case 'number':
        return this.consume().text;
      case 'open_round': {
        this.consume();
        const first = this.expression();
        this.consume('dotdot');
        const last = this.expression();
        this.consume('close_round');
        return `(${first}..${last})`;
      }
      default:
        throw new LiquidSyntaxError(`${token.type === 'end_of_string' ? 'end of string' : `"${token.text}"`} is not a valid expression`, token.offset);
    }
  }

  argument(): string {
    if (this.look('id') && this.look('colon', 1)) {
      this.consume();
      this.consume();
    }
    return this.expression();
  }

  private variableLookups(): string {
    let text = '';
    for (;;) {
      if (this.look('open_square')) text += this.consume().text + this.expression() + this.consume('close_square').text;
      else if (this.look('dot')) text += this.consume().text + this.consume('id').text;
      else return text;
    }
  }
}

/** Whether the whole markup reads with `read` (a tag's strict_parse). */
function parsesStrictly(markup: string, read: (parser: Parser) => void): boolean {
  try {
    const parser = new Parser(tokenize(markup));
    read(parser);
    parser.consume('end_of_string');
    return true;
  } catch (error) {
    if (error instanceof LiquidSyntaxError) return false;
    throw error;
  }
}

/** If#strict_parse (`unless`, `elsif`): comparisons joined by `and` and `or`. */
export function parsesAsCondition(markup: string): boolean {
  return parsesStrictly(markup, (parser) => {
    const comparison = (): void => {
      parser.expression();
      if (parser.consumeIf('comparison')) parser.expression();
    };
    comparison();
    while (parser.idIf('and') || parser.idIf('or')) comparison();
  });
}

/** For#strict_parse: `item in collection`, then `reversed`, `limit:` and `offset:`. */
export function parsesAsForLoop(markup: string): boolean {
  return parsesStrictly(markup, (parser) => {
    parser.consume('id');
    if (!parser.idIf('in')) throw new LiquidSyntaxError('Expected in', 0);
    parser.expression();
    parser.idIf('reversed');
    while (parser.look('id') && parser.look('colon', 1)) {
      if (!parser.idIf('limit') && !parser.idIf('offset')) throw new LiquidSyntaxError('Invalid attribute', 0);
      parser.consume();
      parser.expression();
    }
  });
}

/**
 * Pages repeat a few short outputs (`site.baseurl` before every link): each distinct one is parsed
 * once per run. At most 4,096 of at most 256 characters are kept, whatever a page holds.
 */
const parsedOutputs = new Map<string, Readonly<OutputExpression>>();
const parsedOutputsKept = 4096;
const keptMarkupLength = 256;

export function parseOutputMarkup(markup: string): Readonly<OutputExpression> {
  if (markup.length > keptMarkupLength) return parseOutput(markup);
  let parsed = parsedOutputs.get(markup);
  if (!parsed) {
    if (parsedOutputs.size >= parsedOutputsKept) parsedOutputs.clear();
    const own = detached(markup);
    parsed = parseOutput(own);
    parsedOutputs.set(own, parsed);
  }
  return parsed;
}

function parseOutput(markup: string): OutputExpression {
  const result: OutputExpression = { filters: [] };
  try {
    const tokens = tokenize(markup);
    const parser = new Parser(tokens);
    if (parser.look('end_of_string')) return result;
    const first = tokens[0]!;
    const name = parser.expression();
    if (first.type === 'id' && /^[\w.-]+\??$/.test(name)) result.variable = { path: name, offset: first.offset };
    if (first.type === 'string' || first.type === 'number') result.literal = name;
    while (parser.consumeIf('pipe')) {
      const filter = parser.consume('id');
      const use: FilterUse = { name: filter.text, offset: filter.offset, args: [] };
      result.filters.push(use);
      if (parser.consumeIf('colon')) {
        use.args.push(parser.argument());
        while (parser.consumeIf('comma')) use.args.push(parser.argument());
      }
    }
    parser.consume('end_of_string');
  } catch (error) {
    if (!(error instanceof LiquidSyntaxError)) throw error;
    result.error = { message: error.message, offset: error.offset };
  }
  return result;
}
