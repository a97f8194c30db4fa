/**
 * The part of a URL's `#fragment` that names an element, as written: what comes before a fragment
 * directive (`#:~:text=Older%20Releases` scrolls to text and names none, `#intro:~:text=x` names
 * `intro`), as browsers read it (URL Fragment Text Directives).
 */
export function withoutDirective(fragment: string): string {
  const directive = fragment.indexOf(':~:');
  return directive === -1 ? fragment : fragment.slice(0, directive);
}
