/**
 * The site's Gemfile as Bundler finds it for `bundle exec jekyll build` run in the site's folder:
 * `gems.rb` or `Gemfile` in that folder or the nearest folder above it, up to the repository's
 * top (a docs site in `docs/` often shares the repository's Gemfile). Outside a git repository only
 * the site's own folder is searched: a Gemfile elsewhere on the machine is not the site's.
 */
import { dirname, join } from 'node:path';
import { readSource } from './read-source.js';

export interface Gemfile {
  text: string;
  /** The lock file beside it (`Gemfile.lock`, `gems.locked`), when there is one. */
  lock?: string;
}

/** Bundler's names for the Gemfile and its lock, in the order it tries them in each folder. */
const gemfileNames: readonly (readonly [string, string])[] = [
  ['gems.rb', 'gems.locked'],
  ['Gemfile', 'Gemfile.lock'],
];

/** The Gemfile for the site in `root`, searched up to `top`, the repository's top (undefined: not in a repository). */
export function findGemfile(root: string, top: string | undefined, maxFileSize: number): Gemfile | undefined {
  for (let folder = root; ; folder = dirname(folder)) {
    for (const [name, lockName] of gemfileNames) {
      const gemfile = readSource(join(folder, name), maxFileSize);
      if (!gemfile.ok) continue;
      const lock = readSource(join(folder, lockName), maxFileSize);
      return { text: gemfile.text, ...(lock.ok ? { lock: lock.text } : {}) };
    }
    if (top === undefined || folder === top || dirname(folder) === folder) return undefined;
  }
}

/**
 * Whether the Gemfile can build a Jekyll site: it names Jekyll, the github-pages gem or a
 * `gemspec` (a theme's, which depends on Jekyll), or its lock holds Jekyll. A Ruby library's
 * Gemfile at the top of a repository whose `docs/` GitHub Pages builds is not the site's.
 */
export function buildsJekyll(gemfile: Gemfile): boolean {
  const code = gemfile.text.replace(/#.*/g, '');
  return /^\s*gem\s+["'](?:jekyll|github-pages)["']|^\s*gemspec\b/m.test(code) || /^ {4}jekyll \(/m.test(gemfile.lock ?? '');
}

/**
 * Whether the Gemfile builds with the github-pages gem alone: it names that gem (in its plugin group
 * or not) and not Jekyll itself, as GitHub's guide has it; a site that names Jekyll too (jasper2,
 * built by a workflow with its own plugins) is built some other way.
 */
export function buildsWithGitHubPagesGem(gemfile: Gemfile): boolean {
  const code = gemfile.text.replace(/#.*/g, '');
  return /^\s*gem\s+["']github-pages["']/m.test(code) && !/^\s*gem\s+["']jekyll["']/m.test(code);
}

/** The gems of the Gemfile's `:jekyll_plugins` group, which Jekyll loads without `plugins:`. */
export function gemfilePlugins(gemfile: string): string[] {
  const gems: string[] = [];
  let inGroup = false;
  for (const line of gemfile.split('\n')) {
    const code = line.replace(/#.*/, '').trim();
    if (/^group\b/.test(code) && /\bdo$/.test(code) && /:jekyll_plugins\b/.test(code)) inGroup = true;
    else if (code === 'end') inGroup = false;
    const gem = /^gem\s+["']([\w.-]+)["'](.*)$/.exec(code);
    if (gem && (inGroup || /(?:group:|:group\s*=>)\s*:jekyll_plugins\b/.test(gem[2]!))) gems.push(gem[1]!);
  }
  return gems;
}

/**
 * The major version of Jekyll the site builds with: the one the lock pins, else the one the
 * Gemfile asks for (the github-pages gem pins Jekyll 3).
 */
export function jekyllMajorVersion(gemfile: Gemfile): number | undefined {
  const locked = gemfile.lock === undefined ? null : /^ {4}jekyll \((\d+)\./m.exec(gemfile.lock);
  if (locked) return Number(locked[1]);
  const code = gemfile.text.replace(/#.*/g, '');
  if (/^\s*gem\s+["']github-pages["']/m.test(code)) return 3;
  const asked = /^\s*gem\s+["']jekyll["']\s*,\s*["'][~>=\s]*(\d+)/m.exec(code);
  return asked ? Number(asked[1]) : undefined;
}
