import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../src/config/load.js';
import type { ResolvedConfig } from '../src/config/types.js';
import { parseDocument } from '../src/parse/document.js';
import { createTagRegistry } from '../src/parse/tag-registry.js';
import { lintText } from '../src/lint/lint.js';
import type { Document, Finding } from '../src/types.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cliPath = join(repoRoot, 'dist/src/cli/main.js');
export const exampleSite = join(repoRoot, 'fixtures/example-site');

export const defaultTags = createTagRegistry();

export function parse(text: string, path = 'doc.md'): Document {
  return parseDocument(path, text, defaultTags);
}

export function lintString(text: string, config: ResolvedConfig = resolveConfig({}), path = 'doc.md'): Finding[] {
  return lintText(path, text, config, createTagRegistry(config.liquid.tags, config.liquid.helpCenterTags));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the BUILT command as a process (npm test builds first). */
export function runCli(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A throwaway copy of a fixture folder (or an empty folder); removed by the returned cleanup. */
export function tempCopy(source?: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'doclint-test-'));
  if (source) cpSync(source, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
