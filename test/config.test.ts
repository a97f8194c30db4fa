import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import articleSchema from '../schema/front-matter/article.schema.json' with { type: 'json' };
import categorySchema from '../schema/front-matter/category.schema.json' with { type: 'json' };
import { allRules } from '../rules/index.js';
import { ConfigError, loadConfig, overrideRules, resolveConfig } from '../src/config/load.js';
import { buildConfigSchema } from '../src/config/schema.js';
import { lintString, repoRoot, tempCopy } from './helpers.js';

describe('config', () => {
  it('applies every rule default', () => {
    const config = resolveConfig({});
    expect(config.rules['front-matter-syntax']).toEqual({ severity: 'error', options: { requireFrontMatter: true } });
    expect(config.jekyll.configFiles).toEqual(['_config.yml']);
  });

  it('gives a site without a config file the defaults, unvalidated, as resolveConfig({}) would', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      expect(await loadConfig(dir)).toEqual(resolveConfig({}));
    } finally {
      cleanup();
    }
  });

  it('reads severities and options', () => {
    const config = resolveConfig({ rules: { 'front-matter-syntax': ['warn', { requireFrontMatter: false }] } });
    expect(config.rules['front-matter-syntax']).toEqual({ severity: 'warning', options: { requireFrontMatter: false }, explicit: true });
  });

  it.each([
    [{ rules: { 'no-such-rule': 'error' } }, /unknown key "no-such-rule"/],
    [{ rules: { 'front-matter-syntax': 'loud' } }, /front-matter-syntax/],
    [{ rules: { 'front-matter-syntax': ['warn', { nope: 1 }] } }, /front-matter-syntax/],
    [{ ignore: ['x'] }, /unknown key "ignore"/],
    [{ maxFileSize: -1 }, /maxFileSize/],
    [{ liquid: { tags: { note: { block: 'yes' } } } }, /liquid\/tags\/note/],
  ])('rejects %j with one actionable line', (user, message) => {
    expect(() => resolveConfig(user)).toThrow(ConfigError);
    expect(() => resolveConfig(user)).toThrow(message);
  });

  it('validates with the part of the schema a config uses as the whole schema would', () => {
    const whole = new Ajv({ allErrors: true, strict: false }).compile(buildConfigSchema(allRules.map((rule) => rule.meta)));
    const configs: unknown[] = [
      {},
      { rules: { 'link-external': ['warn', { nope: true }], 'front-matter-syntax': 'off' } },
      { rules: { 'front-matter-schema': ['error', { schemas: [{ files: '_posts/**', schema: 'article' }] }] } },
      { rules: { 'front-matter-schema': ['error', { schemas: 'article' }] } },
      { external: { enabled: true, perHost: 0 } },
      { external: { hosts: { 'example.com': { perHost: 2, nope: 1 } } } },
      { liquid: { tags: { note: { block: true, arguments: { kind: 'words', max: -1 } } } } },
      { jekyll: { configFiles: [] }, cache: '' },
      { rules: [] },
      { rules: { __proto__: 'error' } },
      JSON.parse('{"rules": {"__proto__": "error"}}'),
      [],
      'error',
    ];
    for (const user of configs) {
      const valid = whole(user);
      const outcome = (() => {
        try {
          resolveConfig(user);
          return undefined;
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect({ user, valid: outcome === undefined }).toEqual({ user, valid });
      const error = whole.errors?.find((e) => e.keyword === 'additionalProperties') ?? whole.errors?.[0];
      if (error) expect(outcome).toContain(error.instancePath || '(top level)');
    }
  });

  it('finds doclint.config.json, .doclintrc.json and package.json#doclint', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', doclint: { rules: { 'front-matter-syntax': 'warn' } } }));
      expect((await loadConfig(dir)).rules['front-matter-syntax']?.severity).toBe('warning');
      writeFileSync(join(dir, '.doclintrc.json'), JSON.stringify({ rules: { 'front-matter-syntax': 'off' } }));
      expect((await loadConfig(dir)).rules['front-matter-syntax']?.severity).toBe('off');
      writeFileSync(join(dir, 'doclint.config.mjs'), "export default { ignores: ['drafts/**'] };");
      expect((await loadConfig(dir)).ignores).toEqual(['drafts/**']);
      writeFileSync(join(dir, 'doclint.config.json'), '{ "ignores": [');
      await expect(loadConfig(dir)).rejects.toThrow(/invalid JSON/);
    } finally {
      cleanup();
    }
  });

  it('overrides rules from the command line', () => {
    expect(overrideRules(resolveConfig({}), ['front-matter-syntax:warn']).rules['front-matter-syntax']?.severity).toBe('warning');
    expect(() => overrideRules(resolveConfig({}), ['nope:warn'])).toThrow(/unknown rule/);
    expect(() => overrideRules(resolveConfig({}), ['front-matter-syntax:loud'])).toThrow(/severity/);
  });

  it('validates with schemas that are valid JSON Schema (not checked at every start)', () => {
    const ajv = new Ajv({ strict: false });
    for (const schema of [buildConfigSchema(allRules.map((r) => r.meta)), articleSchema, categorySchema]) {
      expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
    }
  });

  it('checks a schema from the config before using it, with the same finding on every file', () => {
    const config = resolveConfig({ rules: { 'front-matter-schema': ['error', { schemas: [{ files: '**', schema: { type: 'strin' } }] }] } });
    const messages = ['a.md', 'b.md'].map((path) => lintString('---\ntitle: T\n---\n', config, path).map((f) => `${f.ruleId}: ${f.message}`));
    expect(messages[0]).toEqual([expect.stringMatching(/^internal-error: Rule front-matter-schema failed on this file: schema is invalid: data\/type must be/)]);
    expect(messages[1]).toEqual(messages[0]);
  });

  it('ships a schema file generated from the rules', () => {
    const shipped = JSON.parse(readFileSync(join(repoRoot, 'schema/config.schema.json'), 'utf8'));
    expect(shipped).toEqual(buildConfigSchema(allRules.map((r) => r.meta)));
  });
});

describe('docs', () => {
  it('README lists every rule as the rules declare themselves (npm run docs:rules)', async () => {
    const { rulesTable, rulesTableMarkers } = await import('../scripts/rules-table.js');
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(rulesTableMarkers.exec(readme)?.[0]).toContain(rulesTable());
  });
});

describe('rule options from files', () => {
  it('loads { "$file": … } relative to the config file, and reports a missing one', async () => {
    const { dir, cleanup } = tempCopy();
    try {
      writeFileSync(join(dir, 'guide.schema.json'), JSON.stringify({ type: 'object', required: ['owner'] }));
      writeFileSync(
        join(dir, 'doclint.config.json'),
        JSON.stringify({ rules: { 'front-matter-schema': ['error', { schemas: [{ files: '_guides/**', schema: { $file: 'guide.schema.json' } }] }] } }),
      );
      const config = await loadConfig(dir);
      expect(config.rules['front-matter-schema']?.options).toEqual({ schemas: [{ files: '_guides/**', schema: { type: 'object', required: ['owner'] } }] });
      writeFileSync(join(dir, 'doclint.config.json'), JSON.stringify({ rules: { 'front-matter-schema': ['error', { schemas: [{ files: 'x', schema: { $file: 'nope.json' } }] }] } }));
      await expect(loadConfig(dir)).rejects.toThrow(/nope\.json does not exist/);
    } finally {
      cleanup();
    }
  });
});
