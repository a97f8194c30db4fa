/** Rewrites the rules table in README.md (npm run docs:rules). */
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesTable, rulesTableMarkers } from './rules-table.js';

const readme = new URL('../../README.md', import.meta.url);
writeFileSync(readme, readFileSync(readme, 'utf8').replace(rulesTableMarkers, `$1${rulesTable()}$2`));
