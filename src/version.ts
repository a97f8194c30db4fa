import { readFileSync } from 'node:fs';

/** The package version, read from package.json (two levels above dist/src or src). */
export const version: string = (() => {
  for (const path of ['../../package.json', '../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (json.name === 'doclint' && json.version) return json.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
})();
