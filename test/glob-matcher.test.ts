import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../src/site/glob-matcher.js';

const patterns = ['node_modules/**', '_config*.yml', 'README.md', 'docs/*.md', '**/*.{png,jpg}', '!drafts/**', 'a[1].md', '.well-known/**', '_articles/**', 'x/?.md'];
const paths = ['node_modules/x/y.js', '_config-sub.yml', 'README.md', 'docs/a.md', 'docs/sub/a.md', 'images/a/b.png', 'drafts/x.md', 'a[1].md', 'a1.md', '.well-known/security.txt', '_articles/x.md', 'x/a.md', 'x/ab.md', '.hidden/file.md'];

describe('globMatcher', () => {
  it('agrees with picomatch (dotfiles included) on every list of patterns', () => {
    fc.assert(
      fc.property(fc.subarray(patterns), fc.constantFrom(...paths), (list, path) => {
        const expected = list.length > 0 && picomatch(list, { dot: true })(path);
        expect(globMatcher(list)(path)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a pattern whose expression backtracks without bound (many stars, extglobs) matches nothing, at once', () => {
    const name = 'a'.repeat(255);
    for (const pattern of ['*a*a*a*a*a*c', '**/*a*/**/*a*c', 'x/*(a|aa)c', '*a*a*c']) expect(globMatcher([pattern, 'other.md'])(name)).toBe(false);
    expect(globMatcher(['*a*a*c', 'a*'])(name)).toBe(true);
    expect(globMatcher('**/*.min.*')('js/vendor/app.min.js')).toBe(true);
  });

  it('takes one pattern as well as a list, and matches nothing with none', () => {
    expect(globMatcher('_articles/**')('_articles/a.md')).toBe(true);
    expect(globMatcher([])('anything')).toBe(false);
  });
});
