/** Every rule doclint knows, in the order the docs list them. */
import type { AnyRule } from '../src/types.js';
import { fileUnreadable, internalError } from './engine.js';
import { frontMatterSyntax } from './front-matter-syntax.js';

export const allRules: readonly AnyRule[] = [frontMatterSyntax, fileUnreadable, internalError];
