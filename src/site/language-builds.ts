/**
 * The multi-language plugins, which publish the site again under each language's folder (a URL
 * already taken keeps its target):
 * - jekyll-polyglot: each page, document and static file is also written under every other
 *   language's folder (`/es/about/` beside `/about/`), the site's `default_lang` excepted; static
 *   files under `exclude_from_localization` are written once. (Checked with jekyll-polyglot 1.5.)
 * - jekyll-multiple-languages-plugin: the site is built once per language of `languages`, the
 *   first (the default) at the root and each other under its folder, every one of them too with
 *   `default_locale_in_subfolder`. Each build writes every page (but one whose own `languages`
 *   list leaves the language out), at its `permalink_<language>` where it has one, and the static
 *   files but those under `exclude_from_localizations` (written once, at the root). (Checked with
 *   the plugin's example site, built by jekyll 4.3.1.) Each build reads its language's posts
 *   from `_i18n/<language>/_posts/` instead of `_posts/` (translatedPost).
 */
import type { JekyllConfig } from './jekyll-config.js';
import type { UrlTarget } from './urls.js';

type Plugins = Pick<JekyllConfig, 'plugins' | 'raw'>;

/** Where a language's build writes a translated post: its language and the folder of the build. */
export interface LanguageBuild {
  language: string;
  /** `/es` for a language's build in its folder, '' for the default language's at the root. */
  folder: string;
}

/**
 * jekyll-multiple-languages-plugin replaces the root's posts with each language's: every build
 * reads `_i18n/<language>/_posts/` where Jekyll reads `_posts/` (not when `exclude_from_localizations`
 * lists `_posts`, nor below a `collections_dir`, whose posts Jekyll reads from another folder
 * than the one the plugin replaces). For a path of the site: 'unread' for a root post, else the
 * language build and the post's path as Jekyll reads it in that build (`_posts/…`, so that no
 * folder becomes a category), or undefined (not a translated post).
 */
export function translatedPost(jekyll: Plugins & Pick<JekyllConfig, 'collectionsDir'>, path: string): 'unread' | { build: LanguageBuild; path: string } | undefined {
  if (!jekyll.plugins.includes('jekyll-multiple-languages-plugin') || jekyll.collectionsDir) return undefined;
  const exclusions = jekyll.raw.exclude_from_localizations;
  if (Array.isArray(exclusions) && exclusions.includes('_posts')) return undefined;
  const languages = languageCodes(jekyll.raw.languages);
  if (languages.length === 0) return undefined;
  if (path.startsWith('_posts/')) return 'unread';
  const match = /^_i18n\/([^/]+)\/(_posts\/.+)$/.exec(path);
  const index = match ? languages.indexOf(match[1]!) : -1;
  if (index === -1) return undefined;
  const language = languages[index]!;
  const folder = index === 0 && jekyll.raw.default_locale_in_subfolder !== true ? '' : `/${language}`;
  return { build: { language, folder }, path: match![2]! };
}

/**
 * The values jekyll-multiple-languages-plugin adds to the `site` of every build: `default_lang`
 * (the first language) and `baseurl_root` (the config's baseurl). `lang` and `baseurl` differ from
 * build to build: only a translated post's build is known (languageBuildSite).
 */
export function multipleLanguagesSettings(raw: Record<string, unknown>): Record<string, unknown> {
  const languages = Array.isArray(raw.languages) ? raw.languages : [];
  return languages.length === 0 ? raw : { ...raw, default_lang: languages[0], baseurl_root: String(raw.baseurl ?? '') };
}

const buildSites = new WeakMap<Record<string, unknown>, Map<string, Record<string, unknown>>>();

/** The `site` a language's build renders with: its `lang`, and its folder after the baseurl (`baseurl + "/" + lang`, as the plugin writes it). */
export function languageBuildSite(raw: Record<string, unknown>, build: LanguageBuild): Record<string, unknown> {
  let sites = buildSites.get(raw);
  if (!sites) buildSites.set(raw, (sites = new Map()));
  let site = sites.get(build.language);
  if (!site) sites.set(build.language, (site = { ...raw, lang: build.language, ...(build.folder ? { baseurl: `${String(raw.baseurl ?? '')}${build.folder}` } : {}) }));
  return site;
}

/** The language codes a `languages` setting lists (ones usable as folder names). */
function languageCodes(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((language): language is string => typeof language === 'string' && /^[\w-]+$/.test(language)) : [];
}

/** Whether a target is a static file that a plugin's exclusion list (`exclude_from_localization[s]`) writes once. */
function writtenOnce(exclusions: unknown): (target: UrlTarget) => boolean {
  const folders = Array.isArray(exclusions)
    ? exclusions.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.replace(/^\/+|\/+$/g, '')).filter((entry) => entry !== '')
    : [];
  return (target) => target.kind === 'static' && folders.some((folder) => target.path === folder || target.path.startsWith(`${folder}/`));
}

/** Adds jekyll-polyglot's copies of each target under the other languages' folders. */
export function addPolyglotCopies(jekyll: Plugins, targets: Map<string, UrlTarget>): void {
  if (!jekyll.plugins.includes('jekyll-polyglot')) return;
  const defaultLanguage = typeof jekyll.raw.default_lang === 'string' ? jekyll.raw.default_lang : 'en';
  const languages = languageCodes(jekyll.raw.languages).filter((language) => language !== defaultLanguage);
  if (languages.length === 0) return;
  const once = writtenOnce(jekyll.raw.exclude_from_localization);
  for (const [url, target] of [...targets]) {
    if (once(target)) continue;
    for (const language of languages) if (!targets.has(`/${language}${url}`)) targets.set(`/${language}${url}`, target);
  }
}

/** Adds each of jekyll-multiple-languages-plugin's language builds: its pages and static files. */
export function addLanguageBuilds(jekyll: Plugins, targets: Map<string, UrlTarget>, dataOf: ReadonlyMap<string, Record<string, unknown>>): void {
  if (!jekyll.plugins.includes('jekyll-multiple-languages-plugin')) return;
  const languages = languageCodes(jekyll.raw.languages);
  if (languages.length === 0) return;
  const inSubfolders = jekyll.raw.default_locale_in_subfolder === true;
  const once = writtenOnce(jekyll.raw.exclude_from_localizations);
  for (const [url, target] of [...targets]) {
    if (once(target)) continue;
    const data = target.kind === 'page' ? dataOf.get(target.path) : undefined;
    // A page's own `languages` list leaves it out of the other languages' builds.
    const only = Array.isArray(data?.languages) ? data.languages : undefined;
    languages.forEach((language, index) => {
      if (only && !only.includes(language)) return;
      const own = data?.[`permalink_${language}`];
      const path = typeof own === 'string' && own.startsWith('/') ? own : url;
      const copy = index === 0 && !inSubfolders ? path : `/${language}${path}`;
      if (!targets.has(copy)) targets.set(copy, target);
    });
  }
}
