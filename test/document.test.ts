import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Code, InlineCode, Link } from 'mdast';
import { parseDocument } from '../src/parse/document.js';
import { htmlStartTags, idAttributes, linkAttributes, pageAttributes } from '../src/parse/html-tags.js';
import { readJekyllConfig } from '../src/site/jekyll-config.js';
import { kramdownTables } from '../src/parse/kramdown-tables.js';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { Node } from 'unist';
import { defaultTags, lintString, parse } from './helpers.js';

function first<T extends Node>(tree: Node, type: string): T {
  let found: T | undefined;
  visit(tree, type, (node) => {
    found ??= node as T;
  });
  if (!found) throw new Error(`no ${type} node`);
  return found;
}

describe('parseDocument', () => {
  it('masks what Liquid and the front matter leave behind at the same offsets, line breaks kept', () => {
    const text = [
      '\uFEFF---\r\ntitle: x\r\n---\r\n',
      '{% callout info %}\r\n',
      'Go to {{ site.baseurl }}/a/ {% icon fa-cog %} now.\r\n',
      '{% endcallout %}\r\n',
      'x {% comment %}two\r\nlines{% endcomment %} y\n',
      '{% raw %}{{ kept }}{% endraw %}\n',
    ].join('');
    const expected = [
      ' ', ' '.repeat(3), '\r\n', ' '.repeat(8), '\r\n', ' '.repeat(3), '\r\n',
      ' '.repeat(18), '\r\n',
      `Go to ${'x'.repeat(18)}/a/ ${'x'.repeat(17)} now.\r\n`,
      ' '.repeat(16), '\r\n',
      `x ${'x'.repeat(13)}   \r\n     ${'x'.repeat(16)} y\n`,
      // A tag that renders nothing at the line's end leaves nothing there.
      `${'x'.repeat(9)}{{ kept }}${' '.repeat(12)}\n`,
    ].join('');
    expect(parse(text).maskedText).toBe(expected);
  });

  it('reads `1)` at a line start as kramdown 2.4 does: text, not a list item, so indented lines after it are code', () => {
    // kramdown 2.4.0: <p>39) <strong>Step</strong></p> <pre><code>f[Int](x)</code></pre> <ol><li><p>item</p><p>[a](b)…</p></li></ol>
    const document = parse('---\ntitle: x\n---\n39) **Step**\n\n    f[Int](x)\n\n> 2) quoted\n\n1. item\n\n    [a](b)\n\n```\n3) fenced\n```\n');
    const kinds = document.mdast.children.map((node) => node.type);
    expect(kinds).toEqual(['paragraph', 'code', 'blockquote', 'list', 'code']);
    expect(first<Code>(document.mdast, 'code').value).toBe('f[Int](x)');
    expect(first<Link>(document.mdast, 'link').url).toBe('b');
    expect(document.mdast.children.at(-1)).toMatchObject({ type: 'code', value: '3) fenced' });
    expect(document.text.slice(document.mdast.children[0]!.position!.start.offset, document.mdast.children[0]!.position!.end.offset)).toBe('39) **Step**');
  });

  it('gives tree positions in the original file, with BOM and CRLF', () => {
    const text = '\uFEFF---\r\ntitle: x\r\n---\r\n\r\nSee [docs](https://example.test/).\r\n';
    const document = parse(text);
    const link = first<Link>(document.mdast, 'link');
    expect(link.position?.start).toMatchObject({ line: 5, column: 5 });
    expect(text.slice(link.position!.start.offset!, link.position!.end.offset!)).toBe('[docs](https://example.test/)');
    expect(document.lines.position(link.position!.start.offset!)).toEqual({ line: 5, column: 5 });
  });

  it('keeps a `{{ site.baseurl }}` link destination (with spaces) one link, locatable', () => {
    const text = '---\ntitle: x\n---\nRead [this]({{ site.baseurl }}/article/x/#a) now.\n';
    const document = parse(text);
    const link = first<Link>(document.mdast, 'link');
    expect(text.slice(link.position!.start.offset!, link.position!.end.offset!)).toBe('[this]({{ site.baseurl }}/article/x/#a)');
    const output = document.liquid.outputs[0]!;
    expect(text.slice(output.start, output.end)).toBe('{{ site.baseurl }}');
    expect(document.lines.position(output.start)).toEqual({ line: 4, column: 13 });
  });

  it('does not split table cells on pipes inside Liquid', () => {
    const text = "---\ntitle: x\n---\n\n| a | b |\n|---|---|\n| {{ 'x' | upcase }} | 2 |\n";
    const [table] = kramdownTables(parse(text));
    expect(table?.lines.filter((line) => line.kind === 'row').map((row) => row.cells.length)).toEqual([2, 2]);
  });

  it('sees Liquid in fenced and inline code (Liquid runs first) but keeps code positions', () => {
    const text = '---\ntitle: x\n---\n\n```\n{% icon fa-cog %}\n```\n\nUse `{{ page.title }}`.\n';
    const document = parse(text);
    expect(document.liquid.tags.map((t) => t.name)).toEqual(['icon']);
    expect(document.liquid.outputs).toHaveLength(1);
    const code = first<Code>(document.mdast, 'code');
    expect(code.position?.start.line).toBe(5);
    const inline = first<InlineCode>(document.mdast, 'inlineCode');
    expect(inline.position?.start).toMatchObject({ line: 9, column: 5 });
  });

  it('reads block tags on their own line as blank lines (a table right after a callout opens)', () => {
    const text = 'Intro\n{% callout info %}\n| a | b |\n|---|---|\n| 1 | 2 |\n{% endcallout %}\n';
    const document = parse(`---\ntitle: x\n---\n${text}`);
    const [table] = kramdownTables(document);
    expect(table && document.lines.position(table.lines[0]!.start).line).toBe(6);
  });

  it('finds tables as kramdown does where a block attribute list or another block touches them', () => {
    // kramdown 2.4.0 + kramdown-parser-gfm 1.1.0: the rows a table renders per input, [] for none.
    const cases: [string, number[]][] = [
      ['| a | b |\n| c | d |\n{: .wide}\n', [2]],
      ['{: .wide}\n| a | b |\n', [1]],
      ['| a | b |\n{: .wide}\n| c | d |\n', [1]],
      ['^\n{: .wide}\n| a | b |\n', [1]],
      ['| a | b |\n^\n', [1]],
      ['| a | b |\n| c | d |\n## Next\n', []],
      ['| a | b |\n```\nx\n```\n', []],
      ['| a | b |\n- item\n', []],
      ['| a | b |\n\n## Next\n', [1]],
      ['- item\n\n  | a | b |\n  | c | d |\n- next\n', [2]],
    ];
    for (const [text, rows] of cases) {
      const tables = kramdownTables(parse(`---\ntitle: x\n---\n${text}`));
      expect(tables.map((table) => table.lines.filter((line) => line.kind === 'row').length), text).toEqual(rows);
    }
  });

  it('reads a line of tags that render nothing, and an include alone on its line, as blank lines', () => {
    // Jekyll 4.3.1: the include writes its file's lines and the line's own line break, so the definitions after it are definitions.
    const document = parse('---\ntitle: x\n---\nText [a] and [b].\n{% include refs.md %}\n[a]: /a/\n{% capture n %}\nx\n{% endcapture %}{% for x in xs %}\n[b]: /b/\n{% endfor %}\n');
    expect(document.maskedText.split('\n').slice(4, 10).map((line) => line.trim())).toEqual(['', '[a]: /a/', '', 'x', '', '[b]: /b/']);
  });

  it('leaves bare URLs as text, as kramdown does, and parses strikethrough and footnotes', () => {
    const document = parse('---\ntitle: x\n---\nSee https://example.test/x and ~~old~~ text[^1].\n\n[^1]: A note.\n');
    const types = new Set<string>();
    visit(document.mdast, (node) => {
      types.add(node.type);
    });
    expect(types.has('link')).toBe(false);
    expect(types.has('delete') && types.has('footnoteReference') && types.has('footnoteDefinition')).toBe(true);
  });

  it('does not treat the front matter or comment bodies as Markdown', () => {
    const document = parse('---\ntitle: "# not a heading"\n---\n{% comment %}\n# Hidden\n{% endcomment %}\n# Shown\n');
    const headings: number[] = [];
    visit(document.mdast, 'heading', (node) => {
      headings.push(node.position!.start.line);
    });
    expect(headings).toEqual([7]);
  });

  it('starts Liquid after the front matter, and at 0 when it is unterminated', () => {
    expect(parse('---\na: "{{"\n---\nx').liquid.error).toBeUndefined();
    expect(parse('---\na: "{%"\n').liquid.error?.code).toBe('unterminated-tag');
  });

  it('reads a highlight body as code: no table, link or heading in it (Jekyll writes it as HTML)', () => {
    const text = '---\ntitle: t\n---\n{% highlight ruby %}\nlist.each do |item|\n# not a heading\n[x](/nope/)\n{% endhighlight %}\n';
    const document = parse(text);
    expect(document.maskedText.length).toBe(text.length);
    expect(document.maskedText.trim()).toBe('');
    expect(lintString(text).map((f) => f.ruleId)).toEqual([]);
  });
});

