/**
 * Merges doclint JSON reports (the shards of a `--shard i/n` matrix) into one result: the
 * findings of all, each once (every shard reports the same offline findings).
 */
import type { Finding } from '../types.js';

export interface JsonReport {
  version: number;
  root: string;
  summary: { files: number };
  findings: Finding[];
}

export function mergeReports(reports: readonly JsonReport[]): { root: string; files: number; findings: Finding[] } {
  if (reports.length === 0) throw new Error('no reports to merge');
  for (const report of reports) {
    if (report?.version !== 1 || !Array.isArray(report.findings)) throw new Error('not a doclint JSON report (version 1)');
    const files = report.summary?.files;
    if (!Number.isSafeInteger(files) || files < 0) throw new Error('not a doclint JSON report: summary.files is not a count of files');
    if (!report.findings.every(isFinding)) throw new Error('not a doclint JSON report: a finding lacks its rule, file, position or message');
  }
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      const key = JSON.stringify([finding.file, finding.line, finding.column, finding.ruleId, finding.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return { root: reports[0]!.root, files: Math.max(...reports.map((r) => r.summary.files)), findings };
}

function isFinding(value: unknown): value is Finding {
  const f = value as Partial<Finding> | null;
  return (
    typeof f === 'object' && f !== null && typeof f.ruleId === 'string' && typeof f.file === 'string' && typeof f.message === 'string' &&
    (f.severity === 'error' || f.severity === 'warning') && Number.isSafeInteger(f.line) && Number.isSafeInteger(f.column)
  );
}
