/**
 * Plain YAML scalars resolved as Jekyll's releases resolve them. Jekyll (3.x on GitHub Pages,
 * 4.x from rubygems) loads every YAML text with SafeYAML.load: Psych's parser, then SafeYAML's
 * own transforms of each plain scalar, tried in this order: integer, float, null, boolean, date.
 * What a rule sees is what Jekyll sees. Differences from YAML 1.1 as commonly implemented:
 * `08` and `2.` stay strings, `_7` and `7,` are 7 (underscores and commas are dropped before a
 * number is read), `y`/`n` are strings, booleans and `null` are case-insensitive (`yEs`, `NuLL`),
 * `1e3` is a string (floats need a dot, exponents a sign), `1:30` is 90, `2020-1-5` is a string
 * (dates need two-digit months and days), and `:title` is the string `:title` (SafeYAML does not
 * make Ruby Symbols; yaml-values.ts warns that Psych's safe_load, which Debian's jekyll package
 * uses instead, refuses them). Quoted and block scalars are always strings; explicit tags
 * (`!!int`) keep the YAML library's handling. test/yaml-scalars.test.ts holds this to vectors
 * SafeYAML 1.0.5 wrote (scripts/safe-yaml-vectors.rb).
 */
import type { ScalarTag, Tags } from 'yaml';

// SafeYAML's Transform::ToInteger, tried on the text without `_` and `,`.
const decimal = /^[-+]?(?:0|[1-9][0-9]*)$/;
const octal = /^0[0-7]+$/;
const hexadecimal = /^0x[0-9a-f]+$/i;
const binary = /^0b[01]+$/;
const signedHexadecimal = /^[-+]?0x[0-9a-fA-F]+$/;
const sexagesimalInteger = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/;
// Transform::ToFloat, tried on the text as written.
const float = /^[-+]?(?:\d[\d_]*)?\.[\d_]+(?:[eE][-+]\d+)?$/;
const sexagesimalFloat = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/;
const namedFloats: Record<string, number> = { '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity, '.nan': NaN, '.NaN': NaN, '.NAN': NaN };
/** Ruby's Float() takes underscores only between two digits. */
const rubyFloatDigits = /^[-+]?(?:\d+(?:_\d+)*)?\.\d+(?:_\d+)*(?:[eE][-+]\d+(?:_\d+)*)?$/;
// Transform::ToDate (Parse::Date's DATE_MATCHER and TIME_MATCHER).
const date = /^(\d{4})-(\d{2})-(\d{2})$/;
const time = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d{2}):(\d{2})(\.\d*)?\s*(Z|([-+])(\d{1,2})(?::?(\d{2}))?)?$/;

/** What a number (`_` and `,` dropped first), a named float or a date starts with. */
const startsNumberOrDate = /^[-+.\d_,]/;

/** `onError`: the text is one Ruby cannot read (a float with a stray `_`), which stops Jekyll reading the whole YAML. */
export function resolveJekyllScalar(value: string, onError: (message: string) => void): unknown {
  // Most values are words: only a number, a date, `~`, `null` or a boolean is anything but the text.
  if (value.length > 5 && !startsNumberOrDate.test(value)) return value;
  const bare = value.replace(/[_,]/g, '');
  if (decimal.test(bare) || octal.test(bare) || hexadecimal.test(bare) || binary.test(bare) || signedHexadecimal.test(bare)) return rubyInteger(bare);
  if (sexagesimalInteger.test(bare)) return sexagesimal(bare);
  if (float.test(value)) {
    if (rubyFloatDigits.test(value)) return Number(value.replace(/_/g, ''));
    onError(`\`${value}\` has the shape of a number but Ruby cannot read it as one (an \`_\` not between two digits), so Jekyll cannot load this YAML; quote it`);
    return value;
  }
  if (Object.hasOwn(namedFloats, value)) return namedFloats[value];
  if (sexagesimalFloat.test(value)) return sexagesimal(value);
  if (value.length <= 4 && (value === '' || value === '~' || value.toLowerCase() === 'null')) return null;
  if (value.length <= 5) {
    const word = value.toLowerCase();
    if (word === 'yes' || word === 'on' || word === 'true') return true;
    if (word === 'no' || word === 'off' || word === 'false') return false;
  }
  return dateOrTime(value) ?? value;
}

