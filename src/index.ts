/** doclint's public API. Importing it has no side effects. */
export { lint, lintFile, type LintOptions, type LintResult } from './lint/lint.js';
export { ConfigError, loadConfig, resolveConfig, overrideRules, configFileNames } from './config/load.js';
export type { ResolvedConfig, UserConfig, RuleSetting } from './config/types.js';
export { buildConfigSchema } from './config/schema.js';
export { parseDocument } from './parse/document.js';
export { createTagRegistry, helpCenterTags, type TagRegistry, type TagSpec, type ArgumentGrammar } from './parse/tag-registry.js';
export { reporters, formatNames, type FormatName, type Reporter, type ReportInput } from './report/index.js';
export { allRules } from '../rules/index.js';
export type { AnyRule, Document, Finding, Fix, Report, Rule, RuleContext, RuleMeta, Severity } from './types.js';
export type { LintContext } from './lint/lint-document.js';
export type { SiteIndex } from './site/site-index.js';
export { buildSiteIndex } from './site/site-index.js';
export { readJekyllConfig, type JekyllConfig } from './site/jekyll-config.js';
export { remarkPlugin } from './remark/plugin.js';
export { documentLinks, type LinkRef } from './links/extract.js';
export { resolveLink, type Resolution } from './links/resolve.js';
export { checkExternalUrls, defaultExternalOptions, type ExternalCheckOptions, type ExternalStatus } from './links/external/check.js';
export { version } from './version.js';
