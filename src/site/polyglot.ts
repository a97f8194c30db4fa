/**
 * jekyll-polyglot, the multi-language plugin: each page, document and static file is also
 * written under every other language's folder (`/es/about/` beside `/about/`), the site's
 * `default_lang` excepted; static files under `exclude_from_localization` are written once.
 * (Checked with jekyll-polyglot 1.5.)
 */
import type { JekyllConfig } from './jekyll-config.js';
import type { UrlTarget } from './urls.js';

/** The language folders polyglot writes copies into: `languages` but the default one. */
export function polyglotLanguages(jekyll: Pick<JekyllConfig, 'plugins' | 'raw'>): string[] {
  if (!jekyll.plugins.includes('jekyll-polyglot') || !Array.isArray(jekyll.raw.languages)) return [];
  const defaultLanguage = typeof jekyll.raw.default_lang === 'string' ? jekyll.raw.default_lang : 'en';
  return jekyll.raw.languages.filter((language): language is string => typeof language === 'string' && /^[\w-]+$/.test(language) && language !== defaultLanguage);
}

/** Adds each target's copies under the language folders (a URL already taken keeps its target). */
export function addPolyglotCopies(jekyll: Pick<JekyllConfig, 'plugins' | 'raw'>, targets: Map<string, UrlTarget>): void {
  const languages = polyglotLanguages(jekyll);
  if (languages.length === 0) return;
  const unlocalized = Array.isArray(jekyll.raw.exclude_from_localization)
    ? jekyll.raw.exclude_from_localization.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.replace(/^\/+|\/+$/g, ''))
    : [];
  for (const [url, target] of [...targets]) {
    if (target.kind === 'static' && unlocalized.some((folder) => target.path === folder || target.path.startsWith(`${folder}/`))) continue;
    for (const language of languages) if (!targets.has(`/${language}${url}`)) targets.set(`/${language}${url}`, target);
  }
}
