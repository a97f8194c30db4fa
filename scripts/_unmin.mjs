import { build } from 'esbuild';
import { bundles } from './bundle.mjs';
const o = { ...bundles[0], minifyWhitespace: false, minifySyntax: false, outdir: '/tmp/unmin/bin' };
await build(o);
