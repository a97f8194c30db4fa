import type { RuleMeta } from '../types.js';

const docsBase = 'https://github.com/doclint/doclint/blob/main/rules/';

/** Where a rule is documented: its own `docs` (a custom rule's), else doclint's rules/<id>.md. */
export const ruleDocsUrl = (meta: Pick<RuleMeta, 'id' | 'docs'>): string => meta.docs ?? `${docsBase}${meta.id}.md`;
