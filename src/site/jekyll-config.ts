/** Reads the Jekyll site configuration (_config.yml and friends) with Jekyll's YAML 1.1 reading. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { psychTags } from '../parse/yaml-psych.js';

export interface CollectionConfig {
  name: string;
  output: boolean;
  permalink?: string;
}

export interface JekyllConfig {
  baseurl: string;
  url: string;
  permalink: string;
  exclude: string[];
  include: string[];
  collections: CollectionConfig[];
  markdownExtensions: string[];
  /** The merged raw values, for what the typed fields do not cover. */
  raw: Record<string, unknown>;
  /** Problems reading the files (missing, invalid YAML), reported as findings on those files. */
  problems: { file: string; message: string; line: number; column: number }[];
}

const defaultMarkdownExtensions = ['markdown', 'mkdown', 'mkdn', 'mkd', 'md'];

export function readJekyllConfig(root: string, files: readonly string[]): JekyllConfig {
  const raw: Record<string, unknown> = {};
  const problems: JekyllConfig['problems'] = [];
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    try {
      const value: unknown = parse(readFileSync(path, 'utf8'), { version: '1.1', customTags: psychTags, maxAliasCount: 100 });
      if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(raw, value);
    } catch (error) {
      const e = error as { message: string; linePos?: { line: number; col: number }[] };
      problems.push({ file, message: `Invalid YAML in ${file}: ${e.message.split('\n')[0]}`, line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1 });
    }
  }
  return {
    baseurl: stringOr(raw.baseurl, '').replace(/\/$/, ''),
    url: stringOr(raw.url, '').replace(/\/$/, ''),
    permalink: stringOr(raw.permalink, 'date'),
    exclude: stringList(raw.exclude),
    include: stringList(raw.include),
    collections: readCollections(raw.collections),
    markdownExtensions: typeof raw.markdown_ext === 'string' ? raw.markdown_ext.split(',').map((e) => e.trim()) : defaultMarkdownExtensions,
    raw,
    problems,
  };
}

function readCollections(value: unknown): CollectionConfig[] {
  const collections: CollectionConfig[] = [{ name: 'posts', output: true }];
  if (Array.isArray(value)) {
    for (const name of value) if (typeof name === 'string') collections.push({ name, output: false });
  } else if (value && typeof value === 'object') {
    for (const [name, settings] of Object.entries(value as Record<string, unknown>)) {
      const s = (settings ?? {}) as Record<string, unknown>;
      const collection: CollectionConfig = { name, output: s.output === true };
      if (typeof s.permalink === 'string') collection.permalink = s.permalink;
      if (name === 'posts') collections[0] = { ...collection, output: s.output !== false };
      else collections.push(collection);
    }
  }
  return collections;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
