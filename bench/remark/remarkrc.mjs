// remark-cli configured as a docs team would to approach doclint's job: lint rules, front matter
// against a JSON Schema, and links between files and headings checked offline.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkValidateLinks from 'remark-validate-links';

const frontMatter = {
  type: 'object',
  required: ['title'],
  properties: {
    layout: { type: 'string' },
    title: { type: 'string', minLength: 1 },
    categories: { type: 'array', items: { type: 'string' } },
    order: { type: ['string', 'number'] },
    tags: { type: 'array', items: { type: 'string' } },
    featured: { type: 'boolean' },
    popular: { type: 'boolean' },
    hidden: { type: 'boolean' },
    description: { type: 'string' },
    redirect_from: { type: ['string', 'array'] },
  },
};

export default {
  plugins: [remarkFrontmatter, remarkPresetLintRecommended, [remarkValidateLinks, { repository: false }], [remarkLintFrontmatterSchema, { embed: frontMatter }]],
};
