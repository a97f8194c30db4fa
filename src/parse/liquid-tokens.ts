/**
 * Splits text into Liquid tokens exactly as Ruby Liquid 5 does (Liquid::Tokenizer):
 *
 *   TemplateParser = /({%.*?%}|{{.*?}}?|{%|{{)/m
 *
 * so `{{site.baseurl}` becomes one (malformed) variable token, a `{%` with no `%}` anywhere
 * after it is a lone token, and a quoted "%}" inside a tag still ends the tag. The real
 * engine's regex would rescan to the end of the text for every unclosed `{%`; here each
 * search for a closer is remembered, so scanning stays linear on hostile input.
 */

export interface LiquidTagToken {
  kind: 'tag';
  start: number;
  end: number;
  /** Tag name (`\w+` as Ruby reads it) and where it starts. */
  name: string;
  nameStart: number;
  /** The markup after the name, untrimmed of inner spaces but without whitespace-control dashes. */
  markup: string;
  markupStart: number;
}

export interface LiquidOutputToken {
  kind: 'output';
  start: number;
  end: number;
  /** The expression between `{{` and `}}`, without whitespace-control dashes. */
  markup: string;
  markupStart: number;
}

/** A `{%` or `{{` token that Liquid rejects: "was not properly terminated". */
export interface LiquidMalformedToken {
  kind: 'malformed-tag' | 'malformed-output';
  start: number;
  end: number;
}

export type LiquidToken = LiquidTagToken | LiquidOutputToken | LiquidMalformedToken;

/** Whether a text holds Liquid (`{{` or `{%`): what it comes to depends on values (an include's name, an id, a URL). */
export const hasLiquid = (text: string): boolean => /\{\{|\{%/.test(text);

// Liquid::FullToken = /\A{%-?(\s*)(\w+)(\s*)(.*?)-?%}\z/m
// Ruby's \s is ASCII whitespace only, unlike JavaScript's.
const fullTag = /^\{%-?([ \t\r\n\f\v]*)(\w+)([ \t\r\n\f\v]*)([\s\S]*?)-?%\}$/;
// Liquid::ContentOfVariable = /\A{{-?(.*?)-?}}\z/m
const fullOutput = /^\{\{-?([\s\S]*?)-?\}\}$/;

/** Finds every Liquid token in text[from, to); text outside tokens is plain text. */
export function scanLiquid(text: string, from = 0, to = text.length): LiquidToken[] {
  const tokens: LiquidToken[] = [];
  const closer = new ForwardSearch(text, to);
  let position = from;
  while (position < to) {
    const open = text.indexOf('{', position);
    if (open === -1 || open + 1 >= to) break;
    const next = text.charCodeAt(open + 1);
    if (next === 37 /* % */) {
      const close = closer.find('%}', open + 2);
      const end = close === -1 ? open + 2 : close + 2;
      tokens.push(close === -1 ? { kind: 'malformed-tag', start: open, end } : classifyTag(text, open, end));
      position = end;
    } else if (next === 123 /* { */) {
      const close = closer.find('}', open + 2);
      if (close === -1) {
        tokens.push({ kind: 'malformed-output', start: open, end: open + 2 });
        position = open + 2;
      } else {
        const end = close + 1 < to && text.charCodeAt(close + 1) === 125 ? close + 2 : close + 1;
        tokens.push(classifyOutput(text, open, end));
        position = end;
      }
    } else {
      position = open + 1;
    }
  }
  return tokens;
}

function classifyTag(text: string, start: number, end: number): LiquidTagToken | LiquidMalformedToken {
  const source = text.slice(start, end);
  const match = fullTag.exec(source);
  if (!match) return { kind: 'malformed-tag', start, end };
  const leading = source.startsWith('{%-') ? 3 : 2;
  const nameStart = start + leading + match[1]!.length;
  const name = match[2]!;
  const markupStart = nameStart + name.length + match[3]!.length;
  return { kind: 'tag', start, end, name, nameStart, markup: match[4]!, markupStart };
}

function classifyOutput(text: string, start: number, end: number): LiquidOutputToken | LiquidMalformedToken {
  const source = text.slice(start, end);
  const match = fullOutput.exec(source);
  if (!match) return { kind: 'malformed-output', start, end };
  const markupStart = start + (source.startsWith('{{-') ? 3 : 2);
  return { kind: 'output', start, end, markup: match[1]!, markupStart };
}

/** indexOf that remembers its last answer per needle, so repeated misses cost nothing. */
class ForwardSearch {
  private readonly last = new Map<string, { from: number; found: number }>();

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  find(needle: string, from: number): number {
    const cached = this.last.get(needle);
    if (cached && cached.from <= from && (cached.found === -1 || cached.found >= from)) return cached.found;
    const index = this.text.indexOf(needle, from);
    const found = index === -1 || index + needle.length > this.limit ? -1 : index;
    this.last.set(needle, { from, found });
    return found;
  }
}
