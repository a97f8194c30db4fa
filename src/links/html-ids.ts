import { decodeCharacterReferences } from '../text/html-entities.js';

const idAttribute = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** The `id` and `name` values in (a piece of) a fetched HTML page, character references decoded, as a browser reads them (any `name`, and ids in scripts too: a script may write them). */
export function* htmlIds(html: string): Generator<string> {
  for (const match of html.matchAll(idAttribute)) yield decodeCharacterReferences(match[1] ?? match[2] ?? match[3]!);
}
