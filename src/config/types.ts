import type { SeveritySetting } from '../types.js';
import type { TagSpec } from '../parse/tag-registry.js';
import type { ExternalCheckOptions } from '../links/external/check.js';
import type { CacheTtl } from '../links/external/cache.js';
import type { Shard } from '../links/external/shard.js';

/** How a rule is set in config: `"warn"`, or `["error", { ...options }]`. */
export type RuleSettingInput = SeveritySettingInput | [SeveritySettingInput] | [SeveritySettingInput, Record<string, unknown>];
export type SeveritySettingInput = 'off' | 'warn' | 'error';

/** The config file's shape (everything optional). */
export interface UserConfig {
  $schema?: string;
  rules?: Record<string, RuleSettingInput>;
  /** Modules of the site's own rules: paths relative to the config file, or package names. */
  customRules?: string[];
  ignores?: string[];
  liquid?: { tags?: Record<string, TagSpec | false>; helpCenterTags?: boolean };
  jekyll?: { configFiles?: string[]; published?: string[] };
  maxFileSize?: number;
  cache?: boolean | string;
  external?: Partial<Omit<ExternalSettings, 'cacheTtl' | 'shard'>> & { cacheTtl?: Partial<CacheTtl> };
}

/** External link checking: off unless enabled (`--external`), as it needs the network. */
export interface ExternalSettings extends ExternalCheckOptions {
  enabled: boolean;
  /** Regular expressions: matching URLs are never requested. */
  ignore: string[];
  /** The outcome cache file (relative to the site root), or false for none. */
  cache: string | false;
  /** Seconds each kind of outcome stays cached. */
  cacheTtl: CacheTtl;
  /** Check only the URLs of this shard (`--shard i/n`). */
  shard?: Shard;
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
  /** The user set the severity (config or --rule): every report of the rule takes it, even the rule's default. */
  explicit?: boolean;
}

/** The resolved config: every default applied, every rule present. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  /** The custom rule modules, as absolute paths (see config/custom-rules.ts). */
  customRules: string[];
  ignores: string[];
  liquid: { tags: Record<string, TagSpec | false>; helpCenterTags: boolean };
  jekyll: { configFiles: string[]; published: string[] };
  maxFileSize: number;
  /** Where per-file results are kept between runs (relative to the site root), or false. */
  cache: string | false;
  external: ExternalSettings;
  /** Where the config came from, for --print-config and messages. */
  source?: string;
}
