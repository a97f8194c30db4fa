/**
 * front-matter-value-type: a key that documents are sorted by (`order` by default) has the
 * same type in every document of a collection. YAML makes this easy to get wrong: an
 * unquoted `07` is the number 7 but `08` is the text "08", so one category list can hold
 * both, and Liquid's `sort` then fails ("comparison of String with Integer") or misorders.
 * Fix: rewrite the value in the collection's dominant form (`8`, or `"08"`).
 */
import { locateInFrontMatter } from '../src/parse/yaml-locate.js';
import type { SiteIndex } from '../src/site/site-index.js';
import type { SiteRule } from '../src/types.js';

interface Options {
  keys: string[];
}

/** `integer`, `digits:N` (text of N digits, zero-padded) or `text`. */
type Form = string;

function formOf(value: unknown): Form | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return `digits:${value.length}`;
  return 'text';
}

function describeForm(form: Form): string {
  if (form === 'integer') return 'whole numbers';
  if (form.startsWith('digits:')) return `${form.slice(7)}-digit text like "${'0'.repeat(Number(form.slice(7)) - 1)}7"`;
  return 'text';
}

function collectionOf(path: string): string {
  const first = path.split('/')[0]!;
  return first.startsWith('_') && path.includes('/') ? first : '(pages)';
}

interface Dominant {
  form: Form;
  count: number;
  total: number;
}

const cache = new WeakMap<SiteIndex, Map<string, Dominant | undefined>>();

/** The form most documents of a collection use for a key, if a majority agrees. */
function dominantForm(site: SiteIndex, collection: string, key: string): Dominant | undefined {
  let perKey = cache.get(site);
  if (!perKey) {
    perKey = new Map();
    cache.set(site, perKey);
  }
  const cacheKey = `${collection}\0${key}`;
  if (!perKey.has(cacheKey)) {
    const counts = new Map<Form, number>();
    let total = 0;
    for (const [path, data] of site.frontMatter) {
      if (collectionOf(path) !== collection) continue;
      const form = formOf(data[key]);
      if (!form) continue;
      total++;
      counts.set(form, (counts.get(form) ?? 0) + 1);
    }
    const [form, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    perKey.set(cacheKey, form && count! * 2 > total ? { form, count: count!, total } : undefined);
  }
  return perKey.get(cacheKey);
}

/** A sort key's value in one document, where it is written, and as written. */
interface KeyValue {
  value: unknown;
  start: number;
  end: number;
  written: string;
}

export const frontMatterValueType: SiteRule<Options, Record<string, KeyValue>> = {
  meta: {
    id: 'front-matter-value-type',
    description: 'Sort keys (`order`) have one type across a collection: an unquoted `08` is text while `07` is a number.',
    severity: 'warning',
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { keys: { type: 'array', items: { type: 'string' }, description: 'Keys whose type must agree across a collection.' } },
    },
    defaults: { keys: ['order'] },
  },
  kind: 'site',
  collect({ document, options }) {
    const front = document.frontMatter;
    if (front.kind !== 'yaml' || front.bom) return undefined;
    const values: Record<string, KeyValue> = {};
    for (const key of options.keys) {
      if (!formOf(front.data[key])) continue;
      const where = locateInFrontMatter(front, [key]);
      if (where) values[key] = { value: front.data[key], ...where, written: document.text.slice(where.start, where.end) };
    }
    return Object.keys(values).length > 0 ? values : undefined;
  },
  check({ page, collected: values = {}, options, site, report }) {
    const collection = collectionOf(page.path);
    for (const key of options.keys) {
      if (!Object.hasOwn(values, key)) continue;
      const { value, start, end, written } = values[key]!;
      const form = formOf(value);
      const dominant = dominantForm(site, collection, key);
      if (!form || !dominant || form === dominant.form) continue;
      const where = { start, end };
      const unquoted08 = typeof value === 'string' && /^0[0-9]*[89]/.test(value) && !/^["']/.test(written);
      const why = unquoted08 ? ` (YAML reads an unquoted ${written} as text, not as a number)` : '';
      const numeric = form !== 'text';
      const fixed = dominant.form === 'integer' ? String(Number(value)) : `"${String(Number(value)).padStart(Number(dominant.form.slice(7)), '0')}"`;
      report({
        message: `\`${key}: ${written}\` is ${form === 'integer' ? 'a number' : 'text'}${why}, while ${dominant.count} of ${dominant.total} documents in ${collection} use ${describeForm(dominant.form)}: sorting by \`${key}\` mixes them up.`,
        ...where,
        ...(numeric && dominant.form !== 'text' ? { fix: { ...where, text: fixed } } : {}),
      });
    }
  },
};
