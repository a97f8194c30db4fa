/**
 * The parts of `{% if %}`, `{% unless %}` and `{% case %}` blocks (their `elsif`, `when` and
 * `else` branches too) that Liquid never renders, decided from the site's config and, in a page's
 * own text, the page's front matter and the variables it assigns: `{% if site.kind == "lesson" %}`
 * with `kind: "workshop"` in _config.yml (the Carpentries templates), `{% assign online = "false"
 * %}` after `{% if page.address == "online" %}` on a page whose address is a street; in an
 * include's text, given, the parameters of one call (`{% if include.type != "deprecated" %}`). An
 * `{% include %}` or a `{% link %}` there fails no build, and a link or id there is never written.
 *
 * Conditions are read as Liquid's strict parser reads them (`==`, `!=`, `<>`, `<`, `>`,
 * `<=`, `>=`, `contains`, `and`/`or` grouped from the right) over literals, `site.*` values the
 * config sets, `page.*` values the front matter (or its defaults) sets and variables assigned from
 * those through a few pure filters. Anything else is undecided and may render: values Jekyll or a
 * plugin fills in, loops, captures, variables an include may have assigned, a `case` whose
 * bodies assign.
 */
import { builtPageVariables, builtSiteVariables } from './liquid-render.js';
import type { LiquidBlock, LiquidNode, LiquidParse } from './liquid-tree.js';
import type { LiquidTagToken } from './liquid-tokens.js';
import { liquidTokens, type LiquidToken } from './liquid-expression.js';

export interface SkippedRange {
  start: number;
  end: number;
}

const undecided = Symbol('undecided');
type Scalar = string | number | boolean | null;
type Value = Scalar | readonly Scalar[] | typeof undecided;

interface Scope {
  site: Record<string, unknown>;
  /** Unknown (a fragment rendered by whichever page takes it in): every `page.*` is undecided. */
  page: Record<string, unknown> | undefined;
  /** An include call's parameters (null: passed as a variable); unknown: every `include.*` is undecided. */
  include: IncludeParams | undefined;
  assigned: Map<string, Value>;
}

export type IncludeParams = Readonly<Record<string, string | null>>;

/** Whether a branch of the text depends on an include's parameters: `{% if include.x %}`, `{% case include.x %}`. */
export const branchesOnIncludeParams = (text: string): boolean => /\{%-?\s*(?:if|elsif|unless|case)\s[^%]*\binclude\./.test(text);

/** One key for equal parameters, whatever their order. */
export const includeParamsKey = (params: IncludeParams): string => JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)));

const skippedByParse = new WeakMap<LiquidParse, { site: Record<string, unknown>; page: Record<string, unknown> | undefined; include: IncludeParams | undefined; ranges: SkippedRange[] }>();

/** The ranges of the text Liquid never renders: branches whose condition the config (and, given, the page's values or an include call's parameters) decides. */
export function skippedBranches(liquid: LiquidParse, site: Record<string, unknown>, page?: Record<string, unknown>, include?: IncludeParams): readonly SkippedRange[] {
  const known = skippedByParse.get(liquid);
  if (known?.site === site && known.page === page && known.include === include) return known.ranges;
  const ranges: SkippedRange[] = [];
  walk(liquid.nodes, { site, page, include, assigned: new Map() }, true, ranges);
  // A skipped branch is never walked: the ranges do not overlap, and sorted they can be searched.
  ranges.sort((a, b) => a.start - b.start);
  skippedByParse.set(liquid, { site, page, include, ranges });
  return ranges;
}

