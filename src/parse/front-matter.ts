/**
 * Front matter exactly as Jekyll finds it: the file must START with a `---` line
 * (Jekyll::Utils.has_yaml_header?), and the block ends at the first later line that is
 * `---` or `...` (Jekyll's YAML_FRONT_MATTER_REGEXP). The YAML is read with YAML 1.1
 * semantics (what Ruby's Psych implements), never with a JavaScript engine: gray-matter's
 * `---js` evaluation is exactly what must not run on untrusted pull requests.
 */
import { isNode, parseAllDocuments, parseDocument, visit, type Document as YamlDocument } from 'yaml';
import { flatYaml, type FlatYaml } from './yaml-flat.js';
import { jekyllScalarTags } from './yaml-scalars.js';
import { yamlValues, type YamlValueProblem } from './yaml-values.js';

interface Range {
  /** Offset of the opening `---`. */
  start: number;
  /** Offset just past the closing delimiter line (where the body starts). */
  end: number;
}

export type FrontMatter =
  | { kind: 'none' }
  /**
   * The file starts with a `---` line that is never closed: Jekyll renders it all as body, with no
   * values of its own (after a UTF-8 BOM, it publishes the file as a static file).
   */
  | ({ kind: 'unterminated'; bom: boolean } & Range)
  /** `---js`, `---coffee`, `+++`...: Jekyll sees no front matter and copies the file unrendered. */
  | ({ kind: 'non-yaml'; language: string } & Range)
  | ({
      kind: 'yaml';
      /** A UTF-8 BOM precedes the `---`: Jekyll then publishes the file as a static file. */
      bom: boolean;
      /** Offsets of the YAML text between the delimiters. */
      yamlStart: number;
      yamlEnd: number;
      /** The YAML's syntax tree, built on first use when the values were read as flat YAML. */
      readonly yaml: YamlDocument.Parsed;
      /** The YAML has no errors, so Jekyll reads its values. */
      valid: boolean;
      /** Where each key and value is written, when the values were read as flat YAML (`key: value` lines): no errors, warnings or duplicate keys. */
      flatPlaces?: FlatYaml['places'];
      /** The values as Jekyll reads them; empty when the YAML has errors (Jekyll uses {}). */
      data: Record<string, unknown>;
      /** Loading the values: unknown and recursive aliases, alias bombs (offsets in the YAML text). */
      valueProblems: YamlValueProblem[];
    } & Range);

const BOM = '\uFEFF';
const openingLine = /^---[ \t\f\v\r]*$/;
const nonYamlOpening = /^(?:---([A-Za-z][\w-]*)|(\+\+\+))[ \t\r]*$/;
const closingLine = /^(?:---|\.\.\.)[ \t\f\v\r]*$/;

export function parseFrontMatter(text: string): FrontMatter {
  const bom = text.startsWith(BOM);
  const start = bom ? 1 : 0;
  const firstNewline = text.indexOf('\n', start);
  if (firstNewline === -1) return { kind: 'none' };
  const firstLine = text.slice(start, firstNewline);
  if (!openingLine.test(firstLine)) {
    const other = nonYamlOpening.exec(firstLine);
    if (!other) return { kind: 'none' };
    const closing = findClosing(text, firstNewline + 1);
    return {
      kind: 'non-yaml',
      language: other[1] ?? 'toml',
      start,
      end: closing ? closing.end : firstNewline + 1,
    };
  }
  const closing = findClosing(text, firstNewline + 1);
  if (!closing) return { kind: 'unterminated', bom, start, end: firstNewline + 1 };
  const yamlStart = firstNewline + 1;
  const yamlEnd = closing.start;
  const source = text.slice(yamlStart, yamlEnd);
  const common = { kind: 'yaml', bom, start, end: closing.end, yamlStart, yamlEnd } as const;
  const flat = flatYaml(source);
  if (flat) {
    let yaml: YamlDocument.Parsed | undefined;
    return {
      ...common,
      get yaml() {
        return (yaml ??= parsePsychYaml(source));
      },
      valid: true,
      flatPlaces: flat.places,
      data: flat.data,
      valueProblems: [],
    };
  }
  const yaml = parsePsychYaml(source);
  const valid = yaml.errors.length === 0;
  const values = valid ? yamlValues(yaml) : { data: {}, problems: [] };
  return { ...common, yaml, valid, data: values.data, valueProblems: values.problems };
}

function findClosing(text: string, from: number): { start: number; end: number } | undefined {
  let lineStart = from;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (closingLine.test(text.slice(lineStart, lineEnd))) {
      return { start: lineStart, end: newline === -1 ? text.length : newline + 1 };
    }
    if (newline === -1) return undefined;
    lineStart = newline + 1;
  }
  return undefined;
}

const yamlOptions = {
  version: '1.1',
  customTags: jekyllScalarTags,
  prettyErrors: false,
  // Psych keeps the last of duplicate keys; front-matter-syntax reports them instead.
  uniqueKeys: false,
} as const;

