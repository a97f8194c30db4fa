/**
 * A site's own rules (config `customRules`, as markdownlint's `customRules`): modules whose
 * default export is a rule or a list of rules, document rules or site rules with the API of
 * doclint's own (see src/types.ts). Loading one runs code from the repository, so the Action
 * loads them only with `trust-config-code`. A module is named by a path relative to the config
 * file or by a package name, and resolved to one absolute path, which workers load again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { allRules } from '../../rules/index.js';
import { prepareFrontMatterSchemas } from '../../rules/front-matter-schema.js';
import type { AnyRule } from '../types.js';
import type { ResolvedConfig } from './types.js';
import { ConfigError } from './error.js';
import { sha256 } from '../text/hash.js';

/** The absolute path of a rule module named in a config whose folder is `baseDir`. */
export function resolveRuleModule(specifier: string, baseDir: string, source: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) return resolve(baseDir, specifier);
  try {
    return createRequire(join(baseDir, 'doclint.config.json')).resolve(specifier);
  } catch {
    throw new ConfigError(`${source}: /customRules: cannot find the module "${specifier}" (a path relative to the config file, or an installed package)`);
  }
}

const builtInIds = new Set(allRules.map((rule) => rule.meta.id));

/** Imports the rule modules (absolute paths) and checks each rule's shape; a bad one is a ConfigError. */
export async function importCustomRules(modules: readonly string[]): Promise<AnyRule[]> {
  const rules: AnyRule[] = [];
  for (const module of modules) {
    let exported: unknown;
    try {
      exported = ((await import(pathToFileURL(module).href)) as { default?: unknown }).default;
    } catch (error) {
      throw new ConfigError(`customRules: cannot load ${module}: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
    }
    for (const rule of Array.isArray(exported) ? exported : [exported]) {
      const problem = ruleProblem(rule);
      if (problem) throw new ConfigError(`customRules: ${module}: ${problem}`);
      const { id } = (rule as AnyRule).meta;
      if (builtInIds.has(id) || rules.some((other) => other.meta.id === id)) throw new ConfigError(`customRules: ${module}: the rule id "${id}" is taken`);
      rules.push(rule as AnyRule);
    }
  }
  return rules;
}

/** What is wrong with an exported rule, if anything. */
function ruleProblem(rule: unknown): string | undefined {
  if (!isRecord(rule) || !isRecord(rule.meta)) return 'the default export is not a rule (an object with `meta` and `check`) or a list of rules';
  const meta = rule.meta;
  if (typeof meta.id !== 'string' || !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(meta.id)) return '`meta.id` must be a kebab-case name';
  if (typeof meta.description !== 'string') return `${meta.id}: \`meta.description\` must be text`;
  if (meta.severity !== 'error' && meta.severity !== 'warning') return `${meta.id}: \`meta.severity\` must be "error" or "warning"`;
  if (typeof meta.fixable !== 'boolean') return `${meta.id}: \`meta.fixable\` must be true or false`;
  if (meta.docs !== undefined && typeof meta.docs !== 'string') return `${meta.id}: \`meta.docs\` must be a URL`;
  if (rule.kind !== undefined && rule.kind !== 'site') return `${meta.id}: \`kind\` must be "site" or absent (a document rule)`;
  if (typeof rule.check !== 'function') return `${meta.id}: \`check\` must be a function`;
  if (rule.collect !== undefined && (rule.kind !== 'site' || typeof rule.collect !== 'function')) return `${meta.id}: only a site rule has \`collect\`, a function`;
  if (meta.options !== undefined) {
    if (!isRecord(meta.options)) return `${meta.id}: \`meta.options\` must be a JSON Schema`;
    try {
      new Ajv({ strict: false }).compile(meta.options);
    } catch (error) {
      return `${meta.id}: \`meta.options\` is not a valid JSON Schema (${(error as Error).message})`;
    }
  }
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A hash of the rule modules' code, so that results cached under other code are not reused. */
export function customRulesHash(modules: readonly string[]): string {
  return sha256(...modules.flatMap((module) => [module, readFileSync(module)])).digest('base64');
}

/** Every rule a config runs, ready to check (lint() and each lint worker): doclint's own, then its custom rules. */
export async function rulesOf(config: Pick<ResolvedConfig, 'customRules' | 'rules'>): Promise<readonly AnyRule[]> {
  await prepareFrontMatterSchemas(config.rules['front-matter-schema']?.options as Parameters<typeof prepareFrontMatterSchemas>[0]);
  return config.customRules.length === 0 ? allRules : [...allRules, ...(await importCustomRules(config.customRules))];
}
