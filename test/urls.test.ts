import { describe, expect, it } from 'vitest';
import type { LinkRef } from '../src/links/extract.js';
import { resolveLink } from '../src/links/resolve.js';
import { createTagRegistry } from '../src/parse/tag-registry.js';
import type { JekyllConfig } from '../src/site/jekyll-config.js';
import { buildSiteIndex } from '../src/site/site-index.js';
import { buildUrlMap, slugify } from '../src/site/urls.js';

const jekyll = (overrides: Partial<JekyllConfig> = {}): JekyllConfig => ({
  baseurl: '/help',
  url: 'https://help.example.test',
  permalink: 'pretty',
  exclude: ['README.md', 'drafts'],
  include: [],
  collections: [
    { name: 'posts', output: true },
    { name: 'articles', output: true, permalink: '/article/:name/' },
    { name: 'categories', output: true, permalink: '/:path/' },
    { name: 'guides', output: true },
    { name: 'notes', output: false },
  ],
  markdownExtensions: ['md', 'markdown'],
  raw: {},
  problems: [],
  ...overrides,
});

const fm = (data: Record<string, unknown> = {}) => ({ title: 'T', ...data });

describe('URL map (Jekyll 4 permalinks)', () => {
  const frontMatter = new Map<string, Record<string, unknown>>([
    ['_articles/account/Reset Password.md', fm()],
    ['_articles/old.md', fm({ redirect_from: ['/article/older/', '/legacy.html', '/help/index.html'] })],
    ['_articles/custom.md', fm({ permalink: '/custom/place/' })],
    ['_articles/hidden.md', fm({ published: false })],
    ['_categories/hosting.md', fm()],
    ['_guides/setup/linux.md', fm({ slug: 'Linux Setup' })],
    ['_notes/private.md', fm()],
    ['index.md', fm()],
    ['about.md', fm()],
    ['docs/index.md', fm()],
    ['docs/faq.markdown', fm()],
    ['feed.xml', fm()],
    ['README.md', fm()],
  ]);
  const files = new Set([...frontMatter.keys(), 'images/a b.png', '_layouts/x.html', 'drafts/x.png', '.hidden/y.png', 'Gemfile', '_config.yml']);
  const map = buildUrlMap(jekyll(), files, frontMatter);

  it.each([
    ['_articles/account/Reset Password.md', '/article/reset-password/'],
    ['_articles/custom.md', '/custom/place/'],
    ['_categories/hosting.md', '/hosting/'],
    ['_guides/setup/linux.md', '/guides/setup/linux/'],
    ['index.md', '/'],
    ['about.md', '/about/'],
    ['docs/index.md', '/docs/'],
    ['docs/faq.markdown', '/docs/faq/'],
    ['feed.xml', '/feed.xml'],
    ['images/a b.png', '/images/a b.png'],
  ])('%s -> %s', (path, url) => {
    expect(map.urlOf.get(path)).toBe(url);
  });

  it('publishes no excluded, unpublished, hidden or non-output files', () => {
    for (const path of ['_articles/hidden.md', '_notes/private.md', 'README.md', 'drafts/x.png', '.hidden/y.png', '_layouts/x.html', 'Gemfile', '_config.yml']) {
      expect(map.urlOf.has(path), path).toBe(false);
    }
  });

  it('maps redirect_from aliases to the page', () => {
    expect(map.redirects.get('/article/older/')).toBe('/article/old/');
    expect(map.redirects.get('/legacy.html')).toBe('/article/old/');
    // jekyll-redirect-from writes help/index.html, which serves /help/ as well.
    expect(map.redirects.get('/help/index.html')).toBe('/article/old/');
    expect(map.redirects.get('/help/')).toBe('/article/old/');
  });

  it('slugifies like Jekyll', () => {
    expect(slugify('Reset Password!')).toBe('reset-password');
    expect(slugify('Linux Setup', true)).toBe('Linux-Setup');
  });

  it('uses the date style for pages when the site has no pretty permalinks', () => {
    const plain = buildUrlMap(jekyll({ permalink: 'date' }), new Set(['about.md']), new Map([['about.md', fm()]]));
    expect(plain.urlOf.get('about.md')).toBe('/about.html');
  });
});

describe('resolveLink', () => {
  const texts = new Map([
    ['_articles/a.md', '---\ntitle: A\n---\n## Part one\n'],
    ['_articles/b.md', '---\ntitle: B\nredirect_from: /article/bee/\n---\n'],
  ]);
  const site = buildSiteIndex(jekyll(), new Set([...texts.keys(), 'images/x.png', 'files/report.pdf']), texts, createTagRegistry());
  const link = (url: string | undefined): LinkRef => ({ source: 'markdown', raw: url ?? '', start: 0, end: 0, url });
  const resolve = (url: string | undefined) => resolveLink(link(url), '_articles/a.md', site);

  it.each([
    ['/help/article/b/', 'ok'],
    ['/help/article/b/index.html', 'ok'],
    ['/help/article/b/?x=1#top', 'ok'],
    ['https://help.example.test/help/article/b/', 'ok'],
    ['../b/', 'ok'],
    ['/help/images/../images/x.png', 'ok'],
    ['/help/article/b', 'missing-slash'],
    ['/help/article/bee/', 'redirect'],
    ['/help/Article/B/', 'wrong-case'],
    ['/article/b/', 'missing-baseurl'],
    ['/help/article/c/', 'not-found'],
    ['/help/files/report.pdf/', 'not-found'],
    ['../../../../etc/passwd', 'outside-site'],
    ['https://example.org/', 'skip'],
    ['mailto:a@example.test', 'skip'],
    ['//cdn.example.org/x.js', 'skip'],
    [undefined, 'skip'],
  ])('%s -> %s', (url, status) => {
    expect(resolve(url).status).toBe(status);
  });

  it('keeps the fragment, decoded, and resolves same-page links', () => {
    expect(resolve('#part%20one')).toMatchObject({ status: 'ok', url: '/article/a/', fragment: 'part one' });
    expect(resolve('/help/article/bee/#x')).toMatchObject({ status: 'redirect', to: '/article/b/', fragment: 'x' });
  });
});
