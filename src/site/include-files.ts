/**
 * The files a document's `{% include %}` and `{% include_relative %}` tags name literally: the
 * includes folder's for one, the page's folder's for the other. A comment's tags are parsed but
 * never rendered, so its includes are left out; so are dynamic names (`{% include {{ x }} %}`).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join, posix } from 'node:path';
import { nodesOfType } from '../parse/document-nodes.js';
import { hasLiquid, type LiquidTagToken } from '../parse/liquid-tokens.js';
import type { Document, IncludeUses } from '../types.js';
import { skippedBranches } from '../parse/liquid-branches.js';
import { withinRanges } from '../text/ranges.js';
import type { JekyllConfig } from './jekyll-config.js';
import { renderOutput, type RenderScope } from '../parse/liquid-render.js';

/** What reading a text's include tags needs of the site: its includes folder, and its config's values (for the branches they decide). */
export type IncludeSite = Pick<JekyllConfig, 'includesDir' | 'raw'>;

export interface IncludedFile {
  tag: 'include' | 'include_relative';
  /** The name as written, and where it is. */
  name: string;
  start: number;
  end: number;
  /** The site file it names (normalized: `..` at its start when it leaves the site). */
  target: string;
}

/** The file an include tag names, as written: Jekyll's VARIABLE_SYNTAX lets it hold `{{ variables }}`, spaces inside them included. */
export function includeName(markup: string): string | undefined {
  return /^\s*((?:[^\s{}]*\{\{[^}]*\}\})+[^\s{}]*|\S+)/.exec(markup)?.[1];
}

