/**
 * liquid-include: `{% include x %}` names a file in the includes folder and
 * `{% include_relative x %}` a file beside the page; a missing one fails `jekyll build`.
 * Dynamic names (`{% include {{ page.x }} %}`) and sites whose theme may provide the
 * include are not checked.
 */
import { posix } from 'node:path';
import type { SiteRule } from '../src/types.js';

/** An include as written: the tag, the name, the file it names and where the name is. */
interface Include {
  tag: string;
  name: string;
  target: string;
  start: number;
  end: number;
}

export const liquidInclude: SiteRule<Record<string, never>, Include[]> = {
  meta: {
    id: 'liquid-include',
    description: '`{% include %}` and `{% include_relative %}` name files that exist.',
    severity: 'error',
    fixable: false,
  },
  kind: 'site',
  collect({ document, site }) {
    const { includesDir } = site.jekyll;
    // A comment's tags are parsed but never rendered: its includes are never looked up.
    const comments = document.liquid.blocks.filter((block) => block.open.name === 'comment' && block.close);
    const includes: Include[] = [];
    for (const tag of document.liquid.tags) {
      if (tag.name !== 'include' && tag.name !== 'include_relative') continue;
      if (comments.some((block) => tag.start > block.open.start && tag.end <= block.close!.start)) continue;
      const name = /^\s*(\S+)/.exec(tag.markup)?.[1];
      if (!name || name.includes('{{')) continue;
      const target = posix.normalize(tag.name === 'include_relative' ? posix.join(posix.dirname(document.path), name) : `${includesDir}/${name}`);
      const start = tag.markupStart + tag.markup.indexOf(name);
      includes.push({ tag: tag.name, name, target, start, end: start + name.length });
    }
    return includes.length > 0 ? includes : undefined;
  },
  check({ collected: includes = [], site, report }) {
    const themed = typeof site.jekyll.raw.theme === 'string' || typeof site.jekyll.raw.remote_theme === 'string';
    for (const { tag, name, target, start, end } of includes) {
      if (target === '..' || target.startsWith('../') || name.startsWith('/')) {
        // Never read or resolved: the path leaves the site (Jekyll refuses it too).
        report({ message: `\`{% ${tag} ${name} %}\` points outside the site: Jekyll refuses include paths that leave it.`, start, end });
        continue;
      }
      // Without a site (the remark plugins) existence cannot be known.
      if (site.files.size === 0 || site.files.has(target) || (tag === 'include' && themed)) continue;
      report({ message: `\`{% ${tag} ${name} %}\`: there is no \`${target}\`, so Jekyll fails to build the page.`, start, end });
    }
  },
};
