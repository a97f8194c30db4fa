/** HTML character references in attribute values (`&#38;`, `&#x26;`, `&amp;`) decoded as a browser reads them. */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export function decodeCharacterReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g, (reference, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const decoded = decodeNamedCharacterReference(name);
      return decoded === false ? reference : decoded;
    }
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    // What the HTML standard turns invalid code points into.
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  });
}
