/**
 * SARIF 2.1.0 for code scanning: one run, every rule described, paths relative to the repository
 * root (how GitHub reads them, also when the site is a sub-folder), UTF-16 columns, and a
 * fingerprint per result that survives lines moving (rule, file, message and which occurrence).
 */
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Reporter } from './types.js';
import { ruleDocsUrl } from './rule-docs.js';
import { sha256 } from '../text/hash.js';
import { isUrl } from './summary.js';

export const sarif: Reporter = (input) => {
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
  const base = input.repositoryRoot ?? input.root;
  const occurrences = new Map<string, number>();
  // A changed-files run compared with its base revision: every result says whether it is new.
  const compared = input.findings.some((finding) => finding.preExisting);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'doclint',
            version: input.toolVersion,
            informationUri: 'https://github.com/doclint/doclint',
            rules: input.rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              help: { text: `${rule.description} See ${ruleDocsUrl(rule)}` },
              helpUri: ruleDocsUrl(rule),
              defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
              properties: { fixable: rule.fixable },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { ROOT: { uri: `${pathToFileURL(base).href.replace(/\/?$/, '/')}` } },
        results: input.findings.map((finding) => {
          const region: Record<string, number> = { startLine: finding.line, startColumn: finding.column };
          if (finding.endLine !== undefined) region.endLine = finding.endLine;
          if (finding.endColumn !== undefined) region.endColumn = finding.endColumn;
          const path = isUrl(finding.file) ? finding.file : relative(base, resolve(input.root, finding.file)).split(sep).join('/');
          const key = `${finding.ruleId}\0${path}\0${finding.message}`;
          const occurrence = occurrences.get(key) ?? 0;
          occurrences.set(key, occurrence + 1);
          return {
            ruleId: finding.ruleId,
            ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
            level: finding.preExisting ? 'note' : finding.severity === 'error' ? 'error' : 'warning',
            ...(compared ? { baselineState: finding.preExisting ? 'unchanged' : 'new' } : {}),
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: isUrl(finding.file) ? { uri: finding.file } : { uri: encodeURI(path), uriBaseId: 'ROOT' },
                  region,
                },
              },
            ],
            partialFingerprints: { 'doclintFinding/v1': sha256(`${key}\0${occurrence}`).digest('hex').slice(0, 32) },
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
