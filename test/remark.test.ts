import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { remarkPlugin } from '../src/remark/plugin.js';
import preset from '../src/remark/preset.js';

/** Parses and runs the plugins, as remark-cli does before it would stringify. */
async function lint(processor: ReturnType<typeof unified>, file: VFile): Promise<VFile> {
  await processor.run(processor.parse(file), file);
  return file;
}

const text = '---\nlayout: article\ntitle: T\n---\n{% callout danger %}\nText.\n\n| a | b |\n|---|---|\n| 1 |\n';

describe('remark preset and plugins', () => {
  it('reports through unified-lint-rule with doclint rule ids, positions and the rule severity', async () => {
    const file = await lint(unified().use(remarkParse).use(preset), new VFile({ path: 'a.md', value: text }));
    const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.source}:${m.ruleId} ${m.fatal ? 'error' : 'warning'}`);
    // Each report has the severity doclint check gives it: `callout danger` falls back to info, a warning.
    expect(messages).toEqual(
      expect.arrayContaining(['5:1 doclint:liquid-syntax error', '5:12 doclint:liquid-tag-arguments warning', '10:1 doclint:table-cell-count error', '5:1 doclint:liquid-excerpt-block warning']),
    );
    expect(file.messages[0]?.url).toMatch(/rules\/.*\.md$/);
  });

  it('is one plugin per rule, configurable like any remark-lint rule', async () => {
    const plugin = remarkPlugin(allRules.find((r) => r.meta.id === 'front-matter-syntax')!);
    const bare = new VFile({ path: 'b.md', value: '# No front matter\n' });
    await lint(unified().use(remarkParse).use(plugin), bare);
    expect(bare.messages.map((m) => m.ruleId)).toEqual(['front-matter-syntax']);
    const relaxed = new VFile({ path: 'b.md', value: '# No front matter\n' });
    await lint(unified().use(remarkParse).use(plugin, ['warn', { requireFrontMatter: false }]), relaxed);
    expect(relaxed.messages).toEqual([]);
    // Invalid options become a message naming the rule (unified-lint-rule catches the throw).
    const invalid = await lint(unified().use(remarkParse).use(plugin, ['warn', { nope: 1 }]), new VFile('x'));
    expect(invalid.messages[0]?.reason).toContain('doclint:front-matter-syntax options');
  });

  it("checks a schema's own `pattern` (loaded before the rule runs)", async () => {
    const plugin = remarkPlugin(allRules.find((r) => r.meta.id === 'front-matter-schema')!);
    const schema = { type: 'object', properties: { title: { type: 'string', pattern: '^[A-Z]' } } };
    const file = await lint(unified().use(remarkParse).use(plugin, ['error', { schemas: [{ files: '**', schema }] }]), new VFile({ path: 'c.md', value: '---\ntitle: lower\n---\n' }));
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual(['2:8 `title` must match `^[A-Z]`, got "lower".']);
  });
});
