/**
 * The parts of `{% if %}` and `{% unless %}` blocks (their `elsif` and `else` branches too) that
 * Liquid never renders, decided from the site's config alone: `{% if site.kind == "lesson" %}`
 * with `kind: "workshop"` in _config.yml (the Carpentries templates). An `{% include %}` or a
 * `{% link %}` there fails no build. Only a single value, or one comparison (`==`, `!=`, `<>`),
 * of literals and `site.*` values the config sets to a string, number, boolean or null is
 * decided; anything else (page values, `and`/`or`, other operators, values Jekyll or a plugin
 * fills in) may render.
 */
import { builtSiteVariables } from './liquid-render.js';
import type { LiquidBlock, LiquidParse } from './liquid-tree.js';

export interface SkippedRange {
  start: number;
  end: number;
}

const undecided = Symbol('undecided');
type Value = string | number | boolean | null | typeof undecided;

const skippedByParse = new WeakMap<LiquidParse, { site: Record<string, unknown>; ranges: SkippedRange[] }>();

/** The ranges of the text Liquid never renders, whatever the page: branches whose condition the config decides. */
export function skippedBranches(liquid: LiquidParse, site: Record<string, unknown>): readonly SkippedRange[] {
  const known = skippedByParse.get(liquid);
  if (known?.site === site) return known.ranges;
  const ranges: SkippedRange[] = [];
  for (const block of liquid.blocks) if ((block.open.name === 'if' || block.open.name === 'unless') && block.close) ranges.push(...skippedIn(block, site));
  skippedByParse.set(liquid, { site, ranges });
  return ranges;
}

/** Whether `start..end` lies in a skipped range. */
export const inSkippedBranch = (ranges: readonly SkippedRange[], start: number, end: number): boolean => ranges.some((range) => start >= range.start && end <= range.end);

function skippedIn(block: LiquidBlock, site: Record<string, unknown>): SkippedRange[] {
  // Each branch: its condition (undefined for `else`) and the text it renders.
  const heads = [block.open, ...block.branches];
  const ranges: SkippedRange[] = [];
  let taken = false;
  heads.forEach((head, index) => {
    const body = { start: head.end, end: (heads[index + 1] ?? block.close!).start };
    if (taken) {
      ranges.push(body);
      return;
    }
    const condition = head.name === 'else' ? true : truth(head.markup, site);
    const holds = condition === undecided ? undecided : head === block.open && block.open.name === 'unless' ? !condition : condition;
    if (holds === false) ranges.push(body);
    else if (holds === true) taken = true;
  });
  return ranges;
}

const operand = String.raw`'[^']*'|"[^"]*"|[^\s=!<>'"]+`;
const comparison = new RegExp(String.raw`^\s*(${operand})\s*(?:(==|!=|<>)\s*(${operand}))?\s*$`);

/** A condition's truth, when the config decides it. */
function truth(markup: string, site: Record<string, unknown>): boolean | typeof undecided {
  const parts = comparison.exec(markup);
  if (!parts) return undecided;
  const left = valueOf(parts[1]!, site);
  if (parts[2] === undefined) return left === undecided ? undecided : left !== null && left !== false;
  const right = valueOf(parts[3]!, site);
  if (left === undecided || right === undecided) return undecided;
  return (left === right) === (parts[2] === '==');
}

function valueOf(text: string, site: Record<string, unknown>): Value {
  if (/^(['"]).*\1$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'nil' || text === 'null') return null;
  const path = /^site((?:\.[A-Za-z_][\w-]*)+)$/.exec(text);
  if (!path) return undecided;
  const keys = path[1]!.slice(1).split('.');
  if (builtSiteVariables.has(keys[0]!)) return undecided;
  let value: unknown = site;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undecided;
    value = (value as Record<string, unknown>)[key];
  }
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undecided;
}