/** Liquid's render of the nodes in order, as far as it decides branches; `certain`: whether they surely render. */
function walk(nodes: readonly LiquidNode[], scope: Scope, certain: boolean, ranges: SkippedRange[]): void {
  for (const node of nodes) {
    if (node.kind === 'output') continue;
    if (node.kind === 'tag') runTag(node, scope, certain);
    else if ((node.open.name === 'if' || node.open.name === 'unless') && node.close) conditional(node, scope, certain, ranges);
    else if (node.open.name === 'case' && node.close && [...assignedWithin(node.children)].length === 0) caseBlock(node, scope, certain, ranges);
    else if (node.open.name === 'capture') {
      walk(node.children, scope, certain, ranges);
      const variable = /^\s*([\w-]+)/.exec(node.open.markup)?.[1];
      if (variable) scope.assigned.set(variable, undecided);
    } else {
      // A loop (or a plugin's block) may render its body any number of times: what the body
      // assigns is unknown in it and after it, and so is a loop's own variable in it.
      const changed = new Set(assignedWithin(node.children));
      const loopVariable = node.open.name === 'for' || node.open.name === 'tablerow' ? /^\s*([\w-]+)\s+in\s/.exec(node.open.markup)?.[1] : undefined;
      const before = loopVariable === undefined ? undefined : scope.assigned.get(loopVariable);
      for (const variable of [...changed, ...(loopVariable ? [loopVariable] : [])]) scope.assigned.set(variable, undecided);
      walk(node.children, scope, false, ranges);
      if (loopVariable && !changed.has(loopVariable)) {
        if (before === undefined) scope.assigned.delete(loopVariable);
        else scope.assigned.set(loopVariable, before);
      }
    }
  }
}

function runTag(tag: LiquidTagToken, scope: Scope, certain: boolean): void {
  if (tag.name === 'assign') {
    const parts = /^\s*([\w-]+)\s*=\s*([^]*?)\s*$/.exec(tag.markup);
    if (parts) scope.assigned.set(parts[1]!, certain ? assignedValue(parts[2]!, scope) : undecided);
  } else if (tag.name === 'increment' || tag.name === 'decrement') {
    const variable = /^\s*([\w-]+)/.exec(tag.markup)?.[1];
    if (variable) scope.assigned.set(variable, undecided);
  } else if (tag.name.startsWith('include')) {
    // An include renders in the page's context: it may assign any variable.
    for (const variable of scope.assigned.keys()) scope.assigned.set(variable, undecided);
  }
}

/** Every variable an assign, capture or counter in the nodes (at any depth) may set. */
function* assignedWithin(nodes: readonly LiquidNode[]): Generator<string> {
  for (const node of nodes) {
    if (node.kind === 'output') continue;
    const tag = node.kind === 'tag' ? node : node.open;
    if (['assign', 'capture', 'increment', 'decrement'].includes(tag.name)) {
      const variable = /^\s*([\w-]+)/.exec(tag.markup)?.[1];
      if (variable) yield variable;
    }
    if (node.kind === 'block') yield* assignedWithin(node.children);
  }
}

/** An `if` or `unless` block: every condition is read before any branch renders; a false branch, and every one after a true one, is skipped. */
function conditional(block: LiquidBlock, scope: Scope, certain: boolean, ranges: SkippedRange[]): void {
  const heads = [block.open, ...block.branches];
  const holds = heads.map((head) => {
    if (head.name === 'else') return true;
    const condition = truth(head.markup, scope);
    return condition === undecided || head !== block.open || block.open.name !== 'unless' ? condition : !condition;
  });
  const bodies = branchBodies(block, heads);
  let taken = false;
  let undecidedBefore = false;
  heads.forEach((_, index) => {
    const body = bodies[index]!;
    if (taken || holds[index] === false) {
      ranges.push({ start: body.start, end: body.end });
      return;
    }
    walk(body.children, scope, certain && holds[index] === true && !undecidedBefore, ranges);
    if (holds[index] === true) taken = true;
    else undecidedBefore = true;
  });
}

const startOf = (node: LiquidNode): number => (node.kind === 'block' ? node.open.start : node.start);

/**
 * A `case` block whose bodies assign nothing (each `when` reads its values after the bodies
 * before it rendered). Liquid renders every `when` one of whose values equals the subject
 * (`,` or `or` between values), and an `else` when no `when` before it did; nothing before the
 * first `when`.
 */
