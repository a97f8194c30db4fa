/**
 * A site GitHub Pages builds: with the github-pages gem loaded (named in the Gemfile's
 * `:jekyll_plugins` group or in `plugins:`), or at the top of a repository hosted on github.com or
 * in its `docs/` folder, where GitHub's own build publishes from, with no Gemfile that builds
 * Jekyll otherwise (GitHub's build needs no Gemfile and ignores one that names the github-pages
 * gem; nothing else builds a Jekyll site without one), or in a user or organization site's
 * repository that no build file builds (GitHub builds those unasked). Its configuration is
 * then the gem's (GitHubPages::Configuration, github-pages 232): its defaults under the site's
 * values, its overrides over them, and only the plugins it allows.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { readSource } from './read-source.js';
import { pagesWorkflow } from './build-steps.js';

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

const gitHubUrl = /^(?:(?:https?|git|ssh|git\+ssh):\/\/(?:[^@/]+@)?|[^@/:]+@)?github\.com[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/i;

/** Whether the site is at the top of its repository or in its `docs/` folder: where GitHub Pages builds from. */
const atPagesSource = (root: string, top: string | undefined): top is string => top !== undefined && (root === top || root === join(top, 'docs'));

/**
 * Whether the site is where GitHub Pages builds from (the top of its repository or its `docs/`
 * folder) in a repository with a remote on github.com (`.git/config`, read as a file: no git
 * process), and does not turn its Jekyll build off (`.nojekyll`).
 */
export function gitHubPagesSource(root: string, top: string | undefined, maxFileSize: number): boolean {
  if (!atPagesSource(root, top) || existsSync(join(root, '.nojekyll'))) return false;
  return [...remoteUrls(top, maxFileSize).values()].some((url) => gitHubUrl.test(url));
}

/**
 * The path GitHub Pages serves a project site under (`/repo`), which jekyll-github-metadata makes
 * the baseurl of a site that sets none (or `/`): the repository is the config's `repository`
 * (`owner/repo`), or the one the `origin` remote names on github.com. None for a user or
 * organization site (`owner.github.io`), a site with its own domain (a CNAME file), one a GitHub
 * Pages workflow builds (the repository's settings give its path), or one GitHub Pages does not
 * build from there.
 */
export function projectSitePath(root: string, top: string | undefined, repository: unknown, maxFileSize: number): { repository: string; path: string } | undefined {
  // A Pages workflow builds with the path the repository's settings give (none for a custom domain, which needs no CNAME file there).
  if (!atPagesSource(root, top) || existsSync(join(root, 'CNAME')) || pagesWorkflow(top, maxFileSize) !== undefined) return undefined;
  const named = typeof repository === 'string' ? /^([\w.-]+)\/([\w.-]+)$/.exec(repository.trim()) : null;
  const [, owner, name] = named ?? originRepository(top, maxFileSize) ?? [];
  if (owner === undefined || name === undefined) return undefined;
  return isUserSite(owner, name) ? undefined : { repository: `${owner}/${name}`, path: `/${name}` };
}

/** `owner/owner.github.io` (or the older `.github.com`): a user or organization site, which GitHub Pages builds from its default branch. */
const isUserSite = (owner: string, name: string): boolean => ['github.io', 'github.com'].some((domain) => name.toLowerCase() === `${owner.toLowerCase()}.${domain}`);

/** The owner and name of the github.com repository the `origin` remote names. */
const originRepository = (top: string, maxFileSize: number): RegExpExecArray | null => gitHubUrl.exec(remoteUrls(top, maxFileSize).get('origin') ?? '');

/**
 * The owner whose user or organization site the site is the source of (`owner.github.io` as its
 * origin), if it is one: GitHub Pages builds those from the default branch without being asked,
 * ignoring any Gemfile, and serves the owner's project sites beside them (`/project/`).
 */
export function userSiteOwner(root: string, top: string | undefined, maxFileSize: number): string | undefined {
  if (!gitHubPagesSource(root, top, maxFileSize)) return undefined;
  const [, owner, name] = originRepository(top!, maxFileSize) ?? [];
  return owner !== undefined && name !== undefined && isUserSite(owner, name) ? owner : undefined;
}

/** The URL of each remote in the repository's `.git/config`, by name. */
function remoteUrls(top: string, maxFileSize: number): Map<string, string> {
  const urls = new Map<string, string>();
  const config = readSource(join(gitDirectory(top), 'config'), maxFileSize);
  if (!config.ok) return urls;
  let remote: string | undefined;
  for (const line of config.text.split('\n')) {
    const section = /^\s*\[\s*([^\]\s]+)(?:\s+"([^"]*)")?/.exec(line);
    if (section) remote = section[1]!.toLowerCase() === 'remote' ? (section[2] ?? '') : undefined;
    const url = remote !== undefined ? /^\s*url\s*=\s*"?([^"\s]+)/i.exec(line) : null;
    if (url && !urls.has(remote!)) urls.set(remote!, url[1]!);
  }
  return urls;
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
