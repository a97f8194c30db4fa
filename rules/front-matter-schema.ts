/**
 * front-matter-schema: front matter values match a JSON Schema chosen by file glob (ajv,
 * every error, not just the first). Values are validated as Jekyll reads them (Psych:
 * `yes` is true, `08` is the text "08", dates become ISO strings), and each error points at
 * the offending key or value, in words a writer understands.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as builtinValidators from '../src/generated/front-matter-validators.js';
import { locateInFrontMatter } from '../src/parse/yaml-locate.js';
import { globMatcher } from '../src/site/glob-matcher.js';
import { closest } from '../src/suggest.js';
import { linearRegExp, loadLinearPatterns } from '../src/text/linear-pattern.js';
import type { Document, Report, DocumentRule } from '../src/types.js';

interface SchemaBinding {
  /** Globs (root-relative) of the files this schema applies to; the first binding that matches wins. */
  files: string | string[];
  /** A built-in schema name, or a JSON Schema object (in config files, `{ "$file": "path.json" }` loads one). */
  schema: string | Record<string, unknown>;
}

interface Options {
  schemas: SchemaBinding[];
}

// The built-in schemas (schema/front-matter/), compiled when doclint is built (scripts/write-validators.mjs).
const builtins = builtinValidators as unknown as Record<string, ValidateFunction>;

// verbose: errors carry their parentSchema, which the messages read. Unoptimized code compiles
// faster and validates a front matter block just as fast. The built-in schemas are checked
// against JSON Schema by a test; only a user's schema is checked here (which costs compiling
// JSON Schema's own schema: 16 ms). A user's `pattern` runs on RE2 (see linear-pattern.ts).
let ajv: Ajv | undefined;
const compiled = new Map<unknown, ValidateFunction>();
const matchers = new Map<string, (path: string) => boolean>();

export const frontMatterSchema: DocumentRule<Options> = {
  meta: {
    id: 'front-matter-schema',
    description: 'Front matter values match the JSON Schema for their file (a help center\'s articles and categories by default), as Jekyll reads them.',
    severity: 'error',
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        schemas: {
          type: 'array',
          description: 'Which schema applies to which files; the first match wins. Built-in schemas: article, category.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['files', 'schema'],
            properties: {
              files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
              schema: { anyOf: [{ enum: Object.keys(builtins) }, { type: 'object' }] },
            },
          },
        },
      },
    },
    defaults: {
      schemas: [
        { files: '_articles/**', schema: 'article' },
        { files: '_categories/**', schema: 'category' },
      ],
    },
  },
  check({ document, options, site, report }) {
    const front = document.frontMatter;
    if (front.kind !== 'yaml' || front.bom || !front.valid) return;
    // The built-in bindings are the help center's: in a site they apply when it has that shape
    // (article and category collections), or wherever the config names them.
    if (isDefault(options.schemas) && !site.standalone && !hasHelpCenterShape(site.jekyll.collections)) return;
    const binding = options.schemas.find((b) => matcherFor(b.files)(document.path));
    if (!binding) return;
    const validate = validatorFor(binding.schema);
    const data = jekyllValues(front.data) as Record<string, unknown>;
    if (validate(data)) return;
    for (const error of relevantErrors(validate.errors ?? [])) report(describe(document, error, data));
  },
};

/** Loads what a config's own schemas need (RE2 for their patterns) before the first check (rulesOf() calls it). */
export async function prepareFrontMatterSchemas(options: Options | undefined): Promise<void> {
  if (options?.schemas.some((binding) => typeof binding.schema !== 'string')) await loadLinearPatterns();
}

function matcherFor(files: string | string[]): (path: string) => boolean {
  const key = JSON.stringify(files);
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = globMatcher(files);
    matchers.set(key, matcher);
  }
  return matcher;
}