function caseBlock(block: LiquidBlock, scope: Scope, certain: boolean, ranges: SkippedRange[]): void {
  const subjectTokens = tokens(block.open.markup);
  const subject = subjectTokens?.length === 1 ? operandValue(subjectTokens[0]!, scope) : undecided;
  const heads = block.branches;
  const first = heads[0] ?? block.close!;
  if (first.start > block.open.end) ranges.push({ start: block.open.end, end: first.start });
  const bodies = branchBodies(block, heads);
  let matched: boolean | typeof undecided = false;
  heads.forEach((head, index) => {
    const body = bodies[index]!;
    let holds: boolean | typeof undecided;
    if (head.name === 'else') holds = matched === undecided ? undecided : !matched;
    else {
      holds = whenHolds(head.markup, subject, scope);
      matched = or(matched, holds);
    }
    if (holds === false) ranges.push({ start: body.start, end: body.end });
    else walk(body.children, scope, certain && holds === true, ranges);
  });
}

/** Each branch's body after its head tag, with the nodes in it (found in one walk: a block may have thousands of branches). */
function branchBodies(block: LiquidBlock, heads: readonly LiquidTagToken[]): (SkippedRange & { children: LiquidNode[] })[] {
  const bodies = heads.map((head, index) => ({ start: head.end, end: (heads[index + 1] ?? block.close!).start, children: [] as LiquidNode[] }));
  let index = 0;
  for (const child of block.children) {
    while (index < bodies.length && startOf(child) >= bodies[index]!.end) index++;
    if (index < bodies.length && startOf(child) >= bodies[index]!.start) bodies[index]!.children.push(child);
  }
  return bodies;
}

/** Whether a `when`'s values (`a, b`, `a or b`) hold one equal to the subject. */
function whenHolds(markup: string, subject: Value, scope: Scope): boolean | typeof undecided {
  const list = tokens(markup);
  if (!list || list.length === 0) return undecided;
  let holds: boolean | typeof undecided = false;
  for (let i = 0; i < list.length; i += 2) {
    const separator = list[i + 1];
    if (separator && separator.kind !== 'comma' && !(separator.kind === 'name' && separator.text === 'or')) return undecided;
    if (i + 1 === list.length - 1) return undecided;
    holds = or(holds, compare(subject, '==', operandValue(list[i]!, scope)));
  }
  return holds;
}

interface Token {
  kind: 'string' | 'number' | 'comparison' | 'name' | 'pipe' | 'colon' | 'comma';
  text: string;
}

const kinds: Partial<Record<LiquidToken['type'], Token['kind']>> = { string: 'string', number: 'number', comparison: 'comparison', pipe: 'pipe', colon: 'colon', comma: 'comma' };

/**
 * The markup's tokens as Liquid's lexer reads them, a variable and its lookups written together
 * (`page.tags[1].size`) one name; undefined when something in it is not one read here (a range,
 * a lookup by a variable, a number run into a word).
 */
function tokens(markup: string): Token[] | undefined {
  const lexed = liquidTokens(markup);
  if (!lexed) return undefined;
  const out: Token[] = [];
  const endOf = (token: LiquidToken): number => token.offset + token.text.length;
  for (let i = 0; i < lexed.length; i++) {
    const token = lexed[i]!;
    if (token.type === 'id') {
      let end = endOf(token);
      for (;;) {
        const [next, second, third] = [lexed[i + 1], lexed[i + 2], lexed[i + 3]];
        if (next?.type === 'dot' && next.offset === end && second?.type === 'id' && second.offset === endOf(next)) {
          i += 2;
        } else if (next?.type === 'open_square' && next.offset === end && (second?.type === 'string' || (second?.type === 'number' && /^\d+$/.test(second.text))) && second.offset === endOf(next) && third?.type === 'close_square' && third.offset === endOf(second)) {
          i += 3;
        } else break;
        end = endOf(lexed[i]!);
      }
      out.push({ kind: 'name', text: markup.slice(token.offset, end) });
      continue;
    }
    const kind = kinds[token.type];
    // A number run into a word or a dot (`2fa`, `1.5.2`) is none.
    if (!kind || (kind === 'number' && /[\w.]/.test(markup[endOf(token)] ?? ''))) return undefined;
    out.push({ kind, text: token.text });
  }
  return out;
}

