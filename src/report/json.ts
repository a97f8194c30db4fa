/**
 * Machine output, a stable shape (version 1):
 * { version, tool: {name, version}, root, summary: {files, errors, warnings, fixable, preExisting?}, findings: Finding[] }
 * Finding = { ruleId, severity, message, file, line, column, endLine?, endColumn?, fix?, preExisting? } with
 * file relative to root and fix = { start, end, text } offsets (UTF-16) in the original file.
 */
import { checkedFiles, countFindings } from './summary.js';
import type { Reporter } from './types.js';

export const json: Reporter = (input) => {
  const { files, errors, warnings, fixable, preExisting } = countFindings(input.findings, checkedFiles(input));
  const document = {
    version: 1,
    tool: { name: 'doclint', version: input.toolVersion },
    root: input.root,
    summary: { files, errors, warnings, fixable, ...(preExisting > 0 ? { preExisting } : {}) },
    findings: input.findings,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
