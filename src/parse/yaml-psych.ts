/**
 * Plain YAML scalars resolved exactly as Ruby's Psych 4 does (Psych::ScalarScanner#tokenize,
 * with Jekyll's Psych.safe_load(permitted_classes: [Date, Time])): what a rule sees is what
 * Jekyll sees. Differences from YAML 1.1 as commonly implemented: `08` and `09` stay strings
 * (they are not octal and Psych does not read them as decimal), `y`/`n` are strings, booleans
 * are case-insensitive (`yEs`), `1,000` is 1000, `1e3` is a string (Psych floats need a dot),
 * and a value starting with `:` is a Ruby Symbol, which safe_load refuses: a YAML error.
 * Quoted scalars are always strings; explicit tags (`!!int`) keep the YAML library's handling.
 */
import type { ScalarTag, Tags } from 'yaml';

const stringLike = /^[^\d.:-]?[\p{L}_\s!@#$%^&*(){}<>|/\\~;=]+/u;
const time = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const date = /^(\d{4})-(1[012]|0\d|\d)-([12]\d|3[01]|0\d|\d)$/;
const sexagesimalInt = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$/;
const sexagesimalFloat = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$/;
const float = /^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$/;
const integer = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;

export function resolvePsychScalar(value: string, onError: (message: string) => void): unknown {
  if (value === '') return null;
  if (stringLike.test(value) || value.includes('\n')) {
    if (value.length > 5 || /^[^ytonf~]/i.test(value)) return value;
    if (value === '~' || /^null$/i.test(value)) return null;
    if (/^(yes|true|on)$/i.test(value)) return true;
    if (/^(no|false|off)$/i.test(value)) return false;
    return value;
  }
  if (time.test(value)) {
    const parsed = new Date(value.replace(/\s+/, 'T').replace(/\s+(?=[-+Z])/, ''));
    return Number.isNaN(parsed.getTime()) ? value : parsed;
  }
  const day = date.exec(value);
  if (day) {
    const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const parsed = new Date(Date.UTC(year, month - 1, dayOfMonth));
    // Ruby's Date.strptime rejects impossible dates (2021-02-30): the value stays a string.
    return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === dayOfMonth ? parsed : value;
  }
  if (/^\+?\.inf$/i.test(value)) return Infinity;
  if (/^-\.inf$/i.test(value)) return -Infinity;
  if (/^\.nan$/i.test(value)) return NaN;
  if (value.startsWith(':') && value.length > 1) {
    onError(`\`${value}\` is a Ruby Symbol in YAML (it starts with \`:\`), which Jekyll's safe loader refuses; quote it`);
    return value;
  }
  if (sexagesimalInt.test(value) || sexagesimalFloat.test(value)) {
    // Psych's own arithmetic, quirks included: `1:30` is 5400 and `-1:30` is -1800.
    return value.split(':').reduce((total, part, e) => total + Number(part.replace(/_/g, '')) * 60 ** Math.abs(e - 2), 0);
  }
  if (float.test(value)) {
    if (/^[-+]?\.$/.test(value)) return value;
    return Number(value.replace(/[,_]/g, '').replace(/\.([Ee]|$)/, '$1'));
  }
  if (integer.test(value)) return parseRubyInteger(value.replace(/[,_]/g, ''));
  return value;
}

/** Ruby's Integer(): 0b binary, 0x hex, a leading 0 octal. */
function parseRubyInteger(text: string): number {
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

const psychPlainScalar: ScalarTag = {
  tag: 'tag:doclint,2026:psych-plain-scalar',
  default: true,
  test: /^[\s\S]*$/,
  resolve: (value, onError) => resolvePsychScalar(value, onError),
};

/** For the yaml library's `customTags`: Psych resolution first, the stock tags for explicit `!!tags`. */
export function psychTags(tags: Tags): Tags {
  return [psychPlainScalar, ...tags.map((tag) => (typeof tag === 'object' && 'test' in tag && tag.test ? { ...tag, default: false } : tag))];
}
