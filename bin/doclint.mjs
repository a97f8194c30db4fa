#!/usr/bin/env node
// Written by scripts/bundle.mjs. Node 22.1+ keeps V8's compiled code of the bundle between runs
// (in the system's temporary directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off); Node 20 has no such cache.
import module from 'node:module';

module.enableCompileCache?.();
await import('./doclint-bundle.mjs');
