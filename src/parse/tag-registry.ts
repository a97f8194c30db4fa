/**
 * Which Liquid tags exist and how they parse. Liquid fails on any tag it does not know,
 * so the registry is the site's contract: Liquid 5 and Jekyll built-ins, the help-center
 * tags, plus whatever a repository declares in its config (`liquid.tags`).
 */

/** How a tag's arguments are checked (by the liquid-tag-arguments rule). */
export interface WordsGrammar {
  /** Arguments are space-separated words. */
  kind: 'words';
  min?: number;
  max?: number;
  /** The first word must be one of these (exact, case-sensitive). */
  values?: string[];
  /** Severity when the word count is outside min..max (a build error for most plugins). */
  countSeverity?: 'error' | 'warning';
  /** Severity when the first word is not in `values` (the help center falls back to a default). */
  valueSeverity?: 'error' | 'warning';
  /** A short reminder of the valid syntax, shown in messages. */
  syntax?: string;
  /** What the plugin does with an invalid value instead of failing (shown in messages). */
  fallback?: string;
}

/** `{% image PATH [CAPTION] %}`: a path and an optional caption that becomes the alt text. */
export interface PathCaptionGrammar {
  kind: 'path-caption';
  /** Severity when the caption (alt text) is missing. */
  missingCaption?: 'error' | 'warning' | 'off';
  syntax?: string;
}

export type ArgumentGrammar = WordsGrammar | PathCaptionGrammar;

export interface TagSpec {
  /** A block tag needs a matching `end<name>`. */
  block?: boolean;
  /** Tags allowed between the opening and the end tag (`else`, `elsif`, `when`). */
  branches?: string[];
  /** The body is not parsed at all (`raw`). */
  raw?: boolean;
  /** Unknown tags inside the body are ignored, known ones still parse (Liquid 5 `comment`). */
  ignoresUnknownTags?: boolean;
  /** The body is converted by its own kramdown run (heading ids restart, tables stand alone). */
  ownMarkdown?: boolean;
  /**
   * The body is not Markdown: `code` when the tag writes it as code into its own HTML (highlight:
   * no link or id in it), `html` when the tag wraps it in a block HTML element, which kramdown
   * passes through (its HTML links and ids stay, its Markdown stays text).
   */
  body?: 'code' | 'html';
  arguments?: ArgumentGrammar;
  /** The tag renders HTML over several lines (a table row containing it stops being a table). */
  multilineOutput?: boolean;
  /** The tag's first argument is a file under this URL path (the help center's image: `/images/`). */
  linkPrefix?: string;
  /** The tag writes text doclint does not read (a remote file's): the ids in it cannot be known. */
  writesUnreadText?: boolean;
  /** Jekyll's `link` or `post_url`: the URL of the source file it names (a site plugin that registers the name replaces it). */
  jekyllLink?: true;
}

export type TagRegistry = ReadonlyMap<string, TagSpec>;

const liquidBuiltins: Record<string, TagSpec> = {
  assign: {},
  break: {},
  // Help centers render captures with `markdownify`: a kramdown run of its own.
  capture: { block: true, ownMarkdown: true },
  case: { block: true, branches: ['when', 'else'] },
  comment: { block: true, ignoresUnknownTags: true },
  continue: {},
  cycle: {},
  decrement: {},
  echo: {},
  for: { block: true, branches: ['else'] },
  if: { block: true, branches: ['elsif', 'else'] },
  ifchanged: { block: true },
  include: {},
  increment: {},
  liquid: {},
  raw: { block: true, raw: true },
  render: {},
  tablerow: { block: true },
  unless: { block: true, branches: ['elsif', 'else'] },
};

const jekyllBuiltins: Record<string, TagSpec> = {
  highlight: { block: true, body: 'code' },
  include_relative: {},
  link: { jekyllLink: true },
  post_url: { jekyllLink: true },
};

/** The help center's own plugins (the defaults this tool was built for). */
export const helpCenterTags: Record<string, TagSpec> = {
  callout: {
    block: true,
    ownMarkdown: true,
    arguments: {
      kind: 'words',
      min: 1,
      max: 1,
      values: ['info', 'warning', 'success'],
      countSeverity: 'warning',
      valueSeverity: 'warning',
      syntax: '{% callout info|warning|success %}',
      fallback: 'Jekyll prints a warning and renders an `info` callout',
    },
  },
  icon: {
    arguments: { kind: 'words', min: 1, max: 3, countSeverity: 'error', syntax: '{% icon fa-name [modifier] [modifier] %}' },
  },
  image: { multilineOutput: true, linkPrefix: '/images/', arguments: { kind: 'path-caption', missingCaption: 'warning', syntax: '{% image path [caption] %}' } },
  table: { block: true, ownMarkdown: true },
};

/** Built-ins, then the help-center defaults, then the user's tags (which win; `false` removes one). */
export function createTagRegistry(userTags: Record<string, TagSpec | false> = {}, includeHelpCenterTags = true): TagRegistry {
  const registry = new Map<string, TagSpec>(Object.entries({ ...liquidBuiltins, ...jekyllBuiltins }));
  if (includeHelpCenterTags) for (const [name, spec] of Object.entries(helpCenterTags)) registry.set(name, spec);
  for (const [name, spec] of Object.entries(userTags)) {
    if (spec === false) registry.delete(name);
    else registry.set(name, spec);
  }
  return registry;
}
