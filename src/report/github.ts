/** GitHub Actions workflow commands: one annotation per finding, on the PR diff. */
import { displayPath, newFirst, printable } from './summary.js';
import type { Reporter } from './types.js';

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
// GitHub's own escapes first (a message may span lines in an annotation), then no other control character reaches the log.
/** A workflow command's message, escaped: GitHub's escapes, then no control character (a config's, a file name's) reaches the log raw. */
export const escapeData = (value: string): string => printable(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (value: string): string => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Reporter = (input) =>
  newFirst(input.findings)
    .map((finding) => {
      const properties = [`file=${escapeProperty(displayPath(input, finding.file))}`, `line=${finding.line}`, `col=${finding.column}`];
      if (finding.endLine !== undefined) properties.push(`endLine=${finding.endLine}`);
      if (finding.endColumn !== undefined && finding.endLine === finding.line) properties.push(`endColumn=${finding.endColumn}`);
      properties.push(`title=${escapeProperty(`doclint(${finding.ruleId})`)}`);
      const command = finding.preExisting ? 'notice' : finding.severity === 'error' ? 'error' : 'warning';
      return `::${command} ${properties.join(',')}::${escapeData(finding.message)}\n`;
    })
    .join('');
