import { describe, expect, it } from 'vitest';
import { scanLiquid } from '../src/parse/liquid-tokens.js';
import { parseLiquid } from '../src/parse/liquid-tree.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { skippedBranches } from '../src/parse/liquid-branches.js';
import { withinRanges } from '../src/text/ranges.js';
import { defaultTags, lintString, repoRoot } from './helpers.js';

const kinds = (text: string): string[] => scanLiquid(text).map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);
const parse = (text: string) => parseLiquid(text, 0, text.length, defaultTags);

describe('scanLiquid (Ruby Liquid 5 tokenizer)', () => {
  it('finds tags and outputs with their names and markup', () => {
    const [tag] = scanLiquid('x {%- callout info -%} y');
    expect(tag).toMatchObject({ kind: 'tag', name: 'callout', markup: 'info ', start: 2, end: 22 });
    expect(scanLiquid('{{ site.baseurl }}')[0]).toMatchObject({ kind: 'output', markup: ' site.baseurl ' });
  });

  it('reads `{{x}` as one malformed output, as Ruby does', () => {
    expect(kinds('[x]({{site.baseurl}/a/)')).toEqual(['malformed-output:{{site.baseurl}']);
    expect(kinds("{{ 'a' | upcase }")).toEqual(["malformed-output:{{ 'a' | upcase }"]);
  });

  it('reads a lone `{%` or `{{` without any closer', () => {
    expect(kinds('a {% icon fa-cog } b')).toEqual(['malformed-tag:{%']);
    expect(kinds('a {{ b')).toEqual(['malformed-output:{{']);
  });

  it('ends a tag at the first `%}`, even inside quotes', () => {
    expect(kinds('{% assign a = "%}" %}')).toEqual(['tag:{% assign a = "%}', ]);
  });

  it('treats a tag without a name as malformed', () => {
    expect(kinds('{% %}')).toEqual(['malformed-tag:{% %}']);
  });

  it('ignores single braces and stray closers', () => {
    expect(kinds('{site.baseurl}} and }} and %}')).toEqual([]);
  });

  it('stays linear on thousands of unclosed openers', () => {
    const text = '{% '.repeat(200_000);
    const started = performance.now();
    expect(scanLiquid(text)).toHaveLength(200_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('parseLiquid (Ruby Liquid 5 block structure)', () => {
  it('builds nested blocks', () => {
    const result = parse('{% callout info %}\n{% if a %}x{% else %}y{% endif %}\n{% endcallout %}');
    expect(result.error).toBeUndefined();
    expect(result.nodes).toHaveLength(1);
    const [callout] = result.blocks;
    expect(callout?.close?.name).toBe('endcallout');
    expect(result.blocks[1]?.branches.map((b) => b.name)).toEqual(['else']);
  });

  it.each([
    ['{% callout info %}\nText.', 'never-closed', 0],
    ['{% callout info %}\nText.\n{% endtable %}', 'invalid-end-tag', 25],
    ['Text.\n{% endcallout %}', 'unknown-tag', 6],
    ['{% note %}', 'unknown-tag', 0],
    ['{% callout info %}{% else %}{% endcallout %}', 'unexpected-branch', 18],
    ['{% else %}', 'unexpected-branch', 0],
    ['{% raw %}\nText.', 'never-closed', 0],
    ['{% comment %}{% callout info %}{% endcomment %}', 'invalid-end-tag', 31],
    ['```\n{% callout info %}\n```', 'never-closed', 4],
    ['Press {% icon fa-cog %now.', 'unterminated-tag', 6],
    ['{% raw x %}{% endraw %}', 'invalid-raw', 0],
    // What Liquid's lax parsers refuse too (Jekyll's warn mode reads strictly first): checked against Liquid 5.4.
    ['{% if %}x{% endif %}', 'invalid-markup', 0],
    ['{% if x %}{% elsif %}{% endif %}', 'invalid-markup', 10],
    ['{% for item %}{% endfor %}', 'invalid-markup', 0],
    ['{% case x %}{% when %}{% endcase %}', 'invalid-markup', 12],
    ['{% case x %}{% else y %}{% endcase %}', 'invalid-markup', 12],
    ['{% assign total %}', 'invalid-markup', 0],
    ['{% capture %}x{% endcapture %}', 'invalid-markup', 0],
    ['{% cycle %}', 'invalid-markup', 0],
    ['{% comment %}{% if %}{% endif %}{% endcomment %}', 'invalid-markup', 13],
    // Jekyll's include tags check their parameters when parsed: checked against Jekyll 4.3.1.
    ['{% include a.html foo %}', 'invalid-markup', 0],
    ['{% include_relative a.md x="1" y= %}', 'invalid-markup', 0],
    ['{% highlight %}x{% endhighlight %}', 'invalid-markup', 0],
    ['{% highlight "ruby" %}x{% endhighlight %}', 'invalid-markup', 0],
  ])('%j fails with %s at offset %i', (text, code, start) => {
    expect(parse(text).error).toMatchObject({ code, start });
  });

  it.each([
    '{% if x == %}a{% endif %}{% if and[0] %}b{% endif %}{% if a b %}c{% endif %}',
    '{% for x in y foo: 2 %}{% endfor %}{% for x in (1..3) reversed limit: 2 %}{% endfor %}',
    '{% include a.html %}{% include {{ page.x | upcase }}.html k = "s p" q=a.b-c %}{% include a.html x="a\\"b" %}',
    '{% highlight c++ linenos %}x{% endhighlight %}{% highlight shell-session mark_lines="1 2" %}y{% endhighlight %}',
    '{% if x %}{% else y %}{% endif %}{% assign x = %}{% cycle a, , b %}',
    '{% raw %}{% callout nope %}{{ x {% endraw %}',
    '{% comment %}{% nosuchtag %}{% endcomment %}',
    '{% comment %}{% if true %}x{% endif %}{% endcomment %}',
    '{% callout info %}\nText.\n{% endcallout info %}',
    '{% case x %}{% when 1 %}a{% else %}b{% endcase %}',
    'Stray }} closing braces and %} too',
  ])('%j parses', (text) => {
    expect(parse(text).error).toBeUndefined();
  });

  it('does not parse tags inside raw', () => {
    const result = parse('{% raw %}{% icon %}{% endraw %}{% icon fa-x %}');
    expect(result.tags.map((t) => t.name)).toEqual(['raw', 'icon']);
    expect(result.blocks[0]?.rawBody).toEqual({ start: 9, end: 19 });
  });

  it('stops at 100 levels of nesting like Liquid', () => {
    const text = '{% if a %}'.repeat(150) + '{% endif %}'.repeat(150);
    expect(parse(text).error).toMatchObject({ code: 'nesting-too-deep' });
  });

  it('honours custom tags from the registry', async () => {
    const { createTagRegistry } = await import('../src/parse/tag-registry.js');
    const registry = createTagRegistry({ note: { block: true }, callout: false });
    expect(parseLiquid('{% note %}x{% endnote %}', 0, 24, registry).error).toBeUndefined();
    expect(parseLiquid('{% callout info %}', 0, 18, registry).error).toMatchObject({ code: 'unknown-tag' });
  });
});

describe('every Liquid error of a page', () => {
  it('reports the first as Jekyll fails on it, then each later one, saying it may follow from the first', () => {
    const text = '---\ntitle: t\n---\n{% note %}\n\n{{ unclosed\n\n{% if a %}\nfine\n{% endif %}\n\n{% endfor %}\n';
    const findings = lintString(text).filter((f) => f.ruleId === 'liquid-syntax');
    // The unclosed output swallows `{% if a %}` (as Liquid's tokenizer does), so `{% endif %}` on line 10 follows from it.
    expect(findings.map((f) => f.line)).toEqual([4, 6, 10, 12]);
    expect(findings[0]!.message).not.toContain('may follow');
    expect(findings[1]!.message).toContain('Liquid stops at the first error, on line 4; this one may follow from it.');
  });

  it('goes on past an unknown tag as past a simple tag (a plugin\'s tag would render the rest), so blocks after it keep their branches', () => {
    const text = '{% include_cached toc.html %}\n{% assign n = site.x | size %}\n{% for t in site.x %}{% case t %}{% when "a" %}{% include_cached x.html %}{% endcase %}{% endfor %}\n{% myblock %}y{% endmyblock %}\n';
    const parsed = parse(text);
    expect([parsed.error, ...parsed.laterErrors].map((e) => e!.message.split(':')[0])).toEqual(['Unknown Liquid tag `include_cached`', 'Unknown Liquid tag `include_cached`', 'Unknown Liquid tag `myblock`', 'Unknown Liquid tag `endmyblock`']);
    expect(parsed.blocks.map((b) => [b.open.name, b.branches.map((t) => t.name), b.close?.name])).toEqual([['for', [], 'endfor'], ['case', ['when'], 'endcase']]);
    // Everything after the first unknown tag is Liquid the page's Markdown does not see: `size %}` starts no table.
    expect(parsed.tags.map((t) => t.name)).toEqual(['include_cached', 'assign', 'for', 'case', 'include_cached', 'myblock', 'endmyblock']);
    const tables = lintString(`---\ntitle: t\n---\n${text}`).filter((f) => f.ruleId.startsWith('table-'));
    expect(tables).toEqual([]);
  });

  it('stops at a bound on a page of nothing but errors', () => {
    const findings = lintString(`---\ntitle: t\n---\n${'{% nope %}\n'.repeat(500)}`).filter((f) => f.ruleId === 'liquid-syntax');
    expect(findings).toHaveLength(51);
  });
});

describe('branches the config and the page decide (skippedBranches)', () => {
  const skipped = (text: string, site: Record<string, unknown>, page?: Record<string, unknown>) =>
    skippedBranches(parseLiquid(text, 0, text.length, defaultTags), site, page).map(({ start, end }) => text.slice(start, end).trim());
  const site = { kind: 'workshop', count: 2, on: true, none: null, nested: { flavor: 'r' }, github: { url: 'x' } };

  it('skips the branches a comparison or a value of the config rules out, as Liquid renders them', () => {
    expect(skipped('{% if site.kind == "lesson" %}A{% elsif site.kind == \'workshop\' %}B{% else %}C{% endif %}', site)).toEqual(['A', 'C']);
    expect(skipped('{% if site.kind != "workshop" %}A{% else %}B{% endif %}', site)).toEqual(['A']);
    expect(skipped('{% if site.kind<>"workshop" %}A{% endif %}', site)).toEqual(['A']);
    expect(skipped('{% unless site.kind == "workshop" %}A{% else %}B{% endunless %}', site)).toEqual(['A']);
    expect(skipped('{% if site.count == 2.0 %}A{% else %}B{% endif %}{% if site.count == "2" %}C{% endif %}', site)).toEqual(['B', 'C']);
    // nil and false are false; every other value, "" and 0 too, is true.
    expect(skipped('{% if site.none %}A{% endif %}{% if site.on %}B{% else %}C{% endif %}{% if site.nested.flavor == "r" %}D{% endif %}', site)).toEqual(['A', 'C']);
    expect(skipped('{% if true %}A{% elsif site.kind %}B{% else %}C{% endif %}', site)).toEqual(['B', 'C']);
    // `and` and `or` group from the right; one false side of an `and` decides it whatever the other is.
    expect(skipped('{% if site.kind == "lesson" and page.x %}A{% endif %}{% if site.on or site.none and page.x %}B{% endif %}', site)).toEqual(['A']);
    expect(skipped('{% if site.kind contains "shop" %}A{% else %}B{% endif %}{% if site.count > 1 %}C{% else %}D{% endif %}', site)).toEqual(['B', 'D']);
  });

  it('decides an include\'s branches from one call\'s parameters: a quoted value, nil where none is passed', () => {
    const text = '{% if include.type != "old" %}A{% endif %}{% if include.open %}B{% endif %}{% case include.kind %}{% when "x" %}C{% else %}D{% endcase %}{% if include.type.size == 3 %}E{% endif %}';
    const skippedFor = (include?: Record<string, string | null>) =>
      skippedBranches(parseLiquid(text, 0, text.length, defaultTags), site, undefined, include).map(({ start, end }) => text.slice(start, end).trim());
    expect(skippedFor({ type: 'old', kind: 'x' })).toEqual(['A', 'B', 'D']);
    expect(skippedFor({})).toEqual(['B', 'C', 'E']);
    // A value passed as a variable, or no call known: undecided.
    expect(skippedFor({ type: null, open: null, kind: null })).toEqual([]);
    expect(skippedFor(undefined)).toEqual([]);
  });

  it('decides nothing it cannot know', () => {
    const undecided = [
      '{% if page.kind == "lesson" %}A{% endif %}',
      '{% if site.absent == "lesson" %}A{% endif %}',
      '{% if site.github.url == "y" %}A{% endif %}',
      '{% if site.nested == "r" %}A{% endif %}',
      '{% if site.kind == "lesson" or page.x %}A{% endif %}',
      '{% if site.kind == empty %}A{% endif %}',
      '{% if site.kind > 1 %}A{% endif %}',
      '{% if site.kind == (1..2) %}A{% endif %}',
      '{% if site.kind == "lesson" %}A',
      '{% case site.absent %}{% when "lesson" %}A{% endcase %}',
      '{% case site.kind %}{% when "lesson" %}{% assign a = 1 %}A{% endcase %}',
    ];
    for (const text of undecided) expect(skipped(text, site), text).toEqual([]);
    // An undecided branch before a false one: the false one is still never taken, the rest may be.
    expect(skipped('{% if page.x %}A{% elsif site.kind == "lesson" %}B{% else %}C{% endif %}', site)).toEqual(['B']);
  });

  it('reads a page’s own values and the variables it assigns from them (checked with Ruby Liquid 5.4)', () => {
    const page = { address: 'Room A, 1 Forth Street', latitude: '45', longitude: '-1', what3words: null, languages: ['r', 'python'], tags: ['r'], url: '/x/' };
    const workshop = [
      '{% assign begin_address = page.address | slice: 0, 4 | downcase %}',
      '{% if page.address == "online" %}{% assign online = "true_private" %}',
      '{% elsif begin_address contains "http" %}{% assign online = "true_public" %}',
      '{% else %}{% assign online = "false" %}{% endif %}',
      '{% if page.latitude and page.longitude and online == "false" %}MAP{% if page.what3words %}W3W{% endif %}',
      '{% elsif online == "true_public" %}<a href="{{page.address}}">LINK</a>',
      '{% elsif online == "true_private" %}PRIVATE{% endif %}',
    ].join('\n');
    expect(skipped(workshop, site, page).filter((text) => /^[A-Z<]/.test(text))).toEqual(['W3W', '<a href="{{page.address}}">LINK</a>', 'PRIVATE']);
    expect(skipped(workshop, site, { ...page, address: 'https://meet.example.org/x' })).toContain('MAP{% if page.what3words %}W3W{% endif %}');
    expect(skipped('{% if page.languages contains "r" %}A{% else %}B{% endif %}{% if page.languages.size > 2 %}C{% endif %}', site, page)).toEqual(['B', 'C']);
    // Page values are unknown in a fragment (no page given), and so are the ones Jekyll or a plugin may fill in.
    expect(skipped('{% if page.address == "online" %}A{% endif %}{% if page.title %}B{% endif %}', site)).toEqual([]);
    // Jekyll's own values win over the front matter's (`url`), or add to them (a post's folder is one of its categories).
    expect(skipped('{% if page.title %}A{% endif %}{% if page.url == "/x/" %}B{% else %}C{% endif %}{% if page.tags contains "r" %}D{% else %}E{% endif %}', site, page)).toEqual([]);
  });

  it('renders every `when` of a `case` that matches, and an `else` no `when` before it matched (checked with Ruby Liquid 5.4)', () => {
    const page = { x: 'b' };
    expect(skipped('{% case page.x %}PRE{% when "a", "b" %}A{% when "b" or "c" %}B{% when 1 %}N{% else %}E{% endcase %}', site, page)).toEqual(['PRE', 'N', 'E']);
    expect(skipped('{% case page.x %}{% when "a" %}A{% else %}E{% when "b" %}B{% endcase %}', site, page)).toEqual(['A']);
    expect(skipped('{% case page.x %}{% when "b" %}B{% else %}E1{% else %}E2{% endcase %}', site, { x: 'z' })).toEqual(['B']);
  });

  it('skips no branch Ruby Liquid renders, on the conformance templates (fixtures/conformance/liquid-branches.json)', () => {
    const vectors = JSON.parse(readFileSync(join(repoRoot, 'fixtures/conformance/liquid-branches.json'), 'utf8')) as { site: Record<string, unknown>; page: Record<string, unknown>; cases: { template: string; output: string | { error: string } }[] };
    let markers = 0;
    let skippedMarkers = 0;
    for (const { template, output } of vectors.cases) {
      // A template Liquid fails to render fails the build: nothing of it is written either way.
      if (typeof output !== 'string') continue;
      const ranges = skippedBranches(parse(template), vectors.site, vectors.page);
      for (const marker of template.matchAll(/M\d+ /g)) {
        markers++;
        if (!withinRanges(ranges, marker.index, marker.index + marker[0].length)) continue;
        skippedMarkers++;
        expect(output.includes(marker[0]), `${marker[0]}in ${template}`).toBe(false);
      }
    }
    expect(skippedMarkers).toBeGreaterThan(markers / 2);
  });

  it('leaves a variable undecided where it may hold more than one value', () => {
    const page = { on: true };
    // Assigned in a branch that may or may not render, in a loop (any number of times), by an include or a capture.
    for (const text of [
      '{% assign a = 1 %}{% if page.x %}{% assign a = 2 %}{% endif %}{% if a == 1 %}A{% endif %}',
      '{% assign first = true %}{% for i in (1..3) %}{% if first %}A{% assign first = false %}{% else %}B{% endif %}{% endfor %}',
      '{% assign a = 1 %}{% include x.html %}{% if a == 1 %}A{% else %}B{% endif %}',
      '{% assign a = 1 %}{% capture a %}2{% endcapture %}{% if a == 1 %}A{% else %}B{% endif %}',
      '{% assign a = page.on | split: "," %}{% if a %}A{% else %}B{% endif %}',
    ]) expect(skipped(text, site, page), text).toEqual([]);
    // A loop's own variable is unknown in its body, and what it was before comes back after it.
    expect(skipped('{% assign i = 0 %}{% for i in (1..2) %}{% if i == 0 %}A{% endif %}{% endfor %}{% if i == 0 %}B{% else %}C{% endif %}', site, page)).toEqual(['C']);
  });
});
