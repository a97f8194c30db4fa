/**
 * table-liquid-output: a Liquid tag that renders HTML over several lines (the help center's
 * `{% image %}`) inside a table row ends the row mid-line: kramdown then renders no table at
 * all, only a paragraph with pipes in it.
 */
import { kramdownTables } from '../src/parse/kramdown-tables.js';
import type { DocumentRule } from '../src/types.js';

export const tableLiquidOutput: DocumentRule = {
  meta: {
    id: 'table-liquid-output',
    description: 'No multi-line Liquid output (e.g. `{% image %}`) inside a table row: it breaks the whole table.',
    severity: 'error',
    fixable: false,
  },
  check({ document, tags, site, report }) {
    for (const table of kramdownTables(document, site)) {
      for (const line of table.lines) {
        for (const tag of document.liquid.tags) {
          if (tag.start < line.start || tag.end > line.end || !tags.get(tag.name)?.multilineOutput) continue;
          report({
            message: `\`{% ${tag.name} %}\` renders HTML over several lines: inside a table row it breaks the table, and kramdown renders it as a paragraph.`,
            start: tag.start,
            end: tag.end,
          });
        }
      }
    }
  },
};
