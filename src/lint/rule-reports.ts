/**
 * How a rule's reports become findings, in either pass: positions, the configured severity,
 * disable comments; a rule that throws is an internal-error finding on the file, and the run
 * goes on.
 */
import type { ResolvedConfig } from '../config/types.js';
import type { AnyRule, Finding, Report, Severity } from '../types.js';
import type { IsSuppressed } from './suppressions.js';

/** Where one file's findings go. */
export interface FindingSink {
  file: string;
  position(offset: number): { line: number; column: number };
  suppressed: IsSuppressed;
  findings: Finding[];
}

/** Whether the rule runs: it has a check and the config does not turn it off. */
export function isEnabled(config: ResolvedConfig, rule: AnyRule): boolean {
  const setting = config.rules[rule.meta.id];
  return rule.check !== undefined && setting !== undefined && setting.severity !== 'off';
}

/** Runs `run` with the rule's report function; what it reports (or throws) goes to the sink. */
export function collectReports(config: ResolvedConfig, rule: AnyRule, sink: FindingSink, run: (report: (report: Report) => void) => void): void {
  const setting = config.rules[rule.meta.id]!;
  const configured = setting.severity as Severity;
  // A report's own severity (a build error vs a fallback) holds until the user sets the rule's severity.
  const userSet = setting.explicit === true || configured !== rule.meta.severity;
  try {
    run((report) => {
      const finding = toFinding(sink, rule.meta.id, report, userSet ? configured : (report.severity ?? configured));
      if (!sink.suppressed(finding.ruleId, finding.line)) sink.findings.push(finding);
    });
  } catch (error) {
    const internal = config.rules['internal-error'];
    if (internal && internal.severity !== 'off') {
      const message = `Rule ${rule.meta.id} failed on this file: ${(error as Error).message ?? String(error)}`;
      sink.findings.push(toFinding(sink, 'internal-error', { message, start: 0 }, internal.severity));
    }
  }
}

function toFinding(sink: FindingSink, ruleId: string, report: Report, severity: Finding['severity']): Finding {
  const start = sink.position(report.start);
  const finding: Finding = { ruleId, severity, message: report.message, file: sink.file, line: start.line, column: start.column };
  if (report.end !== undefined && report.end > report.start) {
    const end = sink.position(report.end);
    finding.endLine = end.line;
    finding.endColumn = end.column;
  }
  if (report.fix) finding.fix = report.fix;
  return finding;
}

/** A finding the engine itself makes (file-unreadable, file-too-complex, fix-skipped), at its configured severity; none when off. */
export function engineFinding(config: ResolvedConfig, ruleId: string, file: string, message: string, line = 1, column = 1): Finding[] {
  const setting = config.rules[ruleId];
  return setting && setting.severity !== 'off' ? [{ ruleId, severity: setting.severity, message, file, line, column }] : [];
}

/**
 * Rule ids (kebab-case ASCII) in code-unit order, which is their collation order too: a first
 * `localeCompare` loads ICU's collation data, 6-7 ms of a run.
 */
const byRuleId = (a: Finding, b: Finding): number => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

export const byPosition = (a: Finding, b: Finding): number => a.line - b.line || a.column - b.column || byRuleId(a, b);

/** By file, then position, then rule id. */
export const byFileAndPosition = (a: Finding, b: Finding): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : byPosition(a, b));
