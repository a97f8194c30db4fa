// Bundles the two entry points people run straight from a git checkout, each into one
// committed file, so that neither needs an install or build step:
// - bin/doclint.mjs: the CLI (the pre-commit hook installs the repository from git);
// - action/index.mjs: the GitHub Action (action.yml runs it on node24).
// `npm run bundle` writes them; a test checks they match the sources.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // Committed files: small diffs matter more than readable stack traces (names are kept).
  minify: true,
  keepNames: true,
  // ajv and friends are CommonJS: give the ESM bundle a `require`.
  banner: { js: "import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);" },
};

export const bundles = [
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'bin/doclint.mjs' },
  { ...common, entryPoints: ['src/action/main.ts'], outfile: 'action/index.mjs' },
];

if (process.argv[1]?.endsWith('bundle.mjs')) {
  for (const options of bundles) await build(options);
}
