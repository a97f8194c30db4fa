/**
 * Steps of a site's build that run after `jekyll build` and write into its output, as the
 * repository's CI workflows and scripts say: Pagefind (`npx pagefind --site _site`) writes its
 * search UI and index into the built site's `pagefind/` folder (`_pagefind/` before 1.0, or its
 * `--output-subdir`). Links into it are then a generator's, as those a `:post_write` hook writes:
 * warnings that name the file running the step.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PageGenerator } from './jekyll-config.js';
import { readSource } from './read-source.js';
import { escapeRegExp } from '../text/escape-regexp.js';

/** Where builds are described: CI workflows and other CI, npm scripts, Rake, Make, Docker, Bazel, Netlify, shell scripts. */
const stepFiles = (root: string): string[] => [
  ...workflowFiles(root).map((name) => `.github/workflows/${name}`),
  'package.json',
  'Rakefile',
  'Makefile',
  'netlify.toml',
  'Dockerfile',
  'BUILD',
  'BUILD.bazel',
  '.travis.yml',
  '.gitlab-ci.yml',
  ...shellScripts(root),
];

/** At most this many shell scripts are read (a repository has a handful). */
const maxShellScripts = 50;

/**
 * The shell scripts at the top of `root` and in its `scripts/`, `script/` and `bin/` folders, and
 * the files without an extension in `script/` and `scripts/` ("scripts to rule them all":
 * `script/cibuild`).
 */
function shellScripts(root: string): string[] {
  const scripts: string[] = [];
  for (const folder of ['', 'scripts/', 'script/', 'bin/']) {
    const bare = folder === 'script/' || folder === 'scripts/';
    try {
      for (const name of readdirSync(join(root, folder)).filter((entry) => entry.endsWith('.sh') || (bare && !entry.includes('.'))).sort()) scripts.push(`${folder}${name}`);
    } catch {
      // No such folder.
    }
  }
  return scripts.slice(0, maxShellScripts);
}

/** At most this many workflow files are read (a repository has a handful). */
const maxWorkflowFiles = 100;

function workflowFiles(root: string): string[] {
  try {
    return readdirSync(join(root, '.github/workflows'))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .slice(0, maxWorkflowFiles);
  } catch {
    return [];
  }
}

/** A Pagefind run over a built site, on one line. */
const pagefindRun = /\bpagefind(?:@[\w.^~-]+)?\s.*--(?:site|source)\b/;

/** Longer lines are not read: a command is short, and each line is searched once. */
const maxLineLength = 2000;

/** The lines of the build files (`files`, from `root`) that mention `word`, with their file: short ones only. */
function* commandLines(root: string, files: readonly string[], word: string, maxFileSize: number): Generator<{ file: string; command: string }> {
  for (const file of files) {
    const source = readSource(join(root, file), maxFileSize);
    if (!source.ok || !source.text.includes(word)) continue;
    for (const command of source.text.split('\n')) if (command.length <= maxLineLength && command.includes(word)) yield { file, command };
  }
}

/** The generators the repository's build files run after Jekyll (`root`: the repository's root, or the site's when it is none). */
export function afterBuildGenerators(root: string, maxFileSize: number): PageGenerator[] {
  const generators: PageGenerator[] = [];
  for (const { file, command } of commandLines(root, stepFiles(root), 'pagefind', maxFileSize)) {
    if (!pagefindRun.test(command)) continue;
    const folder = /--output-subdir[=\s]+["']?([\w.-]+)/.exec(command)?.[1];
    const urls = folder !== undefined && folder !== '..' && folder !== '.' ? `^/${escapeRegExp(folder)}(?:/|$)` : '^/_?pagefind(?:/|$)';
    if (!generators.some((generator) => generator.by === file && generator.urls === urls)) generators.push({ by: file, urls, afterWrite: true });
  }
  return generators;
}

/**
 * A `jekyll build` (not `jekyll serve`, which previews a site another build may publish), or a CI
 * step of a Jekyll build action other than GitHub's own: they build with the repository's Gemfile.
 */
const jekyllBuild = /\bjekyll\s+b(?:uild)?\b|\buses:\s*["']?(?:helaili\/jekyll-action|limjh16\/jekyll-action-ts|jeffreytse\/jekyll-deploy-action|[\w.-]+\/jekyll4?-deploy-gh-pages)@/i;

/**
 * Whether a build file of one of the folders (the site's, the repository's top) runs `jekyll
 * build` itself: a Makefile (nunjucks' docs), a script (bazel's blog), a CI job.
 */
export function runsJekyllBuild(folders: readonly string[], maxFileSize: number): boolean {
  for (const folder of folders) for (const { command } of commandLines(folder, stepFiles(folder), 'jekyll', maxFileSize)) if (jekyllBuild.test(command)) return true;
  return false;
}

/**
 * A step that builds the site for GitHub Pages where the repository's settings give the path it is
 * served under (a custom domain: none): GitHub's Pages actions, or a `jekyll build` given the
 * baseurl on its command line (`--baseurl "${{ steps.pages.outputs.base_path }}"`).
 */
const pagesBuild = /\buses:\s*["']?actions\/(?:jekyll-build-pages|configure-pages)@|\bjekyll\s+b(?:uild)?\b.*\s(?:--baseurl|-b)[=\s]/;

/** The CI workflow that builds the site for GitHub Pages from the repository's settings, if one does: they, not the config, say where the site is served. */
export function pagesWorkflow(root: string, maxFileSize: number): string | undefined {
  for (const name of workflowFiles(root)) {
    const source = readSource(join(root, '.github/workflows', name), maxFileSize);
    if (source.ok && source.text.split('\n').some((line) => line.length <= maxLineLength && pagesBuild.test(line))) return `.github/workflows/${name}`;
  }
  return undefined;
}

/** Jekyll's own `keep_files`: version control folders, not content. */
const versionControl = new Set(['.git', '.svn']);

/** At most this many `keep_files` entries are read (a site names a few). */
const maxKeptEntries = 100;

/**
 * What the config keeps in the built site (`keep_files`): Jekyll deletes nothing there whose path
 * starts with an entry (Cleaner#keep_file_regex), because a step outside Jekyll writes it (API
 * docs, compiled CSS). Links into it are then a generator's: warnings that name the entry.
 */
export function keptFileWriters(raw: Record<string, unknown>): PageGenerator[] {
  const entries = Array.isArray(raw.keep_files) ? raw.keep_files : [];
  return entries
    .filter((entry): entry is string => typeof entry === 'string' && entry !== '' && !versionControl.has(entry))
    .slice(0, maxKeptEntries)
    .map((entry) => ({ by: '_config.yml', urls: `^/${escapeRegExp(entry)}`, afterWrite: true, kept: entry }));
}
