import type { SeveritySetting } from '../types.js';
import type { TagSpec } from '../parse/tag-registry.js';

/** How a rule is set in config: `"warn"`, or `["error", { ...options }]`. */
export type RuleSettingInput = SeveritySettingInput | [SeveritySettingInput] | [SeveritySettingInput, Record<string, unknown>];
export type SeveritySettingInput = 'off' | 'warn' | 'error';

/** The config file's shape (everything optional). */
export interface UserConfig {
  $schema?: string;
  rules?: Record<string, RuleSettingInput>;
  ignores?: string[];
  liquid?: { tags?: Record<string, TagSpec | false>; helpCenterTags?: boolean };
  jekyll?: { configFiles?: string[] };
  maxFileSize?: number;
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** The resolved config: every default applied, every rule present. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  ignores: string[];
  liquid: { tags: Record<string, TagSpec | false>; helpCenterTags: boolean };
  jekyll: { configFiles: string[] };
  maxFileSize: number;
  /** Where the config came from, for --print-config and messages. */
  source?: string;
}
