/**
 * Heading ids as Redcarpet writes them with `with_toc_data` (html.c, rndr_header_anchor), from
 * the heading's HTML: tags and character references skipped, ASCII letters in lower case, digits,
 * `_` and other ASCII kept but for those of STRIPPED, each run of those and of non-ASCII bytes one
 * `-` (none first or last); when nothing is kept, `part-` and the djb2 hash of the HTML's bytes.
 * Repeats are not numbered. Checked with Redcarpet 3.5.1.
 */

const stripped = new Set(Array.from(' -&+$,/:;=?@"#{}|^~[]`\\*()%.!\'', (c) => c.charCodeAt(0)));

export function redcarpetHeadingId(html: string): string {
  const bytes = Buffer.from(html, 'utf8');
  let id = '';
  let inStripped = false;
  let kept = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x3c) while (i < bytes.length && bytes[i] !== 0x3e) i++;
    else if (byte === 0x26) while (i < bytes.length && bytes[i] !== 0x3b) i++;
    else if (byte > 0x7f || stripped.has(byte)) {
      if (kept > 0 && !inStripped) id += '-';
      inStripped = true;
    } else {
      id += String.fromCharCode(byte).toLowerCase();
      inStripped = false;
      kept++;
    }
  }
  if (inStripped && kept > 0) id = id.slice(0, -1);
  if (kept > 0 || bytes.length === 0) return id;
  // C's unsigned long: 64 bits here.
  let hash = 5381n;
  for (const byte of bytes) hash = (hash * 33n + BigInt(byte)) & 0xffffffffffffffffn;
  return `part-${hash.toString(16)}`;
}
