/**
 * Each doclint rule as a unified-lint-rule plugin (`doclint:<rule-id>`), for remark-cli,
 * `.remarkrc` and remark's language server. The plugin reads the file's text, not remark's
 * tree: doclint's document model (front matter as Jekyll finds it, Liquid first, Markdown at
 * original positions) is what the rules check. One file at a time: the site-wide rules
 * (links, references, value types, includes) report nothing here; run `doclint check` for them.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { resolveConfig } from '../config/load.js';
import { rulesOf } from '../config/custom-rules.js';
import { lintDocument, type LintContext } from '../lint/lint-files.js';
import { parseDocument } from '../parse/document.js';
import { createTagRegistry } from '../parse/tag-registry.js';
import { jekyllConfigOf } from '../site/jekyll-config.js';
import { buildSiteIndex } from '../site/site-index.js';
import type { AnyRule, Document } from '../types.js';
import { ruleDocsUrl } from '../report/rule-docs.js';

const tags = createTagRegistry();
const noSite = buildSiteIndex(jekyllConfigOf({}), new Set(), new Map(), tags);
/** One parse per file, however many doclint plugins run on it. */
const documents = new WeakMap<VFile, Document>();

/** A message's own severity, kept where unified-lint-rule would give every message the rule's. */
type SeverityMarked = ReturnType<VFile['message']> & { doclintSeverity?: 'error' | 'warning' };

/**
 * The rule as a remark-lint plugin. At the preset's severities each report has the severity
 * `doclint check` gives it: an error-level rule's warning-level reports stay warnings. Run at
 * `warn`, every report is a warning; run at `error`, every report of a warning-level rule is an error.
 */
export function remarkPlugin(rule: AnyRule): Plugin<[unknown?], Root> {
  const attacher = lintPlugin(rule);
  return function (this: Processor, config?: unknown) {
    const transform = (attacher as unknown as (this: Processor, config?: unknown) => LintTransform | undefined).call(this, config);
    if (!transform) return undefined;
    return (tree: Root, file: VFile, next: (error?: Error | null) => void) => {
      const first = file.messages.length;
      transform(tree, file, (error) => {
        // A warning-level report of an error-level rule (a fallback the build survives) stays a warning.
        if (rule.meta.severity === 'error') for (const message of file.messages.slice(first) as SeverityMarked[]) if (message.doclintSeverity === 'warning') message.fatal = false;
        next(error);
      });
    };
  } as Plugin<[unknown?], Root>;
}

type LintTransform = (tree: Root, file: VFile, next: (error?: Error | null) => void) => void;

function lintPlugin(rule: AnyRule) {
  const { id } = rule.meta;
  return lintRule<Root, Record<string, unknown> | undefined>({ origin: `doclint:${id}`, url: ruleDocsUrl(rule.meta) }, async (_tree, file, options) => {
    let document = documents.get(file);
    if (!document) {
      document = parseDocument(file.path ? file.path : 'file.md', String(file.value), tags);
      documents.set(file, document);
    }
    // Options are validated against the rule's schema, as in a config file.
    const resolved = resolveConfig({ rules: { [id]: ['error', options ?? {}] } }, `doclint:${id} options`);
    // Each report keeps its own severity, as at the rule's default in `doclint check`; remark's severity is applied after.
    const config = { ...resolved, rules: { ...resolved.rules, [id]: { severity: rule.meta.severity, options: resolved.rules[id]!.options } } };
    const context: LintContext = { config, tags, site: noSite };
    await rulesOf(config); // what the rule needs loaded (RE2 for a schema's own patterns)
    for (const finding of lintDocument(document, context, [rule])) {
      const start = { line: finding.line, column: finding.column };
      const place = finding.endLine !== undefined ? { start, end: { line: finding.endLine, column: finding.endColumn ?? finding.column } } : start;
      const message: SeverityMarked = file.message(finding.message, { place });
      message.doclintSeverity = finding.severity;
    }
  });
}
