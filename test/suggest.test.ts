import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance, endingWith, suggester } from '../src/suggest.js';

/** The textbook definition, without bounds. */
function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return rows[a.length]![b.length]!;
}

describe('closest', () => {
  it('suggests the nearest candidate, the first of equals, none beyond the bound', () => {
    expect(closest('set-a-seat-limt', ['set-a-seat-limit', 'seat-limits', 'other'])).toBe('set-a-seat-limit');
    expect(closest('abcd', ['abce', 'abcf'])).toBe('abce');
    expect(closest('Layout', ['layout'])).toBe('layout');
    expect(closest('zzzzzz', ['aaaaaa'])).toBeUndefined();
  });

  it('suggests the same over a list asked many times (a site\'s URLs) as over the list each time', () => {
    const path = fc.string({ unit: fc.constantFrom('a', 'B', '/', '.'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(path, { maxLength: 12 }), path, (paths, word) => {
        expect(suggester(paths)(word)).toBe(closest(word, paths));
      }),
      { numRuns: 500 },
    );
  });

  it('suggests the same over a long list, where the candidates that sort beside the word are compared first', () => {
    const path = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', 'C'), minLength: 3, maxLength: 10 });
    fc.assert(
      fc.property(fc.array(path, { minLength: 40, maxLength: 120 }), path, (paths, word) => {
        expect(suggester(paths)(word)).toBe(closest(word, paths));
      }),
      { numRuns: 300 },
    );
  });

  it('is exact within the bound, and beyond it whenever the exact distance is', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 10 }), (a, b, bound) => {
        const exact = Math.abs(a.length - b.length) > 8 ? Infinity : levenshtein(a, b);
        const bounded = editDistance(a, b, bound);
        if (exact <= bound) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(bound);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('endingWith', () => {
  it('finds the one URL that ends with a path, Markdown extension, `.html` and final slash aside; none of several, none for one name alone', () => {
    const ending = endingWith(['/setup/features/x/launch-templates/', '/setup/features/x/other.html', '/v1/a/b.html', '/v2/a/b.html', '/static/images/c.png']);
    expect(ending('/features/x/launch-templates.md')).toBe('/setup/features/x/launch-templates/');
    expect(ending('/x/other/')).toBe('/setup/features/x/other.html');
    expect(ending('/images/c.png')).toBe('/static/images/c.png');
    expect(ending('/a/b.html')).toBeUndefined();
    expect(ending('/c.png')).toBeUndefined();
    expect(ending('/features/x/launch')).toBeUndefined();
  });

  it('else finds the one URL that ends with a file\'s last segments, two at least: the same file in another folder (bulma\'s vendored icons)', () => {
    const ending = endingWith(['/assets/vendor/fa-6.4.0/css/all.css', '/docs/v1/install/', '/a/index.html']);
    expect(ending('/vendor/fa-6.5.2/css/all.css')).toBe('/assets/vendor/fa-6.4.0/css/all.css');
    // A page of the same name in another folder is another page.
    expect(ending('/docs/v3/install/')).toBeUndefined();
    expect(ending('/other/fa-6.4.0/css/all.css')).toBe('/assets/vendor/fa-6.4.0/css/all.css');
    expect(ending('/b/index.html')).toBeUndefined();
  });
});