describe('block HTML as kramdown reads it (Jekyll 4.3.1, kramdown 2.4.0, parse_block_html off)', () => {
  const read = (body: string, rawBlockHtml = true) => {
    const document = parseDocument('doc.md', `---\ntitle: t\n---\n${body}\n`, defaultTags, undefined, { kramdown: true, rawBlockHtml });
    const links: string[] = [];
    const headings: number[] = [];
    visit(document.mdast, (node) => {
      if (node.type === 'link') links.push((node as Link).url);
      if (node.type === 'heading') headings.push(node.position!.start.line);
    });
    return { document, links, headings };
  };

  it('passes a block element through whole, blank lines or not: its Markdown is text, what follows is Markdown', () => {
    // jekyll build: <div class="note">\n\n[one](missing1.html)\n\n</div> <p><a href="after1.html">…
    expect(read('<div class="note">\n\n[one](in.html)\n\n</div>\n\n[after](after.html)').links).toEqual(['after.html']);
    // <details>…## Hidden heading…</details>: no <h2>, no id.
    expect(read('<details>\n<summary>Sum</summary>\n\n[two](in.html)\n\n## Hidden\n\n</details>\n\n[after](after.html)')).toMatchObject({ links: ['after.html'], headings: [] });
    // Any element but a span element, after a paragraph line too: <p>Para line</p>\n<custom-el>…
    expect(read('Para line\n<custom-el>\n\n[x](in.html)\n\n</custom-el>\n\n[after](after.html)').links).toEqual(['after.html']);
    for (const body of ['<div\n  class="multi">\n\n[x](in.html)\n\n</div>', '<DIV>\n\n[x](in.html)\n\n</DIV>', '<table>\n<tr><td>\n\n[x](in.html)\n\n</td></tr>\n</table>', '<div markdown="0">\n\n[x](in.html)\n\n</div>', '   <div>\n\n[x](in.html)\n\n</div>', '<div class=ünï>\n\n[x](in.html)\n\n</div>', '<café-box>\n\n[x](in.html)\n\n</café-box>']) {
      expect(read(body).links).toEqual([]);
    }
    // Nested elements are matched by name, an inner one closed before the outer one's Markdown.
    expect(read('<div>\n<div>\n\n[a](in.html)\n\n</div>\n\n[b](in.html)\n\n</div>\n\n[out](out.html)').links).toEqual(['out.html']);
    expect(read('<section>\n<div>\n</div>\n\n[a](in.html)\n\n</section>\n\n[after](after.html)').links).toEqual(['after.html']);
    // In a list item: <li>Step <div>…[eleven](eleven.html)…</div></li><li>Next <a href="n.html">
    expect(read('1. Step\n   <div>\n\n   [x](in.html)\n\n   </div>\n2. Next [n](n.html)').links).toEqual(['n.html']);
  });

  it('keeps the HTML of a block as HTML: its links and ids are still read', () => {
    const { document } = read('<div class="note">\n\n<a href="/kept/">kept</a> [not](in.html)\n\n</div>');
    const html = document.mdast.children.filter((node) => node.type === 'html').map((node) => (node as { value: string }).value);
    expect(html).toEqual(['<div class="note">\n\n<a href="/kept/">kept</a> [not](in.html)\n\n</div>']);
  });

  it('reads as Markdown what kramdown does: markdown="1" inside, a capture written out through markdownify, code, comments, span elements, an element without a body', () => {
    expect(read('<div class="outer">\n<div markdown="1">\n\n[in](in.html)\n\n</div>\n\n[raw](raw.html)\n\n</div>').links).toEqual(['in.html']);
    // A raw <div> inside a markdown="1" <div> ends at its own end tag, and so does the wrapper.
    expect(read('<div markdown="1">\n<div class="a">\nx\n</div>\n\n[in](in.html)\n\n<div class="b">\ny\n</div>\n\n## Heading\n\n</div>\n\n[after](after.html)')).toMatchObject({ links: ['in.html', 'after.html'], headings: [15] });
    expect(read('<div class="tab-content">\n{% capture x %}\n[four](cap.html)\n{% endcapture %}\n{{ x | markdownify }}\n</div>').links).toEqual(['cap.html']);
    // The capture's Markdown is not where it stands for kramdown: a `<user>` in it opens no element.
    expect(read('<div class="tab-content">\n{% capture x %}\nRun `crontab -u <user> -e`, see [in](cap.html).\n{% endcapture %}\n{{ x | markdownify }}\n\n[raw](raw.html)\n\n</div>\n\n[after](after.html)').links).toEqual(['cap.html', 'after.html']);
    expect(read('```\n<div>\n```\n\n[eight](eight.html)\n\n```\n</div>\n```').links).toEqual(['eight.html']);
    expect(read('    <div>\n\n[e2](e2.html)\n\n</div>').links).toEqual(['e2.html']);
    expect(read('<!-- comment\n<div>\n-->\n\n[fifteen](fifteen.html)').links).toEqual(['fifteen.html']);
    expect(read('<span>\n\n[twenty](twenty.html)\n\n</span>').links).toEqual(['twenty.html']);
    // <hr />\n\n<p><a href="ten.html">ten</a></p> (CommonMark would read the link as part of the HTML block)
    expect(read('<hr>\n[ten](ten.html)').links).toEqual(['ten.html']);
  });

  it('starts a paragraph at a span element\'s tag alone on its line, where CommonMark starts an HTML block that takes the lines after it', () => {
    // jekyll build: <p><br />\n<a href="ten2.html">ten2</a></p>
    const { links, document } = read('Intro.\n\n<br>\n[ten2](ten2.html)\n\n<img src="a.png" alt="A">\nSee [img](img.html).\n\n- item\n\n  <span>\n  [x](x.html)');
    expect(links).toEqual(['ten2.html', 'img.html', 'x.html']);
    const link = first<Link>(document.mdast, 'link');
    expect(link.position!.start).toMatchObject({ line: 7, column: 1, offset: document.text.indexOf('[ten2]') });
    expect(read('<br>\n[ten2](ten2.html)', false).links).toEqual([]);
  });

  it('writes a {::nomarkdown} block out as HTML and drops a {::comment} block; an element opened in one does not swallow the page', () => {
    const { links, document } = read('{::nomarkdown}\n<div class="box">\n<a href="/kept/">k</a>\n{:/}\n\n### [Heading link](heading.html)\n\n{::comment}\n[gone](gone.html) <a href="/gone/">g</a>\n{:/comment}\n\n{::nomarkdown}\n</div>\n{:/}');
    expect(links).toEqual(['heading.html']);
    const html = document.mdast.children.filter((node) => node.type === 'html').map((node) => (node as { value: string }).value);
    expect(html.join('')).toContain('/kept/');
    expect(html.join('')).not.toContain('/gone/');
  });

  it('reads the Markdown in block HTML after {::options parse_block_html="true" /}, and not after "false"', () => {
    // jekyll build: <details>…<p><a href="in.html">in</a></p>…</details> <div>\n\n[raw](raw.html)\n\n</div>
    expect(read('{::options parse_block_html="true" /}\n<details>\n  <summary>More\n  </summary>\n\n[in](in.html)\n\n```scala\nval x = 2\n```\n</details>\n\n{::options parse_block_html="false" /}\n\n<div>\n\n[raw](raw.html)\n\n</div>').links).toEqual(['in.html']);
  });

  it('takes nothing as raw where kramdown would read to the page end, or where a Liquid branch decides what kramdown gets', () => {
    // kramdown: the unclosed <div> swallows the page (rendered as literal text); doclint keeps reading the links.
    expect(read('Intro [a](a.html)\n\n<div>\n\n[five](five.html)').links).toEqual(['a.html', 'five.html']);
    expect(read('{% if x %}\n<div class="a">\n{% else %}\n<div class="b">\n{% endif %}\n\n[l](l.html)\n\n</div>').links).toEqual(['l.html']);
  });

  it('reads Markdown inside block HTML as CommonMark does with kramdown.parse_block_html or another converter', () => {
    expect(read('<div class="note">\n\n[one](in.html)\n\n</div>', false).links).toEqual(['in.html']);
    const config = (yaml: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'doclint-kramdown-'));
      writeFileSync(join(dir, '_config.yml'), yaml);
      const { markdownReading } = readJekyllConfig(dir, ['_config.yml']);
      rmSync(dir, { recursive: true, force: true });
      return markdownReading;
    };
    expect([config('title: x\n'), config('markdown: kramdown\nkramdown:\n  input: GFM\n'), config('kramdown:\n  parse_block_html: true\n'), config('markdown: CommonMarkGhPages\n'), config('markdown: redcarpet\n')]).toEqual([
      { kramdown: true, rawBlockHtml: true },
      { kramdown: true, rawBlockHtml: true },
      { kramdown: true, rawBlockHtml: false },
      { kramdown: false, rawBlockHtml: false },
      { kramdown: true, rawBlockHtml: false },
    ]);
  });
});

