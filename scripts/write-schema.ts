/** Writes schema/config.schema.json from the rules' metadata (run by `npm run build`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { allRules } from '../rules/index.js';
import { buildConfigSchema } from '../src/config/schema.js';

const target = new URL('../../schema/config.schema.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, `${JSON.stringify(buildConfigSchema(allRules.map((rule) => rule.meta)), null, 2)}\n`);
