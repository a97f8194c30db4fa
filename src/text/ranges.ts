/** Whether `start..end` lies inside one of the ranges (sorted by start, not overlapping): found by bisection. */
export function withinRanges(ranges: readonly { start: number; end: number }[], start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ranges[middle]!.start <= start) low = middle + 1;
    else high = middle - 1;
  }
  const range = ranges[high];
  return range !== undefined && end <= range.end;
}
