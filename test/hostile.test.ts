/**
 * Bad input never crashes the run and never loses the other files' findings: each hostile
 * file gets a clear finding with its position, in bounded time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempCopy } from './helpers.js';

const { dir, cleanup } = tempCopy();
afterAll(cleanup);
const fm = '---\ntitle: t\n---\n';

describe('hostile input', () => {
  it('reports each hostile file and still lints the others', async () => {
    writeFileSync(join(dir, '_config.yml'), 'title: hostile\n');
    writeFileSync(join(dir, 'deep-quote.md'), `${fm}${'>'.repeat(10_000)} deep\n`);
    writeFileSync(join(dir, 'deep-liquid.md'), `${fm}${'{% if a %}'.repeat(5_000)}${'{% endif %}'.repeat(5_000)}`);
    writeFileSync(join(dir, 'braces.md'), `${fm}${'{{'.repeat(50_000)}${'{%'.repeat(50_000)}`);
    writeFileSync(join(dir, 'cr-only.md'), '---\rtitle: t\r---\r{% if x %}\r');
    writeFileSync(join(dir, 'long-line.md'), `${fm}${'word '.repeat(200_000)}\n`);
    writeFileSync(join(dir, 'huge.md'), Buffer.alloc(6 * 1024 * 1024, 'a'));
    writeFileSync(join(dir, 'normal.md'), `${fm}\n{% callout nope %}\nx\n{% endcallout %}\n`);
    const started = performance.now();
    const run = await runCli(['check', '--root', dir, '--format', 'json']);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    const found = JSON.parse(run.stdout).findings.map((f: { file: string; ruleId: string; line: number }) => `${f.file}:${f.line}:${f.ruleId}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'deep-quote.md:1:file-unreadable',
        'deep-liquid.md:4:liquid-syntax',
        'braces.md:4:liquid-syntax',
        'cr-only.md:1:front-matter-syntax',
        'huge.md:1:file-unreadable',
        'normal.md:5:liquid-tag-arguments',
      ]),
    );
    expect(found.filter((f: string) => f.startsWith('long-line.md'))).toEqual([]);
  }, 90_000);
});
