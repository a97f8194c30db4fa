import { describe, expect, it } from 'vitest';
import type { LinkRef } from '../src/links/extract.js';
import { resolveLink } from '../src/links/resolve.js';
import { createTagRegistry } from '../src/parse/tag-registry.js';
import type { JekyllConfig } from '../src/site/jekyll-config.js';
import { buildSiteIndex, readSiteFrontMatter } from '../src/site/site-index.js';
import { buildUrlMap, slugify } from '../src/site/urls.js';
import { parseRubyTime } from '../src/site/post-date.js';
import { readFrontMatterDefaults } from '../src/site/front-matter-defaults.js';
import { listSite, templateContent } from '../src/site/discover.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  frontMatterDefaults: [],
  markdownExtensions: ['md', 'markdown'],
  dataDir: '_data',
  includesDir: '_includes',
  pageGenerators: [],
  plugins: ['jekyll-redirect-from'],
  generatedUrls: [],
  markdownConverter: 'kramdown',
  markdownReading: { kramdown: true, rawBlockHtml: true },
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

  it('writes no redirect where the site does not load jekyll-redirect-from (GitHub Pages does not by default)', () => {
    const inert = buildUrlMap(jekyll({ plugins: ['jekyll-feed'] }), files, frontMatter);
    expect(inert.redirects.size).toBe(0);
    expect(inert.inertRedirects.get('/article/older/')).toBe('_articles/old.md');
    // A theme gem whose dependencies are unknown stands for them in the plugins (as readJekyllConfig lists it): it may load jekyll-redirect-from.
    expect(buildUrlMap(jekyll({ plugins: ['some-theme'], raw: { theme: 'some-theme' } }), files, frontMatter).redirects.get('/legacy.html')).toBe('/article/old/');
    expect(buildUrlMap(jekyll({ plugins: ['jekyll-feed', 'jekyll-seo-tag'], raw: { theme: 'minima' } }), files, frontMatter).redirects.size).toBe(0);
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

describe('posts, as Jekyll 4 publishes them', () => {
  const posts = (files: Record<string, Record<string, unknown>>, overrides: Partial<JekyllConfig> = {}, now = new Date('2026-01-01T00:00:00Z')) =>
    buildUrlMap(jekyll({ baseurl: '', permalink: 'date', ...overrides }), new Set(Object.keys(files)), new Map(Object.entries(files)), now).urlOf;

  it.each([
    ['the default `date` style', '_posts/2020-01-02-hello.md', {}, {}, '/2020/01/02/hello.html'],
    ['a category from front matter', '_posts/2020-01-02-hello.md', { category: 'Release' }, {}, '/release/2020/01/02/hello.html'],
    ['categories as words', '_posts/2020-01-02-hello.md', { categories: 'a b' }, {}, '/a/b/2020/01/02/hello.html'],
    ['categories from the path', 'en/news/_posts/2021-03-04-ruby-released.md', {}, {}, '/en/news/2021/03/04/ruby-released.html'],
    ['a sub-folder of _posts is no category', '_posts/2019/2019-12-31-eve.md', {}, {}, '/2019/12/31/eve.html'],
    ['pretty', '_posts/2020-01-02-hello.md', {}, { permalink: 'pretty' }, '/2020/01/02/hello/'],
    ['ordinal', '_posts/2020-02-01-hello.md', {}, { permalink: 'ordinal' }, '/2020/032/hello.html'],
    ['none', '_posts/2020-01-02-hello.md', { categories: ['x'] }, { permalink: 'none' }, '/x/hello.html'],
    ['every date placeholder', '_posts/2020-01-02-hello.md', {}, { permalink: '/:short_year/:i_month/:i_day/:y_day/:slug:output_ext' }, '/20/1/2/002/hello.html'],
    // Expected values from Ruby's Date#strftime('%b %B %a %A %G %V %u'), as Jekyll's URL drop gives them.
    ['names and ISO weeks', '_posts/2021-01-01-a.md', {}, { permalink: '/:short_month/:long_month/:short_day/:long_day/:w_year/:week/:w_day/' }, '/Jan/January/Fri/Friday/2020/53/5/'],
    ['an ISO week of the next year', '_posts/2024-12-30-a.md', {}, { permalink: '/:w_year/:week/:w_day/' }, '/2025/01/1/'],
    ['a Sunday', '_posts/2023-01-01-a.md', {}, { permalink: '/:w_year/:week/:w_day/:short_day/' }, '/2022/52/7/Sun/'],
    ['a date in front matter', '_posts/2020-01-02-hello.md', { date: new Date(Date.UTC(2020, 4, 6)) }, {}, '/2020/05/06/hello.html'],
    // YAML leaves it text (no seconds); Jekyll's Time.parse reads it all the same.
    ['a date YAML leaves as text', '_posts/2012-06-23-garner.md', { date: '2012-05-30 21:21' }, { permalink: '/blog/:year/:month/:day/:title/' }, '/blog/2012/05/30/garner/'],
    ['a date with an offset, moved to UTC', '_posts/2012-06-23-a.md', { date: '2012-05-30 21:21 -0800' }, {}, '/2012/05/31/a.html'],
    ['a date Ruby cannot read: the file name\'s', '_posts/2012-06-23-a.md', { date: 'soon' }, {}, '/2012/06/23/a.html'],
    ['a slug in front matter', '_posts/2020-01-02-hello.md', { slug: 'Other Name' }, {}, '/2020/01/02/Other-Name.html'],
    ['a permalink in front matter', '_posts/2020-01-02-hello.md', { permalink: '/hi/' }, {}, '/hi/'],
  ])('%s', (_, path, data, overrides, url) => {
    expect(posts({ [path]: fm(data) }, overrides).get(path)).toBe(url);
  });

  it('the posts collection permalink wins over the site style', () => {
    const collections = [{ name: 'posts', output: true, permalink: '/news/:year/:month/:day/:title/' }];
    expect(posts({ '_posts/2020-01-02-hello.md': fm() }, { permalink: 'pretty', collections }).get('_posts/2020-01-02-hello.md')).toBe('/news/2020/01/02/hello/');
  });

  it('publishes no future post unless `future: true`, no undated file in _posts, no unpublished post', () => {
    const files = { '_posts/2030-01-01-later.md': fm(), '_posts/notes.md': fm(), '_posts/2020-01-01-draft.md': fm({ published: false }) };
    expect([...posts(files).keys()]).toEqual([]);
    expect(posts(files, { raw: { future: true } }).get('_posts/2030-01-01-later.md')).toBe('/2030/01/01/later.html');
  });
});

describe('front matter defaults, as Jekyll applies them', () => {
  const urls = (files: Record<string, Record<string, unknown> | undefined>, defaults: unknown) => {
    const frontMatter = new Map(Object.entries(files).filter((entry): entry is [string, Record<string, unknown>] => entry[1] !== undefined));
    return buildUrlMap(jekyll({ baseurl: '', permalink: 'date', frontMatterDefaults: readFrontMatterDefaults(defaults) }), new Set(Object.keys(files)), frontMatter, new Date('2026-01-01T00:00:00Z')).urlOf;
  };

  it('gives posts, pages and collection documents the values of the sets whose scope they are in', () => {
    const map = urls(
      { '_posts/2017-12-11-homebrew-1.4.0.md': fm(), 'docs/setup.md': fm(), 'docsx/other.md': fm(), 'about.md': fm(), '_guides/a.md': fm(), '_guides/b.md': fm({ permalink: '/own/' }) },
      [
        { scope: { type: 'posts' }, values: { permalink: ':year/:month/:day/:title/' } },
        { scope: { path: 'docs' }, values: { permalink: '/manual/:basename/' } },
        { scope: { path: '', type: 'guides' }, values: { permalink: '/g/:name/' } },
        { scope: { path: 'nowhere' }, values: { published: false } },
        { values: 'not a map' },
      ],
    );
    expect(Object.fromEntries(map)).toEqual({
      '_posts/2017-12-11-homebrew-1.4.0.md': '/2017/12/11/homebrew-1.4.0/',
      // A scope's path is a prefix of the file's path, as Jekyll compares them.
      'docs/setup.md': '/manual/setup/',
      'docsx/other.md': '/manual/other/',
      'about.md': '/about.html',
      '_guides/a.md': '/g/a/',
      '_guides/b.md': '/own/',
    });
  });

  it('lets the longer path win, then the set with a type, whatever their order', () => {
    const sets = [
      { scope: { path: 'blog', type: 'pages' }, values: { permalink: '/typed/:basename/' } },
      { scope: { path: 'blog/2020/' }, values: { permalink: '/deeper/:basename/' } },
      { scope: { path: 'blog' }, values: { permalink: '/untyped/:basename/' } },
      { scope: { path: '' }, values: { permalink: '/anywhere/:basename/' } },
    ];
    expect(Object.fromEntries(urls({ 'blog/a.md': fm(), 'blog/2020/b.md': fm(), 'c.md': fm() }, sets))).toEqual({
      'blog/a.md': '/typed/a/',
      'blog/2020/b.md': '/deeper/b/',
      'c.md': '/anywhere/c/',
    });
  });

  it('unpublishes pages and static files by a glob scope, and reads the singular types', () => {
    const map = urls({ 'assets/a.png': undefined, 'assets/b.svg': undefined, 'drafts/x.md': fm(), '_posts/2020-01-02-p.md': fm() }, [
      { scope: { path: 'assets/**/*.png' }, values: { published: false } },
      { scope: { path: '/drafts/' }, values: { published: false } },
      { scope: { type: 'post' }, values: { permalink: '/p/:title/' } },
    ]);
    expect(Object.fromEntries(map)).toEqual({ 'assets/b.svg': '/assets/b.svg', '_posts/2020-01-02-p.md': '/p/p/' });
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
    ['/help/article/b/index', 'ok'],
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

describe('site listing', () => {
  it('tells a layout\'s or include\'s HTML from other text Liquid renders, by its name', () => {
    const kinds = ['a.html', 'minutes.liquid', 'B.HTM', 'x.scss.liquid', 'analytics.js', 'feed.xml', 'icon.svg', 'base_path', 'logo.png', '.DS_Store', 'font.woff2'].map(templateContent);
    expect(kinds).toEqual(['html', 'html', 'html', 'text', 'text', 'text', 'text', 'text', undefined, undefined, undefined]);
  });

  it('lists the files in one order every run, whatever order the folders are read in', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doclint-listing-'));
    try {
      const written = ['z/b.md', 'a.md', 'm/n/o.md', 'z/a.md', 'B.md', '_posts/2024-01-01-x.md', 'm/a.md'];
      for (const file of written) {
        mkdirSync(join(root, file, '..'), { recursive: true });
        writeFileSync(join(root, file), '');
      }
      const listings = await Promise.all([1, 2, 3].map(() => listSite(root)));
      for (const listing of listings) expect([...listing.files]).toEqual([...written].sort());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('front matter dates, as Ruby\'s Time.parse reads them', () => {
  // Expected values from `TZ=UTC ruby -rtime -e 'puts Time.parse(s).localtime'` (Ruby 3.1).
  it.each([
    ['2012-05-30 21:21', '2012-05-30T21:21:00'],
    ['2012-05-30 9:21', '2012-05-30T09:21:00'],
    ['2012-05-30T21:21', '2012-05-30T21:21:00'],
    ['2012-05-30 21:21 -0800', '2012-05-31T05:21:00'],
    ['2012-05-30 21:21 +01:00', '2012-05-30T20:21:00'],
    ['2012-05-30 21:21 PST', '2012-05-31T05:21:00'],
    ['2012-05-30 21:21 UTC', '2012-05-30T21:21:00'],
    ['2012-05-30 21:21 CEST', '2012-05-30T21:21:00'],
    ['2012-05-30 21:21 Z', '2012-05-30T21:21:00'],
    ['2012-05-30 21:21:00.123 +0530', '2012-05-30T15:51:00'],
    ['2012-05-30', '2012-05-30T00:00:00'],
    ['2012/5/3 10:00', '2012-05-03T10:00:00'],
    ['2012-5-3', '2012-05-03T00:00:00'],
    ['20120530', '2012-05-30T00:00:00'],
    ['May 30, 2012', '2012-05-30T00:00:00'],
    ['30 May 2012', '2012-05-30T00:00:00'],
    ['Wed, 30 May 2012 21:21:00 +0000', '2012-05-30T21:21:00'],
    ['May 30 2012 9:21 PM', '2012-05-30T21:21:00'],
    ['2012-05-30 9:21pm', '2012-05-30T21:21:00'],
    ['2012-02-30', '2012-03-01T00:00:00'],
    ['2012-05-30 25:00', undefined],
    ['tomorrow', undefined],
  ])('%s', (text, expected) => {
    expect(parseRubyTime(text)?.toISOString().slice(0, 19)).toBe(expected);
  });

  it('moves a time that names its zone to the site\'s timezone, as jekyll build does', () => {
    // jekyll build 4.3.1 (TZ=UTC machine) on posts _posts/2020-01-01-pN.md with these `date:` values.
    const posts: Record<string, string> = { p1: '2020-01-01 23:30:00 +0000', p2: '2020-01-01 23:30:00 -0800', p3: '2020-01-01 23:30:00', p4: '2020-01-01 23:30', p5: '2020-01-01T23:30:00Z', p6: '2020-01-01', p7: '2020-01-01 23:30 -0800' };
    const site = (timezone: string) => {
      const config = jekyll({ permalink: 'date', raw: timezone ? { timezone } : {} });
      const files = Object.keys(posts).map((name) => `_posts/2020-01-01-${name}.md`);
      const frontMatter = readSiteFrontMatter(Object.entries(posts).map(([name, date]) => [`_posts/2020-01-01-${name}.md`, `---\ntitle: ${name}\ndate: ${date}\n---\n`]));
      return [...buildUrlMap(config, new Set(files), frontMatter).targets.keys()].sort();
    };
    expect(site('')).toEqual(['/2020/01/01/p1.html', '/2020/01/01/p3.html', '/2020/01/01/p4.html', '/2020/01/01/p5.html', '/2020/01/01/p6.html', '/2020/01/02/p2.html', '/2020/01/02/p7.html']);
    expect(site('Asia/Tokyo')).toEqual(['/2020/01/01/p4.html', '/2020/01/01/p6.html', '/2020/01/02/p1.html', '/2020/01/02/p2.html', '/2020/01/02/p3.html', '/2020/01/02/p5.html', '/2020/01/02/p7.html']);
    expect(site('America/Los_Angeles')).toEqual(['/2020/01/01/p1.html', '/2020/01/01/p2.html', '/2020/01/01/p3.html', '/2020/01/01/p4.html', '/2020/01/01/p5.html', '/2020/01/01/p6.html', '/2020/01/01/p7.html']);
  });
});
