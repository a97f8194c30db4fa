/** SARIF 2.1.0 for code scanning: one run, every rule described, paths relative to the site root. */
import { pathToFileURL } from 'node:url';
import type { Reporter } from './types.js';

const docsBase = 'https://github.com/doclint/doclint/blob/main/rules/';

export const sarif: Reporter = (input) => {
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
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
              help: { text: `${rule.description} See ${docsBase}${rule.id}.md` },
              helpUri: `${docsBase}${rule.id}.md`,
              defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
              properties: { fixable: rule.fixable },
            })),
          },
        },
        originalUriBaseIds: { ROOT: { uri: `${pathToFileURL(input.root).href.replace(/\/?$/, '/')}` } },
        results: input.findings.map((finding) => {
          const region: Record<string, number> = { startLine: finding.line, startColumn: finding.column };
          if (finding.endLine !== undefined) region.endLine = finding.endLine;
          if (finding.endColumn !== undefined) region.endColumn = finding.endColumn;
          return {
            ruleId: finding.ruleId,
            ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
            level: finding.severity === 'error' ? 'error' : 'warning',
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(finding.file), uriBaseId: 'ROOT' },
                  region,
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
