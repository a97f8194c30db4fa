/**
 * The links a data file (`_data/navigation.yml`) gives the layouts that list it: each `url`,
 * `href` or `link` value that is a root-relative path or an http(s) URL. Layouts write such a
 * value through `relative_url` (or after `{{ site.baseurl }}`), so a root-relative path is read
 * under the baseurl; one already under it is taken as written. Values with escapes are left out:
 * their offsets in the file would not be the value's. A layout may write a value under a prefix of
 * its own (`/{{ page.lang }}{{ item.url }}`), so what the link rules find in one is a warning.
 */
import { isScalar, visit } from 'yaml';
import { parsePsychYaml } from '../parse/front-matter.js';
import { decodeCharacterReferences } from '../text/html-entities.js';
import type { LinkRef } from './extract.js';

const linkKeys = new Set(['url', 'href', 'link']);
const linkValue = /^(?:\/(?!\/)|https?:\/\/)/i;

export function dataFileLinks(text: string, baseurl: string): LinkRef[] {
  const yaml = parsePsychYaml(text);
  if (yaml.errors.length > 0) return [];
  const links: LinkRef[] = [];
  visit(yaml, {
    Pair(_, pair) {
      const { key, value } = pair;
      if (!isScalar(key) || !linkKeys.has(String(key.value)) || !isScalar(value) || typeof value.value !== 'string' || !value.range) return;
      const raw = value.value;
      if (!linkValue.test(raw)) return;
      const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : 0;
      const start = value.range[0] + quoted;
      if (text.slice(start, start + raw.length) !== raw) return;
      const underBaseurl = raw.startsWith('/') && !(baseurl && (raw === baseurl || raw.startsWith(`${baseurl}/`)));
      // Layouts write the value into an attribute, where the browser decodes its character references.
      const url = decodeCharacterReferences(underBaseurl ? `${baseurl}${raw}` : raw);
      links.push({ source: 'data', raw, start, end: start + raw.length, url });
    },
  });
  return links;
}
