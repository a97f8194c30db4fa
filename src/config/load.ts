/**
 * Finds, reads, validates and resolves the configuration: the only place config is read.
 * A config problem is a ConfigError with one actionable line (the CLI exits 2 with it).
 */
import { existsSync } from 'node:fs';
import { readSource } from '../site/read-source.js';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { allRules } from '../../rules/index.js';
import type { AnyRule, SeveritySetting } from '../types.js';
import { importCustomRules, resolveRuleModule } from './custom-rules.js';
import { buildConfigSchema } from './schema.js';
import { defaultCacheTtl } from '../links/external/cache.js';
import { defaultExternalOptions } from '../links/external/settings.js';
import type { ResolvedConfig, RuleSetting, RuleSettingInput, UserConfig } from './types.js';

import { ConfigError } from './error.js';

export { ConfigError };

/** Looked for in this order in the site root. */
export const configFileNames = ['doclint.config.json', 'doclint.config.mjs', 'doclint.config.js', '.doclintrc.json', 'package.json'];

const defaultMaxFileSize = 5 * 1024 * 1024;

/**
 * Config validators, compiled for the keys a config has: compiling the whole schema (every
 * rule's options) took ~55 ms at start, the part a config uses takes a few. ajv's code optimizer would
 * cost more than it saves. The schema is doclint's own, checked against JSON Schema by a test
 * rather than at every start. A site without a config file needs no validator at all.
 */
const validators = new Map<string, ValidateFunction>();
function configValidator(user: unknown, custom: CustomRules): ValidateFunction {
  const schema = withPropertiesOf(buildConfigSchema([...allRules, ...custom.rules].map((rule) => rule.meta)), user);
  const key = custom.rules.length > 0 ? undefined : JSON.stringify(schema);
  let validate = key === undefined ? undefined : validators.get(key);
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } }).compile(schema);
    if (key !== undefined) validators.set(key, validate);
  }
  return validate;
}

/**
 * The schema with only the properties `value` has, at each level where both are objects: it
 * validates `value` exactly as the whole schema does (an absent key is never validated, and an
 * unknown one is still refused by `additionalProperties`).
 */
function withPropertiesOf(schema: Record<string, unknown>, value: unknown): Record<string, unknown> {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (!properties || value === null || typeof value !== 'object' || Array.isArray(value)) return schema;
  const kept: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(properties)) if (Object.hasOwn(value, key)) kept[key] = withPropertiesOf(properties[key]!, (value as Record<string, unknown>)[key]);
  return { ...schema, properties: kept };
}

/** A config's custom rules: the modules (absolute paths) and the rules they export. */
export interface CustomRules {
  modules: string[];
  rules: AnyRule[];
}

const noCustomRules: CustomRules = { modules: [], rules: [] };

export interface LoadOptions {
  /**
   * Whether a JavaScript config (doclint.config.mjs / .js) and custom rule modules may be
   * imported, i.e. run. They are code from the repository: the Action refuses them unless
   * `trust-config-code` is set. Default: true.
   */
  allowCode?: boolean;
}

/** Loads the config for a site root (or an explicit file) and resolves it. */
export async function loadConfig(root: string, explicitFile?: string, { allowCode = true }: LoadOptions = {}): Promise<ResolvedConfig> {
  const file = explicitFile ? resolve(explicitFile) : findConfigFile(root);
  // No file: the defaults, which need no validating (the same as resolveConfig({}); a test checks it).
  if (!file) return withDefaults({});
  if (!existsSync(file)) throw new ConfigError(`Config file not found: ${file}`);
  if (isCodeConfig(file) && !allowCode) {
    throw new ConfigError(`${file} is JavaScript from the repository, and running it is not allowed here (the Action's trust-config-code input allows it for trusted branches; or use doclint.config.json)`);
  }
  const user = await readConfigFile(file);
  const resolved = await resolveUserConfig(user, dirname(file), file, { allowCode });
  for (const setting of Object.values(resolved.rules)) setting.options = loadFileReferences(setting.options, dirname(file), file) as Record<string, unknown>;
  return { ...resolved, source: file };
}

/** Replaces every `{ "$file": "path.json" }` in rule options with that JSON file (relative to the config file). */
function loadFileReferences(value: unknown, baseDir: string, source: string): unknown {
  if (Array.isArray(value)) return value.map((item) => loadFileReferences(item, baseDir, source));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$file === 'string' && Object.keys(record).length === 1) {
    const path = resolve(baseDir, record.$file);
    if (!existsSync(path)) throw new ConfigError(`${source}: "$file": ${record.$file} does not exist`);
    return readJson(path);
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, loadFileReferences(item, baseDir, source)]));
}

function findConfigFile(root: string): string | undefined {
  for (const name of configFileNames) {
    const candidate = join(root, name);
    if (!existsSync(candidate)) continue;
    if (name === 'package.json' && !('doclint' in (readJson(candidate) as object))) continue;
    return candidate;
  }
  return undefined;
}

const isCodeConfig = (file: string): boolean => /\.(m?js|cjs)$/.test(file);