function validatorFor(schema: string | Record<string, unknown>): ValidateFunction {
  if (typeof schema === 'string') return builtins[schema]!;
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false, code: { optimize: false, regExp: linearRegExp } });
    if (!ajv.validateSchema(schema)) throw new Error(`schema is invalid: ${ajv.errorsText(ajv.errors)}`);
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new Error(`schema is invalid: ${(error as Error).message} (its patterns are RE2 expressions: no lookaround or backreferences)`);
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/** What Jekyll's values look like to a schema: dates as ISO text (date-only when at midnight UTC). */
function jekyllValues(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(jekyllValues);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jekyllValues(v)]));
  return value;
}

/** An anyOf failure explains itself; the errors of its branches only repeat it. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath.replace(/\/anyOf$/, '/anyOf/'));
  return errors.filter((e) => e.keyword === 'anyOf' || !anyOfPaths.some((p) => e.schemaPath.startsWith(p)));
}

function describe(document: Document, error: ErrorObject, data: Record<string, unknown>): Report {
  const front = document.frontMatter as Extract<Document['frontMatter'], { kind: 'yaml' }>;
  const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name = path.length === 0 ? 'The front matter' : `\`${path.join('.')}\``;
  const value = path.reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], data);
  const got = `got ${show(value)}`;
  const block = { start: front.start, end: front.start + 3 };
  const at = (target: 'key' | 'value', extra: (string | number)[] = []) => locateInFrontMatter(front, [...path, ...extra], target) ?? block;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { message: `${name === 'The front matter' ? 'The front matter' : name} has no \`${missing}\`, which is required.`, ...(path.length ? at('key') : block) };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(((error.parentSchema as { properties?: object }).properties ?? {}) as object);
      const suggestion = closest(key, known);
      return { message: `Unknown key \`${key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}: the schema for this file does not allow it.`, ...at('key', [key]) };
    }
    case 'type':
      return { message: `${name} must be ${typeWords(String(params.type))}, ${got}.`, ...at('value') };
    case 'enum':
      return { message: `${name} must be one of ${(params.allowedValues as unknown[]).map(show).join(', ')}, ${got}.`, ...at('value') };
    case 'anyOf': {
      const branches = ((error.parentSchema as { anyOf?: Record<string, unknown>[] }).anyOf ?? []).map(branchWords);
      return { message: `${name} must be ${branches.join(' or ')}, ${got}.`, ...at('value') };
    }
    case 'pattern':
      return { message: `${name} must match \`${String(params.pattern)}\`, ${got}.`, ...at('value') };
    case 'minItems':
      return { message: `${name} must list at least ${String(params.limit)} value${params.limit === 1 ? '' : 's'}.`, ...at('value') };
    case 'minLength':
      return { message: `${name} must not be empty.`, ...at('value') };
    default:
      return { message: `${name} ${error.message ?? 'is invalid'}, ${got}.`, ...at('value') };
  }
}

function typeWords(type: string): string {
  const words: Record<string, string> = {
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
    string: 'text',
    array: 'a list',
    object: 'a mapping',
    null: 'empty',
  };
  return type.split(',').map((t) => words[t] ?? t).join(' or ');
}

function branchWords(schema: Record<string, unknown>): string {
  const base = typeof schema.type === 'string' ? typeWords(schema.type) : 'a value';
  if (schema.type === 'string' && schema.pattern === '^[0-9]+$') return 'digits';
  if (schema.type === 'string' && typeof schema.pattern === 'string') return `text matching \`${schema.pattern}\``;
  if (schema.type === 'array') {
    const items = schema.items as Record<string, unknown> | undefined;
    return items ? `a list of ${branchWords(items).replace(/^text/, 'texts')}` : base;
  }
  return base;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

const defaultBindings = JSON.stringify(frontMatterSchema.meta.defaults!.schemas);

function isDefault(schemas: Options['schemas']): boolean {
  return JSON.stringify(schemas) === defaultBindings;
}

function hasHelpCenterShape(collections: readonly { name: string }[]): boolean {
  const names = new Set(collections.map((c) => c.name));
  return names.has('articles') && names.has('categories');
}
