#!/usr/bin/env node
/**
 * Writes a synthetic Jekyll help center shaped like the shared corpus (178 articles in 15
 * categories, ~6 KB each): front matter, headings, callouts, icons, images, tables, links to
 * other articles' headings (about 2% deliberately broken), redirect_from aliases.
 *
 *   node bench/generate-corpus.mjs --scale 100 --out bench/.work/corpus-100x
 *
 * Deterministic (a seeded generator), so runs are comparable.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, out: { type: 'string' } } });
const scale = Number(values.scale);
const out = resolve(values.out ?? `bench/.work/corpus-${scale}x`);
const articles = 178 * scale;
const categories = 15;

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const words = 'account vault password organization member share item login secure sync device browser extension mobile desktop setting policy export import key'.split(' ');
const sentence = (n = 12) => {
  const text = Array.from({ length: n }, () => pick(words)).join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
};
const headingsOf = (i) => Array.from({ length: 5 }, (_, h) => `Step ${h + 1} ${words[(i + h) % words.length]} ${words[(i * 7 + h) % words.length]}`);
const idOf = (heading) => heading.toLowerCase().replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- ]/gu, '').replace(/ /g, '-');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, '_categories'), { recursive: true });
mkdirSync(join(out, 'images'), { recursive: true });
writeFileSync(
  join(out, '_config.yml'),
  'markdown: kramdown\npermalink: pretty\nbaseurl: /help\ncollections:\n  categories:\n    output: true\n    permalink: /:path/\n  articles:\n    output: true\n    permalink: /article/:name/\nplugins:\n  - jekyll-redirect-from\n',
);
for (let c = 0; c < categories; c++) writeFileSync(join(out, '_categories', `category-${c}.md`), `---\nlayout: category\ntitle: Category ${c}\norder: ${c + 1}\n---\n`);
for (let i = 0; i < 40; i++) writeFileSync(join(out, 'images', `shot-${i}.png`), '');

for (let i = 0; i < articles; i++) {
  const category = i % categories;
  const dir = join(out, '_articles', `category-${category}`);
  mkdirSync(dir, { recursive: true });
  const headings = headingsOf(i);
  const body = [];
  body.push(sentence(20), '');
  headings.forEach((heading, h) => {
    body.push(`## ${heading}`, '');
    for (let p = 0; p < 3; p++) {
      const target = Math.floor(random() * articles);
      const targetHeading = headingsOf(target)[Math.floor(random() * 5)];
      const broken = random() < 0.02 ? '-typo' : '';
      body.push(`${sentence()} See [the guide]({{site.baseurl}}/article/article-${target}/#${idOf(targetHeading)}${broken}) and open {% icon fa-cog %} **Settings**. ${sentence(18)}`, '');
    }
    body.push(`{% image shot-${(i + h) % 40}.png Screenshot of step ${h + 1} %}`, '');
    if (h === 2) body.push('| Option | Description |', '|--------|-------------|', `| One | ${sentence(6)} |`, `| Two | ${sentence(6)} |`, '');
    if (h === 3) body.push('{% callout info %}', sentence(15), '', sentence(10), '{% endcallout %}', '');
  });
  const front = `---\nlayout: article\ntitle: Article ${i}\ncategories: [category-${category}]\nfeatured: false\npopular: false\ntags: [${pick(words)}]\norder: "${String((i % 20) + 1).padStart(2, '0')}"\ndescription: "${sentence(10)}"\n${i % 10 === 0 ? `redirect_from:\n  - /article/old-${i}/\n` : ''}---\n`;
  writeFileSync(join(dir, `article-${i}.md`), `${front}\n${body.join('\n')}`);
}
console.log(`${articles} articles in ${out}`);
