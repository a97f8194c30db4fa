/** A URL part with its %-escapes decoded, or as written when they are malformed (`%zz`). */
export function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