/** A condition's truth, when the values decide it. */
function truth(markup: string, scope: Scope): boolean | typeof undecided {
  const list = tokens(markup);
  if (!list) return undecided;
  // comparison ((and | or) comparison)*, grouped from the right.
  const comparisons: Token[][] = [[]];
  const joins: string[] = [];
  for (const item of list) {
    if (item.kind === 'name' && (item.text === 'and' || item.text === 'or')) {
      joins.push(item.text);
      comparisons.push([]);
    } else comparisons.at(-1)!.push(item);
  }
  let result = comparisonTruth(comparisons.at(-1)!, scope);
  for (let i = joins.length - 1; i >= 0; i--) {
    const left = comparisonTruth(comparisons[i]!, scope);
    result = joins[i] === 'and' ? and(left, result) : or(left, result);
  }
  return result;
}

function and(left: boolean | typeof undecided, right: boolean | typeof undecided): boolean | typeof undecided {
  if (left === false || right === false) return false;
  return left === true && right === true ? true : undecided;
}

function or(left: boolean | typeof undecided, right: boolean | typeof undecided): boolean | typeof undecided {
  if (left === true || right === true) return true;
  return left === false && right === false ? false : undecided;
}

function comparisonTruth(parts: readonly Token[], scope: Scope): boolean | typeof undecided {
  if (parts.length === 1 && parts[0]!.kind !== 'comparison') {
    const value = operandValue(parts[0]!, scope);
    return value === undecided ? undecided : value !== null && value !== false;
  }
  const [left, operator, right] = parts;
  const named = operator?.kind === 'comparison' || (operator?.kind === 'name' && operator.text === 'contains');
  if (parts.length !== 3 || !named || left!.kind === 'comparison' || right!.kind === 'comparison') return undecided;
  return compare(operandValue(left!, scope), operator!.text, operandValue(right!, scope));
}

function compare(left: Value, operator: string, right: Value): boolean | typeof undecided {
  if (left === undecided || right === undecided) return undecided;
  switch (operator) {
    case '==':
    case '!=':
    case '<>': {
      if (Array.isArray(left) || Array.isArray(right)) return undecided;
      return (left === right) === (operator === '==');
    }
    case 'contains':
      if (typeof left === 'string') return typeof right === 'string' ? left.includes(right) : undecided;
      if (Array.isArray(left)) return right !== null && !Array.isArray(right) ? left.includes(right as Scalar) : undecided;
      return left === null || typeof left === 'boolean' || typeof left === 'number' ? false : undecided;
    default: {
      // Ruby compares numbers with numbers and strings with strings (ASCII here, byte order); nil, true and false have no `<`.
      if (left === null || typeof left === 'boolean' || right === null || typeof right === 'boolean') return false;
      const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string' && isAscii(left) && isAscii(right));
      if (!comparable) return undecided;
      return operator === '<' ? left < right : operator === '>' ? left > right : operator === '<=' ? left <= right : left >= right;
    }
  }
}

const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

/** A literal's value, or a variable's. */
function operandValue(item: Token, scope: Scope): Value {
  if (item.kind === 'string') return item.text.slice(1, -1);
  if (item.kind === 'number') return Number(item.text);
  if (item.kind !== 'name') return undecided;
  if (item.text === 'true' || item.text === 'false') return item.text === 'true';
  if (item.text === 'nil' || item.text === 'null') return null;
  if (item.text === 'empty' || item.text === 'blank') return undecided;
  return variableValue(item.text, scope);
}