/**
 * The YAML as Psych reads it. Psych (libyaml) also accepts three things the yaml library rejects:
 * a quoted scalar continued on a line indented no deeper than its key (`title: "a long\nsecond
 * line"`, as translators wrap titles), tabs before the items of a flow collection written over
 * several lines (`categories:\n  [\n\tcss,\n  ]`), and an alias as a key with no space before its
 * colon (`*release: …`: libyaml ends an alias's name at the first character that is not a letter,
 * digit, `_` or `-`; YAML 1.2 reads `release:` as the name). Such text is parsed again with those
 * lines indented, those tabs made spaces and such a space inserted, and the nodes' ranges are mapped
 * back to the original text.
 */
export function parsePsychYaml(source: string): YamlDocument.Parsed {
  const yaml = firstDocument(source);
  if (yaml.errors.length === 0) return yaml;
  const untabbed = flowLineTabsAsSpaces(source);
  const spaced = psychSpacing(untabbed);
  if (spaced.insertions.length === 0 && untabbed === source) return yaml;
  const retry = firstDocument(spaced.text);
  if (retry.errors.length > 0) return yaml;
  const back = (offset: number): number => offset - spaced.insertions.filter((at) => at < offset).length;
  visit(retry, {
    Node(_, node) {
      if (isNode(node) && node.range) node.range = [back(node.range[0]), back(node.range[1]), back(node.range[2])];
    },
  });
  return retry;
}

/** The stream's first document: Psych.parse returns at its end, so what follows (errors too) is never read. */
function firstDocument(source: string): YamlDocument.Parsed {
  const yaml = parseDocument(source, yamlOptions);
  if (!yaml.errors.some((error) => error.code === 'MULTIPLE_DOCS')) return yaml;
  const documents = parseAllDocuments(source, yamlOptions);
  return Array.isArray(documents) && documents.length > 0 ? documents[0]! : yaml;
}

/**
 * The tabs that start a line inside a flow collection (`[...]`, `{...}`), each made a space: the
 * offsets stay the same. A collection opens at a value's start in block context (after `key:`,
 * `-` or `?`) and anywhere inside another; quoted scalars and comments are skipped.
 */
function flowLineTabsAsSpaces(source: string): string {
  if (!source.includes('\n\t')) return source;
  let out = '';
  let depth = 0;
  let quote: string | undefined;
  let lastOnLine = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\n') {
      out += c;
      lastOnLine = '';
      if (depth > 0 && quote === undefined) while (source[i + 1] === '\t') (out += ' '), i++;
      continue;
    }
    out += c;
    if (quote !== undefined) {
      if (quote === '"' && c === '\\') out += source[++i] ?? '';
      else if (c === quote) {
        if (quote === "'" && source[i + 1] === "'") out += source[++i];
        else quote = undefined;
      }
    } else if (c === '#' && /^$|\s/.test(source[i - 1] ?? '')) {
      // A comment: the rest of the line.
      while (i + 1 < source.length && source[i + 1] !== '\n') out += source[++i];
    } else if ((c === '"' || c === "'") && (depth > 0 ? /^$|[\s\[{,:]/.test(source[i - 1] ?? '') : /^$|[:?-]/.test(lastOnLine))) quote = c;
    else if ((c === '[' || c === '{') && (depth > 0 || /^$|[:?-]/.test(lastOnLine))) depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (!/\s/.test(c)) lastOnLine = c;
  }
  return out;
}

/**
 * The spaces Psych does without: each line that continues a quoted scalar indented one column past
 * the line the scalar started on, and a space before the colon of an alias used as a key (`*name:`).
 * `insertions`: the source offsets before which a space was inserted.
 */
function psychSpacing(source: string): { text: string; insertions: number[] } {
  const insertions: number[] = [];
  let out = '';
  let quote: string | undefined;
  let lineIndent = 0;
  let atLineStart = true;
  let previous = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (atLineStart) {
      let indent = 0;
      while (source[i + indent] === ' ') indent++;
      if (quote !== undefined && indent <= lineIndent) {
        // One space per missing column, each counted as an insertion at this offset.
        for (let k = indent; k <= lineIndent; k++) insertions.push(i);
        out += ' '.repeat(lineIndent + 1 - indent);
      } else if (quote === undefined) lineIndent = indent;
      atLineStart = false;
    }
    if (quote === undefined && c === '#' && /^\s?$/.test(previous)) {
      // A comment, to the line's end: its quotes open nothing.
      const end = source.indexOf('\n', i);
      out += source.slice(i, end === -1 ? undefined : end);
      i = (end === -1 ? source.length : end) - 1;
      previous = '#';
      continue;
    }
    out += c;
    if (c === '\n') atLineStart = true;
    else if (quote === '"' && c === '\\') {
      out += source[++i] ?? '';
    } else if (quote !== undefined && c === quote) {
      if (quote === "'" && source[i + 1] === "'") out += source[++i];
      else quote = undefined;
    } else if (quote === undefined && (c === '"' || c === "'") && /(^|[\s:\[{,-])$/.test(previous)) quote = c;
    else if (quote === undefined && c === '*' && /(^|[\s\[{,?-])$/.test(previous)) {
      // libyaml ends an alias's name at the first character that is not a letter, digit, `_` or `-`.
      let end = i + 1;
      while (end < source.length && /[\w-]/.test(source[end]!)) end++;
      if (end > i + 1 && source[end] === ':') {
        out += `${source.slice(i + 1, end)} `;
        insertions.push(end);
        i = end - 1;
      }
    }
    previous = c === '\n' ? '' : c;
  }
  return { text: out, insertions };
}
