/**
 * permalink-placeholder: a document's permalink template (its own `permalink`, its collection's,
 * the site's for posts, or one front matter defaults give) uses only placeholders Jekyll's URL
 * drop has. `jekyll build` (3 and 4) stops on any other ("The URL template doesn't have titel
 * keys"). Pages are not checked: Jekyll leaves an unknown placeholder in a page's URL as text.
 * A site whose `_plugins` or unread plugin gems may add placeholders to the drop is not checked.
 */
import { locateInFrontMatter } from '../src/parse/yaml-locate.js';
import { pluginFilesFolders, unreadPluginGems } from '../src/site/plugins.js';
import { placeholdersNotInUrlDrop } from '../src/site/url-drop.js';
import { isCollectionDocument } from '../src/site/urls.js';
import type { SiteIndex } from '../src/site/site-index.js';
import type { SiteRule } from '../src/types.js';

/** Where the document's own `permalink` value is written. */
interface OwnPermalink {
  start: number;
  end: number;
}

export const permalinkPlaceholder: SiteRule<Record<string, never>, OwnPermalink> = {
  meta: {
    id: 'permalink-placeholder',
    description: "A document's permalink uses only placeholders Jekyll knows (`jekyll build` stops on `:titel`).",
    severity: 'error',
    fixable: false,
  },
  kind: 'site',
  collect({ document }) {
    const front = document.frontMatter;
    if (front.kind !== 'yaml' || typeof front.data.permalink !== 'string' || !front.data.permalink.includes(':')) return undefined;
    return locateInFrontMatter(front, ['permalink']);
  },
  check({ page, collected: own, site, report }) {
    if (!isCollectionDocument(page.path, site.jekyll)) return;
    const url = site.urls.urlOf.get(page.path);
    const unknown = url === undefined ? [] : placeholdersNotInUrlDrop(url);
    if (unknown.length === 0 || mayExtendUrlDrop(site)) return;
    // A template from the config or defaults is reported once, at the first document it publishes.
    if (!own && ![...site.urls.unknownUrls.values()].some((entry) => entry.path === page.path)) return;
    const names = unknown.map((key) => `\`:${key}\``).join(', ');
    const from = own ? 'This permalink uses' : "This document's permalink template (from the collection's or the site's `permalink`, or front matter defaults) uses";
    report({ message: `${from} ${names}, which Jekyll's URL drop does not have: \`jekyll build\` stops ("The URL template doesn't have ${unknown[0]} keys").`, start: own?.start ?? 0, end: own?.end ?? 0 });
  },
};

const extendableBySite = new WeakMap<SiteIndex, boolean>();

/** Whether a plugin may add placeholders to the URL drop: the site's Ruby plugin files, or plugin gems doclint does not read (worked out once per site). */
function mayExtendUrlDrop(site: SiteIndex): boolean {
  let extendable = extendableBySite.get(site);
  if (extendable === undefined) {
    const folders = pluginFilesFolders(site.jekyll).map((folder) => (folder === '' ? '' : `${folder}/`));
    const rubyPlugins = folders.length > 0 && [...site.files].some((file) => file.endsWith('.rb') && folders.some((folder) => file.startsWith(folder)));
    extendableBySite.set(site, (extendable = rubyPlugins || unreadPluginGems(site.jekyll).length > 0));
  }
  return extendable;
}
