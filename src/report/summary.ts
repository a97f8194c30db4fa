import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../types.js';
import type { ReportInput } from './types.js';

/** Errors and warnings count only what is new: a changed-files run's pre-existing findings are counted apart. */
export interface Counts {
  errors: number;
  warnings: number;
  preExisting: number;
  fixable: number;
  files: number;
  filesWithFindings: number;
}

export function countFindings(findings: readonly Finding[], fileCount: number): Counts {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let preExisting = 0;
  for (const finding of findings) {
    if (finding.preExisting) preExisting++;
    else if (finding.severity === 'error') errors++;
    else warnings++;
    if (finding.fix) fixable++;
  }
  return { errors, warnings, preExisting, fixable, files: fileCount, filesWithFindings: new Set(findings.map((f) => f.file)).size };
}

/** A finding's path as the user sees it: relative to the working directory, forward slashes. */
export function displayPath(input: Pick<ReportInput, 'root' | 'cwd'>, file: string): string {
  if (isUrl(file)) return file;
  return relative(input.cwd, resolve(input.root, file)).split(sep).join('/') || file;
}

/** A finding's file that is a page's URL (a crawl of a live site), not a path under the root. */
export const isUrl = (file: string): boolean => /^[a-z][a-z\d+.-]*:\/\//i.test(file);

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

/**
 * Text from the docs (link targets, file names) made safe for a terminal or a log: control
 * characters (ESC sequences, OSC 52 clipboard writes, CR/LF) and bidirectional overrides are
 * shown as `\xNN` / `\uNNNN` escapes instead of acting on the screen.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

export function checkedFiles(input: Pick<ReportInput, 'fileCount' | 'files'>): number {
  return input.fileCount ?? input.files?.length ?? 0;
}

/** New findings first (errors, then warnings), then the pre-existing ones; the order within each kept. */
export function newFirst(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding): number => (f.preExisting ? 2 : f.severity === 'error' ? 0 : 1);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}
