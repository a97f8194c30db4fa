/**
 * Apache's redirect and rewrite rules, for a site Apache serves: the `.htaccess` at the top of the
 * built site (Jekyll publishes it unless `include:` leaves it out; GitHub Pages ignores it).
 * mod_alias's `Redirect`, `RedirectPermanent`, `RedirectTemp` and `RedirectMatch`, and
 * mod_rewrite's `RewriteRule` while `RewriteEngine On`, read top down. How links through them are
 * judged: server-redirects.ts. The expressions come from pull requests: they run on RE2
 * (text/linear-pattern.ts), and one RE2 cannot read (lookaround, a backreference) is left out.
 * Left out too: rewrites under a condition other than "no such file" (`RewriteCond %{HTTPS} off`),
 * rules in a section for some requests only (`<If>`, `<Files>`; `<IfModule>` holds), targets with
 * server variables (`%{HTTP_HOST}`), 403 and 410 rules, and lines with Liquid.
 */
import { join } from 'node:path';
import { hasLiquid } from '../parse/liquid-tokens.js';
import { linearPattern, type LinearPattern } from '../text/linear-pattern.js';
import { readSource } from './read-source.js';
import { maxRules, renderedLines, type ServerRule } from './server-redirects.js';

/** The rules of the `.htaccess` at the site's root. */
export function readApacheRules(siteRoot: string, maxFileSize: number): ServerRule[] {
  const source = readSource(join(siteRoot, '.htaccess'), maxFileSize);
  if (!source.ok) return [];
  const rules = htaccessRules(source.text).slice(0, maxRules);
  // Each missing path meets every expression in turn: a file from a pull request gets a few hundred.
  let expressions = 0;
  return rules.filter((rule) => rule.syntax === 'prefix' || (plainEnough(rule.from) && ++expressions <= maxExpressions));
}

/** Expressions read at most (a site's `.htaccess` has a few dozen). */
const maxExpressions = 500;

/**
 * Whether an expression is short and repeats nothing more than 10 times (`{11}`): RE2 runs any in
 * linear time, but a long or much repeated one is a large program, slow to build and to run for
 * each missing path, and no redirect needs one.
 */
function plainEnough(expression: string): boolean {
  return expression.length <= 500 && [...expression.matchAll(/\{(\d+)(?:,(\d*))?\}/g)].every(([, low, high]) => Number(low) <= 10 && Number(high || 0) <= 10);
}

/** The status words of mod_alias. */
const statusWords: Readonly<Record<string, number>> = { permanent: 301, temp: 302, seeother: 303, gone: 410 };

/** A condition every path no file is published at meets: no such file, folder or link. */
const noSuchFile = /^%\{REQUEST_FILENAME\}\s+!-[fdsl]$/i;

