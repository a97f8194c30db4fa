/**
 * A folder another static-site generator builds: no Jekyll config file at its root, and the
 * config file of another generator there. doclint reads a site as Jekyll builds it: on such a
 * site its findings (Liquid tags, permalinks, which links resolve) may not apply, and the run
 * says so once. So it does where the Jekyll site, or another generator's, is a folder below (a
 * repository's `docs/`, `website/`).
 */
const generatorConfigs: Readonly<Record<string, string>> = {
  '.eleventy.js': 'Eleventy',
  'eleventy.config.js': 'Eleventy',
  'eleventy.config.mjs': 'Eleventy',
  'eleventy.config.cjs': 'Eleventy',
  'hugo.toml': 'Hugo',
  'hugo.yaml': 'Hugo',
  'hugo.yml': 'Hugo',
  'hugo.json': 'Hugo',
  'astro.config.mjs': 'Astro',
  'astro.config.js': 'Astro',
  'astro.config.ts': 'Astro',
  'mkdocs.yml': 'MkDocs',
  'docusaurus.config.js': 'Docusaurus',
  'docusaurus.config.ts': 'Docusaurus',
  'gatsby-config.js': 'Gatsby',
  'gatsby-config.ts': 'Gatsby',
  '.vitepress/config.js': 'VitePress',
  '.vitepress/config.mts': 'VitePress',
  '.vitepress/config.ts': 'VitePress',
  'book.toml': 'mdBook',
  'next.config.js': 'Next.js',
  'next.config.mjs': 'Next.js',
  'pelicanconf.py': 'Pelican',
  'docfx.json': 'DocFX',
  '_quarto.yml': 'Quarto',
  'antora.yml': 'Antora',
  '.vuepress/config.js': 'VuePress',
  '.vuepress/config.ts': 'VuePress',
  'retype.yml': 'Retype',
};

/** The config files Jekyll reads by default (Configuration#config_files). */
const jekyllConfigs = ['_config.yml', '_config.yaml', '_config.toml'];

interface ConfigBesideFolder {
  file: string;
  folder: string;
  name: string;
}

/** A generator whose config file has Jekyll's name, told apart by the folder beside it. */
const jekyllNamedConfigs: readonly ConfigBesideFolder[] = [{ file: '_config.yml', folder: 'scaffolds', name: 'Hexo' }];

/** Config files other generators share, told apart by the folder beside them. */
const configsBesideFolders: readonly ConfigBesideFolder[] = [
  { file: 'config.yaml', folder: 'episodes', name: 'the Carpentries Workbench' },
  { file: 'config.rb', folder: 'source', name: 'Middleman' },
  { file: 'config.toml', folder: 'templates', name: 'Zola' },
  { file: 'config.toml', folder: 'content', name: 'Hugo' },
  { file: 'config.yaml', folder: 'content', name: 'Hugo' },
  { file: 'config.yml', folder: 'content', name: 'Hugo' },
];

/** The other generator, when the site has its config file (and no Jekyll config, unless the generator's has Jekyll's name). */
export function otherGenerator(files: ReadonlySet<string>): OtherGenerator | undefined {
  const folders = new Set([...files].map((path) => path.split('/')[0]!));
  const beside = (known: ConfigBesideFolder): boolean => files.has(known.file) && folders.has(known.folder);
  const besideFolder = ({ file, folder, name }: ConfigBesideFolder): OtherGenerator => ({ file, name, evidence: `\`${file}\` beside a \`${folder}/\` folder` });
  const jekyllNamed = jekyllNamedConfigs.find(beside);
  if (jekyllNamed) return besideFolder(jekyllNamed);
  if (jekyllConfigs.some((file) => files.has(file))) return undefined;
  const noJekyllConfig = ', and no `_config.yml`';
  const file = Object.keys(generatorConfigs).find((name) => files.has(name));
  if (file !== undefined) return { file, name: generatorConfigs[file]!, evidence: `\`${file}\`${noJekyllConfig}` };
  const known = configsBesideFolders.find(beside);
  if (known) {
    const found = besideFolder(known);
    return { ...found, evidence: `${found.evidence}${noJekyllConfig}` };
  }
  // A repository's top whose Jekyll site is one of its folders (`docs/`, GitHub Pages' other source), `.nojekyll` at the top or not.
  const nested = [...files].filter((path) => /^[^/]+\/_config\.(?:ya?ml|toml)$/.test(path)).sort(docsFirst)[0];
  if (nested !== undefined) {
    const folder = nested.slice(0, nested.indexOf('/'));
    return {
      file: nested,
      name: 'Jekyll',
      site: `a repository whose Jekyll site is its \`${folder}/\` folder`,
      evidence: `\`${nested}\`${noJekyllConfig} here`,
      advice: `doclint read this folder as a site of its own, with Jekyll's defaults: check the site with \`--root ${folder}\`.`,
    };
  }
  // A repository's top whose site another generator builds from one of its folders (`website/docusaurus.config.js`).
  const below = [...files].filter((path) => Object.hasOwn(generatorConfigs, path.slice(path.indexOf('/') + 1)) && path.includes('/')).sort(docsFirst)[0];
  if (below !== undefined) {
    const folder = below.slice(0, below.indexOf('/'));
    const name = generatorConfigs[below.slice(folder.length + 1)]!;
    return { file: below, name, site: `a repository whose \`${folder}/\` folder ${name} builds`, evidence: `\`${below}\`${noJekyllConfig} here` };
  }
  // GitHub Pages publishes such a folder as it is (Docsify's Markdown, Sphinx's HTML): no Jekyll at all.
  if (files.has('.nojekyll')) return { file: '.nojekyll', name: 'GitHub Pages', site: 'a folder GitHub Pages publishes as it is, without Jekyll', evidence: `\`.nojekyll\`${noJekyllConfig}` };
  return undefined;
}

/** `docs/` first, then by name (code units: no collation is loaded for this). */
const docsFirst = (a: string, b: string): number => Number(b.startsWith('docs/')) - Number(a.startsWith('docs/')) || (a < b ? -1 : a > b ? 1 : 0);

export interface OtherGenerator {
  /** Where the finding is made: the other generator's config file. */
  file: string;
  name: string;
  /** What the folder is, when not "a site <name> builds". */
  site?: string;
  /** What tells its site apart, for the finding's message. */
  evidence: string;
  /** What the finding says to do, when not that findings may not apply. */
  advice?: string;
}
