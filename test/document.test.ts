import type { Code, InlineCode, Link } from 'mdast';
import { kramdownTables } from '../src/parse/kramdown-tables.js';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { Node } from 'unist';
import { lintString, parse } from './helpers.js';

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
      `${'x'.repeat(9)}{{ kept }}${'x'.repeat(12)}\n`,
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
