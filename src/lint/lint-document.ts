/** Runs the enabled rules over one parsed document: pure, no file system, no network. */
import type { ResolvedConfig } from '../config/types.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import type { SiteIndex } from '../site/site-index.js';
import type { AnyRule, Document, Finding, Report } from '../types.js';
import { immediateAnchors, type AnchorRequests } from './anchor-requests.js';
import { knownStatuses, type ExternalRequests } from './external-requests.js';
import type { Answer } from './late-answers.js';
import { readSuppressions } from './suppressions.js';
import { isCollectionDocument } from '../site/urls.js';

/** Everything a run shares across files. */
export interface LintContext {
  config: ResolvedConfig;
  tags: TagRegistry;
  site: SiteIndex;
  /** What checking external URLs found (when external checking is on): at once or after the last request. */
  external?: ExternalRequests;
  /** How rules get other pages' anchors; at once unless the engine batches them. */
  anchors?: AnchorRequests;
}

const noStatuses = knownStatuses(new Map());

/**
 * The findings of one document. A rule may answer after this returns (an anchor request a batch
 * run answers later): its findings are added to the returned array then. Nothing kept for that
 * holds the document or its text, only its path, line starts and suppressions.
 */
export function lintDocument(document: Document, rules: readonly AnyRule[], { config, tags, site, external = noStatuses, anchors = immediateAnchors(site) }: LintContext): Finding[] {
  const findings: Finding[] = [];
  const { path } = document;
  const position = document.lines.positions();
  const suppressed = readSuppressions(document);
  const toFinding = (ruleId: string, report: Report, severity: Finding['severity']): Finding => {
    const start = position(report.start);
    const end = position(report.end ?? report.start);
    const finding: Finding = { ruleId, severity, message: report.message, file: path, line: start.line, column: start.column };
    if (report.end !== undefined && report.end > report.start) {
      finding.endLine = end.line;
      finding.endColumn = end.column;
    }
    if (report.fix) finding.fix = report.fix;
    return finding;
  };
  const failed = (ruleId: string, error: unknown): void => {
    const internal = config.rules['internal-error'];
    if (internal && internal.severity !== 'off') {
      const message = `Rule ${ruleId} failed on this file: ${(error as Error).message ?? String(error)}`;
      findings.push(toFinding('internal-error', { message, start: 0 }, internal.severity));
    }
  };
  // A lookup that throws (a page no parser survives) or a rule that throws on the answer: an internal-error finding.
  const answerFor =
    <T>(ruleId: string, use: (value: T) => void): Answer<T> =>
    (lookup) => {
      try {
        use(lookup());
      } catch (error) {
        failed(ruleId, error);
      }
    };
  // In a site, a page without front matter is a static file to Jekyll (a README): nothing in it is
  // rendered, so only its front matter is checked. Without a site (a snippet, remark) everything is.
  const rendered = site.files.size === 0 || document.frontMatter.kind !== 'none' || isCollectionDocument(path, site.jekyll);
  for (const rule of rules) {
    if (!rendered && rule.meta.id !== 'front-matter-syntax') continue;
    const setting = config.rules[rule.meta.id];
    if (!rule.check || !setting || setting.severity === 'off') continue;
    const ruleId = rule.meta.id;
    // A report's own severity (a build error vs a fallback) holds until the user sets the rule's severity.
    const configured = setting.severity;
    const userSet = setting.explicit === true || configured !== rule.meta.severity;
    try {
      rule.check({
        document,
        options: setting.options,
        tags,
        site,
        anchorsOf: (target, use) => anchors.request(target, answerFor(ruleId, use)),
        externalStatusOf: (url, use) => external.request(url, answerFor(ruleId, use)),
        report(report) {
          const finding = toFinding(ruleId, report, userSet ? configured : (report.severity ?? configured));
          if (!suppressed(finding.ruleId, finding.line)) findings.push(finding);
        },
      });
    } catch (error) {
      failed(ruleId, error);
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
