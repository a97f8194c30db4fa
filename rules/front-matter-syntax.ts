/**
 * front-matter-syntax: the front matter block exists, is closed, is YAML, parses, and is
 * seen by Jekyll at all (a BOM before `---` hides it).
 */
import { isCollection, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Document, Report, DocumentRule, SiteSettings } from '../src/types.js';
import { collectionRelative, isCollectionDocument, isDraft, isPostOrDraft, isUndatedPostFile, postSource, unwrittenCollection } from '../src/site/urls.js';
import { isOptionalFrontMatterPage } from '../src/site/github-pages-plugins.js';
import { locateInFrontMatter } from '../src/parse/yaml-locate.js';
import { failsRubyTimeParse } from '../src/site/post-date.js';

interface Options {
  /**
   * A Markdown file without front matter is copied as-is by Jekyll, not rendered. `true`: report
   * collection documents without it (pages such as a README are static files by design; posts
   * and drafts render without it); `"all"`: every Markdown file; `false`: none.
   */
  requireFrontMatter: boolean | 'all';
}

/** Files a repository keeps for GitHub, not for the site. */
const forRepository = /^(?:readme|licen[cs]e|contributing|changelog|code_of_conduct|security)(?:\.|$)/i;

export const frontMatterSyntax: DocumentRule<Options> = {
  meta: {
    id: 'front-matter-syntax',
    description: 'Front matter must be present, closed, valid YAML and visible to Jekyll (no BOM, no `---js`).',
    severity: 'error',
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { requireFrontMatter: { enum: [true, false, 'all'], description: 'true: collection documents need front matter; "all": every Markdown file; false: none.' } },
    },
    defaults: { requireFrontMatter: true },
  },
  check({ document, options, site, report }) {
    const front = document.frontMatter;
    if (!site.standalone) checkPostFileName(document, site.jekyll, report);
    switch (front.kind) {
      case 'none':
        // jekyll-optional-front-matter (on with GitHub Pages) makes it a page all the same.
        if (!site.standalone && isOptionalFrontMatterPage(document.path, site.jekyll) && !isCollectionDocument(document.path, site.jekyll)) return;
        // Without a site (a snippet, remark), every file is taken for a page that needs front matter.
        const needed = site.standalone || (isCollectionDocument(document.path, site.jekyll) && !isPostOrDraft(document.path, site.jekyll));
        if (options.requireFrontMatter === 'all' || (options.requireFrontMatter && needed)) {
          const forTheRepository = forRepository.test(document.path.slice(document.path.lastIndexOf('/') + 1));
          // A collection that writes no pages writes none of its static files either: such a file is published nowhere.
          const unwritten = site.standalone ? undefined : unwrittenCollection(document.path, site.jekyll);
          if (unwritten !== undefined) {
            if (!forTheRepository || options.requireFrontMatter === 'all') {
              report({ message: `The file has no front matter: Jekyll leaves it out of \`site.${unwritten}\` (the collection's documents start with a \`---\` block) and publishes nothing of it. Start it with a \`---\` block.`, start: 0 });
            }
            return;
          }
          // A README or LICENSE among the documents is usually there for the repository, not the site.
          if (forTheRepository) {
            report({ message: 'The file has no front matter: Jekyll copies it as a static file, unrendered. If it is meant as a page, start it with a `---` block.', start: 0, severity: 'warning' });
          } else {
            report({ message: 'The file has no front matter: Jekyll copies it as a static file instead of rendering it. Start it with a `---` block.', start: 0 });
          }
        }
        return;
      case 'unterminated':
        report({
          message: front.bom
            ? 'The front matter is never closed with a `---` line, and a byte order mark (BOM) precedes it: Jekyll publishes the file unrendered as a static file.'
            : 'The front matter is never closed with a `---` line: Jekyll renders the whole file, the YAML included, as the page body.',
          start: front.start,
          end: front.end,
        });
        return;
      case 'non-yaml':
        report({
          message: `The front matter is \`${front.language}\`, not YAML: Jekyll sees no front matter and copies the file unrendered (doclint never evaluates it).`,
          start: front.start,
          end: front.end,
        });
        return;
      case 'yaml':
        if (front.bom) {
          report({
            message: 'A byte order mark (BOM) precedes `---`: Jekyll does not see the front matter and publishes the file unrendered as a static file.',
            start: 0,
            fix: { start: 0, end: 1, text: '' },
          });
        }
        // `strict_front_matter` (any value but false) makes every front matter Jekyll cannot read stop the build.
        const strictSetting = site.jekyll.raw.strict_front_matter;
        const strict = !site.standalone && strictSetting !== undefined && strictSetting !== null && strictSetting !== false;
        for (const problem of yamlProblems(document, strict)) report(problem);
        // What Jekyll refuses in a page (Convertible#validate_data!, #validate_permalink!); a collection's document is read otherwise.
        const inCollection = !site.standalone && isCollectionDocument(document.path, site.jekyll);
        if (!front.flatPlaces && front.valid && !holdsKeys(front.yaml.contents)) {
          const what = isSeq(front.yaml.contents) ? 'a list' : 'a single value';
          const outcome = !inCollection
            ? '`jekyll build` stops ("Invalid YAML front matter")'
            : strict
              ? '`jekyll build` stops (with `strict_front_matter` set, "could not read file")'
              : 'Jekyll cannot read the file ("could not read file") and publishes it without its front matter';
          report({
            message: `The front matter is ${what}, not keys and values: ${outcome}.`,
            start: front.start,
            end: front.end,
          });
        }
        if (!inCollection && front.data.permalink === '') {
          report({ message: 'The permalink is empty: `jekyll build` stops ("Invalid permalink"). Give the page\'s path, or remove the key.', ...(locateInFrontMatter(front, ['permalink'], 'key') ?? front) });
        }
        // Jekyll reads a document's `date` with Ruby's Time.parse (Document#merge_date!); drafts only with --drafts.
        const date = front.data.date;
        if (inCollection && !isDraft(document.path, site.jekyll) && Object.hasOwn(front.data, 'date') && !(date instanceof Date) && failsRubyTimeParse(String(date ?? ''))) {
          const value = locateInFrontMatter(front, ['date']);
          const written = date === null || date === '' ? 'is empty' : `\`${value ? document.text.slice(value.start, value.end) : String(date)}\` is not a date Ruby's Time.parse reads`;
          report({ message: `The date ${written}: \`jekyll build\` stops ("does not have a valid date in the YAML front matter"). Write it as \`2024-05-30\` or \`2024-05-30 14:00:00 +0200\`, or remove the key (the file name's date is used).`, ...(value ?? locateInFrontMatter(front, ['date'], 'key') ?? front) });
        }
        return;
    }
  },
};

