/**
 * Linting files against a built site index, shared by every kind of run (one thread, a worker,
 * a cached run): reading them, linting one, linting a batch.
 */
import { resolve } from 'node:path';
import { allRules } from '../../rules/index.js';
import { parseDocument } from '../parse/document.js';
import { ComplexityError } from '../parse/parse-budget.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Finding } from '../types.js';
import { anchorsLookup, deferredAnchors, type AnchorsLookup, type DeferredAnchors } from './anchor-requests.js';
import { lintDocument, type LintContext } from './lint-document.js';
import { readSource, type Source } from '../site/read-source.js';

/** Lints one text as if it were the file at `path` in the given site: pure, for editors and tests. */
export function lintFile(path: string, text: string, context: LintContext): Finding[] {
  const indexed = context.site.document(path);
  const document = indexed?.text === text ? indexed : parseDocument(path, text, context.tags);
  return lintDocument(document, allRules, context);
}

/**
 * One target's findings (fixes not applied): why it cannot be read, or what the rules report.
 * Its own anchors are computed first, while the parse is at hand: its links to itself and other
 * pages' links to it need them.
 */
export function lintTarget(file: string, source: Source, context: LintContext): Finding[] {
  if (!source.ok) return unreadable(context, file, source.message, source.line, source.column);
  warmAnchors(context, file);
  return lintFileSafely(file, source.text, context);
}

/** Computes a page's anchors now if it parses; if not, linting it reports why. */
function warmAnchors({ site }: LintContext, file: string): void {
  try {
    site.anchors(file);
  } catch {
    // lintFileSafely reports the parse failure for this file.
  }
}

/**
 * One file's findings, whatever the file holds: input that defeats the parsers (a stack
 * overflow on thousands of nested quotes) becomes a finding on that file, and the run goes on.
 */
export function lintFileSafely(path: string, text: string, context: LintContext): Finding[] {
  try {
    return lintFile(path, text, context);
  } catch (error) {
    if (error instanceof ComplexityError) {
      return engineFinding(context.config, 'file-too-complex', path, `The Markdown was not parsed, to keep the run bounded: ${error.message} (see file-too-complex).`, error.line, 1);
    }
    const reason = error instanceof RangeError ? 'it nests too deeply for a Markdown parser' : 'the parser failed';
    return unreadable(context, path, `doclint could not parse this file: ${reason} (${(error as Error).message}).`, 1, 1);
  }
}

/** The file-unreadable finding, at the configured severity (none when the rule is off). */
function unreadable({ config }: LintContext, file: string, message: string, line: number, column: number): Finding[] {
  return engineFinding(config, 'file-unreadable', file, message, line, column);
}

/** A finding the engine itself makes (file-unreadable, file-too-complex, fix-skipped), at its configured severity; none when off. */
export function engineFinding(config: ResolvedConfig, ruleId: string, file: string, message: string, line = 1, column = 1): Finding[] {
  const setting = config.rules[ruleId];
  return setting && setting.severity !== 'off' ? [{ ruleId, severity: setting.severity, message, file, line, column }] : [];
}

export function readAll(root: string, files: readonly string[], maxFileSize: number): Map<string, Source> {
  return new Map(files.map((file) => [file, readSource(resolve(root, file), maxFileSize)]));
}

/** The texts of the given files that could be read, in their order. */
export function readableTexts(sources: ReadonlyMap<string, Source>, files: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    const source = sources.get(file);
    if (source?.ok) texts.set(file, source.text);
  }
  return texts;
}

/**
 * Lints the targets (and the link rules on `linkOnly` files) in one batch: anchor requests wait
 * until every page has been parsed, so each page is parsed once. Findings per file, in order.
 */
export function lintBatch(targets: readonly string[], sources: ReadonlyMap<string, Source>, context: LintContext, linkOnly: readonly string[] = [], release?: ReleasableTexts): Finding[][] {
  const batch = new LintBatch(context, linkOnly, release);
  for (const file of targets) batch.add(file, sources.get(file)!);
  return batch.finish();
}

/** The texts a batch may let go of once a page is linted: its source and the index's copy. */
export interface ReleasableTexts {
  sources: Map<string, Source>;
  texts: Map<string, string>;
}

/** A batch fed one target at a time, for runs that do other work between the targets. */
export class LintBatch {
  private readonly deferred: DeferredAnchors;
  private readonly context: LintContext;
  private readonly found: Finding[][];

  /**
   * `release`: the maps of texts this batch may empty as it goes. Once a page is linted and its
   * anchors are known, nothing in the batch reads its text again (100x corpus: ~110 MB less).
   */
  constructor(
    context: LintContext,
    linkOnly: readonly string[] = [],
    private readonly release?: ReleasableTexts,
  ) {
    this.deferred = deferredAnchors(context.site);
    this.context = { ...context, anchors: this.deferred };
    this.found = linkOnly.map((file) => lintLinksOf(file, this.context));
  }

  add(file: string, source: Source): void {
    this.found.push(lintTarget(file, source, this.context));
    if (this.release && this.context.site.knownAnchors(file)) {
      this.release.sources.delete(file);
      this.release.texts.delete(file);
    }
  }

  /** The pages whose anchors a rule still waits for. */
  pending(): string[] {
    return this.deferred.pending();
  }

  /**
   * Answers the waiting anchor requests (by default the index parses what is left; a worker
   * passes what other workers computed). Findings per file: the arrays are filled in as the
   * requests are answered, and as any other late answer comes.
   */
  finish(lookupOf: (path: string) => AnchorsLookup = anchorsLookup(this.context.site)): Finding[][] {
    this.deferred.settle(lookupOf);
    return this.found;
  }
}

/** Changed-files mode: the link rules on a file the change did not touch. */
export function lintLinksOf(file: string, context: LintContext): Finding[] {
  const document = context.site.document(file);
  return document ? lintDocument(document, linkRules, context) : [];
}

const linkRules = allRules.filter((rule) => rule.meta.id.startsWith('link-'));
