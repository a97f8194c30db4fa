/** "Did you mean …?": the closest candidate within a small edit distance, if any. */
export function closest(word: string, candidates: Iterable<string>, maxDistance = Math.max(2, Math.floor(word.length / 3))): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    // Only a strictly closer candidate can win: give up on this one as soon as it cannot be.
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
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
  // Two rows of the textbook table, swapped after each row, in buffers kept between calls:
  // closest() calls this for every candidate, and each new typed array would be a new allocation outside the heap.
  if (scratch[0].length <= b.length) scratch = [new Uint32Array(2 * (b.length + 1)), new Uint32Array(2 * (b.length + 1))];
  let [previous, current] = scratch;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const unit = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cell = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (unit === b.charCodeAt(j - 1) ? 0 : 1));
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    if (rowMinimum > bound) return Infinity;
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[b.length]!;
}
