/**
 * A copy of `text` that keeps nothing else alive. V8 represents a slice of a long string, or a
 * concatenation, by pointing into the original: a heading's text taken from a parse tree would
 * keep the page's whole masked text in memory for as long as the heading's anchor is known.
 */
export function detached(text: string): string {
  // Short slices are copied by V8 anyway; a longer one is flattened into a string of its own.
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Replaces, in place, every string inside plain objects and arrays with a detached copy (front matter values are slices of their file). */
export function detachStrings(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'string') value[i] = detached(item);
      else detachStrings(item);
    });
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(record)) {
      if (typeof item === 'string') record[key] = detached(item);
      else detachStrings(item);
    }
  }
}
