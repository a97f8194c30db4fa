/** A Markdown summary for a job summary ($GITHUB_STEP_SUMMARY) or a PR comment. */
import { checkedFiles, countFindings, displayPath, newFirst, plural, printable } from './summary.js';
import type { Reporter } from './types.js';

const cell = (text: string): string => printable(text).replace(/\|/g, '\\|');

/** Job summaries are limited to 1 MiB: list this many findings, count the rest. */
const maxRows = 500;

export const markdown: Reporter = (input) => {
  const counts = countFindings(input.findings, checkedFiles(input));
  const lines = ['## doclint', ''];
  if (input.findings.length === 0) {
    lines.push(`✅ No problems in ${plural(counts.files, 'file')}.`);
    return `${lines.join('\n')}\n`;
  }
  const older = counts.preExisting > 0 ? ` ${plural(counts.preExisting, 'pre-existing finding')} in the files the change touched are listed last and not counted.` : '';
  lines.push(`${counts.errors > 0 ? '❌' : counts.warnings > 0 ? '⚠️' : '✅'} **${plural(counts.errors, 'error')}**, **${plural(counts.warnings, 'warning')}** in ${plural(counts.filesWithFindings, 'file')} of ${counts.files} checked.${older}`, '');
  const byRule = new Map<string, number>();
  for (const finding of input.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  lines.push('| Rule | Findings |', '| --- | ---: |');
  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) lines.push(`| \`${rule}\` | ${count} |`);
  lines.push('', '| File | Line | Severity | Message | Rule |', '| --- | ---: | --- | --- | --- |');
  for (const finding of newFirst(input.findings).slice(0, maxRows)) {
    const severity = finding.preExisting ? `${finding.severity} (pre-existing)` : finding.severity;
    lines.push(`| ${cell(displayPath(input, finding.file))} | ${finding.line}:${finding.column} | ${severity} | ${cell(finding.message)} | \`${finding.ruleId}\` |`);
  }
  if (input.findings.length > maxRows) lines.push('', `…and ${input.findings.length - maxRows} more (see the JSON or SARIF report).`);
  return `${lines.join('\n')}\n`;
};
