/**
 * Code fences as kramdown-parser-gfm (Jekyll's Markdown input) reads them, where CommonMark
 * differs: kramdown takes ```` ``` ```` or `~~~` for a fence only when at most one word follows
 * it (```` ```js ````, not ```` ```js title ````) and a closing fence (the same run, or longer) comes
 * later (kramdown-parser-gfm 1.1.0, FENCED_CODEBLOCK_MATCH). Otherwise the line is text, the
 * lines after it are Markdown, and the next fence line opens a block of its own. CommonMark
 * makes code of both, an unclosed fence to the end of the page. The other way round, kramdown's
 * regular expression gives back part of a run with no closing line as long (```` ```` ```` closed
 * by ```` ``` ````, the word being ```` ` ````), and takes a word holding a backtick (```` ```py` ````),
 * where CommonMark reads no fence. Lines outside list items and quotes (up to three spaces in)
 * are read; a fence is searched for from the end of the last one. Checked against kramdown on
 * random documents of fence lines: the same code blocks, but where a fence line follows a quote's
 * or list item's line directly (kramdown's quote takes the lines up to a blank one).
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
  /**
   * Characters of a fence kramdown reads that CommonMark would read otherwise: backticks in the
   * word after it (CommonMark reads no fence then), and the part of a run kramdown takes for the word.
   */
  commonMarkMasks: { start: number; end: number }[];
}

export function kramdownFences(text: string, from: number): KramdownFences {
  const fences: KramdownFences = { unread: [], commonMarkMasks: [] };
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
  // The longest run alone on a line after each fence line, per character: kramdown's regular
  // expression gives back part of a longer run, as the start of the word, until a closing line
  // comes (four backticks closed by three are a fence of three and the word "`").
  const longestAfter = { '`': new Array<number>(lines.length + 1).fill(0), '~': new Array<number>(lines.length + 1).fill(0) };
  for (let k = lines.length - 1; k >= 0; k--) {
    for (const char of ['`', '~'] as const) longestAfter[char][k] = longestAfter[char][k + 1]!;
    const { run, info } = lines[k]!;
    if (info === '') longestAfter[run[0] as '`' | '~'][k] = Math.max(longestAfter[run[0] as '`' | '~'][k]!, run.length);
  }
  // Where the search for each closing run (character and length) stopped: openers come in order, so
  // no search goes over a line twice. One is found: the run is at most the longest after the opener.
  const searched = new Map<string, number>();
  const closingLine = (char: string, length: number, after: number): number => {
    const key = `${char}${length}`;
    let k = Math.max(searched.get(key) ?? 0, after + 1);
    while (!(lines[k]!.info === '' && lines[k]!.run[0] === char && lines[k]!.run.length >= length)) k++;
    searched.set(key, k);
    return k;
  };
  for (let i = 0; i < lines.length; i++) {
    const { start, run, info, infoStart } = lines[i]!;
    const char = run[0] as '`' | '~';
    // A backtick in the words after a backtick run: CommonMark reads no fence, nor does kramdown
    // unless one word and a closing fence follow (```` ```$ git status``` ```` is inline code to both).
    const inline = char === '`' && info.includes('`');
    if (/\s/.test(info)) {
      if (!inline) fences.unread.push({ start, end: start + run.length, reason: 'info' });
      continue;
    }
    const length = Math.min(run.length, longestAfter[char][i + 1]!);
    // Given back, the run's end and the word must make one word: not with a space between them.
    const split = length < run.length && info !== '' && infoStart > start + run.length;
    if (length < 3 || split) {
      if (!inline) fences.unread.push({ start, end: start + run.length, reason: 'unclosed' });
      continue;
    }
    // What CommonMark must not read as part of the fence's run or word: the run kramdown gave back, backticks in the word.
    if (length < run.length) fences.commonMarkMasks.push({ start: start + length, end: start + run.length });
    if (inline) for (let at = info.indexOf('`'); at !== -1; at = info.indexOf('`', at + 1)) fences.commonMarkMasks.push({ start: infoStart + at, end: infoStart + at + 1 });
    i = closingLine(char, length, i);
  }
  return fences;
}

/**
 * The text as kramdown reads its fences, for the Markdown parser: each fence kramdown does not read
 * masked (its run made no-break spaces, same length), and in one it reads, what CommonMark would
 * read otherwise (see commonMarkMasks) made no-break spaces too.
 */
export function maskKramdownFences(text: string, from: number): string {
  const { unread, commonMarkMasks } = kramdownFences(text, from);
  if (unread.length === 0 && commonMarkMasks.length === 0) return text;
  const ranges = [...unread, ...commonMarkMasks].sort((a, b) => a.start - b.start);
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
