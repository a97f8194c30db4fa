import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../types.js';
import type { ReportInput } from './types.js';

export interface Counts {
  errors: number;
  warnings: number;
  fixable: number;
  files: number;
  filesWithFindings: number;
}

export function countFindings(findings: readonly Finding[], files: readonly string[]): Counts {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else warnings++;
    if (finding.fix) fixable++;
  }
  return { errors, warnings, fixable, files: files.length, filesWithFindings: new Set(findings.map((f) => f.file)).size };
}

/** A finding's path as the user sees it: relative to the working directory, forward slashes. */
export function displayPath(input: Pick<ReportInput, 'root' | 'cwd'>, file: string): string {
  return relative(input.cwd, resolve(input.root, file)).split(sep).join('/') || file;
}

export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