/** `site.x`, `page.x` or an assigned variable, with `.key`, `[0]`, `["key"]`, `.size`, `.first` and `.last` lookups. */
function variableValue(path: string, scope: Scope): Value {
  const [root, ...keys] = [...path.matchAll(/[\w-]+\??|\[(\d+|'[^']*'|"[^"]*")\]/g)].map((match) => (match[1] === undefined ? match[0] : /^\d/.test(match[1]) ? Number(match[1]) : match[1].slice(1, -1)));
  if (typeof root !== 'string') return undecided;
  if (scope.assigned.has(root)) return keys.length === 0 ? scope.assigned.get(root)! : undecided;
  if (root === 'include') return includeValue(keys, scope.include);
  const values = root === 'site' ? scope.site : root === 'page' ? scope.page : undefined;
  const first = keys[0];
  // Unset top-level keys may be filled in by Jekyll or a plugin (`site.github`, `page.title` of a
  // post); Jekyll's own page values win over the front matter's, or add to them (a post's categories).
  if (!values || typeof first !== 'string' || !Object.hasOwn(values, first) || (root === 'site' ? builtSiteVariables : builtPageVariables).has(first) || (root === 'page' && (first === 'categories' || first === 'tags'))) return undecided;
  let value: unknown = values;
  for (const key of keys) value = lookupKey(value, key);
  return scalarOrList(value);
}

/** `include.x`: the call's quoted value, nil where the call passes none (Jekyll's include hash). */
function includeValue(keys: readonly (string | number)[], params: IncludeParams | undefined): Value {
  const [first, ...rest] = keys;
  if (!params || typeof first !== 'string') return undecided;
  const value = Object.hasOwn(params, first) ? params[first] : null;
  if (value === null && Object.hasOwn(params, first)) return undecided;
  let result: unknown = value;
  for (const key of rest) result = lookupKey(result, key);
  return scalarOrList(result);
}

function lookupKey(value: unknown, key: string | number): unknown {
  if (value === undecided) return undecided;
  if (Array.isArray(value)) {
    if (typeof key === 'number') return value[key] ?? null;
    if (key === 'size') return value.length;
    if (key === 'first') return value[0] ?? null;
    if (key === 'last') return value.at(-1) ?? null;
    return undecided;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return typeof key === 'string' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : null;
  if (typeof value === 'string' && key === 'size') return [...value].length;
  return value === null ? null : undecided;
}

function scalarOrList(value: unknown): Value {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (Array.isArray(value) && value.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))) return value as Scalar[];
  return undecided;
}

/** An assigned expression's value: a literal or variable through the filters below, or undecided. */
function assignedValue(markup: string, scope: Scope): Value {
  const list = tokens(markup);
  if (!list || list.length === 0) return undecided;
  let value = list.length === 1 || list[1]!.kind === 'pipe' ? operandValue(list[0]!, scope) : undecided;
  let at = 1;
  while (value !== undecided && at < list.length) {
    if (list[at]!.kind !== 'pipe' || list[at + 1]?.kind !== 'name') return undecided;
    const name = list[at + 1]!.text;
    at += 2;
    const args: Value[] = [];
    if (list[at]?.kind === 'colon') {
      do {
        const argument = list[at + 1];
        if (!argument || (argument.kind !== 'string' && argument.kind !== 'number' && argument.kind !== 'name') || list[at + 2]?.kind === 'colon') return undecided;
        args.push(operandValue(argument, scope));
        at += 2;
      } while (list[at]?.kind === 'comma');
    }
    value = filtered(name, value, args);
  }
  return value;
}

/** Liquid 4's pure string filters, on the values Ruby and JavaScript agree on. */
function filtered(name: string, input: Value, args: readonly Value[]): Value {
  if (args.includes(undecided)) return undecided;
  const text = input === null ? '' : typeof input === 'string' ? input : undefined;
  switch (name) {
    case 'downcase':
    case 'upcase':
      if (text === undefined || !isAscii(text) || args.length > 0) return undecided;
      return name === 'downcase' ? text.toLowerCase() : text.toUpperCase();
    case 'strip':
      return text === undefined || !isAscii(text) || args.length > 0 ? undecided : text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
    case 'append':
    case 'prepend': {
      const [other] = args;
      const added = typeof other === 'string' ? other : typeof other === 'number' && Number.isInteger(other) ? String(other) : other === null ? '' : undefined;
      if (text === undefined || added === undefined || args.length !== 1) return undecided;
      return name === 'append' ? text + added : added + text;
    }
    case 'slice': {
      const [offset, length = 1] = args;
      if (text === undefined || !Number.isInteger(offset) || !Number.isInteger(length) || args.length > 2) return undecided;
      const characters = [...text];
      const start = (offset as number) < 0 ? characters.length + (offset as number) : (offset as number);
      if (start < 0 || start > characters.length || (length as number) < 0) return '';
      return characters.slice(start, start + (length as number)).join('');
    }
    case 'size':
      if (args.length > 0) return undecided;
      return Array.isArray(input) ? input.length : text === undefined ? undecided : [...text].length;
    case 'default': {
      const empty = input === null || input === false || input === '' || (Array.isArray(input) && input.length === 0);
      return args.length === 1 ? (empty ? args[0]! : input) : undecided;
    }
    default:
      return undecided;
  }
}
