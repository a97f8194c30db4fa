/**
 * doclint's rules as a remark preset (`doclint/remark-preset`), each at its default severity,
 * with remark-frontmatter so the rest of a remark pipeline sees YAML front matter as such:
 *
 *   // .remarkrc.mjs
 *   import doclint from 'doclint/remark-preset';
 *   export default { plugins: [doclint] };
 */
import remarkFrontmatter from 'remark-frontmatter';
import type { PluggableList, Preset } from 'unified';
import { allRules } from '../../rules/index.js';
import { remarkPlugin } from './plugin.js';

const plugins: PluggableList = [[remarkFrontmatter, ['yaml']]];
for (const rule of allRules) {
  if (rule.check) plugins.push([remarkPlugin(rule), [rule.meta.severity === 'error' ? 'error' : 'warn']]);
}

const remarkPresetDoclint: Preset = { plugins };
export default remarkPresetDoclint;
