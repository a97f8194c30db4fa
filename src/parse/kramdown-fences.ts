/**
 * Code fences as kramdown-parser-gfm (Jekyll's Markdown input) reads them, where CommonMark
 * differs: kramdown takes ```` ``` ```` or `~~~` for a fence only when at most one word follows
 * it (```` ```js ````, not ```` ```js title ````) and a closing fence (the same run, or longer) comes
 * later (kramdown-parser-gfm 1.1.0, FENCED_CODEBLOCK_MATCH). Otherwise the line is text, the
 * lines after it are Markdown, and the next fence line opens a block of its own. CommonMark
 * makes code of both, an unclosed fence to the end of the page; and it takes no backtick fence
 * whose word holds a backtick (```` ```py` ````), which kramdown does. Lines outside list items and
 * quotes (up to three spaces in) are read; a fence is searched for from the end of the last one.
 */
import type { Document } from '../types.js';

export interface UnreadFence {
  /** Offset of the fence's run of backticks or tildes, and its end. */
  start: number;
  end: number;
  /** Why kramdown reads no fence here. */
  reason: 'unclosed' | 'info';
}


export interface KramdownFences {
  /** The fence lines kramdown reads as text. */
  unread: UnreadFence[];
  /** Backticks in the word after a fence kramdown reads (CommonMark would read no fence there). */
  backticksInInfo: number[];
}

export function kramdownFences(text: string, from: number): KramdownFences {
  const fences: KramdownFences = { unread: [], backticksInInfo: [] };
  if (!text.includes('```', from) && !text.includes('~~~', from)) return fences;
  // The lines that start with a fence's run, in order; those with nothing after the run could close a fence.
  const lines: { start: number; run: string; info: string; infoStart: number }[] = [];
  const fenceLine = /^ {0,3}(`{3,}|~{3,})(.*)$/gm;
  fenceLine.lastIndex = from;
  for (let match = fenceLine.exec(text); match; match = fenceLine.exec(text)) {
    const start = match.index + match[0].indexOf(match[1]!);
    const after = match[2]!;
    lines.push({ start, run: match[1]!, info: after.trim(), infoStart: start + match[1]!.length + after.length - after.trimStart().length });
  }
  // Where the search for a closing line of each run (character and length) stopped: openers come
  // in order, so no search goes over a line twice.
  const searched = new Map<string, number>();
  const closingLine = (run: string, after: number): number => {
    const key = `${run[0]}${run.length}`;
    let k = Math.max(searched.get(key) ?? 0, after + 1);
    while (k < lines.length && !(lines[k]!.info === '' && lines[k]!.run[0] === run[0] && lines[k]!.run.length >= run.length)) k++;
    searched.set(key, k);
    return k < lines.length ? k : -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const { start, run, info, infoStart } = lines[i]!;
    // A backtick in the words after a backtick run: CommonMark reads no fence, nor does kramdown
    // unless one word and a closing fence follow (```` ```$ git status``` ```` is inline code to both).
    const inline = run[0] === '`' && info.includes('`');
    if (/\s/.test(info)) {
      if (inline) continue;
      fences.unread.push({ start, end: start + run.length, reason: 'info' });
      continue;
    }
    const close = closingLine(run, i);
    if (close === -1) {
      if (!inline) fences.unread.push({ start, end: start + run.length, reason: 'unclosed' });
      continue;
    }
    if (inline) for (let at = info.indexOf('`'); at !== -1; at = info.indexOf('`', at + 1)) fences.backticksInInfo.push(infoStart + at);
    i = close;
  }
  return fences;
}

/**
 * The text as kramdown reads its fences, for the Markdown parser: each fence kramdown does not read
 * masked (its run made no-break spaces, same length), and the backticks in the word after one it
 * reads made no-break spaces too.
 */
export function maskKramdownFences(text: string, from: number): string {
  const { unread, backticksInInfo } = kramdownFences(text, from);
  if (unread.length === 0 && backticksInInfo.length === 0) return text;
  const ranges = [...unread, ...backticksInInfo.map((at) => ({ start: at, end: at + 1 }))].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const { start, end } of ranges) {
    out += text.slice(cursor, start) + '\u00a0'.repeat(end - start);
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** The fences kramdown does not read in a parsed document (whose masked text has them masked). */
export function documentUnreadFences(document: Document): UnreadFence[] {
  const { text, maskedText } = document;
  let unmasked = maskedText;
  if (maskedText.includes('\u00a0')) {
    // Fences are the only masks that make backticks or tildes no-break spaces.
    unmasked = maskedText.replace(/\u00a0+/g, (run: string, at: number) => {
      const written = text.slice(at, at + run.length);
      return /^(?:`+|~+)$/.test(written) ? written : run;
    });
  }
  return kramdownFences(unmasked, document.bodyStart).unread;
}
