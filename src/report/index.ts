import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export const reporters = { stylish, json, sarif, github, markdown } satisfies Record<string, Reporter>;
export type FormatName = keyof typeof reporters;
export const formatNames = Object.keys(reporters) as FormatName[];
export type { Reporter, ReportInput } from './types.js';
