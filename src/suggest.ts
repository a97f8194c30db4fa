/** "Did you mean …?": the closest candidate within a small edit distance, if any. */
export function closest(word: string, candidates: Iterable<string>, maxDistance = defaultMaxDistance(word)): string | undefined {
  const originals = [...candidates];
  return nearest(word, originals, originals.map((candidate) => candidate.toLowerCase()), maxDistance);
}

/** closest() over one list asked again and again (a site's URLs, for each missing one): each candidate lowercased once. */
export function suggester(candidates: Iterable<string>): (word: string, maxDistance?: number) => string | undefined {
  const originals = [...candidates];
  const lowered = originals.map((candidate) => candidate.toLowerCase());
  return (word, maxDistance = defaultMaxDistance(word)) => nearest(word, originals, lowered, maxDistance);
}

const defaultMaxDistance = (word: string): number => Math.max(2, Math.floor(word.length / 3));

function nearest(word: string, originals: readonly string[], lowered: readonly string[], maxDistance: number): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (let i = 0; i < lowered.length; i++) {
    // Only a strictly closer candidate can win: give up on this one as soon as it cannot be.
    const distance = editDistance(lower, lowered[i]!, bestDistance - 1);
    if (distance < bestDistance) {
      best = originals[i];
      bestDistance = distance;
    }
  }
  return best;
}

let scratch: [Uint32Array, Uint32Array] = [new Uint32Array(64), new Uint32Array(64)];

/**
 * Levenshtein distance when it is within `bound`; beyond it, some larger number (Infinity as
 * soon as the length difference or a row's minimum, both lower bounds, exceed it). Lengths
 * more than 8 apart never match.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (Math.abs(a.length - b.length) > Math.min(bound, 8)) return Infinity;
  // A common prefix or suffix changes no distance: the table covers only what lies between
  // (a site's URLs share most of theirs: `/api/p9000.html` and `/api/p1000.html` differ in one unit).
  let from = 0;
  const shorter = Math.min(a.length, b.length);
  while (from < shorter && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let toA = a.length;
  let toB = b.length;
  while (toA > from && toB > from && a.charCodeAt(toA - 1) === b.charCodeAt(toB - 1)) {
    toA--;
    toB--;
  }
  const rows = toA - from;
  const columns = toB - from;
  // Two rows of the textbook table, swapped after each row, in buffers kept between calls:
  // closest() calls this for every candidate, and each new typed array would be a new allocation outside the heap.
  if (scratch[0].length <= columns) scratch = [new Uint32Array(2 * (columns + 1)), new Uint32Array(2 * (columns + 1))];
  let [previous, current] = scratch;
  for (let j = 0; j <= columns; j++) previous[j] = j;
  for (let i = 1; i <= rows; i++) {
    const unit = a.charCodeAt(from + i - 1);
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= columns; j++) {
      const cell = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (unit === b.charCodeAt(from + j - 1) ? 0 : 1));
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    if (rowMinimum > bound) return Infinity;
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[columns]!;
}
