/** "Did you mean …?": the closest candidate within a small edit distance, if any. */
export function closest(word: string, candidates: Iterable<string>, maxDistance = defaultMaxDistance(word)): string | undefined {
  const originals = [...candidates];
  return nearest(word, originals, originals.map((candidate) => candidate.toLowerCase()), maxDistance);
}

/**
 * closest() over one list asked again and again (a site's URLs, for each missing one): each
 * candidate lowercased once, and sorted once by its start and by its end, so that the candidates
 * that start or end most like a word (beside its place in either order) are compared first. The
 * closest of them bounds every other comparison, which then gives up within a few rows
 * (apache/storm's site: 3,300 missing links among 110,000 URLs); the answer is still the first
 * closest in the list's own order.
 */
export function suggester(candidates: Iterable<string>): (word: string, maxDistance?: number) => string | undefined {
  const originals = [...candidates];
  const lowered = originals.map((candidate) => candidate.toLowerCase());
  const backwards = lowered.map(reversed);
  const byStart = sortedOrder(lowered);
  const byEnd = sortedOrder(backwards);
  return (word, maxDistance = defaultMaxDistance(word)) => {
    const lower = word.toLowerCase();
    let bound = maxDistance;
    for (const [keys, order, key] of [[lowered, byStart, lower], [backwards, byEnd, reversed(lower)]] as const) {
      const at = placeIn(keys, order, key);
      for (let k = Math.max(0, at - neighbours); k < Math.min(order.length, at + neighbours); k++) bound = Math.min(bound, editDistance(lower, lowered[order[k]!]!, bound));
    }
    return nearest(word, originals, lowered, bound);
  };
}

/**
 * For a site's URLs: the one URL that ends with a path once both lose a Markdown extension, a
 * final `/` or `.html` (`/features/a.md` for `/setup/features/a/`: a folder left out of a link,
 * too many edits away for closest()), or else, for a file, with the path's last segments, two at
 * least (`/vendor/fa-6.5.2/css/all.css` for `/assets/vendor/fa-6.4.0/css/all.css`: the same file
 * in another folder); none when no URL or several do.
 */
export function endingWith(urls: Iterable<string>): (path: string) => string | undefined {
  const originals = [...urls];
  const reversedKeys = originals.map((url) => reversed(urlKey(url)));
  const order = sortedOrder(reversedKeys);
  return (path) => {
    const segments = urlKey(path).split('/');
    // Two segments at least: one name alone (`/c.png`) says too little of where it belongs. Of a
    // file (`all.css`) the same name in another folder is likely the same file; of a page, another page.
    const shortest = /\.\w+$/.test(segments.at(-1)!) ? 2 : segments.length - 1;
    for (let from = 1; segments.length - from >= Math.max(2, shortest); from++) {
      const key = reversed(`/${segments.slice(from).join('/')}`);
      // Keys that start with the key (reversed: URLs that end with it) sit together from its place on.
      const at = placeIn(reversedKeys, order, key);
      const ending = order.slice(at, at + 2).filter((i) => reversedKeys[i]!.startsWith(key));
      // Several URLs end so: fewer segments would only add more.
      if (ending.length > 0) return ending.length === 1 ? originals[ending[0]!] : undefined;
    }
    return undefined;
  };
}

/** A URL without what tells its forms apart: a Markdown extension, a final `.html` or `/`. */
const urlKey = (url: string): string => url.replace(/\.(?:md|markdown)$|\.html$|\/$/i, '');

const reversed = (text: string): string => [...text].reverse().join('');

/** The indexes of `keys` in the keys' sorted order. */
function sortedOrder(keys: readonly string[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

/** Where `key` would go in `order` (sortedOrder of `keys`). */
function placeIn(keys: readonly string[], order: readonly number[], key: string): number {
  let at = 0;
  for (let end = order.length; at < end; ) {
    const middle = (at + end) >>> 1;
    if (keys[order[middle]!]! < key) at = middle + 1;
    else end = middle;
  }
  return at;
}

/** How many candidates on each side of a word's place in sorted order are compared first. */
const neighbours = 16;

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
  // Only cells within `bound` of the diagonal can lead to a distance within it: a row's others
  // are left out (Ukkonen's band), the band's edges held above the bound.
  const band = Number.isFinite(bound) ? bound : rows + columns;
  const beyond = band + 1;
  for (let j = 0; j <= columns; j++) previous[j] = j <= band ? j : beyond;
  for (let i = 1; i <= rows; i++) {
    const unit = a.charCodeAt(from + i - 1);
    const low = Math.max(1, i - band);
    const high = Math.min(columns, i + band);
    current[low - 1] = low === 1 ? i : beyond;
    if (high < columns) current[high + 1] = beyond;
    let rowMinimum = current[low - 1]!;
    for (let j = low; j <= high; j++) {
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
