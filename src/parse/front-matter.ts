/**
 * Front matter exactly as Jekyll finds it: the file must START with a `---` line
 * (Jekyll::Utils.has_yaml_header?), and the block ends at the first later line that is
 * `---` or `...` (Jekyll's YAML_FRONT_MATTER_REGEXP). The YAML is read with YAML 1.1
 * semantics (what Ruby's Psych implements), never with a JavaScript engine: gray-matter's
 * `---js` evaluation is exactly what must not run on untrusted pull requests.
 */
import { parseDocument, type Document as YamlDocument } from 'yaml';
import { psychTags } from './yaml-psych.js';
import { yamlValues, type YamlValueProblem } from './yaml-values.js';

interface Range {
  /** Offset of the opening `---`. */
  start: number;
  /** Offset just past the closing delimiter line (where the body starts). */
  end: number;
}

export type FrontMatter =
  | { kind: 'none' }
  /** The file starts with a `---` line that is never closed: Jekyll renders it all as body. */
  | ({ kind: 'unterminated' } & Range)
  /** `---js`, `---coffee`, `+++`...: Jekyll sees no front matter and copies the file unrendered. */
  | ({ kind: 'non-yaml'; language: string } & Range)
  | ({
      kind: 'yaml';
      /** A UTF-8 BOM precedes the `---`: Jekyll then publishes the file as a static file. */
      bom: boolean;
      /** Offsets of the YAML text between the delimiters. */
      yamlStart: number;
      yamlEnd: number;
      yaml: YamlDocument.Parsed;
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
  if (!closing) return { kind: 'unterminated', start, end: firstNewline + 1 };
  const yamlStart = firstNewline + 1;
  const yamlEnd = closing.start;
  const yaml = parseDocument(text.slice(yamlStart, yamlEnd), {
    version: '1.1',
    customTags: psychTags,
    prettyErrors: false,
    // Psych keeps the last of duplicate keys; front-matter-syntax reports them instead.
    uniqueKeys: false,
  });
  const values = yaml.errors.length > 0 ? { data: {}, problems: [] } : yamlValues(yaml);
  return { kind: 'yaml', bom, start, end: closing.end, yamlStart, yamlEnd, yaml, data: values.data, valueProblems: values.problems };
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
