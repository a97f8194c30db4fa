/**
 * Inline disable comments, read from the parsed document (never from raw text, so a
 * directive shown inside a code block does nothing), in raw HTML wherever it is (a layout, an
 * include or an `.html` page is one block of it):
 *   <!-- doclint-disable [rule ...] -->        until doclint-enable or the end of the file
 *   <!-- doclint-enable [rule ...] -->
 *   <!-- doclint-disable-line [rule ...] -->
 *   <!-- doclint-disable-next-line [rule ...] -->
 *   <!-- doclint-disable-file [rule ...] -->   the whole file, front matter included
 * and the same directives as Liquid comments: {% comment %} doclint-disable-next-line x {% endcomment %}.
 * Rule ids are separated by spaces or commas; none means every rule.
 */
import { nodesOfType } from '../parse/document-nodes.js';
import { detached } from '../text/detach.js';
import type { Document } from '../types.js';

type Directive = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

/** A disable comment as plain data (kept in a page's facts for pass 2). */
export interface SuppressionComment {
  directive: Directive;
  rules: string[];
  line: number;
  endLine: number;
}

const directivePattern = /^\s*doclint-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+([\s\S]*?))?\s*$/;

export type IsSuppressed = (ruleId: string, line: number) => boolean;

export function readSuppressions(document: Document): SuppressionComment[] {
  const comments: SuppressionComment[] = [];
  const add = (body: string, start: number, end: number): void => {
    const match = directivePattern.exec(body);
    if (!match) return;
    comments.push({
      directive: match[1] as Directive,
      rules: (match[2] ?? '').split(/[\s,]+/).filter(Boolean).map(detached),
      line: document.lines.position(start).line,
      endLine: document.lines.position(end).line,
    });
  };
  // Every comment in raw HTML, also inside a larger block (a layout is one): read from the source at the node's offsets.
  for (const { node } of nodesOfType(document, 'html')) {
    if (!node.position || !node.value.includes('<!--')) continue;
    const from = node.position.start.offset!;
    const html = document.maskedText.slice(from, node.position.end.offset!);
    // Each comment from its `<!--` to the next `-->`; one never closed ends the search (a pattern would look for its end again from every `<!--` after it).
    for (let open = html.indexOf('<!--'); open !== -1; ) {
      const close = html.indexOf('-->', open + 4);
      if (close === -1) break;
      add(html.slice(open + 4, close), from + open, from + close + 3);
      open = html.indexOf('<!--', close + 3);
    }
  }
  for (const block of document.liquid.blocks) {
    if (block.open.name === 'comment' && block.close) add(document.text.slice(block.open.end, block.close.start), block.open.start, block.close.end);
  }
  return comments.sort((a, b) => a.line - b.line);
}

/** Whether a finding of a rule on a line is disabled by the comments. */
export function isSuppressedBy(comments: readonly SuppressionComment[]): IsSuppressed {
  if (comments.length === 0) return () => false;
  return (ruleId, line) => {
    let disabled = false;
    for (const comment of comments) {
      const applies = comment.rules.length === 0 || comment.rules.includes(ruleId);
      if (!applies) continue;
      switch (comment.directive) {
        case 'disable-file':
          return true;
        case 'disable-line':
          if (line >= comment.line && line <= comment.endLine) return true;
          break;
        case 'disable-next-line':
          if (line === comment.endLine + 1) return true;
          break;
        case 'disable':
          if (comment.line <= line) disabled = true;
          break;
        case 'enable':
          if (comment.line <= line) disabled = false;
          break;
      }
    }
    return disabled;
  };
}
