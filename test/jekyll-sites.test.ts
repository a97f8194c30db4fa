/**
 * Sites of other shapes than the help center (fixtures/jekyll-sites): doclint's findings match
 * what `jekyll build` and html-proofer found on them, with no configuration.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintOptions, type LintResult } from '../src/lint/lint.js';
import { repoRoot, tempCopy } from './helpers.js';

const folder = join(repoRoot, 'fixtures/jekyll-sites');
const { sites } = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { sites: Record<string, string[]> };

describe('Jekyll sites of other shapes, no configuration', () => {
  it.each(Object.entries(sites))('%s', async (site, expected) => {
    const result = await lint({ root: join(folder, site) });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.severity}`)).toEqual(expected);
  });

  it('lints posts in every _posts folder', async () => {
    const result = await lint({ root: join(folder, 'posts') });
    expect(result.files).toEqual(expect.arrayContaining(['_posts/2021-05-06-first-post.md', 'docs/guides/_posts/2022-02-03-setup.md']));
  });

  it('tells a page whose front matter is not keys and values (jekyll build stops) from a post (published without it)', async () => {
    // jekyll build 4.3.1: "Invalid YAML front matter in …/about.md" stops it; "could not read file …/2020-01-01-list.md" does not.
    const result = await lintSite({ 'about.md': '---\n- About\n---\nAbout.\n', '_posts/2020-01-01-list.md': '---\n- News\n---\nNews.\n' });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.ruleId} ${f.message.replace(/.*: /s, '')}`)).toEqual([
      '_posts/2020-01-01-list.md:1:front-matter-syntax Jekyll cannot read the file ("could not read file") and publishes it without its front matter.',
      'about.md:1:front-matter-syntax `jekyll build` stops ("Invalid YAML front matter").',
    ]);
    // With `strict_front_matter`, jekyll build 4.3.1 stops on the post too, and on a YAML error anywhere.
    const strict = await lintSite({ '_config.yml': 'strict_front_matter: true\n', '_posts/2020-01-01-list.md': '---\n- News\n---\nNews.\n', 'broken.md': '---\ntitle: [a\n---\nBroken.\n' });
    expect(strict.findings.map((f) => `${f.file}:${f.ruleId} ${f.message.replace(/.*?: (?=`jekyll)|.*\. (?=With)/s, '')}`)).toEqual([
      '_posts/2020-01-01-list.md:front-matter-syntax `jekyll build` stops (with `strict_front_matter` set, "could not read file").',
      'broken.md:front-matter-syntax With `strict_front_matter` set, `jekyll build` stops on it.',
    ]);
  });

  it('reports a permalink template with a placeholder Jekyll\'s URL drop lacks once, where no plugin may add it, and not in a page', async () => {
    // jekyll build 4.3.1: "The URL template doesn't have titel keys" (posts), "… nam keys" (the docs collection); the page is written at /:pagex/.
    const site = {
      '_config.yml': 'permalink: /:titel/\ncollections:\n  docs:\n    output: true\n    permalink: /docs/:nam/\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\nA.\n',
      '_posts/2020-01-02-b.md': '---\ntitle: B\n---\nB.\n',
      '_docs/d.md': '---\ntitle: D\n---\nD.\n',
      '_docs/e.md': '---\ntitle: E\npermalink: /docs/:title:output_ext\n---\nE.\n',
      'page.md': '---\npermalink: /:pagex/\n---\nA page.\n',
    };
    const result = await lintSite(site);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(['_docs/d.md:1:permalink-placeholder', '_posts/2020-01-01-a.md:1:permalink-placeholder']);
    expect(result.findings[0]!.message).toContain('uses `:nam`, which Jekyll\'s URL drop does not have: `jekyll build` stops');
    // A plugin may add a placeholder to the drop (docs.scala-lang's `:number`).
    expect((await lintSite({ ...site, '_plugins/number.rb': 'Jekyll::Drops::UrlDrop.class_eval do\nend\n' })).findings.filter((f) => f.ruleId === 'permalink-placeholder')).toEqual([]);
  });

  it('reports a document date Ruby\'s Time.parse cannot read, as jekyll build stops on it, and no other', async () => {
    // jekyll build 4.3.1 stops on each of the first six as a post's date ("does not have a valid date"), builds with the others, and reads no page's or draft's date.
    const failing = ['', '~', 'TBD', 'YYYY-MM-DD', '2020-01-32', 'yes'];
    const building = ['2020-01-01T10:00', 'May 5, 2020', '2020-02-30', '2020/01/05', 'Maybe', '"2020-01-01"', '2020-01-01 10:00:00 +0200'];
    const posts = Object.fromEntries([...failing, ...building].map((date, i) => [`_posts/2020-01-${String(i + 1).padStart(2, '0')}-p.md`, `---\ndate: ${date}\n---\nA post.\n`]));
    const result = await lintSite({ ...posts, '_drafts/draft.md': '---\ndate: TBD\n---\nA draft.\n', 'page.md': '---\ndate: TBD\n---\nA page.\n' });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(failing.map((_, i) => `_posts/2020-01-${String(i + 1).padStart(2, '0')}-p.md:2:front-matter-syntax`));
    expect(result.findings[2]!.message).toMatch(/^The date `TBD` is not a date Ruby's Time.parse reads: `jekyll build` stops/);
  });

  it('reads a post\'s date from its file name as Ruby does, and reports the names Jekyll reads no post from or stops on', async () => {
    // jekyll build 4.3.1 writes 2021/03/02/rolled.html, 2020/01/05/short.html and 2020/05/05/dated.html, nothing of notes.md,
    // README.md or _template.md, and with 2020-13-02-bad.md stops ("does not have a valid date in the filename").
    const result = await lintSite({
      '_posts/notes.md': '---\ntitle: Notes\n---\n[relative](other.html)\n',
      '_posts/README.md': 'About these posts.\n',
      '_posts/_template.md': '---\n---\nTemplate.\n',
      '_posts/2021-02-30-rolled.md': '---\n---\nRolled over.\n',
      '_posts/20-1-5-short.md': '---\n---\nTwo-digit year.\n',
      '_posts/2020-13-01-dated.md': '---\ndate: 2020-05-05\n---\nDated by its front matter.\n',
      '_posts/2020-13-02-bad.md': '---\n---\nNo date Ruby reads.\n',
      // jekyll build 4.3.1 reads `_posts/sub/_x/…`, not `_posts/_draft/…` or `_posts/sub/_2020-01-04-d.md`: its reader passes over them.
      '_posts/sub/_x/2020-01-02-b.md': '---\n---\nRead.\n',
      '_posts/_draft/2020-01-03-c.md': '---\n---\nPassed over.\n',
      '_posts/sub/_2020-01-04-d.md': '---\n---\nPassed over.\n',
      'index.md': '---\n---\n[a](/2021/03/02/rolled.html) [b](/2020/01/05/short.html) [c](/2020/05/05/dated.html) [d](/2020/13/02/bad.html)\n\n[e](/2020/01/02/b.html) [f](/2020/01/03/c.html) [g](/2020/01/04/d.html)\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}:${f.severity}`)).toEqual([
      '_posts/2020-13-02-bad.md:1:1:front-matter-syntax:error',
      '_posts/notes.md:1:1:front-matter-syntax:warning',
      'index.md:3:90:link-internal:error',
      'index.md:5:29:link-internal:error',
      'index.md:5:53:link-internal:error',
    ]);
    expect(result.findings[0]!.message).toMatch(/^The date in the file name, `2020-13-02`, is not one Ruby's Time.parse reads/);
    expect(result.findings[1]!.message).toMatch(/^Jekyll reads no post from this file/);
  });

  it('resolves a draft\'s relative links from the URL `jekyll build --drafts` gives it, and publishes it nowhere else', async () => {
    // jekyll 4.3.1 --drafts writes _site/blog/my-draft/index.html and _site/blog/2020/dated/index.html; without --drafts, neither.
    const result = await lintSite({
      '_config.yml': 'permalink: /blog/:title/\n',
      '_posts/2020-01-01-first.md': '---\n---\nFirst.\n',
      '_drafts/my draft.md': '---\n---\n[first](../first/) [image](favicon.png)\n',
      '_drafts/dated.md': '---\ndate: 2020-02-02\npermalink: /blog/:year/:title/\n---\n[first](../../first/)\n',
      'index.md': '---\n---\n[draft](/blog/my-draft/)\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.column} ${f.message}`)).toEqual([
      '_drafts/my draft.md:28 No page or file is published at `/blog/my-draft/favicon.png`.',
      'index.md:9 No page or file is published at `/blog/my-draft/`.',
    ]);
  });

  it('reads a data file\'s URLs under the baseurl, and fixes them without writing it in', async () => {
    const result = await lintSite(
      {
        '_config.yml': 'title: Navigation data\ninclude: [_pages]\nbaseurl: /docs\n',
        '_data/navigation.yml': 'main:\n  - url: /team\n  - url: /docs/about.html\n  - url: "/about.html#about"\n',
      },
      join(folder, 'navigation-data'),
    );
    const data = result.findings.filter((f) => f.file === '_data/navigation.yml');
    expect(data.map((f) => [f.line, f.ruleId, f.fix?.text])).toEqual([[2, 'link-redirect', '/team/']]);
  });

  it('knows the tags of plugin gems it knows, and calls an unknown tag a warning when a gem it does not know may define it', async () => {
    const site = { '_config.yml': 'plugins: [jekyll-figure]\n', 'index.md': '---\ntitle: Gems\n---\n{% figure %}\n## In a figure\n{% endfigure %}\n\n{% flourish %}\n' };
    const known = await lintSite(site);
    expect(known.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([[8, 'liquid-syntax', 'error']]);
    const unread = await lintSite({ ...site, Gemfile: 'source "https://rubygems.org"\ngroup :jekyll_plugins do\n  gem "jekyll-flourish" # its tags are unknown\nend\n' });
    expect(unread.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([[8, 'liquid-syntax', 'warning']]);
    expect(unread.findings[0]!.message).toContain('`jekyll-flourish`');
    // A plugin file that requires the gem loads it too (blog.cocoapods.org's `_plugins/ext.rb`: `require "jekyll-assets"`); not Jekyll's own files.
    const required = await lintSite({ ...site, '_plugins/ext.rb': 'require "jekyll/utils"\nrequire "jekyll-flourish"\n' });
    expect(required.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([[8, 'liquid-syntax', 'warning']]);
    const internals = await lintSite({ ...site, '_plugins/ext.rb': 'require "jekyll/utils"\n' });
    expect(internals.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([[8, 'liquid-syntax', 'error']]);
    // Gems often listed among the plugins that are none (the Markdown and highlighting libraries, the server) add no tag.
    const libraries = await lintSite({ ...site, Gemfile: 'source "https://rubygems.org"\ngem "jekyll"\ngroup :jekyll_plugins do\n  gem "kramdown"\n  gem "rouge"\n  gem "webrick"\nend\n' });
    expect(libraries.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([[8, 'liquid-syntax', 'error']]);
    // A gem doclint does not read may depend on one it knows (w3c's wai-website-plugin on jekyll-include-cache): its tags are known then.
    const cached = { '_config.yml': 'plugins: [jekyll-figure]\n', 'index.md': '---\ntitle: Cached\n---\n{% include_cached note.html %}\n', '_includes/note.html': 'Note.\n' };
    expect((await lintSite(cached)).findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([[4, 'liquid-syntax', 'error']]);
    expect((await lintSite(cached)).findings[0]!.message).toContain('`jekyll-include-cache` defines it');
    expect((await lintSite({ ...cached, Gemfile: 'source "https://rubygems.org"\ngroup :jekyll_plugins do\n  gem "wai-website-plugin"\nend\n' })).findings).toEqual([]);
  });

  it('reads a page as the site\'s own Markdown converter hands it to kramdown: literal gsubs before kramdown, as docs.scala-lang.org turns mdoc fences into plain ones', async () => {
    // jekyll build 4.3.1 with this plugin: a.md's two blocks are code (no link in them); b.md's fence, with spaces after `mdoc`, is none.
    const plugin = `module Jekyll
  class MdocConverter < Converter
    safe false
    priority :high

    def matches(ext)
      ext =~ /^\\.(md|markdown)$/i
    end

    def output_ext(ext)
      ".html"
    end

    def convert(content)
      content = content.gsub("\`\`\`scala mdoc:fail\\n", "\`\`\`scala\\n")
      content.gsub("\`\`\`scala mdoc\\n", "\`\`\`scala\\n")
    end
  end
end
`;
    const pages = {
      'a.md': '---\ntitle: A\n---\n\n```scala mdoc\nval a = List(1)\nf(a)[0](nowhere)\n```\n\nText.\n\n```scala mdoc:fail\nval b = 2\n```\n',
      'b.md': '---\ntitle: B\n---\n\n```scala mdoc  \nval a = 1\n```\n',
    };
    const found = (result: LintResult) => result.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`);
    expect(found(await lintSite({ ...pages, '_plugins/mdoc_replace.rb': plugin }))).toEqual(['b.md:5:code-fence']);
    // Without the plugin, in safe mode (GitHub Pages loads no plugin file), or where it runs after kramdown, a.md's first fence is none
    // (and the next ``` opens a block that runs to the last one), as jekyll build 4.3.1 writes it without the plugin.
    const unconverted = ['a.md:5:code-fence', 'a.md:7:link-internal', 'b.md:5:code-fence'];
    expect(found(await lintSite(pages))).toEqual(unconverted);
    expect(found(await lintSite({ ...pages, '_plugins/mdoc_replace.rb': plugin, '_config.yml': 'safe: true\n' }))).toEqual(unconverted);
    expect(found(await lintSite({ ...pages, '_plugins/mdoc_replace.rb': plugin.replace(':high', ':lowest') }))).toEqual(unconverted);
    expect(found(await lintSite({ ...pages, '_plugins/mdoc_replace.rb': plugin.replace(':high', ':constructor') }))).toEqual(unconverted);
    // A convert method doing anything else is not read.
    expect(found(await lintSite({ ...pages, '_plugins/mdoc_replace.rb': plugin.replace('content.gsub("`', 'content.sub("`') }))).toEqual(unconverted);
    // Lines stay the file's; a fix past the first rewritten line would land elsewhere in the file, and is left out.
    const fixed = await lintSite({ '_plugins/mdoc_replace.rb': plugin, 'd.md': '---\npermalink: /d/\n---\nD\n', 'c.md': '---\ntitle: C\n---\n[before](/d)\n\n```scala mdoc\nval a = 1\n```\n\n[after](/d)\n' });
    expect(fixed.findings.map((f) => `${f.line}:${f.ruleId}:${f.fix ? 'fix' : 'no fix'}`)).toEqual(['4:link-redirect:fix', '10:link-redirect:no fix']);
  });

  it('checks a reference definition where a link may use it: in the page\'s own text, or in the text it includes; kramdown writes nothing for the others', async () => {
    // jekyll build 4.3.1: a.html links to /missing/ (its include uses the definition), b.html has no link.
    const result = await lintSite({
      '_includes/uses.md': 'See [the target][target].\n',
      'a.md': '---\ntitle: A\n---\n{% include uses.md %}\n\n[target]: /missing/\n',
      'b.md': '---\ntitle: B\n---\nText.\n\n[target]: /missing/\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(['a.md:6:link-internal']);
  });

  it('knows the tags of jekyll-polyglot, jekyll-github-metadata and jekyll-multiple-languages-plugin, and the filters a plugin adds by reopening Jekyll::Filters', async () => {
    const result = await lintSite({
      '_config.yml': 'plugins: [jekyll-polyglot, jekyll-github-metadata]\nlanguages: [en, de]\ndefault_lang: en\n',
      '_plugins/shout.rb': 'module Jekyll\n  module Filters\n    def shout(input)\n      input.upcase\n    end\n  end\nend\n',
      'index.md': '---\ntitle: Tags\n---\n{% I18n_Headers %}\n<a {% static_href %}href="/"{% endstatic_href %}>Home</a> {% github_edit_link "Edit" %} {{ page.title | shout }}\n',
    });
    expect(result.findings).toEqual([]);
    // jekyll-multiple-languages-plugin's, each under its short and long name.
    const translated = await lintSite({
      '_config.yml': 'plugins: [jekyll-multiple-languages-plugin]\nlanguages: [en, es]\n',
      'index.md': '---\n---\n{% t titles.home %} {% translate titles.home %} {% tf footer.md %} {% translate_file footer.md %} [Team]({% tl team %}) {% translate_link team %}\n',
    });
    expect(translated.findings).toEqual([]);
  });

  it('knows the filters of jekyll-liquify, jekyll-relative-links and jekyll-toc, and names the gems it does not know at an unknown filter', async () => {
    const page = { 'index.md': '---\ntitle: Filters\n---\n{{ page.title | liquify }} {{ content | toc_only }} {{ page.title | markdownify | rellinks }}\n\n{{ page.title | sparkle }}\n' };
    const known = await lintSite({ ...page, '_config.yml': 'plugins: [jekyll-liquify, jekyll-toc, jekyll-relative-links]\n' });
    expect(known.findings.map((f) => [f.line, f.ruleId, f.message.includes('plugin gem')])).toEqual([[6, 'liquid-output', false]]);
    const unread = await lintSite({ ...page, '_config.yml': 'plugins: [jekyll-liquify, jekyll-toc, jekyll-relative-links, jekyll-sparkle]\n' });
    expect(unread.findings.map((f) => [f.line, f.ruleId])).toEqual([[6, 'liquid-output']]);
    expect(unread.findings[0]!.message).toContain('unless a plugin gem the site loads defines it (`jekyll-sparkle`');
  });

  it('loads the plugins a theme gem depends on, and calls a tag of a theme it does not know a warning', async () => {
    const page = { 'index.md': '---\ntitle: Home\n---\n{% seo %}\n[Feed](/feed.xml)\n' };
    expect((await lintSite({ ...page, '_config.yml': 'theme: minima\n' })).findings).toEqual([]);
    expect((await lintSite({ ...page, '_config.yml': 'theme: jekyll-theme-cayman\n' })).findings.map((f) => f.ruleId)).toEqual(['link-internal']);
    const unknown = await lintSite({ 'index.md': '---\ntitle: Home\n---\n{% sparkle %}\n', '_config.yml': 'theme: jekyll-theme-sparkly\n' });
    expect(unknown.findings.map((f) => [f.ruleId, f.severity])).toEqual([['liquid-syntax', 'warning']]);
    expect(unknown.findings[0]!.message).toContain('`jekyll-theme-sparkly`');
  });

  it('calls a collection\'s README without front matter a warning (it is there for the repository), another document an error', async () => {
    const result = await lintSite({
      '_config.yml': 'collections:\n  guides:\n    output: true\n',
      '_guides/README.md': '# Translating the guides\n',
      '_guides/setup.md': '# Setup\n',
    });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([
      ['_guides/README.md', 'front-matter-syntax', 'warning'],
      ['_guides/setup.md', 'front-matter-syntax', 'error'],
    ]);
  });

  it('says a document without front matter in a collection that writes no pages is published nowhere, and leaves its README alone', async () => {
    // jekyll build 4.3.1 (`output: false`): `site.events` holds only ok.md, and _site has neither file (scala-lang.org's _events/README.md).
    const result = await lintSite({
      '_config.yml': 'collections:\n  events:\n    output: false\n',
      '_events/README.md': '# Adding an event\n',
      '_events/talk.md': 'Talk\n',
      '_events/ok.md': '---\ntitle: Ok\n---\nOk.\n',
    });
    expect(result.findings.map((f) => `${f.file} ${f.severity} ${f.message}`)).toEqual([
      '_events/talk.md error The file has no front matter: Jekyll leaves it out of `site.events` (the collection\'s documents start with a `---` block) and publishes nothing of it. Start it with a `---` block.',
    ]);
  });

  const archivesGenerator = 'module Site\n  class Archives < Jekyll::Generator\n    def generate(site)\n      site.pages << ArchivePage.new(site, site.source, "archive", "index.html")\n    end\n  end\nend\n';

  it('calls a link to a page no source file publishes a warning on a site with a generator, and one to a missing image still an error', async () => {
    const result = await lintSite({
      '_plugins/archives.rb': archivesGenerator,
      'index.md': '---\ntitle: Home\n---\n[2020](/archive/2020/)\n\n![Chart](/images/chart.png)\n\n[Release](/release/v0.10.0)\n',
    });
    // A version's dots are no file extension: the generator may write that page (bitcoin.org's releases).
    expect(result.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([
      [4, 'link-internal', 'warning'],
      [6, 'link-internal', 'error'],
      [8, 'link-internal', 'warning'],
    ]);
    expect(result.findings[0]!.message).toContain('`_plugins/archives.rb`');
  });

  it('takes a generator that only sets data at its word: it writes no page', async () => {
    // wai-website's env-vars-plugin.rb and LineageOS's jekyll-version.rb: jekyll build 4.3.1 writes no /archive/2020/.
    const site = {
      '_plugins/version.rb': 'module Jekyll\n  class VersionGenerator < Generator\n    def generate(site)\n      site.data["version"] = { "build_date" => Time.now.to_i }\n      site.pages.each { |page| page.data["built"] = true }\n    end\n  end\nend\n',
      'index.md': '---\ntitle: Home\n---\n[2020](/archive/2020/)\n',
    };
    expect((await lintSite(site)).findings.map((f) => `${f.severity} ${f.message}`)).toEqual(['error No page or file is published at `/archive/2020/`.']);
    // One that sets a page's URL or content, or whose work another plugin file may do, may still write it.
    const moving = { ...site, '_plugins/version.rb': site['_plugins/version.rb'].replace('page.data["built"] = true', 'page.url = page.url.downcase') };
    const helped = { ...site, '_plugins/pages.rb': 'module Archive\n  def self.add(site)\n    site.pages << ArchivePage.new(site, site.source, "archive", "index.html")\n  end\nend\n' };
    for (const variant of [moving, helped]) expect((await lintSite(variant)).findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('takes a generator whose pages are all PageWithoutAFile pages in folders written out to write pages there alone', async () => {
    // swift.org's packages.rb: `PageWithoutAFile.new(site, site.source, "packages", "#{slug}.md")`; jekyll build 4.3.1 writes /packages/<slug>.html only.
    const generator = (body: string) => `module Jekyll\n  class Packages < Generator\n    def generate(site)\n${body}\n    end\n  end\nend\n`;
    const folder = '      site.data["categories"].each do |c|\n        page = PageWithoutAFile.new(site, site.source, "packages", "#{c}.md")\n        page.data = { "layout" => "page" }\n        site.pages << page\n      end';
    const index = '---\ntitle: Home\n---\n[a](/packages/server.html) [b](/archive/2020/)\n';
    const findings = async (plugin: string) => (await lintSite({ '_plugins/packages.rb': plugin, 'index.md': index })).findings.map((f) => `${f.column} ${f.severity}`);
    expect(await findings(generator(folder))).toEqual(['5 warning', '32 error']);
    // A folder worked out, a permalink set, or another kind of page made: any page's URL may be the generator's.
    for (const other of [folder.replace('"packages"', 'c'), `${folder}\n      site.pages.each { |p| p.data["permalink"] = "/x/" }`, `${folder}\n      site.pages << TagPage.new(site, site.source, "tags")`]) {
      expect(await findings(generator(other))).toEqual(['5 warning', '32 warning']);
    }
  });

  it('follows the Netlify redirects the site publishes (_redirects) or netlify.toml gives', async () => {
    const site = {
      '_config.yml': 'include: [_redirects]\n',
      '_redirects': [
        '# Aliases',
        '/old          /new/                         301',
        '/floating     /new/                         302  # the latest',
        '/gh/*         https://github.com/x/y/:splat  301',
        '/gone         /missing/                     301',
        '/us-only      /new/                         302  Country=us',
        '/posts/:year  /new/                         301!',
        '/:a/:a        /new/                         301',
        '',
      ].join('\n'),
      'netlify.toml': '[build]\ncommand = "jekyll build"\n\n[[redirects]]\nfrom = "/t"\nto = "/new/"\n',
      'new.md': '---\npermalink: /new/\n---\n## Setup\n',
      'index.md': '---\n---\n[a](/old) [b](/floating#setup) [c](/gh/issues) [d](/gone) [e](/us-only) [f](/t/) [g](/old#nope) [h](/posts/2020)\n',
    };
    const result = await lintSite(site);
    expect(result.findings.map((f) => `${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '5 link-redirect Netlify redirects `/old` permanently (`_redirects:2`) to `/new/` (new.md): link to the page itself.',
      '52 link-internal No page or file is published at `/gone`. Netlify sends it to `/missing/` (`_redirects:5`), where nothing is published either.',
      '63 link-internal No page or file is published at `/us-only`.',
      '77 link-redirect Netlify redirects `/t/` permanently (`netlify.toml`) to `/new/` (new.md): link to the page itself.',
      '86 link-redirect Netlify redirects `/old` permanently (`_redirects:2`) to `/new/` (new.md): link to the page itself.',
      '90 link-anchor There is no anchor `#nope` on `new.md` (it has #setup).',
      '101 link-redirect Netlify redirects `/posts/2020` permanently (`_redirects:7`) to `/new/` (new.md): link to the page itself.',
    ]);
    // Jekyll publishes no `_redirects` the config does not include: Netlify has none.
    const unpublished = await lintSite({ ...site, '_config.yml': 'title: x\n', 'netlify.toml': '' });
    expect(unpublished.findings.filter((f) => f.ruleId === 'link-internal')).toHaveLength(8);
  });

  it('follows the redirects and rewrites of the `.htaccess` the site publishes, as Apache reads them (struts.apache.org)', async () => {
    const site = {
      '.htaccess': [
        '# Moved pages',
        'Redirect 301 /old /new/',
        'Redirect /folder /new',
        'RedirectMatch permanent ^/docs/v([0-9]+)\\.html$ /new/',
        'RedirectMatch 302 /gone-(.*) /missing/$1',
        'RedirectTemp /tmp-page /new/',
        'RewriteEngine On',
        'RewriteCond %{HTTPS} off',
        'RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R,L]',
        'RewriteRule ^archive/ - [L]',
        'RewriteRule ^a/(.*)$ \\',
        '    /new/ [R=301,NC,L]',
        'RewriteCond %{REQUEST_FILENAME} !-f',
        'RewriteRule ^pretty/([^.]+)$ /new/ [L]',
        'RewriteRule ^bad/(?=x) /new/ [R=301]',
        '<IfModule mod_alias.c>',
        '  Redirect permanent /moved /new/',
        '</IfModule>',
        '<If "%{HTTP_HOST} == \'old.example.org\'">',
        '  Redirect permanent /cond /new/',
        '</If>',
        'RewriteBase /sub/',
        'RewriteRule ^rel/(.*)$ $1/ [R=301]',
        '',
      ].join('\n'),
      'new.md': '---\npermalink: /new/\n---\n## Setup\n',
      'index.md': '---\n---\n[a](/old) [b](/folder/x) [c](/folderx) [d](/docs/v2.html) [e](/gone-page) [f](/tmp-page#setup) [g](/archive/x) [h](/A/b) [i](/pretty/x) [j](/bad/x) [k](/moved) [l](/cond) [m](/rel/x)\n',
    };
    const result = await lintSite(site);
    expect(result.findings.map((f) => `${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '5 link-redirect Apache redirects `/old` permanently (`.htaccess:2`) to `/new/` (new.md): link to the page itself.',
      '15 link-internal No page or file is published at `/folder/x`. Apache sends it to `/new/x` (`.htaccess:3`), where nothing is published either.',
      '30 link-internal No page or file is published at `/folderx`.',
      '44 link-redirect Apache redirects `/docs/v2.html` permanently (`.htaccess:4`) to `/new/` (new.md): link to the page itself.',
      '63 link-internal No page or file is published at `/gone-page`. Apache sends it to `/missing/page` (`.htaccess:5`), where nothing is published either.',
      '100 link-internal No page or file is published at `/archive/x`.',
      '116 link-redirect Apache redirects `/A/b` permanently (`.htaccess:11`) to `/new/` (new.md): link to the page itself.',
      '141 link-internal No page or file is published at `/bad/x`.',
      '153 link-redirect Apache redirects `/moved` permanently (`.htaccess:17`) to `/new/` (new.md): link to the page itself.',
      '165 link-internal No page or file is published at `/cond`.',
      '176 link-internal No page or file is published at `/rel/x`. Apache sends it to `/sub/x/` (`.htaccess:23`), where nothing is published either.',
    ]);
    // GitHub Pages ignores the file; a site whose `include:` leaves it out does not publish it.
    for (const config of ['plugins: [github-pages]\n', 'include: [_pages]\n']) {
      const ignored = await lintSite({ ...site, '_config.yml': config });
      expect(ignored.findings.filter((f) => f.ruleId === 'link-internal'), config).toHaveLength(13);
    }
  });

  it('leaves out the `destination` folder inside the source, as Jekyll reads no page there (wicket.apache.org)', async () => {
    const result = await lintSite({
      '_config.yml': 'destination: ./content\n',
      'index.md': '---\n---\n[a](/a/)\n',
      'content/index.html': '<a href="/gone/">built earlier</a>\n',
      'content/a/index.html': '<p>built earlier</p>\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['index.md:3 link-internal']);
  });

  it('takes the files a generator plugin names as published', async () => {
    // jekyll 4.3.1 writes _site/ietemplates/ieconfig.xml and _site/sitemap.xml, no other.xml (monero-site's live tiles and sitemap).
    const result = await lintSite({
      '_plugins/tiles.rb': [
        'class Tiles < Jekyll::Generator',
        '  SITEMAP = "/sitemap.xml"',
        '  def generate(site)',
        '    site.static_files << TileFile.new(site, site.source, "/ietemplates/", "ieconfig.xml")',
        '    site.static_files << TileFile.new(site, site.source, "", SITEMAP.sub("/", ""))',
        '    data = File.read(File.join(site.source, "_data", "tiles.json"))',
        '  end',
        'end',
        '',
      ].join('\n'),
      'index.md': '---\ntitle: Home\n---\n[a](/sitemap.xml) [b](/ietemplates/ieconfig.xml) [c](/other.xml) [d](/_data/tiles.json)\n',
    });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '4:54 No page or file is published at `/other.xml`.',
      '4:70 No page or file is published at `/_data/tiles.json`.',
    ]);
  });

  it('calls a missing file a warning where a generator plugin makes static files of names it works out', async () => {
    // 18F/identity-dev-docs: _plugins/copy_to_destination.rb copies the folders `copy_to_destination` names
    // (an npm package's assets) into the built site; html-proofer on a build without them names the same files.
    const result = await lintSite({
      '_config.yml': 'copy_to_destination:\n  - node_modules/style-guide/dist/assets\n',
      '_plugins/copy.rb': [
        'class CopyGenerator < Jekyll::Generator',
        '  def generate(site)',
        '    files = (site.config["copy_to_destination"] || []).flat_map { |path| Dir.glob(File.join(site.source, path, "**", "*")) }',
        '    site.static_files.concat(files.map { |file| StaticFile.new(site, site.source, File.dirname(file), File.basename(file)) })',
        '  end',
        'end',
        '',
      ].join('\n'),
      'index.md': '---\ntitle: Home\n---\n![Logo](/assets/img/logo.svg)\n',
    });
    expect(result.findings.map((f) => `${f.severity} ${f.message}`)).toEqual([
      'warning No source file publishes a file at `/assets/img/logo.svg`, unless a generator writes it (`_plugins/copy.rb`).',
    ]);
  });

  it('takes the folder a :post_write hook writes into the built site as a generator\'s, and lays no page out for it', async () => {
    // ruby/www.ruby-lang.org: _plugins/search_index.rb runs Pagefind into _site/pagefind/ after jekyll build writes the site.
    const result = await lintSite({
      '_plugins/search_index.rb': 'Jekyll::Hooks.register :site, :post_write do |site|\n  SearchIndex.new(bundle_dir: File.join(site.dest, "pagefind")).build\nend\n',
      '_layouts/unused.html': '<a href="/old/">Old</a> {{ content }}\n',
      'index.md': '---\ntitle: Home\n---\n<link href="/pagefind/pagefind-ui.css" rel="stylesheet">\n\n[gone](/gone.css)\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.severity, f.message])).toEqual([
      ['_layouts/unused.html', 1, 'warning', 'No page or file is published at `/old/`. (No page is laid out with `unused`, directly or through another layout: Jekyll writes it nowhere.)'],
      ['index.md', 4, 'warning', 'No source file publishes a file at `/pagefind/pagefind-ui.css`, unless a generator writes it (`_plugins/search_index.rb`).'],
      ['index.md', 6, 'error', 'No page or file is published at `/gone.css`.'],
    ]);
  });

  it('checks no include, link tag or link in a branch the site\'s config never takes, as Liquid never renders it', async () => {
    // The Carpentries workshop template: `kind: "workshop"`, and lesson-only parts under `{% if site.kind == "lesson" %}`.
    // jekyll build 4.3.1 builds this site; with `kind: "lesson"` it stops: "Could not locate the included file 'syllabus.html'".
    const site = {
      '_config.yml': 'kind: "workshop"\n',
      '_includes/navbar.html': '{% if site.kind == "lesson" %}<a href="{{ site.baseurl }}{% link setup.md %}">Setup</a>{% endif %}\n',
      'index.md': '---\n---\n{% include navbar.html %}\n{% if site.kind == "lesson" %}\n{% include syllabus.html %}\n[episodes](/episodes/)\n{% endif %}\n{% unless site.kind == "workshop" %}[x](/nowhere/){% endunless %}\n',
    };
    expect((await lintSite(site)).findings).toEqual([]);
    const lesson = await lintSite({ ...site, '_config.yml': 'kind: "lesson"\n' });
    expect(lesson.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      '_includes/navbar.html:1 link-internal',
      'index.md:5 liquid-include',
      'index.md:6 link-internal',
      'index.md:8 link-internal',
    ]);
  });

  it('reads GFM tables in list items and block quotes as jekyll-commonmark does', async () => {
    // jekyll 4.3.1 + jekyll-commonmark 1.4.0 (commonmarker 0.23.6, `table` extension): each table drops its row's third cell.
    const result = await lintSite({
      '_config.yml': 'markdown: CommonMark\ncommonmark:\n  extensions: ["table"]\n',
      'a.md': '---\n---\n- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 | 3 |\n\n> | q | r |\n> |---|---|\n> | 1 | 2 | 3 |\n\n1. x\n   | e | f |\n   |---|---|\n   | 1 | 2 | 3 |\n',
    });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['7:12 table-cell-count', '11:12 table-cell-count', '16:13 table-cell-count']);
  });

  it('computes ids and reads tables as jekyll-commonmark\'s converters write them', async () => {
    // Each id below is one jekyll build 4.3.1 wrote with jekyll-commonmark-ghpages' renderer (commonmarker 0.23.6).
    const page = [
      '---', 'title: x', '---',
      '# Q & A', '## Use `code` here', '## Head {#custom}', '## 123 Start', '## Ünïcode café', '## Repeat', '## Repeat',
      '## **Bold** text', '## [Link](/x) title', '## a_b-c 2.0', '## <span>tag</span> here', '## "Quotes" and \'apostrophes\'',
      '# Code `<b>` & <em>raw</em>', '# ![img *x*](/i[1].png) b', '', 'Setext line one', '2nd line', '---', '', '# ', '',
      'First[^b] then[^a] again[^b].', '', 'Some a | b text.', '', '| h1 | h2 |', '|----|----|', '| a |', '| a | b | c |', '',
      '[^a]: note a', '[^b]: note b', '',
    ].join('\n');
    const written = ['q-amp-a', 'use-codecodecode-here', 'head-custom', 'start', 'ncode-caf', 'repeat', 'repeat-1', 'strongboldstrong-text', 'a-hrefxlinka-title', 'ab-c-20', 'spantagspan-here', 'quotquotesquot-and-apostrophes', 'code-codeltbgtcode-amp-emrawem', 'img-srci5b15dpng-altimg-x--b', 'setext-line-onend-line', 'section', 'fn1', 'fn2', 'fnref1', 'fnref2'];
    const kramdownIds = ['q--a', 'custom', 'fn:a', 'fnref:b'];
    const links = `---\ntitle: links\n---\n${[...written, ...kramdownIds].map((id) => `[${id}](/#${id})`).join('\n')}\n`;
    const files = { 'index.md': page, 'links.md': links, 'x.md': '---\n---\n', 'i[1].png': '' };
    const gitHubPages = await lintSite({ ...files, '_config.yml': 'markdown: CommonMarkGhPages\ncommonmark:\n  options: ["UNSAFE", "FOOTNOTES"]\n  extensions: ["table"]\n' });
    // Its table's short row is padded, its long one loses a cell (GFM's tables: see below).
    expect(gitHubPages.findings.map((f) => `${f.file}:${f.ruleId} ${/`(#[^`]+)`/.exec(f.message)?.[1] ?? ''}`)).toEqual(['index.md:table-cell-count ', 'index.md:table-cell-count ', ...kramdownIds.map((id) => `links.md:link-anchor #${id}`)]);
    // SMART makes quotes curly and hyphen runs dashes, which leave no trace in the id.
    const smart = await lintSite({ '_config.yml': 'markdown: CommonMarkGhPages\ncommonmark:\n  options: [smart]\n', 'index.md': '---\n---\n# "Quotes" -- and --- dashes ---- a-b ... end\n\n# Code `"x" --` here\n\n[a](#quotes--and--dashes--a-b--end) [b](#code-codequotxquot---code-here)\n' });
    expect(smart.findings).toEqual([]);
    // A fence with words after its language is code to CommonMark (kramdown reads none, and the lines after it as Markdown).
    const fence = { 'index.md': '---\n---\n```js title="app.js"\n[x](/missing/)\n```\n' };
    expect((await lintSite({ ...fence, '_config.yml': 'markdown: CommonMarkGhPages\n' })).findings).toEqual([]);
    expect((await lintSite({ ...fence, '_config.yml': '' })).findings.map((f) => f.ruleId)).toEqual(['code-fence', 'link-internal']);
    // The autolink extension links bare URLs (the site's own ones are checked offline); kramdown leaves them text.
    const bare = { 'index.md': '---\n---\nSee https://example.org/gone/. and (www.example.org/about/), not [unclosed https://example.org/x/ or `https://example.org/y/`.\n', 'about.md': '---\n---\n' };
    const autolinked = await lintSite({ ...bare, '_config.yml': 'url: https://example.org\nmarkdown: CommonMarkGhPages\ncommonmark:\n  extensions: [autolink]\n' });
    expect(autolinked.findings.map((f) => `${f.ruleId} ${f.column}`)).toEqual(['link-internal 5']);
    expect((await lintSite({ ...bare, '_config.yml': 'url: https://example.org\n' })).findings).toEqual([]);
    // With the table extension, tables are GFM's: a short row is padded, a long one loses its last cells (each as jekyll 4.3.1's page has it).
    const tables = {
      'index.md': [
        '---', 'title: t', '---', '| h1 | h2 | h3 |', '|----|----|----|', '| a | b |', '| a | b | c | d |', '', 'x | y', '--|--', '1 | 2 | 3', '', '| a | b |', '|---|', '| 1 | 2 |', '', 'Intro line', '| p | q |', '|---|---|', '| 1 |', '', '| a | b |', '|---|---|', '| `x|y` | z |', '| e \\| f | g |', 'bar', '', '| c |', '|---|', '| 1 | 2 |', '- list', '| 3 | 4 | 5 |',
        '',
      ].join('\n'),
    };
    const gfm = await lintSite({ ...tables, '_config.yml': 'markdown: CommonMarkGhPages\ncommonmark:\n  extensions: [table]\n' });
    expect(gfm.findings.map((f) => `${f.line}:${f.column} ${/GFM (pads|drops)/.exec(f.message)?.[1]}`)).toEqual(['6:1 pads', '7:14 drops', '11:8 drops', '20:1 pads', '24:10 drops', '26:1 pads', '30:6 drops']);
    expect((await lintSite({ ...tables, '_config.yml': 'markdown: CommonMarkGhPages\n' })).findings).toEqual([]);
    // jekyll-commonmark writes no heading ids; without the FOOTNOTES option, no footnotes either.
    const plain = await lintSite({ ...files, '_config.yml': 'markdown: CommonMark\nplugins: [jekyll-commonmark]\n' });
    expect(plain.findings.filter((f) => f.ruleId === 'link-anchor')).toHaveLength(written.length + kramdownIds.length);
    expect(plain.findings.filter((f) => f.ruleId !== 'link-anchor')).toEqual([]);
  });

  it('counts no id written in a branch Liquid never renders, nor numbers a repeat after one', async () => {
    // jekyll build 4.3.1 writes `schedule` and `setup` alone: the ruled-out branches reach kramdown as nothing.
    const result = await lintSite({
      '_config.yml': 'kind: workshop\n',
      'index.md': '---\naddress: street\n---\n{% if site.kind == "lesson" %}\n## Schedule\n\n<a id="x"></a>\n{% endif %}\n{% if page.address == "online" %}\n## Setup\n{% endif %}\n\n## Schedule\n\n## Setup\n\n[s](#schedule) [x](#x) [t](#setup) [t1](#setup-1)\n',
    });
    expect(result.findings.map((f) => /`(#[^`]+)`/.exec(f.message)?.[1])).toEqual(['#x', '#setup-1']);
  });

  it('checks no link of a page in a branch its own values rule out', async () => {
    // The Carpentries workshop template's index.md: `{{page.address}}` is a link only when the address is a URL.
    const where = '{% assign begin = page.address | slice: 0, 4 | downcase %}{% if begin contains "http" %}{% assign online = "true" %}{% else %}{% assign online = "false" %}{% endif %}\n{% if online == "false" %}{{ page.address }}{% else %}<a href="{{ page.address }}">join</a>{% endif %}\n';
    const street = await lintSite({ '_config.yml': '', 'index.md': `---\naddress: "Room A, 1 Forth Street"\n---\n${where}` });
    expect(street.findings).toEqual([]);
    // Nor an include or a link tag there, which fail the build only where Liquid renders them.
    const tags = '{% if page.comments %}{% include disqus.html %}{% link drafts.md %}{% endif %}\n';
    expect((await lintSite({ '_config.yml': '', 'index.md': `---\ncomments: false\n---\n${tags}` })).findings).toEqual([]);
    const commented = await lintSite({ '_config.yml': '', 'index.md': `---\ncomments: true\n---\n${tags}` });
    expect(commented.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['index.md:4 liquid-include', 'index.md:4 link-internal']);
    // In an include, the page that takes it in decides: its branches are all checked.
    const included = await lintSite({ '_config.yml': '', '_includes/where.html': where.replace('{{ page.address }}">', '/nowhere/">'), 'index.md': '---\naddress: "Room A"\n---\n{% include where.html %}\n' });
    expect(included.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['_includes/where.html:2 link-internal']);
  });

  it('takes the folder a Pagefind step of the build writes into the built site as a generator\'s, named by the file that runs it', async () => {
    // rubygems/guides: .github/workflows/deploy.yml runs `npx --yes pagefind@1.5.2 --site _site` after `bundle exec jekyll build`.
    const page = { 'index.md': '---\ntitle: Home\n---\n<link href="/pagefind/pagefind-ui.css" rel="stylesheet"> <script src="/search/index.js"></script>\n' };
    const result = await lintSite({
      ...page,
      '.github/workflows/deploy.yml': 'jobs:\n  deploy:\n    steps:\n      - run: bundle exec jekyll build\n      - name: Build search index\n        run: npx --yes pagefind@1.5.2 --site _site\n',
      'package.json': JSON.stringify({ scripts: { search: 'pagefind --site _site --output-subdir search' } }),
    });
    expect(result.findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'No source file publishes a file at `/pagefind/pagefind-ui.css`, unless a generator writes it (`.github/workflows/deploy.yml`).'],
      ['warning', 'No source file publishes a file at `/search/index.js`, unless a generator writes it (`package.json`).'],
    ]);
    expect((await lintSite(page)).findings.map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('publishes a `.tailwindcss` page as CSS where jekyll-tailwindcss converts it', async () => {
    // jekyll-tailwindcss 0.7.0's converter (rubygems/guides' Gemfile.lock): `.tailwind` and `.tailwindcss` in, `.css` out.
    const site = {
      'stylesheets/styles.tailwindcss': '---\n---\n@import "tailwindcss";\n',
      'index.md': '---\ntitle: Home\n---\n<link href="/stylesheets/styles.css" rel="stylesheet">\n',
    };
    expect((await lintSite({ ...site, Gemfile: 'source "https://rubygems.org"\ngem "jekyll"\ngroup :jekyll_plugins do\n  gem "jekyll-tailwindcss"\nend\n' })).findings).toEqual([]);
    expect((await lintSite(site)).findings.map((f) => f.message)).toEqual(['No page or file is published at `/stylesheets/styles.css`.']);
  });

  it('reads the site from the folder the config names as its source, with named files and the config at their own paths', async () => {
    const site = {
      '_config.yml': 'title: Source\nsource: src\n',
      'README.md': '# Readme\n[not the site](/nowhere/)\n',
      'src/_includes/note.html': '<p>Note</p>\n',
      'src/assets/logo.png': '',
      'src/index.md': '---\ntitle: Home\n---\n{% include note.html %}\n![Logo](/assets/logo.png) [About](/about/) [Gone](/gone/)\n',
      'src/about.md': '---\ntitle: About\npermalink: /about/\n---\nAbout.\n',
    };
    const whole = await lintSite(site);
    expect(whole.root.endsWith('/src')).toBe(true);
    expect(whole.findings.map((f) => [f.file, f.line, f.message])).toEqual([['index.md', 5, 'No page or file is published at `/gone/`.']]);
    // As pre-commit names them, from the config's folder: README.md is not the site's.
    const named = await lintSite(site, undefined, undefined, { files: ['src/index.md', 'README.md'] });
    expect(named.files).toEqual(['index.md']);
    expect(named.findings.map((f) => f.file)).toEqual(['index.md']);
    // A source outside the folder linted, or missing, is not followed, and says so where it is written.
    const outside = await lintSite({ '_config.yml': 'title: Home\nsource: ..\n', 'index.md': '---\ntitle: Home\n---\nHello.\n' });
    expect(outside.root.endsWith('/src')).toBe(false);
    expect(outside.findings.map((f) => [f.file, f.line, f.severity, f.message])).toEqual([
      ['_config.yml', 2, 'warning', "`source` is outside the folder doclint lints (it never reads outside it): doclint reads the site from the config's own folder instead."],
    ]);
    const missing = await lintSite({ '_config.yml': 'source: site\n', 'index.md': '---\ntitle: Home\n---\nHello.\n' });
    expect(missing.findings.map((f) => f.message)).toEqual(["`source` does not exist: doclint reads the site from the config's own folder instead."]);
  });

  it('knows the pages jekyll-paginate writes from paginate_path, and no others', async () => {
    const result = await lintSite({
      '_config.yml': 'plugins: [jekyll-paginate]\npaginate: 5\npaginate_path: /blog/page:num/\n',
      'index.md': '---\ntitle: Home\n---\n[older](/blog/page2/) and [gone](/blog/gone/)\n',
    });
    expect(result.findings.map((f) => [f.column, f.ruleId, f.severity])).toEqual([
      [9, 'link-internal', 'warning'],
      [34, 'link-internal', 'error'],
    ]);
  });

  it('reports the settings jekyll build stops on: plugins, include or exclude not a list, collections neither a map nor a list, limit_posts below 0, relative_permalinks', async () => {
    // jekyll build 4.3.1 exits 1 on each of lines 2, 3, 5, 6 and 7; `limit_posts: 2.5` and `relative_permalinks: false` build.
    const result = await lintSite({ '_config.yml': 'title: Site\nplugins:\nexclude: vendor\ninclude: [_pages]\ncollections: docs\nlimit_posts: -1\nrelative_permalinks: true\n', 'index.md': '---\ntitle: Home\n---\nHello.\n' });
    expect(result.findings.map((f) => [f.file, f.line, f.severity, f.message])).toEqual([
      ['_config.yml', 2, 'error', expect.stringContaining('`plugins` is empty, not a list')],
      ['_config.yml', 3, 'error', expect.stringContaining('`exclude` is the string `vendor`, not a list')],
      ['_config.yml', 5, 'error', expect.stringContaining('`collections` is the string `docs`: `jekyll build` stops')],
      ['_config.yml', 6, 'error', expect.stringContaining('`limit_posts` is -1: `jekyll build` stops')],
      ['_config.yml', 7, 'error', expect.stringContaining('`relative_permalinks` is set: `jekyll build` stops')],
    ]);
    const building = await lintSite({ '_config.yml': 'limit_posts: 2.5\nrelative_permalinks: false\ncollections:\n', 'index.md': '---\ntitle: Home\n---\nHello.\n' });
    expect(building.findings).toEqual([]);
  });

  it('reads a hostile jekyll-archives permalink without backtracking without bound', async () => {
    const permalink = `/${':a-'.repeat(40)}x/`;
    const result = await lintSite({
      '_config.yml': `plugins: [jekyll-archives]\njekyll-archives:\n  permalinks:\n    tag: "${permalink}"\n`,
      'index.md': `---\ntitle: Home\n---\n[x](/${'a-'.repeat(2000)}/z/)\n`,
    });
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['link-internal', 'error']]);
  });

  // Each site below was built with jekyll 4.3.1 (the symbol quoted, as Debian's package needs) and checked with html-proofer.
  it('reads the config as Jekyll releases do: a Ruby Symbol is text (a warning), defaults give posts their permalink, a .txt document is published', async () => {
    const result = await lintSite({
      '_config.yml': 'permalink: :title\nsass:\n  style: :compressed\ncollections:\n  licenses:\n    output: true\n    permalink: /licenses/:path/\ndefaults:\n  - scope:\n      type: posts\n    values:\n      permalink: /:year/:month/:title/\n',
      '_licenses/mit.txt': '---\ntitle: MIT\n---\nPermission is hereby granted\n',
      '_licenses/plain.txt': 'No front matter\n',
      '_posts/2020-05-06-hello.md': '---\ntitle: Hello\ndate: 2020-05-06 5:00:00 +0000\n---\nHi\n',
      'feed.json': '---\npermalink: /feeds/all.json\n---\n{}\n',
      'index.md': '---\ntitle: Home\n---\n[a](/licenses/mit/) [b](/2020/05/hello/) [c](/about) [d](/feeds/all.json) [e](/feed.json)\n',
      'about.md': '---\ntitle: About\n---\nAbout\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId, f.severity])).toEqual([
      ['_config.yml', 1, 'file-unreadable', 'warning'],
      ['_config.yml', 3, 'file-unreadable', 'warning'],
      ['index.md', 4, 'link-internal', 'error'],
    ]);
    expect(result.findings[0]!.message).toContain("Debian's and Ubuntu's jekyll package");
    expect(result.findings[2]!.message).toContain('`/feed.json`');
  });

  it('renders a page\'s links with the values its front matter defaults give it', async () => {
    const result = await lintSite({
      '_config.yml': 'defaults:\n  - scope:\n      path: guides\n    values:\n      manual: /manual\n',
      'manual/setup.md': '---\ntitle: Setup\npermalink: /manual/setup/\n---\nSetup\n',
      'guides/a.md': '---\ntitle: A\n---\n[setup]({{ page.manual }}/setup/) [gone]({{ page.manual }}/gone/)\n',
    });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([['guides/a.md', 'link-internal', expect.stringContaining('`/manual/gone/`')]]);
  });

  it('makes pages of Markdown files without front matter and follows links to files by their path, as GitHub Pages\' default plugins do', async () => {
    const site = {
      'docs/Guide.md': '# Guide\n\nSee [setup](Setup.md#install), [img](img/a.png), [home](/index.md) and [missing](Nope.md).\n\n## Section\n',
      'docs/Setup.md': '# Setup\n\n## Install\n',
      'docs/img/a.png': 'png',
      'index.md': '---\ntitle: Home\n---\n[guide](docs/Guide.md#section) [bad](docs/Guide.md#nope)\n',
      'README.md': '# Repo\n[x](nowhere.md)\n',
    };
    const expected = [
      ['docs/Guide.md', 3, 'link-internal'],
      ['index.md', 4, 'link-anchor'],
    ];
    const named = await lintSite({ ...site, '_config.yml': 'plugins: [jekyll-optional-front-matter, jekyll-relative-links]\n' });
    expect(named.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual(expected);
    expect(named.findings[0]!.message).toContain('`/docs/Nope.md`');
    // The github-pages gem turns them on.
    const gem = await lintSite({ ...site, Gemfile: 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n' });
    expect(gem.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual(expected);
    // Without them, the Markdown files are static files, which the links then reach as they are written.
    const plain = await lintSite(site);
    expect(plain.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([['index.md', 4, 'link-anchor']]);
  });

  it('makes a README its folder\'s index page where the folder has none (jekyll-readme-index)', async () => {
    const result = await lintSite({
      '_config.yml': 'plugins: [jekyll-readme-index, jekyll-optional-front-matter]\n',
      'guides/README.md': '# Guides\n',
      'docs/page.md': '# Docs\n',
      'other/index.md': '---\ntitle: O\n---\nO\n',
      'other/README.md': '# Other readme\n',
      'index.md': '---\ntitle: Home\n---\n[g](/guides/) [d](/docs/) [o](/other/) [r](/other/README.md)\n',
    });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([['index.md', 'link-internal', expect.stringContaining('`/docs/`')]]);
  });

  it('makes a README with front matter its folder\'s index page with readme_index.with_frontmatter, as jekyll-readme-index 0.3 does', async () => {
    const result = await lintSite({
      '_config.yml': 'plugins: [jekyll-readme-index]\nreadme_index:\n  with_frontmatter: true\n',
      'test/README.md': '---\nsort: 1\n---\n# Test\n',
      'other/README.md': '---\nsort: 1\n---\n# O\n',
      'other/index.md': '---\n---\n# Oi\n',
      'perm/README.md': '---\npermalink: /perm/x/\n---\n# P\n',
      'index.md': '---\ntitle: Home\n---\n[t](/test/) [o](/other/) [p](/perm/) [x](/perm/x/) [r](/other/README.html) [tr](/test/README.html)\n',
    });
    // jekyll 4.3.1 with jekyll-readme-index 0.3.0 and html-proofer: /perm/x/ and /test/README.html are missing, nothing else.
    expect(result.findings.map((f) => `${f.ruleId} ${f.message.slice(0, f.message.indexOf('`', f.message.indexOf('`') + 1) + 1)}`)).toEqual([
      'link-internal No page or file is published at `/perm/x/`',
      'link-internal No page or file is published at `/test/README.html`',
    ]);
  });

  it('publishes every page and file again under each other language\'s folder, at its permalink there (jekyll-multiple-languages-plugin)', async () => {
    // What jekyll build 4.3.1 writes for the plugin's example site (the plugin in _plugins/): /squadra/, /en/team/, /es/equipo/, /en/notes.txt, no /en/css/.
    const result = await lintSite({
      '_config.yml': 'plugins: [jekyll-multiple-languages-plugin]\nlanguages: ["it", "en", "es"]\nexclude_from_localizations: ["css"]\n',
      'team.html': '---\ntitle: Team\npermalink: /squadra/\npermalink_en: /team/\npermalink_es: /equipo/\n---\nTeam\n',
      'css/main.css': 'body {}',
      'notes.txt': 'x',
      'spanish.md': '---\nlanguages: [es]\n---\nHola\n',
      'index.md': '---\n---\n[a](/squadra/) [b](/en/team/) [c](/es/equipo/) [d](/en/notes.txt) [e](/en/css/main.css) [f](/it/) [g](/en/squadra/) [h](/es/spanish.html) [i](/en/spanish.html)\n',
    });
    expect(result.findings.map((f) => f.message.split('`')[1])).toEqual(['/en/css/main.css', '/it/', '/en/squadra/', '/en/spanish.html']);
  });

  it('checks the Liquid of layouts and includes of other text than HTML (a script, a stylesheet, a snippet without an extension), not their links', async () => {
    // jekyll build 4.3.1 stops on each of the three errors (checked one at a time: "Variable '{{ site.ga }'
    // was not properly terminated", "'if' tag was never closed", "Unknown tag 'include_cached'").
    const result = await lintSite({
      '_layouts/default.html': '{% include analytics.js %}{% include base_path %}<style>{% include styles/main.scss %}</style>{{ content }}\n',
      '_layouts/feed.xml': '---\n---\n<feed>{% for post in site.posts %}{{ post.title }}{% endfor %}</feed>\n',
      '_includes/analytics.js': 'var html = \'<a href="nowhere/">x</a>\';\nvar id = "{{ site.ga }";\n',
      '_includes/base_path': '{% assign base = site.baseurl %}{% if base %}\n',
      '_includes/styles/main.scss': 'body { {% include_cached styles/colors.scss %} }\n',
      '_includes/styles/colors.scss': 'color: red;\n',
      '_includes/logo.png': '{{ not liquid }',
      'index.md': '---\nlayout: default\n---\nHome\n',
    });
    expect(result.files).toEqual(expect.arrayContaining(['_includes/analytics.js', '_includes/base_path', '_includes/styles/main.scss', '_layouts/feed.xml']));
    expect(result.files).not.toContain('_includes/logo.png');
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`)).toEqual([
      '_includes/analytics.js:2 liquid-syntax error',
      '_includes/base_path:1 liquid-syntax error',
      '_includes/styles/main.scss:1 liquid-syntax error',
    ]);
  });

  it('checks a layout\'s `#id` links on each page it is written into, with the ids of the branches the config renders', async () => {
    // jekyll build 4.3.1 + html-proofer 3.19.2: "linking to internal hash #license-info that does
    // not exist" on the pages laid out with base (the workshop footer has no such id), not on home.
    const result = await lintSite({
      '_config.yml': 'kind: workshop\n',
      '_layouts/base.html': '<link rel="license" href="#license-info">\n<a href="#top">top</a>\n{{ content }}\n{% if site.kind == "workshop" %}{% include workshop_footer.html %}{% else %}{% include lesson_footer.html %}{% endif %}\n',
      '_layouts/home.html': '---\nlayout: base\n---\n<div id="license-info"></div>{{ content }}\n',
      '_layouts/open.html': '---\nlayout: base\n---\n<div id="{{ page.box }}"></div>{{ content }}\n',
      '_includes/workshop_footer.html': '<footer id="workshop"></footer>\n',
      '_includes/lesson_footer.html': '<footer id="license-info"></footer>\n',
      '_includes/skip.html': '<a href="#main">Skip</a><a href="#workshop">Footer</a>\n',
      'index.md': '---\nlayout: home\n---\nHome\n',
      'about.md': '---\nlayout: base\n---\n{% include skip.html %}\n\n# Main\n',
      'setup.md': '---\nlayout: base\n---\n{% include skip.html %}\n\nSetup\n',
      'maybe.md': '---\nlayout: open\n---\nMaybe\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message.split(':')[0]}`)).toEqual([
      '_includes/skip.html:1:10 link-anchor There is no anchor `#main` on `setup.md`, one of the 2 pages it is written into',
      '_layouts/base.html:1:27 link-anchor There is no anchor `#license-info` on 2 of the 4 pages it is written into (as `about.md`)',
    ]);
  });

  it('takes an include\'s `#id` link inside a Liquid condition for a warning where other pages have the id: the condition may be what leaves it out', async () => {
    // jekyll build 4.3.1 + html-proofer 3.19.2: "linking to internal hash #nowhere that does not exist", nothing of #aes (other.md gets no such link).
    const result = await lintSite({
      '_includes/side.html': '{% if page.section == "guide" %}<a href="#aes">Aesthetics</a>{% endif %}\n<a href="#nowhere">Nowhere</a>\n',
      '_layouts/default.html': '<html><body>{% include side.html %}\n{{ content }}</body></html>\n',
      'guide.md': '---\nlayout: default\nsection: guide\n---\n<div id="aes"></div>\n',
      'other.md': '---\nlayout: default\n---\nOther\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message.split(':')[0]}`)).toEqual([
      '_includes/side.html:1:42 warning There is no anchor `#aes` on `other.md`, one of the 2 pages it is written into',
      '_includes/side.html:2:10 error There is no anchor `#nowhere` on any of the 2 pages it is written into (as `guide.md`)',
    ]);
    expect(result.findings[0]!.message).toMatch(/unless the Liquid condition around the link leaves the link out there\.$/);
  });

  it('reads each language\'s posts from _i18n/<language>/_posts/, written by that language\'s build alone (jekyll-multiple-languages-plugin)', async () => {
    // jekyll build 4.3.1 with the plugin (1.7.0) and html-proofer 3.19.2 on the same site: /team/ is
    // not written (the root's post is read by no build), /en/nope/, #no-such and /ru/… are missing.
    const result = await lintSite({
      '_config.yml': 'plugins: [jekyll-multiple-languages-plugin]\nlanguages: ["it", "en"]\npermalink: /:categories/:title/\n',
      'team.html': '---\ntitle: Team\npermalink: /squadra/\npermalink_en: /team/\n---\nTeam\n',
      '_posts/2013-12-07-root.md': '---\ntitle: Root\n---\nRoot\n',
      '_i18n/it/_posts/2013-12-08-ciao.md': '---\ntitle: Ciao\n---\n## Primo\n',
      '_i18n/en/_posts/2013-12-09-hello.md': '---\ntitle: Hello\ncategories: en news\n---\n## First\n\n[team]({{ site.baseurl }}/team/) [nope]({{ site.baseurl }}/nope/) [up](../../../ciao/#primo) [own](#first) [missing](#no-such)\n',
      '_i18n/ru/_posts/2013-12-09-privet.md': '---\ntitle: Privet\n---\n[x](/nowhere/)\n',
      'index.md': '---\n---\n[a](/ciao/) [b](/en/news/hello/) [c](/ru/privet/) [d](/root/)\n',
    });
    expect(result.files).toEqual(expect.arrayContaining(['_i18n/en/_posts/2013-12-09-hello.md', '_i18n/it/_posts/2013-12-08-ciao.md']));
    expect(result.files).not.toContain('_i18n/ru/_posts/2013-12-09-privet.md');
    expect(result.findings.map((f) => `${f.file} ${f.message.split('`')[1]}`)).toEqual([
      '_i18n/en/_posts/2013-12-09-hello.md /en/nope/',
      '_i18n/en/_posts/2013-12-09-hello.md #no-such',
      'index.md /ru/privet/',
      'index.md /root/',
    ]);
  });

  it('publishes every page, post and file under each other language\'s folder (jekyll-polyglot)', async () => {
    const result = await lintSite({
      '_config.yml': 'plugins: [jekyll-polyglot]\nlanguages: ["en", "es", "de"]\ndefault_lang: "en"\nexclude_from_localization: ["assets"]\npermalink: pretty\n',
      'about.md': '---\ntitle: About\npermalink: /about/\n---\nAbout\n',
      'solo.md': '---\ntitle: Solo\nlang: es\n---\nSolo\n',
      '_posts/2020-01-02-hello.md': '---\ntitle: Post\n---\nP\n',
      'assets/a.png': 'x',
      'index.md': '---\ntitle: Home\n---\n[a](/es/about/) [b](/de/about/) [c](/de/solo/) [d](/es/2020/01/02/hello/) [e](/es/assets/a.png) [f](/fr/about/)\n',
    });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      ['index.md', 'link-internal', expect.stringContaining('`/es/assets/a.png`')],
      ['index.md', 'link-internal', expect.stringContaining('`/fr/about/`')],
    ]);
  });

  it('knows a layout in a sub-folder of _layouts by its path there, as Jekyll names it', async () => {
    const result = await lintSite({
      '_layouts/default.html': '{{ content }}\n',
      '_layouts/world/2023/speaker.html': '{{ content }}\n',
      'a.md': '---\nlayout: world/2023/speaker\ntitle: A\n---\nA\n',
      'b.md': '---\nlayout: world/2023/nope\ntitle: B\n---\nB\n',
    });
    expect(result.findings.map((f) => [f.file, f.ruleId])).toEqual([['b.md', 'front-matter-references']]);
  });

  it('calls the Liquid errors of a layout or include no page uses warnings: Jekyll parses a template only to render it', async () => {
    const result = await lintSite({
      '_config.yml': 'title: t\n',
      '_layouts/default.html': '{% include used.html %}{{ content }}\n',
      '_layouts/unused.html': '{% nosuchtag %}{{ content }}\n',
      '_includes/used.html': '{% if x %}\n',
      '_includes/unused.html': '{% nosuchtag %}\n',
      'index.md': '---\nlayout: default\n---\nHi\n',
    });
    expect(result.findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}${f.message.includes('Jekyll writes it nowhere') ? ' (unused)' : ''}`)).toEqual([
      '_includes/unused.html liquid-syntax warning (unused)',
      '_includes/used.html liquid-syntax error',
      '_layouts/unused.html liquid-syntax warning (unused)',
    ]);
  });

  it('takes a collection file without front matter that pages include with include_relative for a fragment of them: no front matter needed, relative links read from those pages', async () => {
    const site = {
      '_config.yml': 'collections:\n  components:\n    output: true\n',
      '_layouts/component.html': '{{ content }}{% include guidance.html %}\n',
      '_includes/guidance.html': '{% include_relative {{ page.folder }}/usage.md %}{% for g in page.guidance %}{% include_relative {{ g.path }} %}{% endfor %}\n',
      '_components/button/button.md': '---\nlayout: component\nfolder: guidance\nguidance:\n  - path: /guidance/extra.md\n---\n{% include_relative notes.md %}\n',
      '_components/button/notes.md': 'Notes.\n',
      '_components/button/guidance/usage.md': 'Usage: [a part](#part) of the page, [gone](/gone/).\n',
      '_components/button/guidance/extra.md': 'Extra.\n',
      '_components/button/guidance/stray.md': 'Stray.\n',
    };
    // The same when only the fragments are named (as pre-commit names the files a commit changes):
    // the pages and templates that take them in are read for their tags, not linted.
    const fragments = ['_components/button/notes.md', '_components/button/guidance/usage.md', '_components/button/guidance/extra.md', '_components/button/guidance/stray.md'];
    for (const options of [{}, { files: fragments }]) {
      const result = await lintSite(site, undefined, undefined, options);
      // Its links are read from the pages that render it: a path from the site's root is judged, `#part` is not.
      expect(result.findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`)).toEqual([
        '_components/button/guidance/stray.md front-matter-syntax error',
        '_components/button/guidance/usage.md link-anchor warning',
        '_components/button/guidance/usage.md link-internal error',
      ]);
      expect(result.findings[1]!.message).toContain('`_includes/guidance.html` takes this file in with `include_relative`');
    }
  });

  it('writes heading ids with the config\'s kramdown `auto_id_prefix`, and none of its own with `auto_ids: false`', async () => {
    // jekyll 4.3.1: sec-setup, sec-setup-1, own, markdown-toc, markdown-toc-sec-setup, markdown-toc-sec-setup-1,
    // markdown-toc-own; with `auto_ids: false`: own, markdown-toc, markdown-toc-own.
    const page = '---\ntitle: A\n---\n## Setup\n\n## Setup\n\n### Next {#own}\n\n* TOC\n{:toc}\n\n[a](#sec-setup) [b](#setup) [c](#sec-setup-1) [d](#own) [e](#markdown-toc-sec-setup-1)\n';
    const fragments = (result: LintResult) => result.findings.map((f) => f.message.split('`')[1]);
    expect(fragments(await lintSite({ '_config.yml': 'kramdown:\n  auto_id_prefix: "sec-"\n', 'a.md': page }))).toEqual(['#setup']);
    expect(fragments(await lintSite({ '_config.yml': 'kramdown:\n  auto_ids: false\n', 'a.md': page }))).toEqual(['#sec-setup', '#setup', '#sec-setup-1', '#markdown-toc-sec-setup-1']);
  });

  it('checks an include\'s links and ids on each page with the branches its call\'s parameters take', async () => {
    // jekyll 4.3.1: old.html has no `#new` link, index.html no `x/`; html-proofer 3.19.2: "internally
    // linking to x/, which does not exist" on sub/kind.html alone; closed.html links to `#opened`, which only opened.html has.
    const result = await lintSite({
      '_includes/nav.html': '<a href="#all">All</a>\n{% if include.type != "old" %}<a href="#new">New</a>{% endif %}\n{% if include.kind == "x" %}<a href="x/">X</a>{% endif %}\n',
      '_includes/box.html': '{% if include.open %}<div id="opened"></div>{% endif %}\n',
      'index.md': '---\ntitle: I\n---\n{% include nav.html %}\n\n## All\n\n## New\n',
      'old.md': '---\ntitle: O\n---\n{% include nav.html type="old" %}\n\n## All\n',
      'sub/kind.md': '---\ntitle: K\n---\n{% include nav.html kind="x" %}\n\n## All\n\n## New\n',
      'closed.md': '---\ntitle: C\n---\n{% include box.html %}\n\n[o](#opened)\n',
      'opened.md': '---\ntitle: P\n---\n{% include box.html open="yes" %}\n\n[o](#opened)\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(':')[0]}`)).toEqual([
      '_includes/nav.html:3:38 This link is relative to the page, and reaches nothing from `sub/kind.md`, the page it is written into',
      'closed.md:6:5 There is no anchor `#opened` on this page (it has no anchors).',
    ]);
  });

  it('reports what a page that says `published: false` holds as warnings, and as errors with `unpublished: true`', async () => {
    // jekyll 4.3.1 builds the first site (the page is not rendered) and fails on the second: "Liquid Exception: Liquid syntax error (line 1): Unknown tag 'nosuchtag' in draft.md".
    const files = { 'index.md': '---\ntitle: I\n---\nHome\n', 'draft.md': '---\ntitle: D\npublished: false\n---\n{% nosuchtag %}\n[x](/nowhere/)\n' };
    const findings = (result: LintResult) => result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity} ${f.message}`);
    expect(findings(await lintSite(files))).toEqual([
      'draft.md:5 liquid-syntax warning Unknown Liquid tag `nosuchtag`: Jekyll fails on tags it does not know. (The page says `published: false`: Jekyll builds it only with `--unpublished`.)',
      'draft.md:6 link-internal warning No page or file is published at `/nowhere/`. (The page says `published: false`: Jekyll builds it only with `--unpublished`.)',
    ]);
    expect(findings(await lintSite({ ...files, '_config.yml': 'unpublished: true\n' }))).toEqual([
      'draft.md:5 liquid-syntax error Unknown Liquid tag `nosuchtag`: Jekyll fails on tags it does not know.',
      'draft.md:6 link-internal error No page or file is published at `/nowhere/`.',
    ]);
  });

  it('follows an include named by its call\'s parameter (`{% include {{ include.path }} %}`), through includes that pass theirs on', async () => {
    // jekyll 4.3.1 + html-proofer 3.19.2: "internally linking to /missing-a/" and "/missing-b/" on
    // index.html; unused.html is written nowhere.
    const result = await lintSite({
      '_includes/markdown.html': '{% capture markdown %}{% include {{include.path}} %}{% endcapture %}{{ markdown | markdownify }}\n',
      '_includes/box.html': '{% include markdown.html path=include.path %}\n',
      '_includes/md/a.md': '[a](/missing-a/)\n',
      '_includes/md/b.md': '[b](/missing-b/)\n',
      '_includes/unused.html': '<a href="/missing-c/">c</a>\n',
      'index.md': '---\ntitle: P\n---\n{% include markdown.html path="md/a.md" %}\n\n{% include box.html path="md/b.md" %}\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.message}`)).toEqual([
      '_includes/md/a.md:1 error No page or file is published at `/missing-a/`.',
      '_includes/md/b.md:1 error No page or file is published at `/missing-b/`.',
      '_includes/unused.html:1 warning No page or file is published at `/missing-c/`. (No page, nor any layout or include in use, includes this file: Jekyll writes it nowhere.)',
    ]);
  });

  it('checks a Markdown include\'s Markdown links on the Markdown pages it is written into, its HTML links on every page', async () => {
    // jekyll 4.3.1: page.html writes `- [Intro](#intro)` as text; m.html lacks id="html-link" (html-proofer
    // 3.19.2 misses it: it checks `#html-link` once, on page.html, and reuses the answer).
    const result = await lintSite({
      '_includes/toc.md': '- [Intro](#intro)\n<a href="#html-link">h</a>\n',
      'page.html': '---\ntitle: P\n---\n<div>{% include toc.md %}</div>\n<h2 id="html-link">H</h2>\n',
      'm.md': '---\ntitle: M\n---\n{% include toc.md %}\n\n## Intro\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(':')[0]}`)).toEqual([
      '_includes/toc.md:2:10 There is no anchor `#html-link` on `m.md`, one of the 2 pages it is written into',
    ]);
  });

  it('gives a page or layout that writes other documents\' content the ids of their collection, none where filters make it text', async () => {
    // jekyll 4.3.1 + html-proofer 3.19.2: "#nowhere", "#errors" and "#nope" that do not exist (json-api's specification page
    // writes its version's content so); all.html writes every page's content, whose ids doclint does not tell (#whatever is not judged).
    const result = await lintSite({
      '_config.yml': 'collections:\n  spec:\n    output: false\n',
      '_spec/v2.md': '---\nversion: 2\n---\n## Fetching data\n\n## Errors\n',
      'spec.md': '---\n---\n{% for doc in site.spec %}\n{{ doc.content }}\n{% endfor %}\n',
      'summary.md': '---\n---\n{% for doc in site.spec %}{{ doc.content | strip_html | truncatewords: 5 }}{% endfor %}\n',
      'all.md': '---\n---\n{% for p in site.html_pages %}{{ p.content }}{% endfor %}\n',
      '_layouts/home.html': '<main>{% assign shown = site.spec | where: "version", 2 %}{% for doc in shown %}{{ doc.content | markdownify }}{% endfor %}</main>{{ content }}\n',
      'index.md': '---\nlayout: home\n---\nHome\n',
      'a.md': '---\n---\nSee [fetching](spec.html#fetching-data), [nope](spec.html#nowhere), [summary](summary.html#errors), [home](index.html#errors), [home](index.html#nope) and [all](all.html#whatever).\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      'a.md:3:58 link-anchor There is no anchor `#nowhere` on `spec.md` (it has #fetching-data, #errors).',
      'a.md:3:91 link-anchor There is no anchor `#errors` on `summary.md` (it has no anchors).',
      'a.md:3:145 link-anchor There is no anchor `#nope` on `index.md` (it has no anchors).',
    ]);
  });

  it('gives a page the ids of the documents a fragment it takes in writes, and leaves those of a fragment\'s id with Liquid unknown', async () => {
    // jekyll build 4.3.1 writes id="alpha" on index.html; #nope is missing there.
    const site = {
      '_config.yml': 'collections:\n  spec:\n    output: false\n',
      '_spec/a.md': '---\n---\n## Alpha\n',
      'part.md': '{% for d in site.spec %}{{ d.content }}{% endfor %}\n',
      'index.md': '---\n---\n{% include_relative part.md %}\n\n[a](#alpha) [b](#nope)\n',
    };
    const result = await lintSite(site);
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['5:17 There is no anchor `#nope` on this page (it has #alpha).']);
    const liquidId = await lintSite({ ...site, 'part.md': `${site['part.md']}<div id="{{ page.x }}"></div>\n` });
    expect(liquidId.findings).toEqual([]);
  });

  it('follows an include named from page values inside another include', async () => {
    // jekyll 4.3.1 + html-proofer 3.19.2: "linking to internal hash #intro that does not exist" on a.html alone.
    const result = await lintSite({
      '_layouts/default.html': '{% include sidebar.html %}{{ content }}\n',
      '_includes/sidebar.html': '<aside>{% include nav/{{ page.section }}.html %}</aside>\n',
      '_includes/nav/guide.html': '<a href="#intro">Intro</a>\n',
      '_includes/nav/ref.html': '<a href="#api">API</a>\n',
      'a.md': '---\nlayout: default\nsection: guide\n---\n## Setup\n',
      'b.md': '---\nlayout: default\nsection: ref\n---\n## API\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(':')[0]}`)).toEqual([
      '_includes/nav/guide.html:1:10 There is no anchor `#intro` on `a.md`, the page it is written into',
    ]);
  });

  it('reads a Markdown include a layout captures and writes through markdownify as written into the page, its headings the page\'s', async () => {
    // jekyll 4.3.1 + html-proofer 3.19.2 (expressjs.com's middleware pages write their README so):
    // "internally linking to LICENSE, which does not exist" and "#nope that does not exist", nothing else.
    const result = await lintSite({
      '_layouts/middleware.html': '<main>{% capture readme %}{% include readmes/{{ page.module }}.md %}{% endcapture %}\n{{ readme | markdownify }}</main>\n',
      '_includes/readmes/body.md': '- [Install](#install)\n- [Missing](#nope)\n\n## Install\n\nSee [License](LICENSE) and [Static](../static/).\n',
      'mw/body.md': '---\nlayout: middleware\nmodule: body\n---\n',
      'static.md': '---\ntitle: S\npermalink: /static/\n---\nS\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message.split(':')[0]}`)).toEqual([
      '_includes/readmes/body.md:2:13 link-anchor There is no anchor `#nope` on `mw/body.md`, the page it is written into',
      '_includes/readmes/body.md:6:15 link-internal This link is relative to the page, and reaches nothing from `mw/body.md`, the page it is written into',
    ]);
  });

  it('checks the `#id` links of an include a layout names from page values on each page that names it', async () => {
    // jekyll 4.3.1 + html-proofer 3.19.2: "linking to internal hash #req that does not exist" on de/api2.html
    // alone (expressjs.com's api layout takes in `api/en/{{page.version}}/menu.md`; its translated 3.x pages lack most ids).
    const result = await lintSite({
      '_layouts/api.html': '<nav>{% include api/{{ page.version }}/menu.md %}</nav>\n{{ content }}\n',
      '_includes/api/1x/menu.md': '<ul>\n<li><a href="#app">app</a></li>\n<li><a href="#req">req</a></li>\n</ul>\n',
      '_includes/api/2x/menu.md': '<ul>\n<li><a href="#app">app</a></li>\n<li><a href="#req">req</a></li>\n</ul>\n',
      'api1.md': '---\nlayout: api\nversion: 1x\n---\n## App\n\n## Req\n',
      'api2.md': '---\nlayout: api\nversion: 2x\n---\n## App\n\n## Req\n',
      'de/api2.md': '---\nlayout: api\nversion: 2x\n---\n## App\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '_includes/api/2x/menu.md:3:14 link-anchor There is no anchor `#req` on `de/api2.md`, one of the 2 pages it is written into: the link stays on the page, and no layout, include or text of it writes the id.',
    ]);
  });

  it('reads a Markdown include\'s relative links from each Markdown page it is written into, and not those of one a page captures to rewrite', async () => {
    // jekyll 4.3.1 + html-proofer 3.19.2: next.html is missing on guide/b.html only; the captured examples'
    // `./auth` is written as https://github.com/x/y/tree/main/auth (expressjs.com's examples page does so).
    const result = await lintSite({
      '_includes/steps.md': 'See [next](next.html).\n',
      '_includes/examples.md': '- [auth](./auth)\n',
      'docs/a.md': '---\ntitle: A\n---\n{% include steps.md %}\n',
      'docs/next.md': '---\ntitle: N\n---\nN\n',
      'guide/b.md': '---\ntitle: B\n---\n{% include steps.md %}\n\n{% capture ex %}{% include examples.md %}{% endcapture %}\n{{ ex | replace: "](.", "](https://github.com/x/y/tree/main" }}\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.message}`)).toEqual([
      '_includes/steps.md:1:12 link-internal error This link is relative to the page, and reaches nothing from `guide/b.md`, one of the 2 pages it is written into: it leads to `/guide/next.html`, where nothing is published.',
    ]);
  });

  it('reads what `keep_files` keeps in the built site as written there by a step outside Jekyll (calcite\'s javadoc)', async () => {
    // jekyll 4.3.1 with those four files put in _site first: it deletes other.html and keeps the rest (a path that starts with an entry is kept).
    const result = await lintSite({
      '_config.yml': 'keep_files: [".git", "javadoc", "docs/extra.html"]\n',
      'index.md': '---\n---\n[a](/javadoc/a.html) [b](/docs/extra.html) [c](/javadocx/a.html) [d](/other.html) [e](/.git/config)\n',
    });
    expect(result.findings.map((f) => `${f.column} ${f.severity} ${f.message}`)).toEqual([
      '5 warning No source file publishes a file at `/javadoc/a.html`, unless a step outside Jekyll puts it in the built site, where `keep_files` keeps `javadoc`.',
      '26 warning No source file publishes a file at `/docs/extra.html`, unless a step outside Jekyll puts it in the built site, where `keep_files` keeps `docs/extra.html`.',
      '48 warning No source file publishes a file at `/javadocx/a.html`, unless a step outside Jekyll puts it in the built site, where `keep_files` keeps `javadoc`.',
      '70 error No page or file is published at `/other.html`.',
      '87 error No page or file is published at `/.git/config`.',
    ]);
  });

  it('does not read the links of an include a page writes as code ({% highlight %})', async () => {
    // jekyll 4.3.1: in a.html the include is escaped inside highlight's <pre> (bulma's docs show a page so); b.html writes it as HTML.
    const snippet = { '_includes/page.html': '<link rel="stylesheet" href="my.css">\n<a href="#usage">Usage</a>\n' };
    const a = { 'docs/a.html': '---\ntitle: A\n---\n{% highlight html %}\n{% include page.html %}\n{% endhighlight %}\n' };
    expect((await lintSite({ ...snippet, ...a })).findings).toEqual([]);
    const both = await lintSite({ ...snippet, ...a, 'docs/b.html': '---\ntitle: B\n---\n{% include page.html %}\n' });
    expect(both.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.message.slice(0, 80)}`)).toEqual([
      '_includes/page.html:1 link-internal This link is relative to the page, and reaches nothing from `docs/b.html`, the p',
      '_includes/page.html:2 link-anchor There is no anchor `#usage` on `docs/b.html`, the page it is written into: the l',
    ]);
  });

  it('leaves a page variable its plugins set unknown, and reads an include it names from the pages whose include tags may name it', async () => {
    // jekyll 4.3.1 + html-proofer 3.19.2: the hook gives v1/a.md `version: v1` (as cockroachdb's docs do with a
    // generator), so the first image and the include's next.html are published; `/images//d.png` and gone.html are not.
    const result = await lintSite({
      '_plugins/version.rb': "Jekyll::Hooks.register :pages, :post_init do |page|\n  page.data['version'] = page.dir.split('/')[1] if page.dir.start_with?('/v')\nend\n",
      'v1/a.md': '---\ntitle: A\n---\n![d](/images/{{ page.version }}/d.png) ![e](/images/{{ page.edition }}/d.png)\n\n{% include {{ page.version }}/intro.md %}\n',
      'v1/next.md': '---\ntitle: N\n---\nN\n',
      '_includes/v1/intro.md': 'See [next](next.html) and [gone](gone.html).\n',
      '_includes/other/outro.md': 'See [next](next.html).\n',
      'images/v1/d.png': '',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.message}`)).toEqual([
      '_includes/v1/intro.md:1:34 link-internal warning This link is relative to the page, and reaches nothing from the page whose include tag may name this file from values it does not set: from `v1/a.md` it leads to `/v1/gone.html`, where nothing is published.',
      'v1/a.md:4:45 link-internal error No image or file is published at `/images/d.png`.',
    ]);
  });

  it('knows jekyll-remote-include\'s tag, and leaves the ids of a page that writes a remote file unknown', async () => {
    // The gem fetches the file at build time and writes its text, headings and all, into the page.
    const result = await lintSite({
      '_config.yml': 'plugins:\n  - jekyll-remote-include\n',
      'a.md': '---\ntitle: A\n---\n## Local\n\n{% remote_include https://example.com/README.md %}\n',
      'b.md': '---\ntitle: B\n---\n[x](a.html#from-the-readme) [y](a.html#local) [z](b.html#nope)\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual(['b.md:4:57 link-anchor There is no anchor `#nope` on this page (it has no anchors).']);
  });

  it('gives a Markdown page the headings of the Markdown includes its Markdown includes take in, a repeated one numbered', async () => {
    // jekyll 4.3.1 (as expressjs.com's API pages take in api/app.md, which takes in app-use.md): the page's ids
    // are example, example-1, example (inside `markdown="1"`, kramdown numbers apart) and path-examples; the
    // include's `#application` and the page's `#example-3` reach nothing (html-proofer reports both).
    const result = await lintSite({
      '_includes/api/app.md': '## Example\n\n<section markdown="1">\n{% include api/app-use.md %}\n</section>\n',
      '_includes/api/app-use.md': '{% include api/args.html %}\n\n## Example\n\n#### Path examples\n',
      '_includes/api/args.html': '<p>See <a href="#path-examples">examples</a> and <a href="#application">app</a>.</p>\n',
      'api.md': '---\ntitle: API\n---\n## Example\n\n{% include api/app.md %}\n\n[a](#example-1) [b](#path-examples) [c](#example-3)\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.replace(/:.*/, '')}`)).toEqual([
      '_includes/api/args.html:1:59 There is no anchor `#application` on `api.md`, the page it is written into',
      'api.md:8:41 There is no anchor `#example-3` on this page',
    ]);
  });

  it('lints the Markdown pages take in whole (an include, a `_part.md`, a file without front matter) where a page does, and nothing of one no page takes in', async () => {
    const site = {
      '_includes/note.md': 'A [note link](/missing-from-include/) and [ok](/guide/).\n\n| a | b |\n| c |\n',
      '_includes/unused.md': 'An [unused](/nowhere/) include.\n',
      '_includes/heading.md': '## Included Part\n\nText.\n',
      'guide/_part.md': '## Part heading\n\nSee [rel](other.html), [abs](/gone/), [here](#part-heading), [page]({{ page.base }}/x/).\n',
      'guide/_stray.md': 'A [stray](/stray/) file nobody includes.\n',
      'guide/README.md': 'Readme [bad](/readme-bad/)\n',
      'guide/index.md': '---\ntitle: Guide\npermalink: /guide/\n---\n{% include note.md %}\n\n{% include_relative _part.md %}\n\n{% include heading.md %}\n',
      'guide/other.md': '---\ntitle: Other\n---\nO\n',
      'index.md': '---\ntitle: Home\n---\n[to part](/guide/#part-heading) [to include](/guide/#included-part) [to none](/guide/#nope)\n',
    };
    // jekyll 4.3.1: guide/index.html has the note's links (/missing-from-include/ is missing), its table
    // (a second row of one cell), _part.md's links (/gone/ is missing) and both headings' ids; README.md is
    // copied as it is, unused.md and _stray.md are written nowhere. The same with --fix (which lints file by
    // file), but for the short row it pads.
    for (const options of [{}, { fix: true }]) {
      const result = await lintSite(site, undefined, undefined, options);
      expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
        '_includes/note.md:1:15 link-internal',
        '_includes/note.md:3:1 table-delimiter-row',
        ...(options.fix ? [] : ['_includes/note.md:4:1 table-cell-count']),
        'guide/_part.md:3:30 link-internal',
        'index.md:4:86 link-anchor',
      ]);
      expect(result.findings.at(-1)!.message).toContain('(it has #included-part, #part-heading)');
    }
  });

  it('checks the reference definitions a Markdown include uses itself, and leaves the others to the pages that use them', async () => {
    // jekyll build 4.3.1 writes the two links [g] and [other] make, and nothing for [unused].
    const result = await lintSite({
      '_includes/part.md': 'See [the guide][g] and [other].\n\n[g]: /missing-guide/\n[other]: /missing-other/\n[unused]: /missing-unused/\n',
      'index.md': '---\n---\n{% include part.md %}\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([['_includes/part.md', 3, 'link-internal'], ['_includes/part.md', 4, 'link-internal']]);
  });

  it('finds the ids of the Markdown a page takes in with include_relative, and does not judge one a repeated heading may have numbered', async () => {
    const site = {
      'p/page.md': '---\ntitle: P\n---\n## Top\n\n{% include_relative part.md %}\n',
      'p/part.md': '<a name="mark"></a>\n\n## Details\n\n{% include_relative deeper.md %}\n',
      'p/deeper.md': '## Deep\n',
      'q/page.md': '---\ntitle: Q\n---\n## Intro\n\n{% include_relative part.md %}\n',
      'q/part.md': '## Intro\n',
      'index.md': '---\ntitle: Home\n---\n[a](/p/page.html#mark) [b](/p/page.html#details) [c](/p/page.html#deep) [d](/p/page.html#nope) [e](/q/page.html#intro-1) [f](/q/page.html#nope)\n',
    };
    // jekyll 4.3.1: p/page.html has top, mark, details and deep; q/page.html intro and intro-1 (html-proofer: only #nope on p is missing).
    // The same when only index.md is named (the pages it links to are read, not linted).
    for (const options of [{}, { files: ['index.md'] }]) {
      const result = await lintSite(site, undefined, undefined, options);
      expect(result.findings.map((f) => `${f.file}:${f.column} ${f.ruleId} ${f.message.slice(0, 29)}`)).toEqual(['index.md:89 link-anchor There is no anchor `#nope` on']);
    }
  });

  it('says Jekyll warns of markup its strict parser refuses in a page or a layout, and guesses silently in an include', async () => {
    const assign = '{%- assign m = site.pages | find: "url": "/a/" %}';
    const result = await lintSite({
      '_includes/x.md': `${assign}{{ m.title }}\n`,
      '_layouts/l.html': `${assign}{{ content }}\n`,
      'a.md': '---\ntitle: A\npermalink: /a/\n---\nA\n',
      'index.md': `---\nlayout: l\n---\n${assign}{{ m.title }}\n\n{% include x.md %}\n`,
    });
    // jekyll 4.3.1 prints "Liquid Warning: Liquid syntax error (line 1): Expected end_of_string but found colon" for index.md and _layouts/l.html.
    expect(result.findings.map((f) => `${f.file} ${f.message.slice(f.message.indexOf('colon.') + 7)}`)).toEqual([
      '_includes/x.md Jekyll guesses, with no warning (it prints none for an include).',
      '_layouts/l.html Jekyll prints a warning and guesses.',
      'index.md Jekyll prints a warning and guesses.',
    ]);
  });

  it('serves a document whose URL ends in /index (permalink /:collection/:title) as its folder\'s index', async () => {
    // jekyll 4.3.1 writes _site/things/index.html and _site/things/one.html (department-of-veterans-affairs' design system).
    const result = await lintSite({
      '_config.yml': 'collections:\n  things:\n    output: true\n    permalink: /:collection/:title\n',
      '_things/index.md': '---\ntitle: Things\n---\n## All\n',
      '_things/one.md': '---\ntitle: One\n---\nOne.\n',
      'index.md': '---\ntitle: Home\n---\n[a](/things/) [b](/things) [c](/things/index) [d](/things/one) [e](/things/#all) [f](/things/#none)\n',
    });
    expect(result.findings.map((f) => `${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '19 link-redirect `/things` lacks the trailing slash: the server answers with a redirect to `/things/`.',
      '94 link-anchor There is no anchor `#none` on `_things/index.md` (it has #all).',
    ]);
  });

  it('checks the #id links of a fragment taken in with include_relative on each page that takes it in', async () => {
    const result = await lintSite({
      'p/one.md': '---\ntitle: One\n---\n## Alpha\n\n{% include_relative _part.md %}\n',
      'p/two.md': '---\ntitle: Two\n---\nTwo.\n\n{% include_relative _part.md %}\n',
      'p/_part.md': '## Part\n\n[x](#alpha) [y](#part) [z](#nope)\n',
    });
    // jekyll 4.3.1: p/one.html has the ids alpha and part, p/two.html only part; the links stay on each page.
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message.slice(0, 48)}`)).toEqual([
      'p/_part.md:3:5 link-anchor There is no anchor `#alpha` on `p/two.md`, one o',
      'p/_part.md:3:28 link-anchor There is no anchor `#nope` on any of the 2 pages',
    ]);
  });

  it('finds the <img> tags without alt a layout or include writes into pages, not one whose Liquid may write it', async () => {
    const result = await lintSite({
      '_layouts/home.html': '<div>\n\n            <img src="/logo.svg" />\n<img src="{{ "/e.png" | relative_url }}">\n<img src="/a.png" alt="">\n<img src="/b.png" {{ include.attributes }}>\n<img src=\'{{ page.image }}\' {% if page.alt %}alt="{{ page.alt }}"{% endif %}>\n<!-- <img src="/c.png"> -->\n{{ content }}</div>\n',
      '_layouts/unused.html': '<img src="/d.png">{{ content }}\n',
      'index.md': '---\nlayout: home\n---\nHi\n',
    });
    // html-proofer 3.19.2 on jekyll 4.3.1's build: the logo and /e.png (Liquid in a quoted value writes no attribute); also `alt=""`
    // (an empty alt marks a decorative image: not reported here, as in pages) and the two tags whose Liquid writes no alt for this page.
    const images = result.findings.filter((f) => f.ruleId === 'image-alt');
    expect(images.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}${f.message.includes('Jekyll writes it nowhere') ? ' (unused)' : ''}`)).toEqual([
      '_layouts/home.html:3:13 warning',
      '_layouts/home.html:4:1 warning',
      '_layouts/unused.html:1:1 warning (unused)',
    ]);
  });

  it('suggests no home page for a short missing path (`/cv` is not a typo of `/`), and a near page for a typo', async () => {
    const result = await lintSite({
      'about.md': '---\ntitle: About\npermalink: /about/\n---\nA\n',
      'index.md': '---\ntitle: Home\n---\n[CV](/cv) [About](/abuot/)\n',
    });
    expect(result.findings.map((f) => f.message)).toEqual(['No page or file is published at `/cv`.', 'No page or file is published at `/abuot/` (did you mean `/about/`?).']);
  });

  it('reads a link on a site `url` with a path as a path on its host, where the baseurl is a folder too', async () => {
    // jekyll build 4.3.1 (`url: https://owner.github.io/proj`, `baseurl: /proj`, built into proj/): the links are
    // https://owner.github.io/proj/about/ (the page), …/proj/proj/about/ twice (absolute_url writes the url and the
    // baseurl) and …/proj/nope/ (nothing there). sergiokopplin/indigo writes `{{ site.url }}/assets/…` so, and GitHub
    // Pages serves it under /indigo; aksakalli/jekyll-doc-theme's `{{ "/feed.xml" | absolute_url }}` has /jekyll-doc-theme twice.
    const result = await lintSite({
      '_config.yml': 'url: https://owner.github.io/proj\nbaseurl: /proj\n',
      'about.md': '---\ntitle: About\npermalink: /about/\n---\nA\n',
      'index.md': '---\ntitle: Home\n---\n[a]({{ site.url }}/about/) [b]({{ site.url }}{{ site.baseurl }}/about/) [c]({{ site.url }}/nope/) [d]({{ site.url }})\n\n<a href="{{ "/about/" | absolute_url }}">e</a>\n',
    });
    const twice = "This link has the baseurl twice (`/proj/proj/about/`): the site's `url` (`https://owner.github.io/proj`) already ends with `/proj`, and `absolute_url` (or `{{ site.baseurl }}` after `{{ site.url }}`) adds it again. Set `url` to `https://owner.github.io` in _config.yml.";
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      `4:32 error ${twice}`,
      '4:77 warning This site does not publish `/proj/nope/` (the link is on its own `url`, where the server may serve other content).',
      `6:10 error ${twice}`,
    ]);
  });

  it('reads a baseurl written as a URL as its path, and finds redirect pages where jekyll-redirect-from writes them', async () => {
    const result = await lintSite({
      '_config.yml': 'plugins: [jekyll-redirect-from]\nbaseurl: //example.github.io/docs\n',
      'new.md': '---\ntitle: New\nredirect_from:\n  - /old\n  - /older/\n  - /a.b\n---\nNew\n',
      'index.md': '---\ntitle: Home\n---\n[a](/docs/old.html) [b]({{ site.baseurl }}/older/index.html) [c]({{ "/old" | relative_url }}) [d]({{ site.baseurl }}/a.b.html) [e](/new.html) [f]({{ site.baseurl }}/gone.html) [g](https://example.github.io/docs/new.html)\n',
    });
    // jekyll 4.3.1 with jekyll-redirect-from writes old.html, older/index.html and a.b, and every `{{ site.baseurl }}` as `//example.github.io/docs`;
    // the site is served under /docs (as `https://example.github.io/docs/`).
    expect(result.findings.map((f) => `${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      '5 link-redirect warning',
      '25 link-redirect warning',
      '66 link-redirect warning',
      '99 link-internal error',
      '132 link-internal error',
      '147 link-internal error',
    ]);
    expect(result.findings[4]!.message).toContain('leaves out the baseurl `/docs`');
    // `baseurl: docs`: relative_url writes `/docs/about.html`, `{{ site.baseurl }}` a relative `docs/about.html` (from /docs/index.html: /docs/docs/about.html).
    const bare = await lintSite({
      '_config.yml': 'baseurl: docs\n',
      'about.md': '---\ntitle: About\n---\nA\n',
      'index.md': '---\ntitle: Home\n---\n[a]({{ "/about.html" | relative_url }}) [b](/docs/about.html) [c](/about.html) [d]({{ site.baseurl }}/about.html)\n',
    });
    expect(bare.findings.map((f) => `${f.column} ${f.message.slice(0, 40)}`)).toEqual(['67 This link leaves out the baseurl `/docs`', '84 No page or file is published at `/docs/d']);
  });

  it('leaves out what `exclude` names with a leading slash, as Jekyll joins it to the source', async () => {
    // jekyll build 4.3.1 writes only index.html (benbalter/benbalter.github.com excludes `/src`).
    const result = await lintSite({
      '_config.yml': 'exclude:\n  - /src\n  - /docs/b.md\n',
      'src/a.md': '---\n---\n[x](/nope/)\n',
      'docs/b.md': '---\n---\n[x](/nope2/)\n',
      'index.md': '---\n---\n[a](/src/a.html) [b](/docs/b.html)\n',
    });
    expect(result.findings.map((f) => [f.file, f.column, f.ruleId])).toEqual([['index.md', 5, 'link-internal'], ['index.md', 22, 'link-internal']]);
  });

  it('knows the `redirect` layout jekyll-redirect-from gives a site, and only where it is loaded', async () => {
    // termux/termux.github.io lays its redirect pages out in it; jekyll 4.3.1 warns "Layout 'redirect' … does not exist" without the plugin.
    const site = { '_layouts/page.html': '{{ content }}', 'docs.md': '---\nlayout: redirect\nredirect_to: /en/docs/\n---\n', 'en/docs.md': '---\nlayout: page\npermalink: /en/docs/\n---\nDocs.\n' };
    expect((await lintSite({ ...site, '_config.yml': 'plugins:\n  - jekyll-redirect-from\n' })).findings).toEqual([]);
    expect((await lintSite({ ...site, '_config.yml': 'title: Site\n' })).findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([['docs.md', 2, 'front-matter-references']]);
  });

  it('publishes no redirect_from alias where the site does not load jekyll-redirect-from', async () => {
    const site = { 'old.md': '---\ntitle: Old\nredirect_from: /older/\n---\nOld\n', 'index.md': '---\ntitle: Home\n---\n[a](/older/)\n' };
    const without = await lintSite({ ...site, '_config.yml': 'plugins: [jekyll-feed]\n' });
    expect(without.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([['index.md', 'link-internal', 'error']]);
    expect(without.findings[0]!.message).toContain('does not load jekyll-redirect-from');
    const loaded = await lintSite({ ...site, '_config.yml': 'plugins: [jekyll-redirect-from]\n' });
    expect(loaded.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([['index.md', 'link-redirect', 'warning']]);
  });

  it('checks a page\'s `redirect_to` as the link jekyll-redirect-from writes, under the baseurl, and only where it is loaded', async () => {
    // jekyll 4.3.1 with jekyll-redirect-from 0.16: a.html links /b/missing/, b.html /b/exists/#nope, c.html /b/exists/, d.html /b/exists/#here, f.html mailto:a@example.org.
    const site = {
      '_config.yml': 'baseurl: /b\nplugins: [jekyll-redirect-from]\n',
      'exists.md': '---\ntitle: Exists\npermalink: /exists/\n---\n## Here\n',
      'a.md': '---\nredirect_to: /missing/\n---\nA\n',
      'b.md': '---\nredirect_to: "/exists/#nope"\n---\nB\n',
      'c.md': '---\nredirect_to: exists/\n---\nC\n',
      'd.md': '---\nredirect_to:\n  - /exists/#here\n  - /other/\n---\nD\n',
      'e.md': '---\nredirect_to: https://example.com/x\n---\nE\n',
      'f.md': '---\nredirect_to: "mailto:a@example.org"\n---\nF\n',
    };
    const loaded = await lintSite(site);
    expect(loaded.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'a.md:2:14 No page or file is published at `/b/missing/`.',
      'b.md:2:23 There is no anchor `#nope` on `exists.md`: did you mean `#here`?',
    ]);
    expect((await lintSite({ ...site, '_config.yml': 'baseurl: /b\n' })).findings).toEqual([]);
    // A site's own redirect layout writes what it will of the value (elixir-lang.org's: `https://hexdocs.pm/elixir/{{ page.redirect_to }}.html`).
    const own = await lintSite({ ...site, '_layouts/redirect.html': '<a href="https://hexdocs.pm/elixir/{{ page.redirect_to }}.html">Go</a>\n' });
    expect(own.findings.filter((f) => f.file !== '_layouts/redirect.html')).toEqual([]);
  });

  it('finds the ids a page\'s includes write, and does not judge a fragment an include may write', async () => {
    const result = await lintSite({
      '_includes/overview.html': '<div class="overview" id="{{ include.key }}"><a name="top-of-{{ include.key }}"></a></div>\n',
      '_includes/dynamic.html': '<div id="{{ page.slug }}"></div>\n',
      // A call that passes no key writes `id=""` (Azure/azure-sdk's `{% include requirement/SHOULD %}`): the page's other ids are still known.
      'licenses.html': '---\ntitle: Licenses\n---\n{% include overview.html key="mit" %}\n{% include overview.html key=\'isc\' %}\n{% include overview.html %}\n',
      'other.html': '---\ntitle: Other\n---\n{% include dynamic.html %}\n',
      'index.md': '---\ntitle: Home\n---\n[a](/licenses.html#mit) [b](/licenses.html#top-of-isc) [c](/licenses.html#gpl) [d](/other.html#anything)\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId, f.message])).toEqual([['index.md', 4, 'link-anchor', expect.stringContaining('`#gpl`')]]);
  });

  // As apache/zeppelin's docs: every page includes JB/setup, which calls an include the site does not hold in a branch it never takes. jekyll build 4.3.1 + html-proofer 3.19: #what-is-that only.
  it('follows the includes an include calls, and takes one the site does not hold as writing nothing', async () => {
    const result = await lintSite({
      '_includes/JB/setup': '{% if site.JB.setup.provider == "custom" %}{% include custom/setup %}{% else %}{% include JB/ids %}{% endif %}\n',
      '_includes/JB/ids': '<a id="from-setup"></a>\n',
      'overview.md': '---\ntitle: Overview\n---\n{% include JB/setup %}\n## What is it\n',
      'index.md': '---\ntitle: Home\n---\n[a](overview.html#what-is-it) [b](overview.html#from-setup) [c](overview.html#what-is-that)\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId, f.message.slice(0, 40)])).toEqual([['index.md', 4, 'link-anchor', 'There is no anchor `#what-is-that` on `o']]);
  });

  // The same site built with jekyll build 4.3.1: html-proofer 3.19 reports #nowhere on hello, #world-map on plain and #ruby on categories (no category, no section).
  it('finds the ids a page\'s layouts and their includes write, and does not judge a page whose own ids hold Liquid', async () => {
    const result = await lintSite({
      '_layouts/default.html': '<html><body><main id="main">{{ content }}</main>{% include footer.html %}</body></html>\n',
      '_includes/footer.html': '<footer id="site-footer">{% include social.html %}</footer>\n',
      '_includes/social.html': '<div id="social"></div>\n',
      '_layouts/post.html': '---\nlayout: default\n---\n<article>{{ content }}</article>\n{% if page.map %}{% include maps/{{ page.map }}.html %}{% endif %}\n<section id="comments"></section>\n',
      '_includes/maps/world.html': '<div id="world-map"></div>\n',
      '_posts/2024-01-02-hello.md': '---\nlayout: post\ntitle: Hello\nmap: world\n---\n[a](#comments) [b](#main) [c](#social) [d](#world-map) [e](#nowhere)\n',
      '_posts/2024-01-03-plain.md': '---\nlayout: post\ntitle: Plain\n---\n[a](#comments) [d](#world-map) [h]({{ site.baseurl }}/2024/01/02/hello.html#world-map)\n',
      'categories.md': '---\nlayout: default\ntitle: Categories\n---\n{% for c in site.categories %}<section id="{{ c[0] }}"></section>{% endfor %}\n\n[ruby](#ruby)\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId, f.message.slice(0, 40)])).toEqual([
      ['_posts/2024-01-02-hello.md', 6, 'link-anchor', 'There is no anchor `#nowhere` on this pa'],
      ['_posts/2024-01-03-plain.md', 5, 'link-anchor', 'There is no anchor `#world-map` on this '],
    ]);
  });

  // The same site built with jekyll build 4.3.1: html-proofer 3.19 reports the same two links.
  it('reads collections, posts and their categories below `collections_dir`, and no post from a `_posts` outside it', async () => {
    const result = await lintSite({
      '_config.yml': 'collections_dir: coll\ncollections:\n  guides:\n    output: true\n',
      'coll/_posts/2020-01-02-a.md': '---\ntitle: A\n---\nA\n',
      'coll/en/_posts/2020-05-06-e.md': '---\ntitle: E\n---\nE\n',
      'coll/_guides/b.md': '---\ntitle: B\n---\n## Setup\nB\n',
      'coll/sub/s.md': '---\ntitle: S\n---\nS\n',
      '_posts/2020-03-04-root.md': '---\ntitle: R\n---\nR\n',
      'index.md': '---\ntitle: Home\n---\n[a](/2020/01/02/a.html) [b](/guides/b.html#setup) [s](/coll/sub/s.html) [x](/coll/_guides/b.html) [r](/2020/03/04/root.html) [e](/en/2020/05/06/e.html) [p]({% post_url 2020-01-02-a %})\n',
    });
    expect(result.files).toEqual(['coll/_guides/b.md', 'coll/_posts/2020-01-02-a.md', 'coll/en/_posts/2020-05-06-e.md', 'coll/sub/s.md', 'index.md']);
    expect(result.findings.map((f) => [f.file, f.column, f.ruleId])).toEqual([
      ['index.md', 77, 'link-internal'],
      ['index.md', 103, 'link-internal'],
    ]);
  });

  // The same site built with jekyll build 4.3.1: it writes /g/img.png and /g/sub/x.png.
  it('publishes a collection\'s files without front matter at the collection\'s URL', async () => {
    const result = await lintSite({
      '_config.yml': 'collections:\n  guides:\n    output: true\n    permalink: /g/:path/\n',
      '_guides/img.png': 'PNG',
      '_guides/sub/x.png': 'PNG',
      '_guides/b.md': '---\ntitle: B\n---\nB\n',
      'index.md': '---\ntitle: Home\n---\n[i](/g/img.png) [j](/guides/img.png) [k](/g/sub/x.png) [b](/g/b/)\n',
    });
    expect(result.findings.map((f) => [f.file, f.column, f.ruleId])).toEqual([['index.md', 21, 'link-internal']]);
  });

  it('publishes a file whose `---` front matter is never closed as a page with no values, unless a BOM precedes it', async () => {
    // jekyll build 4.3.1 writes a.html, c.md, docs/d.html and 2020/01/01/p.html (apache/struts-site closes one with `------`).
    const result = await lintSite({
      '_config.yml': 'collections:\n  docs:\n    output: true\n',
      'a.md': '---\ntitle: A\n------\n# A head\n',
      'c.md': '\uFEFF---\ntitle: C\n------\n# C\n',
      '_docs/d.md': '---\ntitle: D\n------\n# D\n',
      '_posts/2020-01-01-p.md': '---\ntitle: P\n------\n# P\n',
      'index.md': '---\n---\n[a](/a.html) [a2](/a.md) [c](/c.md) [c2](/c.html) [d](/docs/d.html) [d2](/docs/d.md) [p](/2020/01/01/p.html)\n',
    });
    // The links to /a.md, /c.html and /docs/d.md.
    expect(result.findings.filter((f) => f.file === 'index.md').map((f) => [f.column, f.ruleId])).toEqual([[19, 'link-internal'], [42, 'link-internal'], [74, 'link-internal']]);
  });

  // Jekyll-Bootstrap's JB/setup, as apache/zeppelin's docs use it. jekyll build 4.3.1 + html-proofer 3.19 report the same three.
  it('reads a link that starts with a variable the includes set to the site\'s base path as a path from the site\'s root', async () => {
    const result = await lintSite({
      '_config.yml': 'title: JB\nJB:\n  BASE_PATH: /docs/1.0\n',
      '_includes/JB/setup': "{% capture jbcache %}{% if site.safe and site.JB.BASE_PATH and site.JB.BASE_PATH != '' %}{% assign BASE_PATH = site.JB.BASE_PATH %}{% else %}{% assign BASE_PATH = nil %}{% endif %}{% endcapture %}{% assign jbcache = nil %}\n",
      'assets/a.png': 'PNG',
      'usage/setup.md': '---\ntitle: Setup\n---\n{% include JB/setup %}\n## Install\n',
      'index.md': '---\ntitle: Home\n---\n{% include JB/setup %}\n[a]({{BASE_PATH}}/usage/setup.html#install) [b]({{ BASE_PATH }}/usage/setup.html#nope) [c]({{BASE_PATH}}/usage/none.html) <img src="{{BASE_PATH}}/assets/a.png" alt="a"> <img src="{{BASE_PATH}}/assets/b.png" alt="b"> [d]({{ OTHER }}/usage/none.html)\n',
    });
    expect(result.findings.map((f) => [f.file, f.column, f.ruleId])).toEqual([
      ['index.md', 81, 'link-anchor'],
      ['index.md', 92, 'link-internal'],
      ['index.md', 180, 'link-internal'],
    ]);
  });

  // jekyll build 4.3.1 writes each of these as a link or image (kramdown takes a destination up to its `)`, spaces and all); html-proofer 3.19 reports them all.
  it('checks the links kramdown makes of a destination with spaces, which CommonMark leaves as text', async () => {
    const result = await lintSite({
      'other page.md': '---\ntitle: O\n---\nO\n',
      'index.md': '---\ntitle: Home\n---\n[You and Your Research](You and Your Research) end\n\n![my img](my image.png)\n\n[a]( b c ) x [a2](b c "t") [a3](b (c) d)\n\n`[a](b c)` \\[a](b c) [ok](<other page.md>)\n\n{% include x.html t="[a](b c)" %}\n\n## See [h](h i)\n\n**[s](s t)** and _[d](e f)_\n\n> quote [q](q r)\n\n- item [i](i j)\n',
      '_includes/x.html': '{{ include.t }}\n',
    });
    expect(result.findings.map((f) => [f.line, f.column, f.message.slice(0, 60)])).toEqual([
      [4, 25, 'No page or file is published at `/You and Your Research`.'],
      [6, 11, 'No image or file is published at `/my image.png`.'],
      [8, 6, 'No page or file is published at `/b c`.'],
      [8, 19, 'No page or file is published at `/b c`.'],
      [8, 33, 'No page or file is published at `/b (c) d`.'],
      [10, 28, 'No page or file is published at `/other page.md`.'],
      [14, 12, 'No page or file is published at `/h i`.'],
      [16, 7, 'No page or file is published at `/s t`.'],
      [16, 23, 'No page or file is published at `/e f`.'],
      [18, 13, 'No page or file is published at `/q r`.'],
      [20, 12, 'No page or file is published at `/i j`.'],
    ]);
  });

  // jekyll build 4.3.1 reads _topics/ through the link and writes /topics/a.html and /topics/b.html; html-proofer reports /topics/gone.html. It also follows ext/ out of the site, which doclint never reads.
  it('follows a symbolic link that stays in the site (a collection\'s folder), not one that leaves it, and warns on links in a collection Jekyll does not write', async () => {
    const outside = tempCopy();
    try {
      const result = await lintSite({
        '_config.yml': 'collections:\n  topics:\n    output: true\n  notes:\n',
        'topics/a.md': '---\ntitle: A\n---\n[b](/topics/b.html) [gone](/topics/gone.html)\n',
        'topics/b.md': '---\ntitle: B\n---\nB\n',
        '_notes/n.md': '---\ntitle: N\n---\n[x](/nowhere.html)\n',
        'index.md': '---\ntitle: Home\n---\n[a](/topics/a.html)\n',
      }, undefined, (dir) => {
        writeFileSync(join(outside.dir, 'o.md'), '---\ntitle: O\n---\n[y](/outside-broken.html)\n');
        symlinkSync('topics', join(dir, '_topics'));
        symlinkSync(outside.dir, join(dir, 'ext'));
        symlinkSync('..', join(dir, 'topics/loop'));
      });
      expect(result.files).toEqual(['_notes/n.md', '_topics/a.md', '_topics/b.md', 'index.md', 'topics/a.md', 'topics/b.md']);
      expect(result.findings.filter((f) => f.file !== 'topics/a.md').map((f) => [f.file, f.column, f.severity])).toEqual([
        ['_notes/n.md', 5, 'warning'],
        ['_topics/a.md', 28, 'error'],
      ]);
    } finally {
      outside.cleanup();
    }
  });

  it('checks a `#fragment` alone on its own page, and takes a permalink placeholder only a plugin fills in as an unknown URL', async () => {
    // docs.scala-lang's SIPs: `permalink: /sips/:number.html`, with `:number` added to Jekyll's URL drop by a plugin.
    const sip = (number: number, heading: string, links: string) => `---\nnumber: ${number}\npermalink: /sips/:number.html\nredirect_from: /sips/:number\n---\n## ${heading}\n\n${links}\n`;
    const result = await lintSite({
      '_config.yml': 'collections:\n  sips:\n    output: true\nplugins: [jekyll-redirect-from]\n',
      '_plugins/number.rb': 'Jekyll::Drops::UrlDrop.class_eval do\n  def number\n    @obj.data["number"].to_s\n  end\nend\n',
      '_sips/a.md': sip(1, 'Motivation', '[m](#motivation) [x](#nowhere)'),
      '_sips/b.md': sip(2, 'Other', '[o](#other) [m](#motivation)'),
      'index.md': '---\ntitle: Home\n---\n[1](/sips/1.html) [2](/sips/2) [bad](/sip/3.html)\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId, f.severity, f.message.slice(0, 40)])).toEqual([
      ['_sips/a.md', 8, 'link-anchor', 'error', 'There is no anchor `#nowhere` on this pa'],
      ['_sips/b.md', 8, 'link-anchor', 'error', 'There is no anchor `#motivation` on this'],
      ['index.md', 4, 'link-internal', 'warning', 'No page is known at `/sips/1.html`, unle'],
      ['index.md', 4, 'link-internal', 'warning', 'No page is known at `/sips/2`, unless it'],
      ['index.md', 4, 'link-internal', 'error', 'No page or file is published at `/sip/3.'],
    ]);
  });

  describe('a site GitHub Pages builds', () => {
    // No Gemfile, and a repository on github.com: GitHub's own build (github-pages 232 reads it with
    // jekyll-optional-front-matter, -readme-index, -relative-links, the primer theme, safe mode).
    const site = {
      '_config.yml': 'title: Project\n',
      // The README is the site's home page (jekyll-readme-index); sub/'s is not (sub/ has an index).
      'README.md': '# Project\n\nSee [the guide](guide.md), [its setup](guide.md#setup) and [a lost part](guide.md#lost).\n',
      'sub/index.md': '# Sub\n',
      'sub/README.md': '[Nowhere](#nowhere) is not published.\n',
      'guide.md': '# Guide\n\n## Setup\n',
      'tags.md': '---\n---\n{% seo %} {% include head-custom.html %} {% shout %}\n',
      'post.md': '---\nlayout: post\n---\nLaid out by the theme.\n',
      'business.md': '---\nlayout: business\n---\nA layout nobody has.\n',
    };
    const shoutPlugin = { '_plugins/shout.rb': 'class Shout < Liquid::Tag\nend\nLiquid::Template.register_tag("shout", Shout)\n' };
    // The theme's `post` layout and include, jekyll-seo-tag (a dependency of the theme); no plugin files.
    const gitHubBuild = ['README.md:3:link-anchor', 'business.md:2:front-matter-references', 'tags.md:3:liquid-syntax'];
    // `{% seo %}` and `{% shout %}` unknown, Markdown files without front matter static files; no theme and no `_layouts/`: layouts unchecked.
    const plainBuild = ['tags.md:3:liquid-syntax', 'tags.md:3:liquid-include', 'tags.md:3:liquid-syntax'];

    /** The site's lint result when it is in `folder` of a git repository whose remote is `remote` (none: not a repository). */
    async function lintIn(files: Record<string, string>, folder: string, remote?: string, options: Omit<LintOptions, 'root'> = {}): Promise<LintResult> {
      const { dir, cleanup } = tempCopy();
      try {
        writeFiles(join(dir, folder), files);
        if (remote !== undefined) {
          execFileSync('git', ['init', '-q'], { cwd: dir });
          execFileSync('git', ['remote', 'add', 'origin', remote], { cwd: dir });
        }
        return await lint({ ...options, root: join(dir, folder) });
      } finally {
        cleanup();
      }
    }

    const findingsIn = async (...args: Parameters<typeof lintIn>): Promise<string[]> => (await lintIn(...args)).findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`);

    it('reads a site with no Gemfile at the top of a repository on github.com, or in its docs/ folder, as GitHub Pages builds it', async () => {
      expect(await findingsIn(site, '.', 'git@github.com:example/project.git')).toEqual(gitHubBuild);
      // Lint workers know which READMEs are index pages too.
      expect(await findingsIn(site, '.', 'git@github.com:example/project.git', { workers: 2 })).toEqual(gitHubBuild);
      expect(await findingsIn(site, 'docs', 'https://github.com/example/project')).toEqual(gitHubBuild);
      // A Ruby library's Gemfile at the repository's top does not build the site.
      expect(await findingsIn({ ...site, '../Gemfile': 'source "https://rubygems.org"\ngem "rake"\n' }, 'docs', 'https://github.com/example/project')).toEqual(gitHubBuild);
      // Nor does one that names the github-pages gem outside its plugin group (error-prone's gh-pages branch): GitHub's build ignores it.
      expect(await findingsIn({ ...site, Gemfile: "source 'https://rubygems.org'\ngem 'github-pages'\n" }, '.', 'https://github.com/example/project')).toEqual(gitHubBuild);
    });

    it('takes a site the config keeps in another folder (`source: app`) for one built elsewhere, with its own plugins: GitHub Pages builds from its checkout', async () => {
      // yeoman/yeoman.github.io: its Gruntfile builds `app/`, whose `_plugins/link.rb` replaces Jekyll's `link` tag with one that writes `<a href>`.
      const yeoman = {
        '_config.yml': 'source: app\n',
        Gemfile: "source 'https://rubygems.org'\ngem 'github-pages'\n",
        'app/_plugins/link.rb': 'class LinkTag < Liquid::Tag\nend\nLiquid::Template.register_tag(\'link\', LinkTag)\n',
        'app/index.md': '---\n---\n{% link /learning/ Learning %} {% post_url 2020-01-01-missing %}\n',
      };
      expect(await findingsIn(yeoman, '.', 'https://github.com/yeoman/yeoman.github.io')).toEqual(['index.md:3:link-internal']);
    });

    it('serves a project site under its repository\'s name, as jekyll-github-metadata sets the baseurl where the config sets none', async () => {
      // GitHub Pages serves example/project at https://example.github.io/project/ (or under the owner's domain): `/project` is its
      // baseurl; `/` and `/other/` are its host's other content; a user site (example.github.io), a CNAME, a baseurl set or a
      // workflow that sets one is served as the config says (here at the root).
      const project = {
        '_config.yml': 'title: Project\n',
        'b.md': '---\ntitle: B\npermalink: /b/\n---\nB\n',
        'index.md': '---\ntitle: Home\n---\n[a]({{ site.baseurl }}/b/) [b](/project/b/) [c](/b/) [d](/other/) [e](/bb/) [f]({{ "/b/" | relative_url }})\n',
      };
      const messages = async (files: Record<string, string>, remote: string): Promise<string[]> => (await lintIn(files, '.', remote)).findings.map((f) => `${f.column} ${f.severity} ${f.message}`);
      expect(await messages(project, 'https://github.com/example/project.git')).toEqual([
        '49 error This link leaves out the baseurl `/project` (GitHub Pages serves `example/project`\'s project site there): deployed, `/b/` is outside the site. Start it with `{{site.baseurl}}`.',
        '71 warning `/bb/` is outside this site, which is served under `/project` (GitHub Pages serves `example/project`\'s project site there): did you mean `/project/b/`?',
      ]);
      const atRoot = ['32 error No page or file is published at `/project/b/`.', '58 error No page or file is published at `/other/`.', '71 error No page or file is published at `/bb/` (did you mean `/b/`?).'];
      // A user site (example.github.io) has its owner's project sites beside it: a folder it publishes nothing in may be one (OWASP's www-project-*).
      const beside = (url: string, repository: string) =>
        `warning No page or file of this site is published at \`${url}\`, unless the repository \`${repository}\` publishes a GitHub Pages project site there (GitHub serves an owner's project sites beside the owner's own site).`;
      expect(await messages(project, 'git@github.com:example/example.github.io.git')).toEqual([`32 ${beside('/project/b/', 'example/project')}`, `58 ${beside('/other/', 'example/other')}`, atRoot[2]]);
      // GitHub serves a project site at `/project/`: `/cv` is a page of the site's own that is missing.
      expect(await messages({ 'index.md': '---\n---\n[cv](/cv)\n' }, 'git@github.com:example/example.github.io.git')).toEqual(['6 error No page or file is published at `/cv`.']);
      expect(await messages({ ...project, CNAME: 'docs.example.com\n' }, 'https://github.com/example/project')).toEqual(atRoot);
      expect(await messages({ ...project, '_config.yml': 'baseurl: ""\n' }, 'https://github.com/example/project')).toEqual(atRoot);
      expect(await messages({ ...project, '_config.yml': 'repository: example/example.github.io\n' }, 'https://github.com/example/project')).toEqual(atRoot);
      // GitHub's Pages workflows build with the path the repository's settings make (a custom domain, which needs no CNAME file there: none).
      const workflow = { '.github/workflows/pages.yml': 'jobs:\n  build:\n    steps:\n      - run: bundle exec jekyll build --baseurl "${{ steps.pages.outputs.base_path }}"\n' };
      expect(await messages({ ...project, ...workflow }, 'https://github.com/example/project')).toEqual(atRoot);
      const action = { '.github/workflows/pages.yml': 'jobs:\n  build:\n    steps:\n      - uses: actions/jekyll-build-pages@v1\n' };
      expect(await messages({ ...project, ...action }, 'https://github.com/example/project')).toEqual(atRoot);
    });

    it('reads it as a plain `jekyll build` elsewhere in the repository, outside one, with a remote elsewhere, or with a Gemfile', async () => {
      expect(await findingsIn(site, 'site', 'https://github.com/example/project')).toEqual(plainBuild);
      expect(await findingsIn(site, '.')).toEqual(plainBuild);
      expect(await findingsIn(site, '.', '/srv/git/project.git')).toEqual(plainBuild);
      // `.nojekyll` turns GitHub's Jekyll build off: a site linted there is built some other way.
      expect(await findingsIn({ ...site, '.nojekyll': '' }, '.', 'https://github.com/example/project')).toEqual(plainBuild);
      expect(await findingsIn({ ...site, Gemfile: 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n' }, '.', 'https://github.com/example/project')).toEqual(plainBuild);
      // Jekyll and the github-pages gem both named: a workflow builds it, with its own plugins (jasper2).
      expect(await findingsIn({ ...site, Gemfile: 'source "https://rubygems.org"\ngem "jekyll", "~> 3.9.0"\ngem "github-pages", "~> 214"\n' }, '.', 'https://github.com/example/project')).toEqual(plainBuild);
    });

    it('reads a user or organization site as GitHub\'s build whatever its Gemfile names, unless a build file runs `jekyll build` (wp-cli.github.com)', async () => {
      const jekyllGemfile = { Gemfile: 'source "https://rubygems.org"\ngem "jekyll"\ngem "jekyll-paginate"\n' };
      expect(await findingsIn({ ...site, ...jekyllGemfile }, '.', 'https://github.com/example/example.github.com.git')).toEqual(gitHubBuild);
      expect(await findingsIn({ ...site, ...jekyllGemfile }, '.', 'git@github.com:Example/example.github.io.git')).toEqual(gitHubBuild);
      const workflow = { '.github/workflows/site.yml': 'jobs:\n  build:\n    steps:\n      - run: bundle exec jekyll build\n' };
      expect(await findingsIn({ ...site, ...jekyllGemfile, ...workflow }, '.', 'https://github.com/example/example.github.io')).toEqual(plainBuild);
      // A third-party Jekyll action builds with the Gemfile too; GitHub's own (actions/jekyll-build-pages) is GitHub's build.
      const action = (uses: string) => ({ '.github/workflows/site.yml': `jobs:\n  build:\n    steps:\n      - uses: ${uses}\n` });
      expect(await findingsIn({ ...site, ...jekyllGemfile, ...action('helaili/jekyll-action@v2') }, '.', 'https://github.com/example/example.github.io')).toEqual(plainBuild);
      expect(await findingsIn({ ...site, ...jekyllGemfile, ...action('actions/jekyll-build-pages@v1') }, '.', 'https://github.com/example/example.github.io')).toEqual(gitHubBuild);
      // So does a script of GitHub's "scripts to rule them all" (`script/cibuild`, no extension).
      expect(await findingsIn({ ...site, ...jekyllGemfile, 'script/cibuild': '#!/bin/sh\nbundle exec jekyll build\n' }, '.', 'https://github.com/example/example.github.io')).toEqual(plainBuild);
    });

    it('reads a site with Ruby plugins of its own, no Gemfile and a build file that runs `jekyll build` as a build that loads them (nunjucks\' docs, bazel\'s blog)', async () => {
      // `{% shout %}` is the plugin's; `{% seo %}` unknown, as in any plain build.
      const ownBuild = ['tags.md:3:liquid-syntax', 'tags.md:3:liquid-include'];
      expect(await findingsIn({ ...site, ...shoutPlugin, Makefile: 'prod:\n\tjekyll build --config _config.yml,_config-prod.yml\n' }, '.', 'https://github.com/example/project')).toEqual(ownBuild);
      expect(await findingsIn({ ...site, ...shoutPlugin, 'Makefile': 'all:\n\tjekyll b\n' }, 'docs', 'https://github.com/example/project')).toEqual(ownBuild);
      expect(await findingsIn({ ...site, ...shoutPlugin, '../scripts/serve-docs.sh': 'jekyll build --source "$DIR" --destination "$OUT"\n' }, 'docs', 'https://github.com/example/project')).toEqual(ownBuild);
      // Plugins and no such build file (a Jekyll-Bootstrap blog's `_plugins/debug.rb`, a Rakefile that only serves): GitHub's build, which ignores them.
      expect(await findingsIn({ ...site, ...shoutPlugin, Rakefile: 'task :preview do\n  system "jekyll serve -w"\nend\n' }, '.', 'https://github.com/example/project')).toEqual(gitHubBuild);
      // The github-pages gem alone in a Gemfile: GitHub's build.
      expect(await findingsIn({ ...site, ...shoutPlugin, Makefile: 'all:\n\tjekyll build\n', Gemfile: "source 'https://rubygems.org'\ngem 'github-pages', group: :jekyll_plugins\n" }, '.', 'https://github.com/example/project')).toEqual(gitHubBuild);
    });
  });

  it('checks layouts and includes against a theme gem it knows, and waves through those of one it does not', async () => {
    // minima 2.5.1 has the layouts default, home, page and post, and loads jekyll-feed and jekyll-seo-tag (not jekyll-redirect-from).
    const site = {
      'index.md': '---\nlayout: postt\n---\n{% include footer.html %} {% include menu.html %} {% seo %}\n[Old](/old/)\n',
      'about.md': '---\nlayout: page\nredirect_from: /old/\n---\nAbout.\n',
    };
    const minima = await lintSite({ ...site, '_config.yml': 'theme: minima\n' });
    expect(minima.findings.map((f) => [f.line, f.ruleId, f.fix?.text])).toEqual([[2, 'front-matter-references', undefined], [4, 'liquid-include', undefined], [5, 'link-internal', undefined]]);
    expect(minima.findings[0]!.message).toContain('did you mean `post`?');
    // GitHub Pages' themes from their repositories are the same files (cayman: the layout default, no footer include).
    const remote = await lintSite({ ...site, '_config.yml': 'remote_theme: pages-themes/cayman@v0.2.0\n' });
    expect(remote.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(['about.md:2:front-matter-references', 'index.md:2:front-matter-references', 'index.md:4:liquid-include', 'index.md:4:liquid-include', 'index.md:5:link-internal']);
    // just-the-docs, as a gem or from its repository (old or new home): the layouts and includes of any of its releases.
    const docsSite = { ...site, 'guide.md': '---\nlayout: minimal\n---\n{% include components/header.html %} {% include head_nav.html %} {% include_cached components/footer.html %}\n' };
    for (const theme of ['theme: just-the-docs', 'remote_theme: just-the-docs/just-the-docs@v0.10.1', 'remote_theme: pmarsceill/just-the-docs']) {
      const docs = await lintSite({ ...docsSite, '_config.yml': `${theme}\n` });
      expect(docs.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`), theme).toEqual(['index.md:2:front-matter-references', 'index.md:4:liquid-include', 'index.md:4:liquid-include', 'index.md:5:link-internal']);
    }
    // An unknown theme may depend on jekyll-seo-tag, as minima does: its `{% seo %}` may be the site's.
    const unknown = await lintSite({ ...site, '_config.yml': 'theme: jekyll-theme-unknown\n' });
    expect(unknown.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual([[5, 'link-redirect', 'warning']]);
    // The files of a known theme's assets/ folder are published (jekyll build 4.3.1 with minima 2.5.1:
    // assets/main.css and assets/minima-social-icons.svg); of an unknown theme's, any may be.
    const assets = { 'index.md': '---\nlayout: page\n---\n[a](/assets/main.css) [b](/assets/minima-social-icons.svg) [c](/assets/missing.png)\n' };
    const minimaAssets = await lintSite({ ...assets, '_config.yml': 'theme: minima\n' });
    expect(minimaAssets.findings.map((f) => [f.column, f.ruleId, f.severity])).toEqual([[64, 'link-internal', 'error']]);
    const unknownAssets = await lintSite({ ...assets, '_config.yml': 'theme: jekyll-theme-unknown\n' });
    expect(unknownAssets.findings.map((f) => [f.column, f.ruleId, f.severity])).toEqual([[5, 'link-internal', 'warning'], [27, 'link-internal', 'warning'], [64, 'link-internal', 'warning']]);
    // On GitHub Pages a remote theme takes the place of the default theme (primer), as jekyll-remote-theme puts it there.
    const pages = { ...site, Gemfile: 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n' };
    const unknownRemote = await lintSite({ ...pages, '_config.yml': 'remote_theme: owner/site-theme@main\n' });
    // Its layouts and includes are not known, nor the plugins its gemspec names (jekyll-remote-theme loads them).
    expect(unknownRemote.findings.map((f) => [f.line, f.ruleId, f.severity])).toEqual(unknown.findings.map((f) => [f.line, f.ruleId, f.severity]));
    const cayman = await lintSite({ ...pages, '_config.yml': 'remote_theme: pages-themes/cayman@v0.2.0\n' });
    expect(cayman.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(remote.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`));
  });

  it('finds the Gemfile as Bundler does, in the nearest folder up to the repository\'s top', async () => {
    const site = { 'docs/_config.yml': 'title: Docs\n', 'docs/index.md': '---\n---\n[Feed](/feed.xml)\n', Gemfile: 'group :jekyll_plugins do\n  gem "jekyll-feed"\nend\n' };
    const { dir, cleanup } = tempCopy();
    try {
      writeFiles(dir, site);
      // Outside a repository the Gemfile above the site is not the site's.
      expect((await lint({ root: join(dir, 'docs') })).findings.map((f) => f.ruleId)).toEqual(['link-internal']);
      execFileSync('git', ['init', '-q'], { cwd: dir });
      expect((await lint({ root: join(dir, 'docs') })).findings).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('resolves `{% link %}` and `{% post_url %}` in a destination as the Jekyll the Gemfile names writes them: with the baseurl in Jekyll 4, without in Jekyll 3', async () => {
    // What `jekyll build` 4.3.1 writes for index.md: /b/b/foo.html, /b/foo.html, /b/b/2020/01/01/p.html, /b/foo.html#x.
    const site = {
      '_config.yml': 'baseurl: /b\n',
      'foo.md': '---\ntitle: Foo\n---\n# Foo\n',
      '_posts/2020-01-01-p.md': '---\n---\nA post.\n',
      'index.md': '---\n---\n[a]({{ site.baseurl }}{% link foo.md %})\n[b]({% link foo.md %})\n[c]({{ site.baseurl }}/{% post_url 2020-01-01-p %})\n[d]({% link foo.md %}#x)\n',
    };
    const findings = (result: LintResult) => result.findings.map((f) => [f.line, f.ruleId, f.message.replace(/\.? .*/s, '')]);
    const jekyll4 = await lintSite({ ...site, Gemfile: 'source "https://rubygems.org"\ngem "jekyll"\n', 'Gemfile.lock': 'GEM\n  remote: https://rubygems.org/\n  specs:\n    jekyll (4.3.1)\n' });
    expect(findings(jekyll4)).toEqual([[3, 'link-internal', 'No'], [5, 'link-internal', 'No'], [6, 'link-anchor', 'There']]);
    expect(jekyll4.findings[0]!.message).toContain('/b/b/foo.html`. The baseurl is in it twice');
    const jekyll3 = await lintSite({ ...site, Gemfile: 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n' });
    expect(jekyll3.findings.map((f) => [f.line, f.ruleId, f.fix])).toEqual([[4, 'link-internal', undefined], [6, 'link-internal', undefined]]);
    expect(jekyll3.findings[0]!.message).toContain('leaves out the baseurl');
    // No Gemfile: each link is taken as written for the Jekyll it suits, and its fragment is still checked.
    const either = await lintSite(site);
    expect(findings(either)).toEqual([[6, 'link-anchor', 'There']]);
  });

  it('warns, with no fix, of a link that leaves out the baseurl where a plugin gem doclint does not read may rewrite it, and takes none as a rule as rewritten', async () => {
    // w3c/wai-website's plugin gem makes each `[text](/path/)` a relative_url before rendering.
    const site = {
      '_config.yml': 'baseurl: /site\n',
      'about.md': '---\ntitle: About\n---\n# About\n',
      'index.md': '---\ntitle: Home\n---\n[about](/about.html) [home]({{ site.baseurl }}/) [again]({{ site.baseurl }}/about.html)\n',
    };
    const gemfile = 'source "https://rubygems.org"\ngroup :jekyll_plugins do\n  gem "site-links-plugin"\nend\n';
    const plain = await lintSite(site);
    expect(plain.findings.map((f) => [f.severity, Boolean(f.fix)])).toEqual([['error', true]]);
    const withPlugin = await lintSite({ ...site, Gemfile: gemfile });
    expect(withPlugin.findings.map((f) => [f.severity, f.fix])).toEqual([['warning', undefined]]);
    expect(withPlugin.findings[0]!.message).toContain('unless a plugin rewrites it (the site loads `site-links-plugin`, which doclint does not read)');
    // More of the site's links leave the baseurl out than write it (ten at least): the plugin adds it to each.
    const asRule = await lintSite({ ...site, Gemfile: gemfile, 'index.md': `---\ntitle: Home\n---\n${'[about](/about.html) '.repeat(9)}[home](/) [nope](/nope.html)\n` });
    expect(asRule.findings.map((f) => `${f.severity} ${f.message}`)).toEqual(['error No page or file is published at `/site/nope.html`.']);
  });

  it('reports a `{{ post.url }}#fragment` in a loop over documents on each document without the anchor where the loop writes them all, and where none has it otherwise', async () => {
    // jekyll build 4.3.1: a.html has id="comments" (b.html has not), the guide's layout writes id="doc-top", nothing writes
    // read-more or gone; html-proofer 3.19.2 reports #comments on b, #read-more on both posts and #gone. Where the loop may
    // write some of them only (a limit, a condition, a category), only an anchor none of them has is reported (abseil.io's #read-more).
    const result = await lintSite({
      '_config.yml': 'collections:\n  guides:\n    output: true\n',
      '_layouts/doc.html': '<html><body><div id="doc-top"></div>{{ content }}</body></html>\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n## Comments\n\nA.\n',
      '_posts/2020-01-02-b.md': '---\ntitle: B\n---\nB.\n',
      '_guides/a.md': '---\nlayout: doc\n---\nGuide.\n',
      'index.html': [
        '---\n---\n{% for post in site.posts %}<a href="{{ post.url }}#comments">c</a> <a href="{{ post.url }}#read-more">r</a>{% endfor %}\n',
        '{% for guide in site.guides %}<a href="{{ guide.url }}#doc-top">t</a> <a href="{{ guide.url }}#gone">g</a>{% endfor %}\n',
        '{% for post in site.posts limit: 1 %}<a href="{{ post.url }}#comments">c</a>{% endfor %}\n',
        '{% for post in site.posts %}{% if post.title == "A" %}<a href="{{ post.url }}#comments">c</a>{% endif %}{% endfor %}\n',
        '{% for post in site.categories.news %}<a href="{{ post.url }}#comments">c</a> <a href="{{ post.url }}#read-more">r</a>{% endfor %}\n',
      ].join(''),
    });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '3:52 link-anchor There is no anchor `#comments` on 1 of the 2 documents of `site.posts` this loop links to (as `_posts/2020-01-02-b.md`).',
      '3:92 link-anchor There is no anchor `#read-more` on any of the 2 documents `site.posts` holds (as `_posts/2020-01-01-a.md`): every link this loop writes misses it.',
      '4:95 link-anchor There is no anchor `#gone` on the one document `site.guides` holds (`_guides/a.md`): every link this loop writes misses it.',
      '7:102 link-anchor There is no anchor `#read-more` on any of the 2 documents `site.categories.news` may hold (as `_posts/2020-01-01-a.md`): every link this loop writes misses it.',
    ]);
  });

  it('reports a document\'s own url written without the baseurl (`{{ post.url }}` in a loop over posts), and fixes it with relative_url', async () => {
    // jekyll build 4.3.1 with `baseurl: /docs`: the canonical link is /blog.html, the posts' and the guide's links
    // /2020/01/01/a.html and /guides/a.html (outside the site: html-proofer reports each), the filtered ones /docs/2020/01/01/a.html.
    // A data file's url, a loop variable's from elsewhere, are as the site wrote them.
    const site = {
      '_config.yml': 'baseurl: /docs\ncollections:\n  guides:\n    output: true\n',
      '_layouts/default.html': '<html><head><link rel="canonical" href="{{ page.url }}"></head><body>{{ content }}</body></html>\n',
      '_data/nav.yml': '- url: /docs/2020/01/01/a.html\n',
      '_posts/2020-01-01-a.md': '---\nlayout: default\n---\nA post.\n',
      '_guides/a.md': '---\nlayout: default\n---\nGuide.\n',
      'blog.html': [
        '---\nlayout: default\n---\n{% for post in site.posts limit: 3 %}<a href="{{ post.url }}">{{ post.title }}</a> <a href="{{post.url}}#more">more</a>',
        ' <a href="{{ post.url | relative_url }}">ok</a> <a href="{{ site.baseurl }}{{ post.url }}">ok</a>{% endfor %}',
        '\n{% for guide in site.guides %}<a href="{{ guide.url }}">g</a>{% endfor %}\n{% for item in site.data.nav %}<a href="{{ item.url }}">n</a>{% endfor %}',
        '{% for page in site.data.nav %}<a href="{{ page.url }}">n</a>{% endfor %}\n',
      ].join(''),
    };
    const result = await lintSite(site);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.fix?.text}`)).toEqual([
      '_layouts/default.html:1:41 error {{ page.url | relative_url }}',
      'blog.html:4:47 error {{ post.url | relative_url }}',
      'blog.html:4:93 error {{post.url | relative_url}}#more',
      // link-anchor's: no post has an id `more` (html-proofer reports it too).
      'blog.html:4:105 error undefined',
      'blog.html:5:40 error {{ guide.url | relative_url }}',
    ]);
    expect(result.findings[1]!.message).toBe("This link leaves out the baseurl `/docs`: Jekyll's `post.url` is a path within the site, without it, so deployed the link leads outside the site. Write `{{ post.url | relative_url }}`.");
    // Without a baseurl, the same links are the site's (only the missing `#more` is left).
    const withoutBaseurl = await lintSite({ ...site, '_config.yml': 'collections:\n  guides:\n    output: true\n', '_data/nav.yml': '- url: /2020/01/01/a.html\n' });
    expect(withoutBaseurl.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['4:105 link-anchor']);
  });

  it('checks references whose definitions an include gives the page, at their use, with no fix', async () => {
    // jekyll build 4.3.1 writes /docs/guide.html#setup, /docs/nope.html and guide.html#nowhere (no such ids or page);
    // an escaped or code `[Guide]` stays text.
    const result = await lintSite({
      '_config.yml': 'title: Refs\n',
      '_includes/refs.md': '[Guide]: {{ site.baseurl }}/docs/guide.html#setup\n[missing page]: /docs/nope.html\n[ok]: /docs/guide.html#install\n',
      'docs/guide.md': '---\ntitle: Guide\n---\n## Install\n\nSee the [Guide], the [other][MISSING   page], [ok][] and \\[Guide\\] and `[Guide]`.\n\n{% include refs.md %}\n',
      'docs/local.md': '[local]: guide.html#nowhere\n',
      'docs/rel.md': '---\ntitle: Rel\n---\nThe [local] one.\n\n{% include_relative local.md %}\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.column, f.ruleId, f.fix])).toEqual([
      ['docs/guide.md', 6, 9, 'link-anchor', undefined],
      ['docs/guide.md', 6, 22, 'link-internal', undefined],
      ['docs/rel.md', 4, 5, 'link-anchor', undefined],
    ]);
    expect(result.findings[2]!.message).toContain('(The reference is defined in `docs/local.md`, which the page includes.)');
  });

  it('reads the page\'s definitions after include lines, the ones Liquid writes in an include, and `[text][id](url)` as the reference its includes define', async () => {
    // jekyll build 4.3.1 (bitcoinops.org's newsletters are written so): <a href="/topics/p2c/">Pay-to-Contract</a>(P2C),
    // <a href="/static/">static</a>(see), <a href="/issues/12/">core #12</a>, [nope]<a href="gone">missing</a>,
    // <a href="/guide/">the guide</a> and <a href="/old/">old</a>: /static/, gone, /guide/ and /old/ are published nowhere.
    const result = await lintSite({
      '_includes/issues.md': '{% capture /dev/null %}\nLinks to issues.\n{% assign _issues = include.issues | split: "," %}\n{% endcapture %}{% for _issue in _issues %}\n[core #{{_issue}}]: /issues/{{_issue}}/\n{%- endfor %}\n',
      '_includes/refs.md': '{% for t in site.data.topics %}\n  [topic {{ t.name }}]: /topics/{{ t.name }}/\n{%- endfor %}\n[static]: /static/\n',
      '_data/topics.yml': '- name: p2c\n',
      'topics/p2c/index.md': '---\n---\nP\n',
      'a.md': [
        '---',
        '---',
        'Uses [Pay-to-Contract][topic p2c](P2C), [static][](see), [core #12][] and [nope][missing](gone).',
        'See [the guide][guide] and [old][].',
        '',
        '{% include refs.md %}',
        '{% include issues.md issues="12,13" %}',
        '[guide]: /guide/',
        '[old]: /old/',
        '',
      ].join('\n'),
    });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '3:41 No page or file is published at `/static/`. (The reference is defined in `_includes/refs.md`, which the page includes.)',
      '3:91 No page or file is published at `/gone`.',
      '8:10 No page or file is published at `/guide/`.',
      '9:8 No page or file is published at `/old/`.',
    ]);
  });

  it('reads no blank line after an include whose file ends without a line break', async () => {
    // jekyll build 4.3.1: <p>See [one] and <a href="/two/">two</a>.</p>, the `[one]: /one/` line stays text after <label>copy</label>.
    const result = await lintSite({
      '_includes/copy.html': '<label>copy</label>',
      '_includes/try.html': '<label>try</label>\n',
      'a.md': '---\n---\nSee [one] and [two].\n\n{% include copy.html %}\n[one]: /one/\n\n{% include try.html %}\n[two]: /two/\n',
    });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['9:8 No page or file is published at `/two/`.']);
  });

  it('calls every template in use where which ones are used cannot be known: a theme gem, an include named from values; a run on some files reads the others', async () => {
    const site = {
      '_config.yml': 'title: Templates\n',
      '_layouts/spare.html': '<a href="/gone/">Gone</a>{{ content }}\n',
      '_includes/spare.html': '<a href="/lost/">Lost</a>\n',
      'index.md': '---\ntitle: Home\n---\nHello.\n',
    };
    const severities = (result: LintResult) => result.findings.map((f) => `${f.file}:${f.severity}`);
    expect(severities(await lintSite(site))).toEqual(['_includes/spare.html:warning', '_layouts/spare.html:warning']);
    expect(severities(await lintSite({ ...site, '_config.yml': 'theme: minima\n' }))).toEqual(['_includes/spare.html:error', '_layouts/spare.html:error']);
    // A generator plugin may lay its pages out in any layout (not include anything a layout does not).
    const generator = { '_plugins/pages.rb': archivesGenerator };
    const generated = await lintSite({ ...site, ...generator });
    expect(generated.findings.map((f) => `${f.file}:${f.message.includes('Jekyll writes it nowhere')}`)).toEqual(['_includes/spare.html:true', '_layouts/spare.html:false']);
    // jekyll build 4.3.1: {% include {{ page.part }} %} renders spare.html into the page.
    expect(severities(await lintSite({ ...site, 'index.md': '---\npart: spare.html\n---\n{% include {{ page.part }} %}\n' }))).toEqual(['_includes/spare.html:error', '_layouts/spare.html:warning']);
    // Named alone (pre-commit), as in a run on the whole site: the other files' include tags are read.
    expect(severities(await lintSite(site, undefined, undefined, { files: ['_layouts/spare.html'] }))).toEqual(['_layouts/spare.html:warning']);
    expect(severities(await lintSite({ ...site, 'index.md': '---\nlayout: spare\n---\n{% include spare.html %}\n' }, undefined, undefined, { files: ['_layouts/spare.html', '_includes/spare.html'] }))).toEqual(['_includes/spare.html:error', '_layouts/spare.html:error']);
    // A page no parser survives (past the parse budget) may include anything.
    const unparsed = await lintSite({ ...site, 'deep.md': `---\ntitle: Deep\n---\n${'['.repeat(20_000)}${']'.repeat(20_000)}\n` });
    expect(severities(unparsed)).toEqual(['_includes/spare.html:error', '_layouts/spare.html:warning', 'deep.md:error']);
  });

  it('checks the Liquid of layouts and includes as that of pages, their front matter and HTML as written', async () => {
    // jekyll build 4.3.1 stops on both: "'if' tag was never closed" in the layout, "Unknown tag 'flourish'" in the include.
    const result = await lintSite({
      '_config.yml': 'title: Liquid in templates\n',
      '_layouts/default.html': '---\ntitle: not a page\n---\n{% if page.title %}<h1>{{ page.title }}</h1>\n{% include note.html %}{{ content }}\n',
      '_includes/note.html': '---\nan include\'s dashes are text\n---\n{% flourish %}\n',
      'index.md': '---\nlayout: default\n---\nHello.\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId, f.severity])).toEqual([
      ['_includes/note.html', 4, 'liquid-syntax', 'error'],
      ['_layouts/default.html', 4, 'liquid-syntax', 'error'],
    ]);
  });

  it('says once that a folder another generator builds is checked as Jekyll would build it, unless it has a Jekyll config', async () => {
    const site = { '.eleventy.js': 'module.exports = () => ({});\n', 'index.md': '---\ntitle: Home\n---\nHello.\n' };
    const eleventy = await lintSite(site);
    expect(eleventy.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([['.eleventy.js', 'site-generator', 'warning']]);
    expect(eleventy.findings[0]!.message).toContain('Eleventy');
    expect((await lintSite({ ...site, '_config.yml': 'title: Both\n' })).findings).toEqual([]);
    expect((await lintSite({ 'index.md': site['index.md'] })).findings).toEqual([]);
    const workbench = await lintSite({ 'config.yaml': "carpentry: 'swc'\n", 'episodes/intro.md': '---\ntitle: Intro\n---\nHello.\n' });
    expect(workbench.findings.map((f) => [f.file, f.ruleId])).toEqual([['config.yaml', 'site-generator']]);
    expect(workbench.findings[0]!.message).toContain('the Carpentries Workbench');
    // Hugo reads `hugo.yml` as well as `hugo.yaml` (twbs/blog).
    const hugo = await lintSite({ 'hugo.yml': 'title: Blog\n', 'src/content/news.md': '---\ntitle: News\n---\n{{< x >}}\n' });
    expect(hugo.findings.filter((f) => f.ruleId === 'site-generator').map((f) => [f.file, f.message.includes('Hugo')])).toEqual([['hugo.yml', true]]);
    const middleman = await lintSite({ 'config.rb': 'activate :blog\n', 'source/index.html.md': '---\ntitle: Home\n---\nHello.\n' });
    expect(middleman.findings.map((f) => [f.file, f.ruleId, f.message.includes('Middleman')])).toEqual([['config.rb', 'site-generator', true]]);
    // Hexo's config file has Jekyll's name; its scaffolds/ folder tells them apart.
    const hexo = await lintSite({ '_config.yml': 'title: Hexo\n', 'scaffolds/post.md': '---\ntitle: {{ title }}\n---\n', 'source/_posts/a.md': '---\ntitle: A\n---\nHello.\n' });
    expect(hexo.findings.filter((f) => f.ruleId === 'site-generator').map((f) => [f.file, f.message.includes('Hexo')])).toEqual([['_config.yml', true]]);
    // `.nojekyll` (a Docsify site): GitHub Pages publishes the folder as it is.
    const asItIs = await lintSite({ '.nojekyll': '', 'index.html': '<div id="app"></div>\n', 'README.md': '# Home\n', '_sidebar.md': '* [Guide](guide.md)\n' });
    expect(asItIs.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      ['.nojekyll', 'site-generator', 'This looks like a folder GitHub Pages publishes as it is, without Jekyll (`.nojekyll`, and no `_config.yml`): doclint checks a site as Jekyll builds it, so its findings on Liquid tags, permalinks and links may not apply here.'],
    ]);
    // A repository's top, its Jekyll site in docs/ (league/commonmark's, with a `.nojekyll` at its top: 257 errors on its test fixtures).
    const top = await lintSite({ 'README.md': '# Lib\n', '.nojekyll': '', 'site/_config.yml': 'title: Other\n', 'docs/_config.yml': 'title: Docs\n', 'docs/index.md': '---\n---\nHello.\n' });
    expect(top.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      ['docs/_config.yml', 'site-generator', "This looks like a repository whose Jekyll site is its `docs/` folder (`docs/_config.yml`, and no `_config.yml` here): doclint read this folder as a site of its own, with Jekyll's defaults: check the site with `--root docs`."],
    ]);
    expect((await lintSite({ 'README.md': '# Lib\n', 'docs/_config.yml': 'title: Docs\n', 'docs/index.md': '---\n---\nHello.\n' }, undefined, undefined, { folder: 'docs' })).findings).toEqual([]);
    // Or another generator's site in one of its folders (ruby_jard's Docusaurus site in website/).
    const docusaurus = await lintSite({ 'README.md': '# Lib\n', 'website/docusaurus.config.js': 'module.exports = {};\n', 'website/docs/a.md': '# A\n' });
    expect(docusaurus.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      ['website/docusaurus.config.js', 'site-generator', 'This looks like a repository whose `website/` folder Docusaurus builds (`website/docusaurus.config.js`, and no `_config.yml` here): doclint checks a site as Jekyll builds it, so its findings on Liquid tags, permalinks and links may not apply here.'],
    ]);
    // silverback's DocFX site in docs/ (its `# [Kafka](#tab/kafka)` tabs are DocFX's, not anchors).
    const docfx = await lintSite({ 'README.md': '# Lib\n', 'docs/docfx.json': '{}\n', 'docs/index.md': '# A\n' });
    expect(docfx.findings.map((f) => [f.file, f.message.includes('DocFX builds')])).toEqual([['docs/docfx.json', true]]);
  });

  it('takes disable comments in layouts, includes and .html pages, inside their HTML', async () => {
    const result = await lintSite({
      '_config.yml': 'title: Disable comments\n',
      '_includes/nav.html': '<nav>\n  <!-- doclint-disable-next-line link-internal -->\n  <a href="/old/">Old</a>\n  <a href="/gone/">Gone</a>\n</nav>\n',
      '_layouts/default.html': '{% include nav.html %}{{ content }}\n',
      'page.html': '---\nlayout: default\n---\n<div>\n  <a href="/gone/">Gone</a> <!-- doclint-disable-line -->\n  <a href="/lost/">Lost</a>\n</div>\n',
      'index.md': '---\nlayout: default\n---\nHello.\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([['_includes/nav.html', 4, 'link-internal'], ['page.html', 6, 'link-internal']]);
  });

  it('reads links only from HTML tags: not from escaped markup in code, comments, scripts or prose', async () => {
    // jekyll build 4.3.1 writes each of these as it is; html-proofer 3.19 finds no link in them (a README rendered into an include had `&lt;a href='/bar'&gt;` in its code).
    const result = await lintSite({
      '_config.yml': 'title: Tags only\n',
      '_includes/readme.html': `<pre><code><span class="s2">"&lt;a href='/bar'&gt;do something&lt;/a&gt;"</span></code></pre>\n<a href="/gone/">Gone</a>\n`,
      '_layouts/default.html': '<!-- <a href="/old/">Old</a> -->\n<script>var a = \'<img src="/x.png">\';</script>\n{{ content }}\n',
      'page.html': '---\nlayout: default\n---\n<!-- <a href="/old/"> -->\n<p>Set src="/y.png" here. <a href=/lost/>Lost</a></p>\n{% include readme.html %}\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([['_includes/readme.html', 2, 'link-internal'], ['page.html', 5, 'link-internal']]);
  });

  it('checks the links and ids of static HTML files, relative ones from their own URL, not those scripts fill in', async () => {
    // jekyll build 4.3.1 copies the three .html files as they are; html-proofer 3.19 reports /js/app.js,
    // ../missing/, img/pic.png, #nothere and the page's #nope (and `{{url}}`, which the page's scripts write).
    const result = await lintSite({
      '_config.yml': 'title: Slides\nexclude: [vendor-docs]\n',
      'index.md': '---\n---\n[s](/slides/) [t](/slides/#intro) [u](/slides/#nope)\n',
      'slides/index.html': [
        '<!doctype html>',
        '<html><head><link rel="stylesheet" href="css/reveal.css"><script src="/js/app.js"></script></head>',
        '<body><section id="intro"><a href="../">home</a> <a href="../missing/">gone</a> <a href="other.html#x">o</a>',
        '<img src="img/pic.png"> <a href="{{url}}">tpl</a> <a href="#intro">self</a> <a href="#nothere">bad</a></section></body></html>',
        '',
      ].join('\n'),
      'slides/other.html': '<p id="x">x</p>\n',
      'slides/css/reveal.css': '',
      'based.html': '<base href="https://cdn.example.org/"><img src="pic.png"><a href="/nowhere/">n</a>\n',
      'template.html': '<link href="%%BASE_URL%%/css/x.css"> <a href="<?php echo $url ?>">p</a> <a href="[% url %]">t</a>\n',
      '_drafts/old.html': '<a href="/gone/">gone</a>\n',
      'vendor-docs/api.html': '<a href="/gone/">gone</a>\n',
    });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'based.html:1:67 link-internal',
      'index.md:3:47 link-anchor',
      'slides/index.html:2:71 link-internal',
      'slides/index.html:3:59 link-internal',
      'slides/index.html:4:11 link-internal',
      'slides/index.html:4:86 link-anchor',
    ]);
    expect(result.files).toEqual(expect.arrayContaining(['based.html', 'slides/index.html', 'slides/other.html', 'template.html']));
    expect(result.files).not.toContain('_drafts/old.html');
    // Front matter defaults give a static file no layout: a layout only they would use is written nowhere.
    const laidOut = await lintSite({ '_config.yml': 'defaults:\n  - scope: {path: ""}\n    values: {layout: page}\n', '_layouts/page.html': '<a href="/gone/">x</a>{{ content }}\n', 's.html': '<p>static</p>\n' });
    expect(laidOut.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([['_layouts/page.html', 'link-internal', 'warning']]);
    expect(result.files).not.toContain('vendor-docs/api.html');
    // Served by Apache with server-side includes (apache/kafka-site): the server puts the pages together, not Jekyll.
    const assembled = await lintSite({
      '.htaccess': 'Options +Includes\nAddHandler server-parsed .html\n',
      'documentation.html': '<!--#include virtual="design.html" -->\n',
      'design.html': '<a href="#compaction">compaction</a> <a href="gone.html">gone</a>\n',
    }, undefined, undefined, { allowEmpty: true });
    expect(assembled.files).toEqual([]);
    // `.nojekyll`: GitHub Pages publishes the folder as it is, `_static/` included (Sphinx's output).
    const asItIs = await lintSite({ '.nojekyll': '', 'index.html': '<link rel="stylesheet" href="_static/basic.css">\n', '_static/basic.css': '' }, undefined, undefined, { allowEmpty: true });
    expect(asItIs.files).toEqual([]);
  });

  it('takes the URL paths another step of the build publishes from `jekyll.published`', async () => {
    // Homebrew/brew's docs link to /rubydoc/…, which YARD writes before jekyll build runs.
    const site = { '_config.yml': 'baseurl: /docs\n', 'index.md': '---\n---\n[a]({{ site.baseurl }}/rubydoc/Formula.html#method) [b]({{ site.baseurl }}/search/index.json) [c]({{ site.baseurl }}/gone/)\n' };
    const found = async (published?: string[]) => (await lintSite(site, undefined, undefined, published ? { config: { jekyll: { published } } } : {})).findings.map((f) => f.message.replace(/ \(did.*/, ''));
    expect(await found()).toEqual(['No page or file is published at `/docs/rubydoc/Formula.html`.', 'No page or file is published at `/docs/search/index.json`.', 'No page or file is published at `/docs/gone/`.']);
    expect(await found(['/rubydoc/**', 'search/*.json'])).toEqual(['No page or file is published at `/docs/gone/`.']);
  });

  it('takes what .gitignore leaves out of git as written by another step of the build, from the repository root down to the site, and lints none of it', async () => {
    // uswds/uswds-site: `assets/` is in .gitignore, its gulp build writes the CSS, JS and icons there before jekyll build (102 links).
    const result = await lintSite(
      {
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.gitignore': 'node_modules/\n/docs/generated/\n/other/\n*.min.js\n',
        'docs/.gitignore': 'assets/*\n!assets/keep.css\n',
        'docs/_config.yml': 'title: Site\n',
        // Present, as after a local build: published where they are, not linted (a fresh clone has neither).
        'docs/generated/api.html': '<a href="/nowhere/">x</a>\n',
        'docs/assets/draft.md': '---\n---\n[x](/nowhere/)\n',
        'docs/index.md': [
          '---',
          '---',
          '[css](/assets/css/styles.css) [kept](/assets/keep.css) [gen](/generated/api.html) [js](/js/app.min.js)',
          '[other](/other/x.html) [modules](/node_modules/x/y.js) [gone](/gone/)',
          '',
        ].join('\n'),
      },
      undefined,
      undefined,
      { folder: 'docs' },
    );
    expect(result.files).toEqual(['index.md']);
    expect(result.findings.map((f) => f.message.replace(/ \(did.*/, ''))).toEqual([
      'No page or file is published at `/assets/keep.css`.',
      'No page or file is published at `/other/x.html`.',
      'No page or file is published at `/node_modules/x/y.js`.',
      'No page or file is published at `/gone/`.',
    ]);
  });

  it('takes a submodule this copy does not hold as published by the build (a checkout without submodules, as actions/checkout makes)', async () => {
    const result = await lintSite(
      {
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.gitmodules': '[submodule "lib"]\n\tpath = docs/assets/lib\n\turl = https://github.com/x/lib.git\n[submodule "theme"]\n\tpath = docs/theme\n\turl = https://github.com/x/theme.git\n[submodule "out"]\n\tpath = ../out\n\turl = https://github.com/x/out.git\n',
        'docs/_config.yml': 'title: Site\n',
        // The theme submodule is checked out: its files are the site's, and a missing one is missing.
        'docs/theme/main.css': '',
        'docs/index.md': '---\n---\n[lib](/assets/lib/jquery.js) [theme](/theme/main.css) [gone](/theme/gone.css) [near](/assets/library.js)\n',
      },
      undefined,
      (dir) => mkdirSync(join(dir, 'docs/assets/lib'), { recursive: true }),
      { folder: 'docs' },
    );
    expect(result.findings.map((f) => f.message.replace(/ \(did.*/, ''))).toEqual(['No page or file is published at `/theme/gone.css`.', 'No page or file is published at `/assets/library.js`.']);
  });

  it('takes a build step\'s output where git ignores it: a collection\'s folder, an include, a `{% link %}` target, and what a symbolic link into it leads to (erlang.org)', async () => {
    // erlang/erlang-org: its Makefile fills `_patches/` (a collection) and `docs/` before jekyll build; `doc -> docs/doc` is committed.
    const result = await lintSite(
      {
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.gitignore': '_patches\ndocs\n_includes/otp-versions.html\n',
        '_config.yml': 'collections:\n  patches:\n    output: true\n    permalink: /:collection/:path\n',
        'index.md': [
          '---',
          '---',
          '[p](/patches/OTP-24.1) [l]({% link _patches/OTP-24.1.html %}) [d](/doc/readme.html) [x](/docx/readme.html) [o](/out/x.html)',
          '{% include otp-versions.html %} {% include missing.html %}',
          '',
        ].join('\n'),
      },
      undefined,
      (dir) => {
        symlinkSync('docs/doc', join(dir, 'doc'));
        symlinkSync('../outside', join(dir, 'out'));
      },
    );
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['3:89 link-internal', '3:112 link-internal', '4:44 liquid-include']);
  });

  it('takes a missing page for one a build step\'s posts may publish, where git leaves a folder of posts to it (plotly)', async () => {
    // plotly/graphing-library-docs: its Makefile clones other repositories' docs into `_posts/python/html/` (in .gitignore), each with its
    // own permalink: any page path may be theirs, not a file's (`.png`); a file git ignores (`notes.txt`, `*.ipynb`) is no folder of them, nor is a
    // collection's folder (`_docs/fetched/`: its documents publish under their folder's URL), nor one Jekyll's reader passes over (`_posts/_archive/`).
    const result = await lintSite({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '_posts/python/html\n_docs/fetched/\n_posts/notes.txt\n*.ipynb\n_posts/_archive/\n',
      '_config.yml': 'collections:\n  docs:\n    output: true\n',
      '_docs/guide.md': '---\n---\nGuide.\n',
      'index.md': '---\n---\n[a](/python/axes/) [b](/python/logo.png) [c](/other/) [d](example.com/page)\n',
    });
    expect(result.findings.map((f) => `${f.column} ${f.severity} ${f.message}`)).toEqual([
      '5 warning No source file publishes a page at `/python/axes/`, unless a post the build puts in `_posts/python/html/` publishes it (.gitignore leaves it to a build step).',
      '24 error No page or file is published at `/python/logo.png`.',
      '46 warning No source file publishes a page at `/other/`, unless a post the build puts in `_posts/python/html/` publishes it (.gitignore leaves it to a build step).',
      // A typo whatever the build writes; `_posts/_archive/` is a folder Jekyll passes over.
      '59 error No page or file is published at `/example.com/page`. `example.com/page` is a path on this site: a link to another site starts with `https://`.',
    ]);
  });

  it('reports a symbolic link that leads nowhere where jekyll build stops on it, and no other', async () => {
    // jekyll 4.3.1 stops on link.txt, d/dirlink, _data/d.yml and _posts/… ("No such file or directory"); not on _includes/x.html,
    // _layouts/y.html, an excluded link, or one into what .gitignore leaves to the build.
    const links: Record<string, string> = { 'link.txt': 'missing/target.txt', 'd/dirlink': '../nowhere', '_data/d.yml': 'nope.yml', '_posts/2020-01-01-x.md': 'nope.md', '_includes/x.html': 'nope.html', '_layouts/y.html': 'nope.html', 'old.txt': 'gone.txt', 'api': 'build/api' };
    const site = { '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'build/\n', '_config.yml': 'exclude: [old.txt]\n', 'index.md': '---\n---\nHome.\n', 'd/page.md': '---\n---\nA page.\n' };
    const make = (dir: string) => {
      for (const [path, target] of Object.entries(links)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        symlinkSync(target, join(dir, path));
      }
    };
    const result = await lintSite(site, undefined, make);
    expect(result.findings.map((f) => `${f.file} ${f.severity}`)).toEqual(['_data/d.yml error', '_posts/2020-01-01-x.md error', 'd/dirlink error', 'link.txt error']);
    expect(result.findings.at(-1)!.message).toBe('This symbolic link leads to `missing/target.txt`, which does not exist: `jekyll build` stops on it (No such file or directory), as GitHub Pages\' build does. Remove the link, add what it leads to, or list it in `exclude`.');
    // A build file that runs jekyll build may make it first.
    const built = await lintSite({ ...site, Makefile: 'all:\n\tmkdir -p missing && jekyll build\n' }, undefined, make);
    expect(built.findings.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });

  it('takes a page a build step writes where git ignores its source as published at that page\'s URL (travis-ci\'s docs)', async () => {
    // travis-ci/docs-travis-ci-com: its Rakefile renders user/notifications.md.erb into user/notifications.md (in .gitignore).
    const result = await lintSite({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'user/notifications.md\nguides/index.md\n',
      '_config.yml': 'permalink: pretty\n',
      'user/notifications.md.erb': '---\ntitle: Notifications\n---\n<%= 1 %>\n',
      'index.md': '---\n---\n[n](/user/notifications/) [h](/user/notifications.html) [g](/guides/) [o](/user/other/)\n',
    });
    expect(result.findings.map((f) => f.message)).toEqual(['No page or file is published at `/user/other/`.']);
    // A path with a line break in it (`%0A`) is looked up as any other.
    const broken = await lintSite({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'user/notifications.md\n', 'index.md': '---\n---\n[n](/user/a%0Ab.html)\n' });
    expect(broken.findings.map((f) => f.ruleId)).toEqual(['link-internal']);
  });

  it('drops the line breaks and tabs of a URL, as a browser does', async () => {
    // rails/website: `<img src="/assets/…/sponsors\n/RW-logo-clio.svg">` shows the logo.
    const result = await lintSite({
      'images/logos/a.svg': '',
      'index.md': '---\n---\n<p><img src="/images/logos\n/a.svg" alt="A"> <img src="/images/\tlogos/b.svg" alt="B"></p>\n',
    });
    expect(result.findings.map((f) => f.message)).toEqual(['No page or file is published at `/images/logos/b.svg` (did you mean `/images/logos/a.svg`?).']);
  });

  it('does not take a .gitignore that ignores everything (`*`, then `!` for what is kept) as a build step\'s output', async () => {
    const result = await lintSite({ '.gitignore': '*\n!*.md\n!.gitignore\n', 'index.md': '---\n---\n[a](/gone.html)\n' });
    expect(result.findings.map((f) => f.message)).toEqual(['No page or file is published at `/gone.html`.']);
  });

  it('lints a file .gitignore names that git tracks all the same (added with --force)', async () => {
    const files = { '.gitignore': 'legacy/\n', 'index.md': '---\n---\nHome.\n', 'legacy/kept.md': '---\n---\n[a](/gone/)\n', 'legacy/local.md': '---\n---\n[b](/gone/)\n' };
    const result = await lintSite(files, undefined, (dir) => {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'ignore' });
      git('init', '-q');
      git('add', '.gitignore', 'index.md');
      git('add', '--force', 'legacy/kept.md');
      git('commit', '-q', '-m', 'site');
    });
    expect(result.files).toEqual(['index.md', 'legacy/kept.md']);
    expect(result.findings.map((f) => f.file)).toEqual(['legacy/kept.md']);
  });

  it('says why a file of the repository a link names is not published: a name that starts with `_`, or `exclude`', async () => {
    // jekyll build 4.3.1 writes neither docs/_helper.html nor notes/a.html; html-proofer 3.19 reports both links (jashkenas/underscore's generated docs link to their `_` modules).
    const result = await lintSite({
      '_config.yml': 'exclude: [notes]\n',
      'docs/_helper.html': '<p>helper</p>\n',
      'docs/index.html': '<a href="_helper.html">helper</a> <a href="../notes/a.html">notes</a>\n',
      'notes/a.html': '<p>a</p>\n',
    });
    expect(result.findings.map((f) => f.message)).toEqual([
      'No page or file is published at `/docs/_helper.html`. `docs/_helper.html` is in the repository, but Jekyll publishes no file or folder whose name starts with `_`, `.`, `#` or `~` unless `include:` in _config.yml names it.',
      'No page or file is published at `/notes/a.html`. `notes/a.html` is in the repository, but `exclude:` in _config.yml leaves it out.',
    ]);
  });

  it('checks the relative links of layouts and includes from each page they are written into, as html-proofer reads the built pages', async () => {
    // jekyll build 4.3.1 + html-proofer 3.19.2 on this site: css/main.css and about.html are missing on the post and
    // docs/index.html (in folders), js/app.js on all four pages; nothing on an unused layout's link or a page-dependent one.
    const site = {
      '_layouts/default.html': '<html><head>{% include head.html %}</head><body>{{ content }}<a href="about.html">About</a><a href="{{ page.url }}x/">x</a></body></html>\n',
      '_layouts/unused.html': '<a href="nowhere.html">n</a>\n',
      '_includes/head.html': '<link rel="stylesheet" href="css/main.css"><script src="{{ "js/app.js" }}"></script>\n',
      'css/main.css': 'body {}\n',
      'about.md': '---\nlayout: default\n---\nAbout.\n',
      'index.md': '---\nlayout: default\n---\nHome.\n',
      '_posts/2020-01-02-post.md': '---\nlayout: default\n---\nA post.\n',
      'docs/index.md': '---\nlayout: default\n---\nDocs.\n',
      // Not an HTML page: no browser resolves its links from /blog/.
      'blog/feed.xml': '---\nlayout: default\n---\n',
    };
    const result = await lintSite(site);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      '_includes/head.html:1:30 This link is relative to the page, and reaches nothing from 2 of the 4 pages it is written into: from `_posts/2020-01-02-post.md` it leads to `/2020/01/02/css/main.css`, where nothing is published. Written from the site\'s root (`{{ "/css/main.css" | relative_url }}`), it reaches a published file.',
      '_includes/head.html:1:57 This link is relative to the page, and reaches nothing from all 4 pages it is written into: from `_posts/2020-01-02-post.md` it leads to `/2020/01/02/js/app.js`, where nothing is published.',
      '_layouts/default.html:1:71 This link is relative to the page, and reaches nothing from 2 of the 4 pages it is written into: from `_posts/2020-01-02-post.md` it leads to `/2020/01/02/about.html`, where nothing is published. Written from the site\'s root (`{{ "/about.html" | relative_url }}`), it reaches a published file.',
    ]);
    // A `<base href>` makes the browser resolve them from there instead.
    const based = await lintSite({ ...site, '_includes/head.html': `<base href="/">${site['_includes/head.html']}` });
    expect(based.findings.filter((f) => f.ruleId === 'link-internal')).toEqual([]);
  });

  it('checks the `{% link %}` tags of layouts and includes, an HTML comment around one included', async () => {
    // jekyll build 4.3.1: "Could not find document 'gone.md' in tag 'link'", though the link is inside <!-- -->.
    const result = await lintSite({
      '_config.yml': 'title: Link tags\n',
      '_includes/nav.html': '<!-- <a href="{% link gone.md %}">Old</a> -->\n<a href="{% link about.md %}">About</a>\n',
      '_layouts/default.html': '---\n---\n{% include nav.html %}{{ content }}\n',
      'index.md': '---\nlayout: default\n---\nHello.\n',
      'about.md': '---\ntitle: About\n---\nAbout.\n',
    });
    expect(result.findings.map((f) => [f.file, f.line, f.column, f.ruleId, f.severity])).toEqual([['_includes/nav.html', 1, 23, 'link-internal', 'error']]);
  });

  it('finds a static file by `{% link %}` with or without a leading slash, a page only without, and offers that fix', async () => {
    // jekyll build 4.3.1: /assets/x.svg and assets/x.svg are found, /about.md is not ("Could not find document '/about.md' in tag 'link'").
    const result = await lintSite({
      '_config.yml': 'title: Link tags\n',
      'assets/x.svg': '<svg/>\n',
      'about.md': '---\ntitle: About\n---\nAbout.\n',
      'index.md': '---\ntitle: Home\n---\n[a]({% link /assets/x.svg %}) [b]({% link assets/x.svg %}) [c]({% link /about.md %})\n',
    });
    expect(result.findings.map((f) => [f.line, f.column, f.ruleId, f.fix?.text])).toEqual([[4, 72, 'link-internal', 'about.md']]);
  });

  it('publishes a file of any text format that starts with front matter as a page (a `.tpl` at its permalink)', async () => {
    // jekyll build 4.3.1 writes assets/js/v.js and other.tpl (opensearch-project/documentation-website's version selector).
    const result = await lintSite({
      'assets/js/v.tpl': '---\npermalink: /assets/js/v.js\n---\nvar a = 1;\n',
      'other.tpl': '---\n---\nplain\n',
      'index.md': '---\n---\n[a](/assets/js/v.js) [b](/other.tpl) [c](/assets/js/v.tpl)\n',
    });
    expect(result.findings.map((f) => [f.column, f.ruleId])).toEqual([[42, 'link-internal']]);
  });

  it('publishes Sass pages as CSS, jekyll-feed\'s configured feeds, and leaves a URL with a scheme as it is in relative_url', async () => {
    // jekyll build 4.3.1 (jekyll-feed 0.17.0) writes /css/site.css, /feed.xml, /feed/news.xml and /podcast.xml, and the image's URL as it is.
    const result = await lintSite({
      '_config.yml': 'title: Outputs\nplugins: [jekyll-feed]\ncollections: [episodes]\nfeed:\n  categories: [news]\n  collections:\n    episodes:\n      path: podcast.xml\n',
      '_episodes/one.md': '---\ntitle: One\n---\nEpisode one.\n',
      'css/site.scss': '---\n---\nbody { margin: 0; }\n',
      '_layouts/default.html': '<link href="{{ "/css/site.css" | relative_url }}"><link href="/feed/news.xml"><link href="/podcast.xml"><img src="{{ "https://example.com/a.png" | relative_url }}" alt="A">{{ content }}\n',
      'index.md': '---\nlayout: default\n---\nHello.\n',
    });
    expect(result.findings).toEqual([]);
  });

  it('renders `{{ site.baseurl }}` as the config writes it, a trailing slash kept, and relative_url without it', async () => {
    // jekyll build 4.3.1 with `baseurl: /blog/` writes `{{ site.baseurl }}` as /blog/ and `{{ "/x" | relative_url }}` as /blog/x.
    const files = {
      '_layouts/default.html': '<link href="{{ site.baseurl }}css/site.css"><a href="{{ "/about/" | relative_url }}">About</a>{{ content }}\n',
      'css/site.css': 'body { margin: 0; }\n',
      'about.md': '---\nlayout: default\n---\n[Home]({{ site.baseurl }})\n',
      'index.md': '---\nlayout: default\n---\n[About]({{ site.baseurl }}about/) ![Logo]({{ site.baseurl }}logo.png)\n',
    };
    for (const baseurl of ['/blog/', '/']) {
      const result = await lintSite({ ...files, '_config.yml': `baseurl: ${baseurl}\npermalink: pretty\n` });
      expect(result.findings.map((f) => `${f.file}:${f.line}:${f.ruleId} ${f.message.replace(/ \(.*/s, '')}`), baseurl).toEqual([`index.md:4:link-internal No image or file is published at \`${baseurl}logo.png\`.`]);
    }
  });
});

/** Writes each file (path -> text) below `dir`, making its folders. */
function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Lints a throwaway site: the given files, over a copy of `base` when given; the site is `folder` of them when given. */
async function lintSite(files: Record<string, string>, base?: string, prepare?: (dir: string) => void, { folder = '', ...options }: Omit<LintOptions, 'root'> & { folder?: string } = {}): Promise<LintResult> {
  const { dir, cleanup } = tempCopy(base);
  try {
    writeFiles(dir, files);
    prepare?.(dir);
    return await lint({ ...options, root: join(dir, folder) });
  } finally {
    cleanup();
  }
}
