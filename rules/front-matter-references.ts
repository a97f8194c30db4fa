/**
 * front-matter-references: front matter values that name files of the repository name
 * files that exist: a `layout` in `_layouts/`, each of `categories` in `_categories/`
 * (configurable: which key names which folder). A folder the repository does not have
 * (a theme gem provides the layouts) is not checked, unless the theme is one doclint knows.
 */
import { closest } from '../src/suggest.js';
import { locateInFrontMatter } from '../src/parse/yaml-locate.js';
import type { SiteRule } from '../src/types.js';
import { pluginLayoutNames } from '../src/site/layouts.js';
import { themeTemplates } from '../src/site/themes.js';

interface Options {
  /** Front matter key -> folder whose files (by name, without extension) are the allowed values. */
  references: Record<string, string>;
}

/** One value that names a file: where it is written, and as written. */
interface Reference {
  key: string;
  folder: string;
  entry: string;
  start: number;
  end: number;
  written: string;
}

export const frontMatterReferences: SiteRule<Options, Reference[]> = {
  meta: {
    id: 'front-matter-references',
    description: 'Front matter values that name files (a `layout` in `_layouts/`, `categories` in `_categories/`) name files that exist.',
    severity: 'error',
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        references: { type: 'object', additionalProperties: { type: 'string' }, description: 'Key -> folder, e.g. { "layout": "_layouts" }.' },
      },
    },
    defaults: { references: { layout: '_layouts', categories: '_categories' } },
  },
  kind: 'site',
  collect({ document, options }) {
    const front = document.frontMatter;
    if (front.kind !== 'yaml' || front.bom) return undefined;
    const references: Reference[] = [];
    for (const [key, folder] of Object.entries(options.references)) {
      const value = front.data[key];
      if (value === undefined || value === null) continue;
      const values = Array.isArray(value) ? value : [value];
      values.forEach((entry, index) => {
        if (typeof entry !== 'string') return;
        const where = locateInFrontMatter(front, Array.isArray(value) ? [key, index] : [key]);
        if (where) references.push({ key, folder, entry, ...where, written: document.text.slice(where.start, where.end) });
      });
    }
    return references.length > 0 ? references : undefined;
  },
  check({ collected: references = [], site, report }) {
    // A theme gem (theme:, remote_theme:) provides layouts and includes the repository need not have,
    // and jekyll-redirect-from its `redirect` layout.
    const theme = themeTemplates(site.jekyll);
    for (const { key, folder, entry, start, end, written } of references) {
      const templates = /^\/?_(layouts|includes)\/?$/.exec(folder)?.[1] as 'layouts' | 'includes' | undefined;
      if (templates && theme === 'unknown') continue;
      const fromTheme = templates && theme !== 'unknown' ? theme[templates].map((file) => file.replace(/\.[^.]*$/, '')) : [];
      const names = new Set([...namesIn(site.files, folder.replace(/^\/|\/$/g, '')), ...fromTheme]);
      if (names.size === 0 || names.has(entry) || (templates === 'layouts' && pluginLayoutNames(site.jekyll).includes(entry))) continue;
      const suggestion = closest(entry, names);
      const exact = suggestion && suggestion.toLowerCase() === entry.toLowerCase();
      report({
        message: `\`${key}\`: \`${entry}\` is not a file in \`${folder}/\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}.`,
        start,
        end,
        // Only a case-only mismatch is certain enough to fix.
        ...(exact ? { fix: { start, end, text: written.replace(entry, suggestion) } } : {}),
      });
    }
  },
};

const cache = new WeakMap<ReadonlySet<string>, Map<string, Set<string>>>();

/**
 * The file names (extension dropped) directly or deeper in a folder, and their paths below it
 * (`world/2023/speaker`, as Jekyll names a layout in a sub-folder of `_layouts/`), cached per site.
 */
function namesIn(files: ReadonlySet<string>, folder: string): Set<string> {
  let perFolder = cache.get(files);
  if (!perFolder) {
    perFolder = new Map();
    cache.set(files, perFolder);
  }
  let names = perFolder.get(folder);
  if (!names) {
    names = new Set();
    const prefix = `${folder}/`;
    for (const file of files) {
      if (!file.startsWith(prefix)) continue;
      const below = file.slice(prefix.length);
      const dot = below.lastIndexOf('.');
      const name = dot > below.lastIndexOf('/') + 1 ? below.slice(0, dot) : below;
      names.add(name.slice(name.lastIndexOf('/') + 1));
      names.add(name);
    }
    perFolder.set(folder, names);
  }
  return names;
}
