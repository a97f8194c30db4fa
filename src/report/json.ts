/**
 * Machine output, a stable shape (version 1):
 * { version, tool: {name, version}, root, summary: {files, errors, warnings, fixable}, findings: Finding[] }
 * Finding = { ruleId, severity, message, file, line, column, endLine?, endColumn?, fix? } with
 * file relative to root and fix = { start, end, text } offsets (UTF-16) in the original file.
 */
import { countFindings } from './summary.js';
import type { Reporter } from './types.js';

export const json: Reporter = (input) => {
  const { files, errors, warnings, fixable } = countFindings(input.findings, input.fileCount);
  const document = {
    version: 1,
    tool: { name: 'doclint', version: input.toolVersion },
    root: input.root,
    summary: { files, errors, warnings, fixable },
    findings: input.findings,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
