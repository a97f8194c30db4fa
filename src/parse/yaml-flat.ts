/**
 * Flat front matter, read without the YAML library: most pages hold only `key: value` lines
 * whose values are plain or quoted scalars, one-line lists or `- item` lists, and building a
 * YAML syntax tree for each cost a tenth of a cold run. Anything else (indentation, comments
 * after values, escapes, anchors, tags, block scalars, flow maps, duplicate keys, control
 * characters) is left to the YAML library: `undefined` means "not flat", never "invalid".
 * What is read here is read as the library reads it with Jekyll's scalars: no errors, no
 * warnings, the same values and the same places (test/front-matter.test.ts compares the two
 * on random texts). A plain value starting with `:` is left to the library too, for its warning.
 */
import { resolveJekyllScalar } from './yaml-scalars.js';

/** Offsets in the YAML text, as the library's node ranges give them. */
export type Span = [start: number, end: number];

export interface FlatPlace {
  key: Span;
  /** The value's span (not kept for `- item` lists, whose span the tree gives); items have theirs in `items`. */
  value?: Span;
  items?: Span[];
}

export interface FlatYaml {
  data: Record<string, unknown>;
  places: Map<string, FlatPlace>;
}

/** A key that is a plain string to Jekyll too (`on:` and `1:` are not). */
const keyPattern = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** How a plain scalar may start: not with an indicator, nor with `-`, `?` or `:` unless a character of the scalar follows. */
const blockPlainStart = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|[-?:][^\s,[\]{}#&*!|>'"%@`-])/;
/** A plain item of a one-line `[a, b]` list: no flow indicators, comments or `:` in it. */
const flowPlainItem = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^,[\]{}#:]*$/;
/** A `- item` line and its indentation. */
const listItem = /^( *)- +(\S.*)$/;
/** Text this reader does not handle: tabs, CR and other controls, and Unicode's line breaks. */
const unusual = /[\u0000-\u0009\u000B-\u001F\u007F\u0085\u2028\u2029\uFEFF]/;
const notFlat = new Error('not flat');
const neverFlat = () => {
  throw notFlat;
};

export function flatYaml(source: string): FlatYaml | undefined {
  if (unusual.test(source)) return undefined;
  const data: Record<string, unknown> = {};
  const places = new Map<string, FlatPlace>();
  // The last key, while its value may still be a list of `- item` lines.
  let open: { key: string; place: FlatPlace; items?: unknown[]; indent?: number } | undefined;
  let lineStart = 0;
  try {
    for (const line of source.split('\n')) {
      const at = lineStart;
      lineStart += line.length + 1;
      if (line.trim() === '' || line.startsWith('#')) continue;
      const item = listItem.exec(line);
      if (item) {
        const indent = item[1]!.length;
        if (!open || (open.indent !== undefined && open.indent !== indent)) return undefined;
        open.indent = indent;
        const text = item[2]!.trimEnd();
        const start = at + line.length - item[2]!.length;
        (open.items ??= []).push(scalar(text, blockPlainStart));
        (open.place.items ??= []).push([start, start + text.length]);
        delete open.place.value;
        data[open.key] = open.items;
        continue;
      }
      const colon = line.indexOf(':');
      const key = line.slice(0, colon);
      if (colon <= 0 || !keyPattern.test(key) || key === '__proto__' || Object.hasOwn(data, key)) return undefined;
      if (resolveJekyllScalar(key, neverFlat) !== key) return undefined;
      const rest = line.slice(colon + 1);
      if (rest !== '' && rest[0] !== ' ') return undefined;
      const value = rest.trim();
      // An empty value is an empty scalar at the end of the line.
      const place: FlatPlace = { key: [at, at + colon], value: [at + line.length, at + line.length] };
      places.set(key, place);
      if (value === '') {
        data[key] = null;
        open = { key, place };
        continue;
      }
      const start = at + colon + 1 + rest.indexOf(value);
      place.value = [start, start + value.length];
      data[key] = value.startsWith('[') ? flowSequence(value, start, place) : scalar(value, blockPlainStart);
      open = undefined;
    }
  } catch (error) {
    if (error === notFlat) return undefined;
    throw error;
  }
  return { data, places };
}

function scalar(text: string, plainStart: RegExp): unknown {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || text.at(-1) !== quote || inner.includes(quote) || (quote === '"' && inner.includes('\\'))) throw notFlat;
    return inner;
  }
  // `a: b`, `a #b` and a trailing `:` make maps and comments of a plain scalar.
  if (!plainStart.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':') || text.startsWith(':')) throw notFlat;
  return resolveJekyllScalar(text, neverFlat);
}

/** `[a, b]` written at `start`; the items' spans go to `place`. */
function flowSequence(text: string, start: number, place: FlatPlace): unknown[] {
  if (!text.endsWith(']')) throw notFlat;
  const inner = text.slice(1, -1);
  place.items = [];
  if (inner.trim() === '') return [];
  let itemStart = start + 1;
  return inner.split(',').map((written) => {
    const item = written.trim();
    const from = itemStart + written.indexOf(item);
    place.items!.push([from, from + item.length]);
    itemStart += written.length + 1;
    return scalar(item, flowPlainItem);
  });
}
