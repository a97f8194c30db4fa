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
 *   the plugin's example site, built by jekyll 4.3.1.) Its posts, read from
 *   `_i18n/<language>/_posts/`, are not known here.
 */
import type { JekyllConfig } from './jekyll-config.js';
import type { UrlTarget } from './urls.js';

type Plugins = Pick<JekyllConfig, 'plugins' | 'raw'>;

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