async function readConfigFile(file: string): Promise<unknown> {
  if (isCodeConfig(file)) {
    readConfigText(file);
    try {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      return module.default;
    } catch (error) {
      throw new ConfigError(`${file}: cannot load: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const json = readJson(file);
  return basename(file) === 'package.json' ? (json as { doclint?: unknown }).doclint : json;
}

/** A config file is read only if it is a regular file within the content size limit (never a link to a device). */
function readConfigText(file: string): string {
  const source = readSource(file, defaultMaxFileSize);
  if (!source.ok) throw new ConfigError(`${file}: ${source.message}`);
  return source.text;
}

function readJson(file: string): unknown {
  const text = readConfigText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
}

export const defaultResultCache = 'node_modules/.cache/doclint/results.bin';

/**
 * Loads a user config's custom rules (`customRules`, relative to `baseDir`), then validates it
 * and applies every default.
 */
export async function resolveUserConfig(user: unknown, baseDir: string, source = 'config', { allowCode = true }: LoadOptions = {}): Promise<ResolvedConfig> {
  const named = (user as UserConfig | null)?.customRules;
  const specifiers = Array.isArray(named) ? named.filter((specifier) => typeof specifier === 'string') : [];
  if (specifiers.length === 0) return resolveConfig(user, source);
  if (!allowCode) {
    throw new ConfigError(`${source}: customRules are JavaScript from the repository, and running them is not allowed here (the Action's trust-config-code input allows it for trusted branches)`);
  }
  const modules = specifiers.map((specifier) => resolveRuleModule(specifier, baseDir, source));
  return resolveConfig(user, source, { modules, rules: await importCustomRules(modules) });
}

/** Validates a user config (from a file or the API) and applies every default; custom rules must be loaded first (resolveUserConfig). */
export function resolveConfig(user: unknown, source = 'config', custom: CustomRules = noCustomRules): ResolvedConfig {
  const validate = configValidator(user, custom);
  if (!validate(user)) throw new ConfigError(`${source}: ${describeErrors(validate.errors ?? [], custom)}`);
  const config = user as UserConfig;
  if ((config.customRules?.length ?? 0) > 0 && custom.modules.length === 0) throw new ConfigError(`${source}: /customRules: load the config with loadConfig() or lint(), which import the rule modules`);
  const negated = config.ignores?.find((pattern) => pattern.startsWith('!'));
  if (negated !== undefined) throw new ConfigError(`${source}: /ignores: "${negated}": negated patterns are not supported (list what to ignore)`);
  return withDefaults(config, custom);
}

function withDefaults(config: UserConfig, custom: CustomRules = noCustomRules): ResolvedConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const rule of [...allRules, ...custom.rules]) {
    const { meta } = rule;
    const setting = config.rules?.[meta.id];
    const parsed = setting === undefined ? undefined : parseRuleSetting(setting);
    rules[meta.id] = {
      severity: parsed?.severity ?? meta.severity,
      options: { ...meta.defaults, ...parsed?.options },
      ...(parsed ? { explicit: true } : {}),
    };
  }
  return {
    rules,
    customRules: custom.modules,
    ignores: config.ignores ?? [],
    liquid: { tags: config.liquid?.tags ?? {}, helpCenterTags: config.liquid?.helpCenterTags ?? true },
    jekyll: { configFiles: config.jekyll?.configFiles ?? ['_config.yml'], published: config.jekyll?.published ?? [] },
    maxFileSize: config.maxFileSize ?? defaultMaxFileSize,
    cache: config.cache === true ? defaultResultCache : (config.cache ?? false),
    external: {
      ...defaultExternalOptions,
      enabled: false,
      ignore: [],
      cache: 'node_modules/.cache/doclint/external.json',
      ...config.external,
      cacheTtl: { ...defaultCacheTtl, ...config.external?.cacheTtl },
    },
  };
}

/** Applies `--rule id:severity` overrides; unknown ids and severities are config errors. */
export function overrideRules(config: ResolvedConfig, overrides: readonly string[]): ResolvedConfig {
  const rules = { ...config.rules };
  for (const override of overrides) {
    const [id, level] = override.split(':');
    if (!id || !Object.hasOwn(rules, id)) throw new ConfigError(`--rule ${override}: unknown rule "${id ?? ''}". Known rules: ${Object.keys(rules).join(', ')}`);
    if (level !== 'off' && level !== 'warn' && level !== 'error') {
      throw new ConfigError(`--rule ${override}: severity must be off, warn or error`);
    }
    rules[id] = { ...rules[id]!, severity: toSeverity(level), explicit: true };
  }
  return { ...config, rules };
}

function parseRuleSetting(setting: RuleSettingInput): { severity: SeveritySetting; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { severity: toSeverity(setting) };
  return { severity: toSeverity(setting[0]), options: setting[1] };
}

function toSeverity(level: 'off' | 'warn' | 'error'): SeveritySetting {
  return level === 'warn' ? 'warning' : level;
}

function describeErrors(errors: ErrorObject[], custom: CustomRules): string {
  // The most specific error first: additional properties name the offending key.
  const error = errors.find((e) => e.keyword === 'additionalProperties') ?? errors[0];
  if (!error) return 'invalid configuration';
  const where = error.instancePath || '(top level)';
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const known = error.instancePath === '/rules' ? ` Known rules: ${[...allRules, ...custom.rules].map((r) => r.meta.id).join(', ')}` : '';
    return `${where}: unknown key "${key}".${known}`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}
