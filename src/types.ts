// The shared vocabulary of doclint: plain data passed one way through the pipeline
// discover -> parse -> (index) -> rules -> report.
import type { Root } from 'mdast';
import type { FrontMatter } from './parse/front-matter.js';
import type { LiquidParse } from './parse/liquid-tree.js';
import type { LineIndex } from './text/line-index.js';
import type { TagRegistry } from './parse/tag-registry.js';
import type { SiteIndex } from './site/site-index.js';
import type { ExternalStatus } from './links/external/check.js';
import type { Anchor } from './site/anchors.js';

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** A certain edit: replace text[start, end) of the original file with `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path relative to the site root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  /** Changed-files mode: the base revision had this finding already (it never fails a run). */
  preExisting?: true;
}

export interface RuleMeta {
  /** kebab-case, namespaced by what it checks: front-matter-*, liquid-*, table-*, link-*, file-*. */
  id: string;
  description: string;
  severity: Severity;
  fixable: boolean;
  /** JSON Schema for the rule's options (validated before the rule runs). */
  options?: Record<string, unknown>;
  /** Default option values, merged under the user's. */
  defaults?: Record<string, unknown>;
}

/** What a rule reports: offsets in the original text (end defaults to start). */
export interface Report {
  message: string;
  start: number;
  end?: number;
  fix?: Fix;
  /** Overrides the rule's severity for this one report (e.g. a build error vs a warning). */
  severity?: Severity;
}

/** A parsed source file, produced once and read by every rule. */
export interface Document {
  /** Path relative to the site root, forward slashes. */
  path: string;
  /** The decoded text exactly as in the file (a BOM stays as U+FEFF, line endings unchanged). */
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter;
  /** Where the body (what Jekyll renders with Liquid, then kramdown) starts. */
  bodyStart: number;
  liquid: LiquidParse;
  /** The text Markdown was parsed from: Liquid masked at the same offsets (see parse/mask-liquid.ts). */
  maskedText: string;
  /** The Markdown tree of the masked text. */
  mdast: Root;
}

export interface RuleContext<Options = Record<string, unknown>> {
  document: Document;
  options: Options;
  tags: TagRegistry;
  /** The whole site: its files and every document's front matter. */
  site: SiteIndex;
  /**
   * Calls `use` with what checking an external URL found (undefined when it was not checked),
   * now or, in a batch run, once the run's last request is done. `use` must not keep `document` alive.
   */
  externalStatusOf(url: string, use: (status: ExternalStatus | undefined) => void): void;
  /**
   * Calls `use` with the anchors of the content file `path` (undefined if it is none), now or,
   * in a batch run, once every page has been parsed. `use` must not keep `document` alive.
   */
  anchorsOf(path: string, use: (anchors: readonly Anchor[] | undefined) => void): void;
  report(report: Report): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  /** Absent for findings the engine itself makes (unreadable files, a rule that threw). */
  check?(context: RuleContext<Options>): void;
}

/** A rule of any options type, as the engine holds them (options are validated by the config schema). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
