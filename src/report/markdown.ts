/** A Markdown summary for a job summary ($GITHUB_STEP_SUMMARY) or a PR comment. */
import { countFindings, displayPath, plural, printable } from './summary.js';
import type { Reporter } from './types.js';

const cell = (text: string): string => printable(text).replace(/\|/g, '\\|');

/** Job summaries are limited to 1 MiB: list this many findings, count the rest. */
const maxRows = 500;

export const markdown: Reporter = (input) => {
  const counts = countFindings(input.findings, input.fileCount);
  const lines = ['## doclint', ''];
  if (input.findings.length === 0) {
    lines.push(`✅ No problems in ${plural(counts.files, 'file')}.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${counts.errors > 0 ? '❌' : '⚠️'} **${plural(counts.errors, 'error')}**, **${plural(counts.warnings, 'warning')}** in ${plural(counts.filesWithFindings, 'file')} of ${counts.files} checked.`, '');
  const byRule = new Map<string, number>();
  for (const finding of input.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  lines.push('| Rule | Findings |', '| --- | ---: |');
  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) lines.push(`| \`${rule}\` | ${count} |`);
  lines.push('', '| File | Line | Severity | Message | Rule |', '| --- | ---: | --- | --- | --- |');
  for (const finding of input.findings.slice(0, maxRows)) {
    lines.push(`| ${cell(displayPath(input, finding.file))} | ${finding.line}:${finding.column} | ${finding.severity} | ${cell(finding.message)} | \`${finding.ruleId}\` |`);
  }
  if (input.findings.length > maxRows) lines.push('', `…and ${input.findings.length - maxRows} more (see the JSON or SARIF report).`);
  return `${lines.join('\n')}\n`;
};