/** What Jekyll makes of a file in `_posts` by its name: no post without a date, no build with a date Ruby cannot read. */
function checkPostFileName(document: Document, jekyll: SiteSettings['jekyll'], report: (report: Report) => void): void {
  const name = document.path.slice(document.path.lastIndexOf('/') + 1);
  if (isUndatedPostFile(document.path, jekyll)) {
    if (forRepository.test(name)) return;
    report({ message: 'Jekyll reads no post from this file and publishes nothing of it: a post\'s file name starts with its date (`YYYY-MM-DD-title.md`). Rename it, or move it out of `_posts`.', start: 0, severity: 'warning' });
    return;
  }
  const inside = collectionRelative(document.path, jekyll);
  const post = inside === undefined ? undefined : postSource(inside, jekyll);
  const front = document.frontMatter;
  if (post && post.date === undefined && !(front.kind === 'yaml' && front.data.date !== undefined)) {
    const date = /^\d+-\d+-\d+/.exec(name)![0];
    report({ message: `The date in the file name, \`${date}\`, is not one Ruby's Time.parse reads (a month 1-12, a day 1-31): \`jekyll build\` stops ("does not have a valid date in the filename"). Correct it, or give the post a \`date\` in its front matter.`, start: 0 });
  }
}

function yamlProblems(document: Document, strict: boolean): Report[] {
  const front = document.frontMatter;
  if (front.kind !== 'yaml' || front.flatPlaces) return [];
  const yamlText = document.text.slice(front.yamlStart, front.yamlEnd);
  const nodeStarts: [number, number][] = [];
  visit(front.yaml, {
    Node(_, node) {
      const opensAndCloses = isScalar(node) ? node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' : isCollection(node) && node.flow === true;
      if (opensAndCloses && node.range) nodeStarts.push([node.range[0], node.range[2]]);
    },
  });
  const lineOf = (offset: number): number => document.lines.position(front.yamlStart + offset).line;
  const at = (pos: readonly [number, number]): { start: number; end: number } => {
    // The parser notices an unclosed quote or bracket only where it runs out: point at the
    // value that was left open (the innermost node that began before the error, on an earlier line).
    let start = Math.min(pos[0], yamlText.length);
    const open = nodeStarts.filter(([from, to]) => from < start && start <= to).sort((a, b) => b[0] - a[0])[0];
    if (open && lineOf(open[0]) < lineOf(start)) start = open[0];
    return { start: front.yamlStart + start, end: front.yamlStart + Math.max(start, Math.min(pos[1], yamlText.length)) };
  };
  const reports: Report[] = front.yaml.errors.map((error) => ({
    message: `Invalid YAML in the front matter: ${firstLine(error.message)}. ${strict ? 'With `strict_front_matter` set, `jekyll build` stops on it.' : 'Jekyll then ignores the whole front matter (no layout, no title).'}`,
    ...at(error.pos),
  }));
  for (const problem of front.valueProblems) {
    reports.push({ message: problem.message, start: front.yamlStart + problem.start, end: front.yamlStart + problem.end, severity: problem.severity });
  }
  for (const warning of front.yaml.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      reports.push({ message: `${firstLine(warning.message)}: Jekyll's safe YAML loader rejects unknown tags (doclint never runs them).`, ...at(warning.pos) });
    } else {
      reports.push({ message: `YAML: ${firstLine(warning.message)}.`, ...at(warning.pos), severity: 'warning' });
    }
  }
  visit(front.yaml, {
    Map(_, map) {
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const first = seen.get(pair.key.value);
        const [start, , end] = pair.key.range;
        if (first === undefined) seen.set(pair.key.value, start);
        else {
          const firstLine = document.lines.position(front.yamlStart + first).line;
          reports.push({
            message: `Duplicate key \`${String(pair.key.value)}\` (first on line ${firstLine}): Jekyll silently keeps only this last value.`,
            start: front.yamlStart + start,
            end: front.yamlStart + end,
            severity: 'warning',
          });
        }
      }
    },
  });
  return reports;
}

/** Whether Jekyll takes the YAML for the file's values: a map, or nothing (empty, `~`, `false`: no values). */
function holdsKeys(contents: unknown): boolean {
  return contents === null || isMap(contents) || (isScalar(contents) && (contents.value === null || contents.value === false));
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/[.:]\s*$/, '');
}