/** What Jekyll's include tags refuse before looking a name up (validate_file_name): `[./]{2,}` anywhere, or a character outside `[\w/.\-()+~#@]`. A leading `/` is allowed: the name is joined to the folder. */
export function refusedIncludeName(name: string): boolean {
  return /[./]{2,}/.test(name) || !/^[\w/.\-()+~#@]+$/.test(name);
}

/** The includes-folder file `{% include name %}` reads (Jekyll joins the name to the folder: a leading `/` too). */
export function includesFolderFile(includesDir: string, name: string): string {
  return posix.normalize(`${includesDir}/${name}`);
}

/**
 * The tags Liquid renders: those outside `{% comment %}` blocks and branches the site's config
 * (and, given, the page's values) never take (liquid-branches.ts).
 */
function renderedTags({ liquid }: Pick<Document, 'liquid'>, site: Record<string, unknown>, page?: Record<string, unknown>): LiquidTagToken[] {
  const comments = liquid.blocks.filter((block) => block.open.name === 'comment' && block.close);
  const skipped = skippedBranches(liquid, site, page);
  if (comments.length === 0 && skipped.length === 0) return liquid.tags;
  return liquid.tags.filter((tag) => !comments.some((block) => tag.start > block.open.start && tag.end <= block.close!.start) && !withinRanges(skipped, tag.start, tag.end));
}

/**
 * The includes-folder files a text's `{% include %}` and `{% include_cached %}` tags name (as
 * paths in the site), and whether a name is worked out from values; undefined when it has none.
 */
export function includeUses(source: Pick<Document, 'liquid'>, { includesDir, raw }: IncludeSite, page?: Record<string, unknown>): IncludeUses | undefined {
  const tags = renderedTags(source, raw, page).filter((tag) => tag.name === 'include' || tag.name === 'include_cached');
  if (tags.length === 0) return undefined;
  // Captured text the page may make something else of, and code a tag writes (highlight): what the include writes there is no page's links or ids.
  const captures = source.liquid.blocks.filter((block) => block.close && (block.writesCode || (block.open.name === 'capture' && !writtenAsCaptured(block.open.markup, source.liquid))));
  const written = new Set<string>();
  const files = new Set<string>();
  const variable = new Set<string>();
  const forwarded = new Set<string>();
  let dynamic = false;
  for (const tag of tags) {
    const name = includeName(tag.markup);
    const inCapture = captures.some((block) => tag.start > block.open.start && tag.end <= block.close!.start);
    const parameter = name === undefined ? undefined : includeParameterName(name);
    if (parameter !== undefined) {
      forwarded.add(parameter);
      continue;
    }
    if (name === undefined || hasLiquid(name)) {
      dynamic = true;
      if (name !== undefined && !inCapture) variable.add(name);
      continue;
    }
    const file = includesFolderFile(includesDir, name);
    files.add(file);
    if (!inCapture) written.add(file);
  }
  const captured = [...files].filter((file) => !written.has(file));
  return { files: [...files], dynamic, ...(captured.length > 0 ? { captured } : {}), ...(variable.size > 0 ? { variable: [...variable] } : {}), ...(forwarded.size > 0 ? { forwarded: [...forwarded] } : {}) };
}

/** `x` of a name that is one include parameter, `{{ include.x }}`: the file the call passes. */
const includeParameterName = (name: string): string | undefined => /^\{\{-?\s*include\.([\w-]+)\s*-?\}\}$/.exec(name)?.[1];

/** Filters that leave a captured text's links as they are: it is written whole, converted from Markdown at most. */
const keepingLinks = new Set(['markdownify', 'strip', 'lstrip', 'rstrip']);

/**
 * Whether a `{% capture name %}` block's text is written as it is: the variable is output only as
 * `{{ name }}` or through filters that keep its links (`{{ name | markdownify }}`, the common way
 * to write a Markdown include into an HTML layout), and used by no tag (`replace`, an include's
 * parameter). Otherwise what the page writes of it is not known.
 */
function writtenAsCaptured(markup: string, liquid: Pick<Document['liquid'], 'tags' | 'outputs'>): boolean {
  const name = /^\s*([\w-]+)\s*$/.exec(markup)?.[1];
  if (name === undefined) return false;
  const mentions = new RegExp(`(?<![\\w.-])${name.replace(/-/g, '\\-')}(?![\\w-])`);
  if (liquid.tags.some((tag) => tag.name !== 'capture' && mentions.test(tag.markup))) return false;
  const outputs = liquid.outputs.filter((output) => mentions.test(output.markup));
  return (
    outputs.length > 0 &&
    outputs.every((output) => {
      const [value, ...filters] = output.markup.split('|').map((part) => part.trim());
      return value === name && filters.every((filter) => keepingLinks.has(filter));
    })
  );
}

/**
 * The include a name with Liquid (`custom/{{ page.map }}.html`) names on a page: undefined where a
 * value cannot be known, '' where one is unset (Jekyll would stop on the missing file, so such a
 * call sits behind a condition).
 */
export function includeNameOnPage(written: string, scope: RenderScope): string | undefined {
  let unset = false;
  let unknown = false;
  const name = written.replace(/\{\{-?([\s\S]*?)-?\}\}/g, (_, markup: string) => {
    const value = renderOutput(markup, scope);
    if (value === undefined) unknown = true;
    else if (value === '') unset = true;
    return value ?? '';
  });
  if (unknown || hasLiquid(name)) return undefined;
  return unset ? '' : name;
}

/**
 * The names a text's rendered `{% include_relative %}` tags give, as written (Liquid in them
 * kept), but those in the `skipped` ranges; undefined when it has none.
 */
export function relativeIncludeNames(source: Pick<Document, 'liquid'>, site: IncludeSite, skipped: readonly { start: number; end: number }[] = [], page?: Record<string, unknown>): string[] | undefined {
  const names = renderedTags(source, site.raw, page)
    .filter((tag) => tag.name === 'include_relative' && !skipped.some((range) => tag.start >= range.start && tag.end <= range.end))
    .map((tag) => includeName(tag.markup))
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? [...new Set(names)] : undefined;
}

/** A Markdown document's `{% include_relative %}` names, but those in its code blocks and tags' code (`{% highlight %}`): what they take in is shown as code, not read as Markdown. */
export function documentRelativeIncludes(document: Document, site: IncludeSite, page?: Record<string, unknown>): string[] | undefined {
  if (!document.liquid.tags.some((tag) => tag.name === 'include_relative')) return undefined;
  const codeBlocks = nodesOfType(document, 'code').map(({ node }) => ({ start: node.position!.start.offset!, end: node.position!.end.offset! }));
  const codeBodies = document.liquid.blocks.filter((block) => block.writesCode && block.close).map((block) => ({ start: block.open.end, end: block.close!.start }));
  return relativeIncludeNames(document, site, [...codeBlocks, ...codeBodies], page);
}

export function includedFiles(document: Document, { includesDir, raw }: IncludeSite, page?: Record<string, unknown>): IncludedFile[] {
  const files: IncludedFile[] = [];
  for (const tag of renderedTags(document, raw, page)) {
    if (tag.name !== 'include' && tag.name !== 'include_relative') continue;
    const name = includeName(tag.markup);
    if (!name || hasLiquid(name)) continue;
    const target = tag.name === 'include_relative' ? posix.normalize(posix.join(posix.dirname(document.path), name)) : includesFolderFile(includesDir, name);
    const start = tag.markupStart + tag.markup.indexOf(name);
    files.push({ tag: tag.name, name, start, end: start + name.length, target });
  }
  return files;
}

/** At most this many include files are looked at for their last byte (a site has a few hundred). */
const maxIncludeFiles = 5000;

/** The includes-folder files (names relative to it) whose text does not end with a line break. */
export function includesWithoutFinalLineBreak(root: string, files: Iterable<string>, jekyll: Pick<JekyllConfig, 'includesDir'>): string[] {
  const folder = `${jekyll.includesDir}/`;
  const open: string[] = [];
  let looked = 0;
  for (const file of files) {
    if (!file.startsWith(folder) || looked++ >= maxIncludeFiles) continue;
    const last = lastByte(join(root, file));
    if (last !== undefined && last !== 0x0a) open.push(file.slice(folder.length));
  }
  return open.sort();
}

function lastByte(path: string): number | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const { size } = fstatSync(descriptor);
    if (size === 0) return undefined;
    const byte = Buffer.alloc(1);
    readSync(descriptor, byte, 0, 1, size - 1);
    return byte[0];
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
