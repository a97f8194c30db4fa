/** Human output: findings grouped by file, `line:col  severity  message  rule-id`, then a summary. */
import { checkedFiles, countFindings, displayPath, groupByFile, plural, printable } from './summary.js';
import type { Reporter } from './types.js';

const ansi = { red: '\u001b[31m', yellow: '\u001b[33m', dim: '\u001b[2m', bold: '\u001b[1m', underline: '\u001b[4m', reset: '\u001b[0m' };

export const stylish: Reporter = (input) => {
  const paint = (style: keyof typeof ansi, text: string): string => (input.color ? `${ansi[style]}${text}${ansi.reset}` : text);
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(input.findings)) {
    lines.push(paint('underline', printable(displayPath(input, file))));
    const positions = findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    findings.forEach((finding, i) => {
      const severity = finding.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
      const old = finding.preExisting ? `  ${paint('dim', '(pre-existing)')}` : '';
      lines.push(`  ${paint('dim', positions[i]!.padEnd(width))}  ${severity}  ${printable(finding.message)}  ${paint('dim', finding.ruleId)}${old}`);
    });
    lines.push('');
  }
  const counts = countFindings(input.findings, checkedFiles(input));
  const total = counts.errors + counts.warnings;
  const older = counts.preExisting > 0 ? ` (and ${counts.preExisting} pre-existing, not counted)` : '';
  if (total === 0) {
    lines.push(`No ${counts.preExisting > 0 ? 'new ' : ''}problems in ${plural(counts.files, 'file')}${older}.`);
  } else {
    const summary = `✖ ${plural(total, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}) in ${plural(counts.filesWithFindings, 'file')} of ${counts.files} checked${older}`;
    lines.push(paint('bold', paint(counts.errors > 0 ? 'red' : 'yellow', summary)));
    if (counts.fixable > 0) lines.push(`  ${plural(counts.fixable, 'problem')} can be fixed with --fix.`);
  }
  return `${lines.join('\n')}\n`;
};
