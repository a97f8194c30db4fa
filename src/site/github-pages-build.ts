/**
 * A site GitHub Pages builds: with the github-pages gem loaded (named in the Gemfile's
 * `:jekyll_plugins` group or in `plugins:`), or with no Gemfile that builds Jekyll at the top of
 * a repository hosted on github.com or in its `docs/` folder, where GitHub's own build publishes
 * from (it needs no Gemfile; nothing else builds a Jekyll site without one). Its configuration is
 * then the gem's (GitHubPages::Configuration, github-pages 232): its defaults under the site's
 * values, its overrides over them, and only the plugins it allows.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { readSource } from './read-source.js';

/** GitHubPages::Plugins::DEFAULT_PLUGINS: turned on for every site. */
export const gitHubPagesDefaultPlugins = [
  'jekyll-coffeescript', 'jekyll-commonmark-ghpages', 'jekyll-gist', 'jekyll-github-metadata', 'jekyll-paginate', 'jekyll-relative-links',
  'jekyll-optional-front-matter', 'jekyll-readme-index', 'jekyll-default-layout', 'jekyll-titles-from-headings',
];

/** GitHubPages::Plugins::PLUGIN_WHITELIST: the only plugin gems a GitHub Pages build (safe mode) loads. */
export const gitHubPagesPluginWhitelist = [
  ...gitHubPagesDefaultPlugins, 'jekyll-feed', 'jekyll-redirect-from', 'jekyll-seo-tag', 'jekyll-sitemap', 'jekyll-avatar', 'jemoji',
  'jekyll-mentions', 'jekyll-include-cache', 'jekyll-octicons', 'jekyll-remote-theme',
];

/** The site's values as GitHub Pages' configuration makes them (Configuration#effective_config). */
export function gitHubPagesSettings(site: Record<string, unknown>): Record<string, unknown> {
  return {
    future: true,
    // The default theme, unless the site names one (or none, with `theme: null`).
    theme: 'jekyll-theme-primer',
    ...site,
    safe: true,
    whitelist: gitHubPagesPluginWhitelist,
    lsi: false,
  };
}

/**
 * Whether the site is where GitHub Pages builds from (the top of its repository or its `docs/`
 * folder) in a repository with a remote on github.com (`.git/config`, read as a file: no git
 * process), and does not turn its Jekyll build off (`.nojekyll`).
 */
export function gitHubPagesSource(root: string, top: string | undefined, maxFileSize: number): boolean {
  if (top === undefined || (root !== top && root !== join(top, 'docs')) || existsSync(join(root, '.nojekyll'))) return false;
  const config = readSource(join(gitDirectory(top), 'config'), maxFileSize);
  if (!config.ok) return false;
  let inRemote = false;
  for (const line of config.text.split('\n')) {
    const section = /^\s*\[\s*([^\]\s]+)/.exec(line);
    if (section) inRemote = section[1]!.toLowerCase() === 'remote';
    const url = inRemote ? /^\s*url\s*=\s*"?([^"\s]+)/i.exec(line) : null;
    if (url && /^(?:(?:https?|git|ssh|git\+ssh):\/\/(?:[^@/]+@)?|[^@/:]+@)?github\.com[:/]/i.test(url[1]!)) return true;
  }
  return false;
}

/** The folder holding a repository's config: `.git`, or for a worktree or submodule the one its `.git` file names. */
function gitDirectory(top: string): string {
  const dotGit = join(top, '.git');
  const file = readSource(dotGit, 4096);
  const pointer = file.ok ? /^gitdir:\s*(.+?)\s*$/m.exec(file.text) : null;
  if (!pointer) return dotGit;
  const gitDir = isAbsolute(pointer[1]!) ? pointer[1]! : resolve(top, pointer[1]!);
  // A worktree's own folder names the repository's common folder, where the remotes are.
  const common = readSource(join(gitDir, 'commondir'), 4096);
  return common.ok ? resolve(gitDir, common.text.trim()) : gitDir;
}
