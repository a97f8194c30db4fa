/**
 * The config JSON Schema, built from the rules' own metadata so that it cannot drift:
 * every rule id is a known property and its options schema is the rule's. The same
 * schema ships as schema/config.schema.json for editors (see scripts/write-schema.ts).
 */
import type { RuleMeta } from '../types.js';

const severity = { enum: ['off', 'warn', 'error'] };

const argumentGrammar = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: { const: 'words' },
        min: { type: 'integer', minimum: 0 },
        max: { type: 'integer', minimum: 0 },
        values: { type: 'array', items: { type: 'string' } },
        countSeverity: { enum: ['error', 'warning'] },
        valueSeverity: { enum: ['error', 'warning'] },
        syntax: { type: 'string' },
        fallback: { type: 'string' },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: { const: 'path-caption' },
        missingCaption: { enum: ['error', 'warning', 'off'] },
        syntax: { type: 'string' },
      },
    },
  ],
};

const tagSpec = {
  type: 'object',
  additionalProperties: false,
  properties: {
    block: { type: 'boolean', description: 'The tag needs a matching end tag.' },
    branches: { type: 'array', items: { type: 'string' }, description: 'Tags allowed inside the block (else, when...).' },
    raw: { type: 'boolean', description: 'The body is not parsed by Liquid.' },
    ignoresUnknownTags: { type: 'boolean' },
    ownMarkdown: { type: 'boolean', description: 'The body is converted by its own kramdown run.' },
    body: { enum: ['code', 'html'], description: 'The body is not Markdown: code the tag writes into its own HTML, or HTML kramdown passes through.' },
    arguments: argumentGrammar,
    multilineOutput: { type: 'boolean', description: 'The tag renders HTML over several lines (it breaks a table row).' },
    linkPrefix: { type: 'string', description: 'The first argument is a file under this URL path, checked like a link (e.g. "/images/").' },
  },
};

export function buildConfigSchema(rules: readonly RuleMeta[]): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const meta of rules) {
    const options = meta.options ?? { type: 'object', additionalProperties: false, properties: {} };
    ruleProperties[meta.id] = {
      description: `${meta.description} (default: ${meta.severity === 'warning' ? 'warn' : 'error'})`,
      anyOf: [
        severity,
        { type: 'array', minItems: 1, maxItems: 2, items: [severity, options], additionalItems: false },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://unpkg.com/doclint/schema/config.schema.json',
    title: 'doclint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Per-rule severity ("off" | "warn" | "error") or [severity, options].',
        additionalProperties: false,
        properties: ruleProperties,
      },
      customRules: {
        type: 'array',
        items: { type: 'string' },
        description: 'Modules of the site\'s own rules (default export: a rule or a list of rules): paths relative to the config file, or package names. They are code: the Action loads them only with trust-config-code.',
      },
      ignores: { type: 'array', items: { type: 'string' }, description: 'Globs (relative to the site root) never linted.' },
      liquid: {
        type: 'object',
        additionalProperties: false,
        properties: {
          tags: {
            type: 'object',
            description: 'Liquid tags of this site, added to the built-ins; false removes a tag.',
            additionalProperties: { anyOf: [tagSpec, { const: false }] },
          },
          helpCenterTags: { type: 'boolean', description: 'Include the callout/icon/image/table help-center tags (default true).' },
        },
      },
      jekyll: {
        type: 'object',
        additionalProperties: false,
        properties: {
          configFiles: {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            description: 'Jekyll config files, merged in order (like jekyll build --config a,b).',
          },
          published: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Globs of URL paths (from the site\'s root, without the baseurl) that another step of the build or deployment publishes, as generated API docs or a search index: links into them count as published.',
          },
        },
      },
      maxFileSize: { type: 'integer', minimum: 1, description: 'Files larger than this many bytes are skipped with a finding.' },
      cache: {
        description: 'Keep each file\'s results between runs and re-lint only what changed: true (at node_modules/.cache/doclint/results.bin) or a path (relative to the site root); off by default.',
        anyOf: [{ type: 'boolean' }, { type: 'string', minLength: 1 }],
      },
      external: {
        type: 'object',
        additionalProperties: false,
        description: 'External link checking (off unless enabled or --external).',
        properties: {
          enabled: { type: 'boolean' },
          concurrency: { type: 'integer', minimum: 1, description: 'Requests at once, all hosts (default 64).' },
          perHost: { type: 'integer', minimum: 1, description: 'Connections per host (default 4).' },
          timeout: { type: 'integer', minimum: 100, description: 'Per request, milliseconds: the whole request, its body included (default 15000).' },
          connectTimeout: { type: 'integer', minimum: 100, description: 'For a connection to be made, milliseconds (default 5000).' },
          retries: { type: 'integer', minimum: 0, maximum: 10, description: 'Retries after network errors and 5xx (default 2).' },
          allowPrivate: { type: 'boolean', description: 'Request loopback, private and link-local addresses (default false: docs come from pull requests).' },
          userAgent: { type: 'string' },
          maxRedirects: { type: 'integer', minimum: 0, maximum: 20 },
          retryAfterCeiling: { type: 'integer', minimum: 0, description: 'The longest Retry-After to wait, milliseconds (default 30000).' },
          acceptStatuses: { type: 'array', items: { type: 'integer' }, description: 'Statuses that count as fine, e.g. [403, 999] for sites that block bots.' },
          fragments: { type: 'boolean', description: 'Check #fragments against the ids/names of the final HTML page (one GET per page; default false).' },
          maxBodyBytes: { type: 'integer', minimum: 1024, description: 'The most of a page read when looking for fragments (default 2 MiB).' },
          hosts: {
            type: 'object',
            description: 'Per host ("example.com" or "host:port"): perHost connections, request headers, accepted statuses.',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: {
                perHost: { type: 'integer', minimum: 1 },
                headers: { type: 'object', additionalProperties: { type: 'string' } },
                acceptStatuses: { type: 'array', items: { type: 'integer' } },
              },
            },
          },
          ignore: { type: 'array', items: { type: 'string' }, description: 'Regular expressions: matching URLs are not requested.' },
          cache: {
            anyOf: [{ type: 'string' }, { const: false }],
            description: 'The outcome cache file, relative to the site root (default node_modules/.cache/doclint/external.json); false for none.',
          },
          cacheTtl: {
            type: 'object',
            additionalProperties: false,
            description: 'Seconds each outcome stays cached (defaults: ok and redirected 7 days, broken 1 day, unknown not cached).',
            properties: Object.fromEntries(['ok', 'redirected', 'broken', 'unknown'].map((kind) => [kind, { type: 'integer', minimum: 0 }])),
          },
        },
      },
    },
  };
}
