/**
 * A folder another static-site generator builds: no Jekyll config file at its root, and the
 * config file of another generator there. doclint reads a site as Jekyll builds it: on such a
 * site its findings (Liquid tags, permalinks, which links resolve) may not apply, and the run
 * says so once.
 */
const generatorConfigs: Readonly<Record<string, string>> = {
  '.eleventy.js': 'Eleventy',
  'eleventy.config.js': 'Eleventy',
  'eleventy.config.mjs': 'Eleventy',
  'eleventy.config.cjs': 'Eleventy',
  'hugo.toml': 'Hugo',
  'hugo.yaml': 'Hugo',
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
};

/** The config files Jekyll reads by default (Configuration#config_files). */
const jekyllConfigs = ['_config.yml', '_config.yaml', '_config.toml'];

/** Config files other generators share, told apart by the folder beside them. */
const configsBesideFolders: readonly { file: string; folder: string; name: string }[] = [
  { file: 'config.yaml', folder: 'episodes', name: 'the Carpentries Workbench' },
  { file: 'config.toml', folder: 'content', name: 'Hugo' },
  { file: 'config.yaml', folder: 'content', name: 'Hugo' },
];

/** The other generator's config file and name, when the site has one and no Jekyll config. */
export function otherGenerator(files: ReadonlySet<string>): { file: string; name: string } | undefined {
  if (jekyllConfigs.some((file) => files.has(file))) return undefined;
  const file = Object.keys(generatorConfigs).find((name) => files.has(name));
  if (file !== undefined) return { file, name: generatorConfigs[file]! };
  const folders = new Set([...files].map((path) => path.split('/')[0]!));
  return configsBesideFolders.find((known) => files.has(known.file) && folders.has(known.folder));
}
