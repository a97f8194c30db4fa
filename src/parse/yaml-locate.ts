/** Finds where a value or key of the front matter is written, from a path like ['categories', 1]. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FrontMatter } from './front-matter.js';

type YamlFrontMatter = Extract<FrontMatter, { kind: 'yaml' }>;

export interface Located {
  start: number;
  end: number;
}

/** Offsets in the file of the key (`target: 'key'`) or value at `path`, or undefined. */
export function locateInFrontMatter(front: YamlFrontMatter, path: readonly (string | number)[], target: 'key' | 'value' = 'value'): Located | undefined {
  // Flat front matter knows its places; the tree is built only for the others (and never found ones).
  const place = front.flatPlaces?.get(String(path[0]));
  const span = !place ? undefined : path.length === 2 ? place.items?.[Number(path[1])] : path.length !== 1 ? undefined : target === 'key' ? place.key : place.value;
  if (span) return { start: front.yamlStart + span[0], end: front.yamlStart + span[1] };
  let node: unknown = front.yaml.contents;
  let keyRange: [number, number, number] | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return undefined;
      keyRange = isScalar(pair.key) ? pair.key.range ?? undefined : undefined;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      keyRange = undefined;
    } else return undefined;
  }
  const range = target === 'key' && keyRange ? keyRange : ((node as Node | null)?.range ?? keyRange);
  if (!range) return undefined;
  return { start: front.yamlStart + range[0], end: front.yamlStart + Math.max(range[0], range[1]) };
}
