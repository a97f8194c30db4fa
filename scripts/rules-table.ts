/** The README's rules table, made from the rules' metadata so the docs cannot drift. */
import { allRules } from '../rules/index.js';

export const rulesTableMarkers = /(<!-- rules-table:start -->\n)[\s\S]*?(\n<!-- rules-table:end -->)/;

export function rulesTable(): string {
  const rows = allRules.map(
    ({ meta }) => `| [\`${meta.id}\`](rules/${meta.id}.md) | ${meta.description.replace(/\|/g, '\\|')} | ${meta.severity === 'error' ? 'error' : 'warn'} | ${meta.fixable ? 'yes' : ''} |`,
  );
  return ['| Rule | What it checks | Default | Fixable |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
