// Bundles the GitHub Action into one file (action/index.mjs), committed so that users of
// `uses: doclint/doclint@v…` need no install step. `npm run bundle:action`; a test checks it is fresh.
import { build } from 'esbuild';

export const bundleOptions = {
  entryPoints: ['src/action/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // ajv and friends are CommonJS: give the ESM bundle a `require`.
  banner: { js: "import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);" },
};

if (process.argv[1]?.endsWith('bundle-action.mjs')) {
  await build({ ...bundleOptions, outfile: process.argv[2] ?? 'action/index.mjs' });
}
