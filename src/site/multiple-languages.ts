/**
 * jekyll-multiple-languages-plugin: the site is built once per language of `languages`, the first
 * (the default) at the root and each other under its folder (`/es/…`), every one of them too with
 * `default_locale_in_subfolder`. Each build writes every page (but one whose own `languages` list
 * leaves the language out), at its `permalink_<language>` where it has one, and the static files
 * but those under `exclude_from_localizations` (written once, at the root). (Checked with the
 * plugin's example site, built by jekyll 4.3.1.) Its posts, read from `_i18n/<language>/_posts/`,
 * are not known here.
 */
import type { JekyllConfig } from './jekyll-config.js';
import type { UrlTarget } from './urls.js';

/** Adds each language build's pages and static files (a URL already taken keeps its target). */
export function addLanguageBuilds(jekyll: Pick<JekyllConfig, 'plugins' | 'raw'>, targets: Map<string, UrlTarget>, dataOf: ReadonlyMap<string, Record<string, unknown>>): void {
  if (!jekyll.plugins.includes('jekyll-multiple-languages-plugin') || !Array.isArray(jekyll.raw.languages)) return;
  const languages = jekyll.raw.languages.filter((language): language is string => typeof language === 'string' && /^[\w-]+$/.test(language));
  if (languages.length === 0) return;
  const inSubfolders = jekyll.raw.default_locale_in_subfolder === true;
  const unlocalized = Array.isArray(jekyll.raw.exclude_from_localizations)
    ? jekyll.raw.exclude_from_localizations.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.replace(/^\/+|\/+$/g, '')).filter((entry) => entry !== '')
    : [];
  for (const [url, target] of [...targets]) {
    if (target.kind === 'static' && unlocalized.some((folder) => target.path === folder || target.path.startsWith(`${folder}/`))) continue;
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
