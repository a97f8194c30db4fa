/**
 * What rules may know about the whole site, built once per run before any rule runs:
 * every source file, and the front matter of every content document. Rules read it;
 * they never touch the file system themselves.
 */
import { parseFrontMatter } from '../parse/front-matter.js';
import type { JekyllConfig } from './jekyll-config.js';

export interface SiteIndex {
  jekyll: JekyllConfig;
  /** Every file of the site source (root-relative, forward slashes), generated output excluded. */
  files: ReadonlySet<string>;
  /** Front matter values of every content document that has valid YAML front matter. */
  frontMatter: ReadonlyMap<string, Record<string, unknown>>;
}

/** Builds the index from already-read texts (the engine reads each file once). */
export function buildSiteIndex(jekyll: JekyllConfig, files: ReadonlySet<string>, texts: ReadonlyMap<string, string>): SiteIndex {
  const frontMatter = new Map<string, Record<string, unknown>>();
  for (const [path, text] of texts) {
    const front = parseFrontMatter(text);
    if (front.kind === 'yaml' && !front.bom) frontMatter.set(path, front.data);
  }
  return { jekyll, files, frontMatter };
}