describe('htmlStartTags', () => {
  const tags = (html: string) => [...htmlStartTags(html)].map((tag) => `${tag.name}(${tag.attributes.map((a) => `${a.name}=${html.slice(a.start, a.end)}`).join(',')})`);

  it('reads attributes as a browser does: quoted, unquoted, bare, joined, upper case; each of a repeated name', () => {
    expect(tags(`<a href="/x" title='t'>a</a><IMG SRC=/i.png alt><p class="c"id=p hidden/><a href=1 href=2>`)).toEqual([
      'a(href=/x,title=t)',
      'img(src=/i.png,alt=)',
      'p(class=c,id=p,hidden=)',
      'a(href=1,href=2)',
    ]);
  });

  it('finds no tags in text, comments, declarations, end tags and raw-text bodies', () => {
    const html = [
      '&lt;a href="/text"&gt; src="/prose" a < b',
      '<!-- <a href="/comment"> --><!--><a href="/after-empty-comment"><!--->',
      '<!DOCTYPE html><?xml version="1.0"?></a href="/end-tag">',
      '<script src="/s.js">var a = "<a href=\'/script\'>";</script >',
      '<style>a[href="/style"] {}</STYLE><textarea><a href="/textarea"></textarea><b>',
    ].join('\n');
    expect(tags(html)).toEqual(['a(href=/after-empty-comment)', 'script(src=/s.js)', 'style()', 'textarea()', 'b()']);
  });

  it('stops where the text ends inside a tag, a comment or a raw-text body', () => {
    expect(tags('<a href="/ok"><a href="/never-closed><b>')).toEqual(['a(href=/ok)']);
    expect(tags('<i><a href="/x" class')).toEqual(['i()']);
    // As in a browser, `<b` inside a tag is an attribute's name.
    expect(tags('<a href="/x" <b>')).toEqual(['a(href=/x,<b=)']);
    expect(tags('<i><!-- <a href="/x">')).toEqual(['i()']);
    expect(tags('<script><a href="/x">')).toEqual(['script()']);
  });

  it('takes each URL of a srcset as HTML splits it: commas inside a URL kept, those after it and a descriptor\'s dropped', () => {
    const html = '<img srcset="a.png, b.png 2x,c.png 480w (x, y), w_1,h_2/d.png,,  e.png,"><source srcset=" f.png 1x"><img srcset="">';
    expect([...linkAttributes(html)].map((a) => html.slice(a.start, a.end))).toEqual(['a.png', 'b.png', 'c.png', 'w_1,h_2/d.png', 'e.png', 'f.png']);
    expect(pageAttributes(html).links.map((a) => html.slice(a.start, a.end))).toEqual(['a.png', 'b.png', 'c.png', 'w_1,h_2/d.png', 'e.png', 'f.png']);
  });

  it('takes no links from an XML namespace\'s tags (JSP\'s, in a sample that lost its fence), but their ids', () => {
    const html = '<a href="/a"><sx:a href="%{#url}" id="x"/><s:url value="/v" src="/s"><img src="/i.png">';
    const values = (attributes: Iterable<{ start: number; end: number }>) => [...attributes].map((a) => html.slice(a.start, a.end));
    expect(values(linkAttributes(html))).toEqual(['/a', '/i.png']);
    expect(values(idAttributes(html))).toEqual(['x']);
  });

  it('takes any element\'s id and an <a>\'s name as a fragment\'s target, as a browser does, and a whole page\'s in one reading', () => {
    const html = '<head><meta name="viewport"><base href="/b/"></head><form name="f"><input name="q" id="search"></form><a name="top"></a><h2 id="intro">';
    const values = (attributes: Iterable<{ start: number; end: number }>) => [...attributes].map((a) => html.slice(a.start, a.end));
    expect(values(idAttributes(html))).toEqual(['search', 'top', 'intro']);
    const page = pageAttributes(html);
    expect([values(page.ids), values(page.links), page.baseHref]).toEqual([['search', 'top', 'intro'], ['/b/'], true]);
  });
});
