// The shared vocabulary of doclint: plain data passed one way through the pipeline
// discover -> parse -> per-file facts (pass 1) -> site-wide checks (pass 2) -> report.
import type { Root } from 'mdast';
import type { FrontMatter } from './parse/front-matter.js';
import type { LiquidParse } from './parse/liquid-tree.js';
import type { LineIndex } from './text/line-index.js';
import type { TagRegistry } from './parse/tag-registry.js';
import type { SiteIndex } from './site/site-index.js';
import type { JekyllConfig } from './site/jekyll-config.js';
import type { LinkRef } from './links/extract.js';
import type { SuppressionComment } from './lint/suppressions.js';
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
  /** Where the rule is documented (a URL); doclint's own rules are documented in its repository. */
  docs?: string;
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

/** What a document rule knows of the site: its settings, not its other pages (those are pass 2's). */
export interface SiteSettings {
  jekyll: JekyllConfig;
  /** A file linted on its own (a snippet, an editor buffer, remark), not as a page of a site. */
  standalone: boolean;
  /** The READMEs without front matter that jekyll-readme-index renders as their folder's index page. */
  readmeIndexes: ReadonlySet<string>;
}

/** Pass 1, one document at a time: what a document rule (and a site rule's `collect`) is given. */
export interface DocumentContext<Options = Record<string, unknown>> {
  document: Document;
  options: Options;
  tags: TagRegistry;
  site: SiteSettings;
}

export interface DocumentRuleContext<Options = Record<string, unknown>> extends DocumentContext<Options> {
  report(report: Report): void;
}

/**
 * A rule that needs only the document it checks. It runs in pass 1, on worker threads and
 * cached by the file's text hash.
 */
export interface DocumentRule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  /** Absent for findings the engine itself makes (unreadable files, a rule that threw). */
  check?(context: DocumentRuleContext<Options>): void;
}

/**
 * What pass 1 keeps of a page for pass 2: plain data (structured-cloneable, cached), no parse
 * tree and no text. Offsets are the file's.
 */
export interface PageFacts {
  path: string;
  /** Whether Jekyll renders it (a file without front matter is a static file in a site). */
  rendered: boolean;
  /** Every link, image, reference and link tag, with its destination as written and rendered. */
  links: LinkRef[];
  /** Its anchors as kramdown writes them, or why they could not be computed. */
  anchors: readonly Anchor[] | { error: string };
  /** Where each line starts, and the text's length: positions of pass 2's reports. */
  lineStarts: ArrayLike<number>;
  length: number;
  /** Its disable comments (see suppressions.ts). */
  suppressions: SuppressionComment[];
  /** What each site rule's `collect` took from it, by rule id. */
  collected: Record<string, unknown>;
  /** References it leaves undefined, which the files it includes may define (see links/included-references.ts). */
  references?: IncludedReferences;
  /** The includes it renders (none when it has no include tag): which layouts and includes are written into pages. */
  includes?: IncludeUses;
  /** The names its `{% include_relative %}` tags give, as written: which files are fragments of pages (site/fragments.ts). */
  relativeIncludes?: string[];
  /** A layout's or include's links relative to the page it is written into (`css/main.css`, `#main`): each page resolves them from its own URL. */
  relativeLinks?: LinkRef[];
  /** Jekyll reads no front matter in it (set only then). */
  noFrontMatter?: true;
  /** Where the text read differs from the file on, when the site's converters rewrite it (parse/markdown-rewrites.ts): fixes past it are left out. */
  rewrittenFrom?: number;
}

/** The includes-folder files a file's include tags name, and whether a name is worked out from values (then which one is not known). */
export interface IncludeUses {
  files: string[];
  dynamic: boolean;
  /** Those of `files` included only inside `{% capture %}` (their text is written as the page makes it: `replace` may rewrite its links, if at all) or a tag's code (`{% highlight %}`: written as code). */
  captured?: string[];
  /** The names with Liquid of the includes written outside `{% capture %}` (`api/{{ page.version }}/menu.md`), as written: each page's values name one. */
  variable?: string[];
  /** The parameters whose value names an include (`{% include {{ include.path }} %}`): each call's. Not in `dynamic`. */
  forwarded?: string[];
}

/** A page's bracketed texts no definition of its own makes links (by kramdown link id), and the files it includes. */
export interface IncludedReferences {
  includes: string[];
  /** `shadows`: where the destination starts of the link the page alone makes of its text (`[id](url)` in `[text][id](url)`), which a defined reference is instead of. */
  uses: { id: string; start: number; end: number; shadows?: number }[];
}

/** Pass 2, one page at a time, over every page's facts. */
export interface SiteRuleContext<Options = Record<string, unknown>, Collected = unknown> {
  page: PageFacts;
  /** What this rule's `collect` took from the page (undefined when it has none). */
  collected: Collected | undefined;
  options: Options;
  /** The whole site: its files, every document's front matter, every published URL. */
  site: SiteIndex;
  /** The facts of every page known this run (pass 1 ran on it, or the result cache held it), by path; undefined for a page no parser survives. */
  pages: ReadonlyMap<string, PageFacts | undefined>;
  /** The anchors of the content file `path`; undefined when it is none (or does not parse). Throws when they could not be computed. */
  anchorsOf(path: string): readonly Anchor[] | undefined;
  /** What checking an external URL found; undefined when it was not checked. */
  externalStatus(url: string): ExternalStatus | undefined;
  report(report: Report): void;
}

/**
 * A rule that looks at other pages (links, references, values across a collection). `collect`
 * runs in pass 1 and keeps what the rule needs from each document as plain data; `check` runs
 * in pass 2 for each page, over those facts, so changing one page reruns pass 2 only.
 */
export interface SiteRule<Options = Record<string, unknown>, Collected = unknown> {
  meta: RuleMeta;
  kind: 'site';
  collect?(context: DocumentContext<Options>): Collected | undefined;
  check(context: SiteRuleContext<Options, Collected>): void;
}

/** A rule of any kind and options type, as the engine holds them (options are validated by the config schema). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = DocumentRule<any> | SiteRule<any, any>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isSiteRule = (rule: AnyRule): rule is SiteRule<any, any> => (rule as SiteRule).kind === 'site';
