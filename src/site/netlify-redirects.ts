/**
 * Netlify's redirect rules, for a site Netlify serves: `_redirects` in the built site (a file of
 * the site Jekyll publishes: `include: [_redirects]`) and `[[redirects]]` in `netlify.toml` (at
 * the repository's root, or the site's). How links through them are judged: server-redirects.ts.
 * Rules that apply to some requests only (404s, conditions on country, language, role or query)
 * and rules for other hosts are left out. Lines with Liquid in a `_redirects` Jekyll renders are too.
 */
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { hasLiquid } from '../parse/liquid-tokens.js';
import { readSource } from './read-source.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { maxRules, renderedLines, type ServerRule } from './server-redirects.js';

/** The rules of the site's `_redirects` (when it publishes one) and of `netlify.toml` in the given folders. */
export function readNetlifyRules(siteRoot: string, publishesRedirects: boolean, tomlFolders: readonly string[], maxFileSize: number): ServerRule[] {
  const rules: ServerRule[] = [];
  if (publishesRedirects) {
    const source = readSource(join(siteRoot, '_redirects'), maxFileSize);
    if (source.ok) rules.push(...redirectsFileRules(source.text));
  }
  for (const folder of new Set(tomlFolders)) {
    const source = readSource(join(folder, 'netlify.toml'), maxFileSize);
    if (source.ok && source.text.includes('redirects')) rules.push(...tomlRules(source.text));
  }
  return rules.slice(0, maxRules);
}

function redirectsFileRules(text: string): ServerRule[] {
  const rules: ServerRule[] = [];
  for (const { line: written, number } of renderedLines(text)) {
    const line = written.replace(/(?:^|\s)#.*$/, '').trim();
    if (line === '' || hasLiquid(line)) continue;
    const [from, to, ...rest] = line.split(/\s+/);
    // A status is a number, `!` forcing it; other words are conditions (`Country=us`, `id=:id`).
    const status = rest[0] !== undefined && /^\d{3}!?$/.test(rest[0]) ? Number.parseInt(rest[0], 10) : undefined;
    const conditions = rest.length > (status === undefined ? 0 : 1);
    if (from === undefined || to === undefined || conditions || to.includes('=')) continue;
    const rule = ruleOf(from, to, status ?? 301, `_redirects:${number}`);
    if (rule) rules.push(rule);
  }
  return rules;
}

function tomlRules(text: string): ServerRule[] {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch {
    // A netlify.toml Netlify cannot read either: no rules.
    return [];
  }
  const entries = (parsed as { redirects?: unknown }).redirects;
  if (!Array.isArray(entries)) return [];
  const rules: ServerRule[] = [];
  for (const entry of entries as Record<string, unknown>[]) {
    if (typeof entry !== 'object' || entry === null || typeof entry.from !== 'string' || typeof entry.to !== 'string') continue;
    if (entry.conditions !== undefined || entry.query !== undefined) continue;
    const status = typeof entry.status === 'number' ? entry.status : 301;
    const rule = ruleOf(entry.from, entry.to, status, 'netlify.toml');
    if (rule) rules.push(rule);
  }
  return rules;
}

function ruleOf(from: string, to: string, status: number, where: string): ServerRule | undefined {
  // A rule for another host (`https://old.example.com/*`) or a 404 page is not a path of this site that works.
  if (!from.startsWith('/') || status === 404 || status === 410) return undefined;
  return { server: 'Netlify', syntax: 'netlify', from, to, status, where };
}

const patterns = new WeakMap<ServerRule, RegExp>();

/**
 * Where a Netlify rule sends a site path, if it matches: `:name` matches a segment, a trailing `*`
 * the rest of the path (`:splat` in `to`), and a trailing slash does not count.
 */
export function netlifyTarget(rule: ServerRule, path: string): string | undefined {
  const bare = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let pattern = patterns.get(rule);
  if (!pattern) patterns.set(rule, (pattern = fromPattern(rule.from)));
  const match = pattern.exec(bare);
  if (!match) return undefined;
  const values = match.groups ?? {};
  return rule.to.replace(/:(splat|[A-Za-z_]\w*)/g, (written, name: string) => values[name] ?? (name === 'splat' ? '' : written));
}

function fromPattern(from: string): RegExp {
  const bare = from.length > 1 ? from.replace(/\/+$/, '') : from;
  const splat = bare.endsWith('/*') ? bare.slice(0, -2) : bare.endsWith('*') ? bare.slice(0, -1) : undefined;
  const fixed = escapeRegExp(splat ?? bare).replace(/:([A-Za-z_]\w*)/g, (_, name: string) => (name === 'splat' ? ':splat' : `(?<${name}>[^/]+)`));
  try {
    return new RegExp(`^${fixed}${splat === undefined ? '' : '(?:/(?<splat>.*))?'}$`);
  } catch {
    // A placeholder named twice (`/:a/:a`): Netlify's match cannot be told, so none.
    return /(?!)/;
  }
}
