import type { Finding, RuleMeta } from '../types.js';

/** What every reporter turns into text: pure data, no file reads. */
export interface ReportInput {
  /** Absolute site root; findings' paths are relative to it. */
  root: string;
  /** The git repository's root, when the site is in one: SARIF paths are relative to it. */
  repositoryRoot?: string;
  /** Absolute directory paths are shown relative to (the working directory). */
  cwd: string;
  /** How many files were checked: `fileCount`, or the length of `files` (a lint result spread in). */
  fileCount?: number;
  files?: readonly string[];
  findings: readonly Finding[];
  rules: readonly RuleMeta[];
  color?: boolean;
  toolVersion: string;
}

export type Reporter = (input: ReportInput) => string;
