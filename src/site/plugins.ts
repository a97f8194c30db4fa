/**
 * What a site's own plugins (`_plugins/*.rb`) and the plugin gems it names add to Liquid and to
 * the published site, read without running any Ruby:
 * - `Liquid::Template.register_tag('name', Class)`: a tag (a block when the class inherits from
 *   `Liquid::Block`);
 * - `Liquid::Template.register_filter(Module)`: every method the file defines is a filter;
 * - jekyll-feed and jekyll-seo-tag (in `plugins:` or `gems:`): their tags (the files plugin gems
 *   write are in the Jekyll config's `generatedUrls`).
 * A plugin read wrongly only makes doclint know a name more: it never fails the run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TagSpec } from '../parse/tag-registry.js';
import type { ResolvedConfig } from '../config/types.js';
import type { JekyllConfig } from './jekyll-config.js';
import { readSource } from './read-source.js';

export interface SitePlugins {
  tags: Record<string, TagSpec>;
  filters: string[];
}

/** How many plugin files are read at most (a site has a handful). */
const maxPluginFiles = 200;

const gemTags: Record<string, Record<string, TagSpec>> = {
  'jekyll-feed': { feed_meta: {} },
  'jekyll-seo-tag': { seo: {} },
};

export function readPlugins(root: string, jekyll: JekyllConfig, maxFileSize: number): SitePlugins {
  const tags: Record<string, TagSpec> = Object.create(null) as Record<string, TagSpec>;
  const filters = new Set<string>();
  for (const gem of jekyll.plugins) if (Object.hasOwn(gemTags, gem)) Object.assign(tags, gemTags[gem]);
  const folder = join(root, typeof jekyll.raw.plugins_dir === 'string' ? jekyll.raw.plugins_dir : '_plugins');
  for (const file of rubyFiles(folder)) {
    const source = readSource(file, maxFileSize);
    if (!source.ok) continue;
    const text = source.text;
    const blockClasses = new Set([...text.matchAll(/class\s+([\w:]+)\s*<\s*(?:::)?Liquid::Block\b/g)].map((m) => m[1]!.split('::').at(-1)!));
    for (const match of text.matchAll(/register_tag\(?\s*["':]([\w-]+)["']?\s*,\s*([\w:]+)/g)) {
      tags[match[1]!] = blockClasses.has(match[2]!.split('::').at(-1)!) ? { block: true } : {};
    }
    if (/register_filter\b/.test(text)) for (const match of text.matchAll(/\bdef\s+(?:self\.)?([a-z_]\w*[?!]?)/g)) filters.add(match[1]!);
  }
  return { tags, filters: [...filters] };
}

function rubyFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.rb'))
      .slice(0, maxPluginFiles)
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** The config with the plugins' tags and filters known (the user's own settings win). */
export function withPlugins(config: ResolvedConfig, plugins: SitePlugins): ResolvedConfig {
  if (Object.keys(plugins.tags).length === 0 && plugins.filters.length === 0) return config;
  const output = config.rules['liquid-output'];
  const rules = output ? { ...config.rules, 'liquid-output': { ...output, options: { ...output.options, filters: [...plugins.filters, ...((output.options.filters as string[] | undefined) ?? [])] } } } : config.rules;
  return { ...config, rules, liquid: { ...config.liquid, tags: { ...plugins.tags, ...config.liquid.tags } } };
}
