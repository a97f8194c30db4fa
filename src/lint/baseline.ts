/**
 * Changed-files mode: which findings the change introduced. The same files are linted as they
 * were at the base revision, against the site as it was then (a baseline); a finding whose rule,
 * message and line text were already there is pre-existing: reported apart, never failing a run.
 */
import type { GitChanges } from '../site/git-changes.js';
import { buildSiteIndex, type SiteIndex } from '../site/site-index.js';
import type { AnyRule, Finding } from '../types.js';
import type { Anchor } from '../site/anchors.js';
import { LineIndex } from '../text/line-index.js';
import { documentPassContext, findingsInSite, firstPass, knownAnchors, lintFile, type FirstPass, type LintContext } from './lint-files.js';

/** The site as it was at the base revision, and pass 1 of the files the change touched, as they were. */
export interface Baseline {
  site: SiteIndex;
  texts: Map<string, string>;
  /** Each changed or deleted file's pass 1 at the revision: read once, for its anchors there and its findings. */
  passes: Map<string, FirstPass>;
}

/** The site as it was at the base revision: the files the change added are not in it; the ones it changed or deleted are as they were. */
export function siteBefore(context: LintContext, files: ReadonlySet<string>, texts: ReadonlyMap<string, string>, changes: GitChanges, rules: readonly AnyRule[], known: ReadonlyMap<string, readonly Anchor[]> = new Map()): Baseline {
  const added = new Set(changes.changed.filter((path) => !changes.before.has(path)));
  const beforeFiles = new Set([...files, ...changes.before.keys()].filter((path) => !added.has(path)));
  const beforeTexts = new Map([...texts, ...changes.before].filter(([path]) => !added.has(path)));
  const passes = new Map([...changes.before].map(([path, text]) => [path, firstPass(path, { ok: true, text }, documentPassContext(context), rules)]));
  // The files the change did not touch have the front matter and anchors they have now; the others, as pass 1 read them.
  const frontMatter = new Map<string, Record<string, unknown>>();
  for (const path of beforeTexts.keys()) {
    const values = passes.has(path) ? passes.get(path)!.frontMatter : context.site.frontMatter.get(path);
    if (values) frontMatter.set(path, values);
  }
  // The pages that are not linted (feeds, collection documents in other formats), as they are now.
  for (const [path, values] of context.site.frontMatter) if (!beforeTexts.has(path) && beforeFiles.has(path)) frontMatter.set(path, values);
  const anchors = new Map([...known].filter(([path]) => !changes.before.has(path) && !added.has(path)));
  for (const [path, pageAnchors] of knownAnchors([...passes].map(([path, pass]) => [path, pass.facts] as const))) anchors.set(path, pageAnchors);
  return { site: buildSiteIndex(context.site.jekyll, beforeFiles, beforeTexts, context.tags, frontMatter, anchors, (path) => context.site.sourceOf(path)), texts: beforeTexts, passes };
}

/** Marks, in place, the findings of `files` that the base revision already had. */
export function markPreExisting(findings: Finding[], files: readonly string[], now: ReadonlyMap<string, string>, before: Baseline, context: LintContext, rules: readonly AnyRule[]): void {
  const baseline = new Map<string, number>();
  const indexes = new Map<string, LineIndex>();
  const lineText = (text: string | undefined, line: number): string => {
    if (text === undefined) return '';
    let lines = indexes.get(text);
    if (!lines) indexes.set(text, (lines = new LineIndex(text)));
    return text.slice(lines.lineStart(line), lines.lineEnd(line)).trim();
  };
  const compared = new Set(files);
  const then: LintContext = { ...context, site: before.site };
  for (const file of files) {
    const text = before.texts.get(file);
    if (text === undefined) continue;
    const pass = before.passes.get(file);
    const found = pass ? findingsInSite(file, pass, then, new Map([[file, pass.facts]]), rules) : lintFile(file, text, then, rules);
    for (const finding of found) {
      const key = findingKey(finding, lineText(text, finding.line));
      baseline.set(key, (baseline.get(key) ?? 0) + 1);
    }
  }
  for (const finding of findings) {
    if (!compared.has(finding.file)) continue;
    const key = findingKey(finding, lineText(now.get(finding.file), finding.line));
    const left = baseline.get(key) ?? 0;
    if (left === 0) continue;
    baseline.set(key, left - 1);
    finding.preExisting = true;
  }
}

function findingKey(finding: Finding, lineText: string): string {
  return `${finding.file}\0${finding.ruleId}\0${stableMessage(finding.message)}\0${lineText}`;
}

/**
 * A message without what the rest of the site decides: the anchors a page has and the closest
 * URL or id. Renaming one heading changes them in every finding about that page; the findings
 * stay the ones the base revision had.
 */
function stableMessage(message: string): string {
  return message.replace(/[:;]? ?\(?did you mean `[^`]*`\?\)?| \(it has [^)]*\)/g, '');
}
