// Bundles the entry points people run straight from a git checkout into committed files,
// so that none needs an install or build step:
// - bin/doclint-bundle.mjs: the CLI (the pre-commit hook installs the repository from git);
// - bin/library.mjs and bin/remark-preset.mjs: the library and the remark preset (the package's exports);
// - action/main.mjs: the GitHub Action (action.yml runs it on node24).
// Code only some runs need (external checks with undici, crawling with linkinator) goes into
// chunks beside them (bin/chunks/, action/chunks/), loaded when used: a plain check no longer
// parses and links it, nor loads node:http (20-30 ms of every start).
// Each is started by a small launcher (bin/doclint.mjs, action/index.mjs) that first turns on
// Node's compile cache (Node 22.1+): V8's code for the bundle is then kept between runs.
// `npm run bundle` writes them all; a test checks they match the sources.
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // Committed files: whitespace and syntax minified, identifiers kept, so stack traces stay
  // readable without esbuild's keepNames, whose __name() wrappers run on every closure created.
  minifyWhitespace: true,
  minifySyntax: true,
  // ajv and friends are CommonJS: give the ESM bundle a `require`.
  banner: { js: "import { createRequire as __doclintRequire } from 'node:module'; const require = __doclintRequire(import.meta.url);" },
};

export const chunksFolder = 'chunks';

const split = { splitting: true, outExtension: { '.js': '.mjs' }, chunkNames: `${chunksFolder}/[name]-[hash]` };

export const bundles = [
  // The library and the remark preset share the CLI's chunks: a git install of the package runs them as they are.
  { ...common, ...split, entryPoints: { 'doclint-bundle': 'src/cli/main.ts', library: 'src/library-bundle.ts', 'remark-preset': 'src/remark/preset.ts' }, outdir: 'bin' },
  { ...common, ...split, entryPoints: { main: 'src/action/main.ts' }, outdir: 'action' },
];

export const launchers = [
  { file: 'bin/doclint.mjs', bundle: './doclint-bundle.mjs', executable: true },
  { file: 'action/index.mjs', bundle: './main.mjs', executable: false },
];

export function launcherText({ bundle, executable }) {
  return `${executable ? '#!/usr/bin/env node\n' : ''}// Written by scripts/bundle.mjs. Node 22.1+ keeps V8's compiled code of the bundle between runs
// (in the system's temporary directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off); Node 20 has no such cache.
import module from 'node:module';

module.enableCompileCache?.();
await import('${bundle}');
`;
}

if (process.argv[1]?.endsWith('bundle.mjs')) {
  for (const options of bundles) {
    // Chunks are named by their content: the last build's would stay beside the new ones.
    rmSync(join(options.outdir, chunksFolder), { recursive: true, force: true });
    await build(options);
  }
  for (const launcher of launchers) {
    writeFileSync(launcher.file, launcherText(launcher));
    if (launcher.executable) chmodSync(launcher.file, 0o755);
  }
}
