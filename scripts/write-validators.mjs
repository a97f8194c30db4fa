// Writes src/generated/front-matter-validators.ts (run by `npm run build`, before tsc): ajv's
// standalone code for the built-in front matter schemas, so that no run compiles them (12-30 ms
// of every run that checks a help center's front matter). A user's schema is compiled at run time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const schemas = ['article', 'category'].map((name) => JSON.parse(readFileSync(new URL(`../schema/front-matter/${name}.schema.json`, import.meta.url), 'utf8')));
// The options rules/front-matter-schema.ts compiles a user's schema with.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false, code: { optimize: false, source: true, esm: true } });
for (const schema of schemas) ajv.addSchema(schema);
const code = standaloneCode.default(ajv, Object.fromEntries(schemas.map((schema) => [schema.$id.replace(/^doclint:/, ''), schema.$id])))
  // minLength counts code points with ajv's runtime helper, which the generated code would `require`.
  .replaceAll('require("ajv/dist/runtime/ucs2length").default', '((text) => [...text].length)');
if (code.includes('require(')) throw new Error('the generated validators need a module of ajv: write it in here');

const target = new URL('../src/generated/front-matter-validators.ts', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, `// @ts-nocheck\n// Written by scripts/write-validators.mjs from schema/front-matter/*.schema.json: do not edit.\n${code}\n`);
