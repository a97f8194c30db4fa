/**
 * liquid-include: `{% include x %}` names a file in the includes folder and
 * `{% include_relative x %}` a file beside the page; a missing one fails `jekyll build`.
 * Dynamic names (`{% include {{ page.x }} %}`) and sites whose theme, unknown to doclint, may
 * provide the include are not checked.
 */
import { includedFiles, refusedIncludeName, type IncludedFile } from '../src/site/include-files.js';
import type { SiteRule } from '../src/types.js';
import { themeTemplates } from '../src/site/themes.js';
import { documentScope } from '../src/site/site-index.js';
import { writtenBeforeBuild } from '../src/site/published-elsewhere.js';

export const liquidInclude: SiteRule<Record<string, never>, IncludedFile[]> = {
  meta: {
    id: 'liquid-include',
    description: '`{% include %}` and `{% include_relative %}` name files that exist.',
    severity: 'error',
    fixable: false,
  },
  kind: 'site',
  collect({ document, site }) {
    // A page's own values may rule out the branch an include is in (a fragment's are the page's that takes it in).
    const includes = includedFiles(document, site.jekyll, documentScope(document, site).page);
    return includes.length > 0 ? includes : undefined;
  },
  check({ collected: includes = [], site, report }) {
    const theme = themeTemplates(site.jekyll);
    for (const { tag, name, target, start, end } of includes) {
      if (refusedIncludeName(name)) {
        // Never read or resolved (`..` would leave the site).
        report({ message: `\`{% ${tag} ${name} %}\`: Jekyll refuses this name ("Invalid syntax for include tag": no \`..\`, \`./\` or \`//\` in it, only letters, digits and \`_/.-()+~#@\`), so it fails to build the page.`, start, end });
        continue;
      }
      // Without a site (the remark plugins) existence cannot be known.
      const fromTheme = tag === 'include' && (theme === 'unknown' || theme.includes.includes(name));
      if (site.files.size === 0 || site.files.has(target) || fromTheme || writtenBeforeBuild(site.jekyll, target)) continue;
      report({ message: `\`{% ${tag} ${name} %}\`: there is no \`${target}\`, so Jekyll fails to build the page.`, start, end });
    }
  },
};
