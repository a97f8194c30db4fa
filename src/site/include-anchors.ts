/**
 * The ids a page's `{% include %}` tags write: an include that holds `<div id="{{ include.key }}">`
 * gives the page the id its call passes (`{% include overview.html key="mit" %}`). A static id is
 * taken as written, `{{ include.x }}` with the call's quoted value; any other Liquid in an id, a
 * variable passed for it, a nested include or an include that cannot be read leaves the page's
 * ids open: a fragment not found there cannot be judged.
 */
import type { LiquidTagToken } from '../parse/liquid-tokens.js';
import type { SiteIndex } from './site-index.js';

/** An include call as written: the file it names and its quoted parameters (null: a variable). */
export interface IncludeCall {
  name: string;
  params: Record<string, string | null>;
}

export interface IncludeIds {
  ids: ReadonlySet<string>;
  /** Some include may write ids that cannot be known. */
  open: boolean;
}

// Jekyll's Tags::IncludeTag VALID_SYNTAX: key="value", key='value' or key=variable.
const parameter = /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))/g;
const idAttribute = /<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const includeValue = /\{\{-?\s*include\.([\w-]+)\s*-?\}\}/g;

/** The `id` and `name` attributes HTML (or Liquid around it) writes: those without Liquid, and whether any has some. */
export function staticIds(text: string): IncludeIds {
  const ids = new Set<string>();
  let open = false;
  for (const match of text.matchAll(idAttribute)) {
    const id = match[1] ?? match[2]!;
    if (/\{\{|\{%/.test(id)) open = true;
    else ids.add(id);
  }
  return { ids, open };
}

/** The calls of `{% include %}` with a literal file name (include_relative and dynamic names are left out). */
export function includeCalls(tags: readonly Pick<LiquidTagToken, 'name' | 'markup'>[]): IncludeCall[] {
  const calls: IncludeCall[] = [];
  for (const tag of tags) {
    if (tag.name !== 'include') continue;
    const name = /^\s*([^\s{}]+)/.exec(tag.markup)?.[1];
    if (!name) continue;
    const params: Record<string, string | null> = Object.create(null);
    for (const match of tag.markup.slice(tag.markup.indexOf(name) + name.length).matchAll(parameter)) {
      params[match[1]!] = match[2] ?? match[3] ?? null;
    }
    calls.push({ name, params });
  }
  return calls;
}

export function includeIds(calls: readonly IncludeCall[], site: Pick<SiteIndex, 'jekyll' | 'sourceOf'>): IncludeIds {
  const { includesDir } = site.jekyll;
  const ids = new Set<string>();
  let open = false;
  for (const call of calls) {
    const text = site.sourceOf(`${includesDir}/${call.name}`);
    if (text === undefined || /\{%-?\s*include/.test(text)) {
      open = true;
      continue;
    }
    for (const match of text.matchAll(idAttribute)) {
      let unknown = false;
      const id = (match[1] ?? match[2]!).replace(includeValue, (_, key: string) => {
        const value = call.params[key];
        if (typeof value !== 'string') unknown = true;
        return value ?? '';
      });
      if (unknown || /\{\{|\{%/.test(id)) open = true;
      else ids.add(id);
    }
  }
  return { ids, open };
}
