/** Every rule doclint knows, in the order the docs list them. */
import type { AnyRule } from '../src/types.js';
import { codeFence } from './code-fence.js';
import { fileTooComplex, fileUnreadable, fixSkipped, internalError, linkCrawl, siteGenerator } from './engine.js';
import { frontMatterReferences } from './front-matter-references.js';
import { frontMatterSchema } from './front-matter-schema.js';
import { frontMatterSyntax } from './front-matter-syntax.js';
import { frontMatterValueType } from './front-matter-value-type.js';
import { imageAlt } from './image-alt.js';
import { linkAnchor } from './link-anchor.js';
import { linkExternal } from './link-external.js';
import { linkInternal } from './link-internal.js';
import { linkRedirect } from './link-redirect.js';
import { liquidExcerptBlock } from './liquid-excerpt-block.js';
import { liquidInclude } from './liquid-include.js';
import { liquidOutput } from './liquid-output.js';
import { liquidSyntax } from './liquid-syntax.js';
import { liquidTagArguments } from './liquid-tag-arguments.js';
import { permalinkPlaceholder } from './permalink-placeholder.js';
import { tableCellCount } from './table-cell-count.js';
import { tableDelimiterRow } from './table-delimiter-row.js';
import { tableLiquidOutput } from './table-liquid-output.js';

export const allRules: readonly AnyRule[] = [
  frontMatterSyntax,
  frontMatterSchema,
  frontMatterReferences,
  frontMatterValueType,
  permalinkPlaceholder,
  liquidSyntax,
  liquidTagArguments,
  liquidOutput,
  liquidInclude,
  liquidExcerptBlock,
  tableCellCount,
  tableDelimiterRow,
  tableLiquidOutput,
  codeFence,
  linkInternal,
  linkAnchor,
  linkRedirect,
  linkExternal,
  imageAlt,
  linkCrawl,
  fileUnreadable,
  fileTooComplex,
  fixSkipped,
  siteGenerator,
  internalError,
];
