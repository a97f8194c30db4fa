/**
 * Variables a site's includes set to the path it is served under, as Jekyll-Bootstrap's
 * `JB/setup` does (`{% assign BASE_PATH = site.JB.BASE_PATH %}` on GitHub Pages, `nil` in a local
 * build): pages write `[x]({{ BASE_PATH }}/usage/setup.html)`, which is a path from the site's
 * root whichever value the build gives it, as `{{ site.baseurl }}` makes one. A variable counts
 * when every `assign` of it in `_includes/` gives `nil`, an empty string or a `site.*` value that
 * is empty or starts with `/`, and no `capture` sets it.
 */
import { renderOutput } from '../parse/liquid-render.js';
import { scanLiquid } from '../parse/liquid-tokens.js';
import type { SiteIndex } from './site-index.js';

const bySite = new WeakMap<SiteIndex, ReadonlySet<string>>();

export function basePathVariables(site: SiteIndex): ReadonlySet<string> {
  let names = bySite.get(site);
  if (names) return names;
  const verdicts = new Map<string, boolean>();
  const scope = site.renderScopeOf('');
  const folder = `${site.jekyll.includesDir}/`;
  for (const file of site.files) {
    if (!file.startsWith(folder)) continue;
    const text = site.sourceOf(file);
    if (text === undefined || !text.includes('{%')) continue;
    for (const tag of scanLiquid(text)) {
      if (tag.kind !== 'tag') continue;
      if (tag.name === 'capture') {
        const name = /^\s*([\w-]+)/.exec(tag.markup)?.[1];
        if (name) verdicts.set(name, false);
        continue;
      }
      if (tag.name !== 'assign') continue;
      const assignment = /^\s*([\w-]+)\s*=\s*(.*?)\s*$/s.exec(tag.markup);
      if (!assignment) continue;
      const [, name, value] = assignment as unknown as [string, string, string];
      verdicts.set(name, verdicts.get(name) !== false && isBasePath(value, scope));
    }
  }
  names = new Set([...verdicts].filter(([, counts]) => counts).map(([name]) => name));
  bySite.set(site, names);
  return names;
}

function isBasePath(value: string, scope: ReturnType<SiteIndex['renderScopeOf']>): boolean {
  if (value === 'nil' || value === "''" || value === '""') return true;
  if (!/^site(?:\.[\w-]+)+$/.test(value)) return false;
  const rendered = renderOutput(value, scope);
  return rendered !== undefined && (rendered === '' || rendered.startsWith('/'));
}
