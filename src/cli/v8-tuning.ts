/**
 * V8 tuning for the CLI's own short-lived process (a library never changes process-wide flags).
 *
 * Node 20's V8 (11.3) has no mid-tier compiler: code runs unoptimized until TurboFan has
 * compiled it, and TurboFan inlines callees of up to 460 bytes of bytecode, which makes each
 * compile long. In a cold run over a help center those compiles take V8's background threads
 * 0.8 s of CPU for a 1 s run and compete with the lint for the cores. Inlining only callees of
 * up to 60 bytes: 0.48 s of compiling, the shared corpus in 0.80 s instead of 0.95 s on two
 * cores, the 10x corpus unchanged on one thread and 5% faster on workers (bench/README.md).
 * Node 22 and later (V8 12+, with Maglev) gain nothing from it and are left alone, as is a
 * process started with inlining flags of its own.
 */
import { setFlagsFromString } from 'node:v8';

/** The flag for a V8 version and the process's own Node options; undefined: none. */
export function inliningFlag(v8Version: string, nodeOptions: readonly string[]): string | undefined {
  const ownFlags = nodeOptions.some((option) => /inlin/.test(option));
  return Number(v8Version.split('.')[0]) < 12 && !ownFlags ? '--max-inlined-bytecode-size=60' : undefined;
}

export function tuneV8ForShortRuns(): void {
  const flag = inliningFlag(process.versions.v8, [...process.execArgv, process.env.NODE_OPTIONS ?? '']);
  if (flag) setFlagsFromString(flag);
}