/** A target that names server variables or a condition's groups: where it leads cannot be told here. */
const unknowable = /%\{|%\d/;

/** Sections whose directives hold for every request: a module's (it is loaded where the rules are meant to work), a version's. */
const unconditionalSections = new Set(['ifmodule', 'ifversion']);

function htaccessRules(text: string): ServerRule[] {
  const rules: ServerRule[] = [];
  let rewriting = false;
  let base = '/';
  // A rewrite rule's conditions are the RewriteCond lines right before it.
  let conditional = false;
  const sections: string[] = [];
  for (const { line, number } of directiveLines(text)) {
    const section = /^<\s*(\/?)\s*(\w+)/.exec(line);
    if (section) {
      if (section[1]) sections.pop();
      else sections.push(section[2]!.toLowerCase());
      continue;
    }
    // `<If>`, `<Files>` and the like: for some requests only.
    if (sections.some((name) => !unconditionalSections.has(name))) continue;
    const [directive = '', ...args] = words(line);
    const name = directive.toLowerCase();
    const liquid = hasLiquid(line);
    if (name === 'rewriteengine') rewriting = !liquid && args[0]?.toLowerCase() === 'on';
    else if (name === 'rewritebase' && !liquid && args[0]?.startsWith('/')) base = args[0].endsWith('/') ? args[0] : `${args[0]}/`;
    else if (name === 'rewritecond') conditional ||= liquid || !noSuchFile.test(args.slice(0, 2).join(' '));
    else if (name === 'rewriterule') {
      const rule = liquid || conditional ? undefined : rewriteRule(args, `.htaccess:${number}`);
      if (rule) rules.push(rule);
      conditional = false;
    } else if (!liquid && name.startsWith('redirect')) {
      const rule = redirectRule(name, args, `.htaccess:${number}`);
      if (rule) rules.push(rule);
    }
  }
  // RewriteEngine and RewriteBase are the folder's: their last settings hold for every RewriteRule,
  // whose relative targets are from the base (the folder of the .htaccess by default).
  if (!rewriting) return rules.filter((rule) => rule.syntax !== 'rewrite-regex');
  return rules.map((rule) => (rule.syntax === 'rewrite-regex' && rule.to !== '-' && !/^(?:[a-z][a-z\d+.-]*:|\/)/i.test(rule.to) ? { ...rule, to: `${base}${rule.to}` } : rule));
}

/** The file's directive lines with their first line's number: comments left out, `\` continuations joined. */
function directiveLines(text: string): { line: string; number: number }[] {
  const directives: { line: string; number: number }[] = [];
  let pending: { line: string; number: number } | undefined;
  for (const { line, number } of renderedLines(text)) {
    const current = pending ?? { line: '', number };
    if (pending === undefined && /^\s*(?:#|$)/.test(line)) continue;
    const continued = /\\\s*$/.test(line);
    current.line += continued ? line.replace(/\\\s*$/, ' ') : line;
    pending = continued ? current : undefined;
    if (!continued) directives.push({ line: current.line.trim(), number: current.number });
  }
  return directives;
}

/** A directive's words, as Apache splits them: at white space, a quoted word whole. */
function words(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

function redirectRule(name: string, args: string[], where: string): ServerRule | undefined {
  if (!['redirect', 'redirectmatch', 'redirectpermanent', 'redirecttemp'].includes(name)) return undefined;
  let status = name === 'redirectpermanent' ? 301 : 302;
  let rest = args;
  const first = args[0]?.toLowerCase() ?? '';
  if ((name === 'redirect' || name === 'redirectmatch') && (Object.hasOwn(statusWords, first) || /^\d{3}$/.test(first))) {
    status = statusWords[first] ?? Number(first);
    rest = args.slice(1);
  }
  const [from, to] = rest;
  if (from === undefined || to === undefined || status < 300 || status > 399 || unknowable.test(to)) return undefined;
  if (name === 'redirectmatch') return { server: 'Apache', syntax: 'path-regex', from, to, status, where };
  return from.startsWith('/') ? { server: 'Apache', syntax: 'prefix', from, to, status, where } : undefined;
}

function rewriteRule(args: readonly string[], where: string): ServerRule | undefined {
  const [pattern, target, flagList = ''] = args;
  if (pattern === undefined || target === undefined || pattern.startsWith('!') || unknowable.test(target)) return undefined;
  const flags = flagList.replace(/^\[|\]$/g, '').split(',').map((flag) => flag.trim().toLowerCase());
  if (flags.some((flag) => ['f', 'forbidden', 'g', 'gone'].includes(flag))) return undefined;
  const redirect = flags.find((flag) => /^(?:r|redirect)(?:=|$)/.test(flag));
  const code = redirect?.split('=')[1];
  // Without [R] the server answers with the target's content: the path is its alias.
  const status = redirect === undefined ? 200 : code === undefined ? 302 : (statusWords[code] ?? Number(code));
  if (redirect !== undefined && !(status >= 300 && status <= 399)) return undefined;
  const ignoreCase = flags.includes('nc') || flags.includes('nocase');
  return { server: 'Apache', syntax: 'rewrite-regex', from: pattern, to: target, status, where, ...(ignoreCase ? { ignoreCase: true as const } : {}) };
}

const patterns = new WeakMap<ServerRule, LinearPattern | null>();

/** The rule's expression on RE2; null when RE2 cannot read it. */
function patternOf(rule: ServerRule): LinearPattern | null {
  let pattern = patterns.get(rule);
  if (pattern === undefined) {
    try {
      pattern = linearPattern(rule.from, { ignoreCase: rule.ignoreCase === true });
    } catch {
      pattern = null;
    }
    patterns.set(rule, pattern);
  }
  return pattern;
}

/**
 * Where an Apache rule sends a site path (decoded, as Apache matches it), if it matches: `Redirect`
 * a whole-segment prefix, the rest of the path appended; `RedirectMatch` its expression anywhere in
 * the path, `RewriteRule` in the path without its first slash (in a `.htaccess`, paths are the
 * folder's), `$1`…`$9` in the target filled in.
 */
export function apacheTarget(rule: ServerRule, path: string): string | undefined {
  if (rule.syntax === 'prefix') {
    const { from } = rule;
    const matches = path === from || (path.startsWith(from) && (from.endsWith('/') || path[from.length] === '/'));
    return matches ? `${rule.to}${path.slice(from.length)}` : undefined;
  }
  const groups = patternOf(rule)?.exec(rule.syntax === 'rewrite-regex' ? path.slice(1) : path);
  if (!groups) return undefined;
  return rule.to.replace(/\$(\d)/g, (_, n: string) => groups[Number(n)] ?? '');
}
