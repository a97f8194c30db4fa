/**
 * The values of a parsed YAML document as Psych loads them (aliases allowed, as Jekyll's
 * loader allows them), made safe for every later walk: Psych builds recursive values and
 * alias bombs without complaint, but a rule that walks such a value as a tree would never
 * end. So a recursive reference is read as empty, and a top-level value that aliases
 * expand past a budget is read as empty too; each is a problem at the alias that caused it.
 * No recursion here: user data can nest deeper than the stack.
 */
import { isAlias, visit, type Document as YamlDocument, type Node as YamlNode, type Scalar } from 'yaml';

export interface YamlValueProblem {
  message: string;
  /** Offsets in the YAML text. */
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface YamlValues {
  /** The top-level mapping (empty when the document is not one or cannot be loaded). */
  data: Record<string, unknown>;
  problems: YamlValueProblem[];
}

/** Values an alias-expanded front matter may hold before the rest of it is read as empty. */
export const expandedValueBudget = 100_000;

export function yamlValues(yaml: YamlDocument.Parsed): YamlValues {
  const problems: YamlValueProblem[] = [];
  let value: unknown;
  try {
    value = yaml.toJS({ maxAliasCount: -1 });
  } catch (error) {
    const unknown = /Unresolved alias[^:]*: (.*)$/.exec((error as Error).message);
    const alias = unknown ? findAlias(yaml, (node) => node.source === unknown[1]) : recursiveAliases(yaml)[0];
    const message = unknown
      ? `Unknown alias \`*${unknown[1]}\` (no anchor \`&${unknown[1]}\` before it): Jekyll cannot read this front matter and uses none of it.`
      : 'An alias refers to the map that contains it through a merge key (`<<`), which has no finite value: doclint reads this front matter as empty.';
    problems.push({ message, ...rangeOf(alias), severity: 'error' });
    return { data: {}, problems };
  }
  problems.push(...symbolWarnings(yaml));
  const isMapping = value !== null && typeof value === 'object' && !Array.isArray(value);
  const sizes = value !== null && typeof value === 'object' ? expandedSizes(value) : undefined;
  // The aliases are looked for only when the walk met a cycle: most front matter has none.
  for (const alias of sizes?.cyclic ? recursiveAliases(yaml) : []) {
    problems.push({
      message: `The alias \`*${alias.source}\` refers to the value that contains it (a recursive value): Jekyll loads it, but it cannot be printed or walked; doclint reads the inner reference as empty.`,
      ...rangeOf(alias),
      severity: 'warning',
    });
  }
  if (!isMapping || !sizes) return { data: {}, problems };
  const data = value as Record<string, unknown>;
  let total = 0;
  let over = false;
  for (const key of Object.keys(data)) {
    const size = sizes.of.get(data[key]) ?? 1;
    total += size;
    // Past the budget, lists and maps are read as empty; scalars (a title, a layout) cost one each and are kept.
    if (total <= expandedValueBudget || size === 1) continue;
    data[key] = null;
    if (over) continue;
    over = true;
    const pair = yaml.contents && 'items' in yaml.contents ? (yaml.contents.items as { key?: { value?: unknown; range?: [number, number, number] } }[]).find((p) => p.key?.value === key) : undefined;
    const range = pair?.key?.range;
    problems.push({
      message: `Aliases expand the front matter past ${expandedValueBudget.toLocaleString('en')} values at \`${key}\` (an alias bomb): doclint reads \`${key}\` and the lists and maps after it as empty.`,
      start: range?.[0] ?? 0,
      end: range?.[1] ?? 0,
      severity: 'warning',
    });
  }
  return { data, problems };
}

/**
 * Plain scalars written as Ruby Symbols (`style: :compressed`, `permalink: :title`): Jekyll's
 * releases read them as text (SafeYAML), but Psych's safe_load refuses them, and Debian's and
 * Ubuntu's jekyll package loads YAML with safe_load: there the build stops.
 */
function symbolWarnings(yaml: YamlDocument.Parsed): YamlValueProblem[] {
  const warnings: YamlValueProblem[] = [];
  visit(yaml, {
    Scalar(_, node: Scalar) {
      if (node.type !== 'PLAIN' || node.tag || typeof node.value !== 'string' || !/^:./.test(node.value) || node.value.includes('\n')) return;
      warnings.push({
        message: `\`${node.value}\` starts with \`:\`: Jekyll reads it as the text \`${node.value}\`, but a Jekyll that loads YAML with Psych's safe_load (Debian's and Ubuntu's jekyll package) stops on it as a Ruby Symbol; quote it to build everywhere.`,
        ...rangeOf(node),
        severity: 'warning',
      });
    },
  });
  return warnings;
}

/** Aliases inside the node their anchor names: `x: &a [*a]`, `<<: &a {<<: *a}`. */
function recursiveAliases(yaml: YamlDocument.Parsed) {
  const found: { source: string; range?: [number, number, number] | null }[] = [];
  visit(yaml, {
    Alias(_, alias) {
      const target = alias.resolve(yaml) as YamlNode | undefined;
      const [from, to] = [target?.range?.[0], target?.range?.[2]];
      const at = alias.range?.[0];
      if (from !== undefined && to !== undefined && at !== undefined && from <= at && at < to) found.push(alias);
    },
  });
  return found;
}

function findAlias(yaml: YamlDocument.Parsed, test: (alias: { source: string }) => boolean) {
  let match: { source: string; range?: [number, number, number] | null } | undefined;
  visit(yaml, {
    Node(_, node) {
      if (isAlias(node) && test(node)) {
        match = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return match;
}

function rangeOf(node: { range?: [number, number, number] | null } | undefined): { start: number; end: number } {
  return { start: node?.range?.[0] ?? 0, end: node?.range?.[1] ?? 0 };
}

/**
 * Breaks every cycle of `root` in place (a reference back to a value being walked becomes null)
 * and returns how many values each object and array stands for once aliases are expanded
 * (shared values counted each time, as a tree walk would meet them), capped past the budget,
 * and whether there was a cycle to break.
 */
function expandedSizes(root: object): { of: Map<unknown, number>; cyclic: boolean } {
  const sizes = new Map<unknown, number>();
  const onPath = new Set<object>();
  let cyclic = false;
  const stack: { node: Record<string, unknown> | unknown[]; keys: (string | number)[]; next: number }[] = [];
  const enter = (node: object): void => {
    onPath.add(node);
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    stack.push({ node: node as Record<string, unknown>, keys, next: 0 });
  };
  enter(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.keys.length) {
      const key = frame.keys[frame.next++]!;
      const child = (frame.node as Record<string | number, unknown>)[key];
      if (child === null || typeof child !== 'object' || child instanceof Date || sizes.has(child)) continue;
      if (onPath.has(child)) {
        (frame.node as Record<string | number, unknown>)[key] = null;
        cyclic = true;
      } else enter(child);
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    let size = 1;
    for (const key of frame.keys) {
      size += sizes.get((frame.node as Record<string | number, unknown>)[key]) ?? 1;
      if (size > expandedValueBudget) break;
    }
    sizes.set(frame.node, Math.min(size, expandedValueBudget + 1));
  }
  return { of: sizes, cyclic };
}
