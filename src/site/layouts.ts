/**
 * Layouts as Jekyll names them: a page's layout is its `layout` value (its own, or the front
 * matter defaults'), and a layout named `post` is the file `post.<ext>` in the layouts folder.
 */
import { parseFrontMatter } from '../parse/front-matter.js';
import { withFrontMatterDefaults } from './front-matter-defaults.js';
import type { JekyllConfig } from './jekyll-config.js';
import type { SiteIndex } from './site-index.js';
import { documentType } from './urls.js';

const layoutsFolder = (jekyll: Pick<JekyllConfig, 'layoutsDir'>): string => jekyll.layoutsDir ?? '_layouts';

/** The layout a file with these front matter values is laid out in, the defaults applied. */
export function layoutOf(path: string, values: Record<string, unknown>, jekyll: JekyllConfig): string | undefined {
  const layout = withFrontMatterDefaults(jekyll.frontMatterDefaults, path, documentType(path, jekyll), values).layout;
  return typeof layout === 'string' ? layout : undefined;
}

/** The site's file of the layout named `name`, if it holds one. */
export function layoutFile(name: string, site: Pick<SiteIndex, 'files' | 'jekyll'>): string | undefined {
  const prefix = `${layoutsFolder(site.jekyll)}/${name}.`;
  for (const path of site.files) if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) return path;
  return undefined;
}

/** The layout a layout file is laid out in (its own front matter's `layout`), if it names one. */
export function parentLayout(file: string, site: Pick<SiteIndex, 'sourceOf'>): string | undefined {
  const text = site.sourceOf(file);
  const front = text === undefined ? undefined : parseFrontMatter(text);
  return front?.kind === 'yaml' && typeof front.data.layout === 'string' ? front.data.layout : undefined;
}

/** The files of the layout named `name` and of the layouts it is laid out in (a loop ends where it closes). */
export function layoutChain(name: string, site: Pick<SiteIndex, 'files' | 'jekyll' | 'sourceOf'>): string[] {
  const chain: string[] = [];
  for (let file = layoutFile(name, site); file !== undefined && !chain.includes(file); ) {
    chain.push(file);
    const parent = parentLayout(file, site);
    file = parent === undefined ? undefined : layoutFile(parent, site);
  }
  return chain;
}

/** The layouts a plugin gives a site that has none of the name: jekyll-redirect-from's `redirect` (checked with jekyll 4.3.1). */
export function pluginLayoutNames(jekyll: Pick<JekyllConfig, 'plugins'>): string[] {
  return jekyll.plugins.includes('jekyll-redirect-from') ? ['redirect'] : [];
}

/** A layout file's name: its path in the layouts folder without the extension (Jekyll's LayoutReader). */
export function layoutName(file: string, jekyll: Pick<JekyllConfig, 'layoutsDir'>): string {
  return file.slice(layoutsFolder(jekyll).length + 1).replace(/\.[^./]+$/, '');
}