/** Ruby's Integer(): 0b binary, 0x hex, a leading 0 octal. */
function rubyInteger(text: string): number {
  const digits = text.replace(/^[-+]/, '');
  const magnitude = /^0b/i.test(digits)
    ? parseInt(digits.slice(2), 2)
    : /^0x/i.test(digits)
      ? parseInt(digits.slice(2), 16)
      : /^0\d/.test(digits)
        ? parseInt(digits.slice(1), 8)
        : parseInt(digits, 10);
  // Ruby has no negative zero.
  return text.startsWith('-') && magnitude !== 0 ? -magnitude : magnitude;
}

/** Parse::Sexagesimal.value, quirks included: `-1:30` is 30 (the sign is applied to a sum that already holds it). */
function sexagesimal(text: string): number {
  const [whole, fraction] = text.split('.');
  let total = 0;
  let multiplier = 1;
  for (const part of whole!.split(':').reverse()) {
    total += Number(part.replace(/_/g, '')) * multiplier;
    multiplier *= 60;
  }
  if (fraction !== undefined) total += Number(`.${fraction.replace(/_/g, '')}`) || 0;
  return text.startsWith('-') ? -total : total;
}

/** A date (Date.parse) or a time (DateTime.parse(...).to_time); an impossible one stays text. */
function dateOrTime(value: string): Date | undefined {
  const day = date.exec(value);
  if (day) return calendarDate(Number(day[1]), Number(day[2]), Number(day[3]));
  const at = time.exec(value);
  if (!at) return undefined;
  const [year, month, dayOfMonth, hour, minute, second] = at.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const midnight = calendarDate(year, month, dayOfMonth);
  // Ruby's DateTime takes 24:00:00 as the next day's midnight and a leap second as the 59th.
  if (!midnight || hour > 24 || (hour === 24 && (minute > 0 || second > 0)) || minute > 59 || second > 60) return undefined;
  const offsetHours = at[9] ? Number(at[10]) : 0;
  const offsetMinutes = offsetHours * 60 + (at[11] ? Number(at[11]) : 0);
  // DateTime.parse does not see an offset of 25 hours or more, and refuses one of a whole day.
  if (offsetHours < 25 && offsetMinutes >= 24 * 60) return undefined;
  const offset = offsetHours >= 25 ? 0 : (at[9] === '-' ? -1 : 1) * offsetMinutes;
  const milliseconds = at[7] ? Math.floor(Number(`0${at[7]}`) * 1000) : 0;
  return new Date(midnight.getTime() + ((hour * 60 + minute - offset) * 60 + Math.min(second, 59)) * 1000 + milliseconds);
}

/** Midnight UTC of a calendar day, or undefined when the day does not exist (2021-02-30). */
function calendarDate(year: number, month: number, day: number): Date | undefined {
  const result = new Date(Date.UTC(2000, month - 1, day));
  result.setUTCFullYear(year);
  return result.getUTCFullYear() === year && result.getUTCMonth() === month - 1 && result.getUTCDate() === day ? result : undefined;
}

const jekyllPlainScalar: ScalarTag = {
  tag: 'tag:doclint,2026:jekyll-plain-scalar',
  default: true,
  test: /^[\s\S]*$/,
  resolve: (value, onError) => resolveJekyllScalar(value, onError),
};

/** For the yaml library's `customTags`: Jekyll's resolution first, the stock tags for explicit `!!tags`. */
export function jekyllScalarTags(tags: Tags): Tags {
  return [jekyllPlainScalar, ...tags.map((tag) => (typeof tag === 'object' && 'test' in tag && tag.test ? { ...tag, default: false } : tag))];
}
