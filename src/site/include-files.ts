/**
 * The files a document's `{% include %}` and `{% include_relative %}` tags name literally: the
 * includes folder's for one, the page's folder's for the other. A comment's tags are parsed but
 * never rendered, so its includes are left out; so are dynamic names (`{% include {{ x }} %}`).
 */
import { posix } from 'node:path';
import type { Document } from '../types.js';

export interface IncludedFile {
  tag: 'include' | 'include_relative';
  /** The name as written, and where it is. */
  name: string;
  start: number;
  end: number;
  /** The site file it names (normalized: `..` at its start when it leaves the site). */
  target: string;
}

export function includedFiles(document: Document, includesDir: string): IncludedFile[] {
  const comments = document.liquid.blocks.filter((block) => block.open.name === 'comment' && block.close);
  const files: IncludedFile[] = [];
  for (const tag of document.liquid.tags) {
    if (tag.name !== 'include' && tag.name !== 'include_relative') continue;
    if (comments.some((block) => tag.start > block.open.start && tag.end <= block.close!.start)) continue;
    const name = /^\s*(\S+)/.exec(tag.markup)?.[1];
    if (!name || name.includes('{{')) continue;
    const target = posix.normalize(tag.name === 'include_relative' ? posix.join(posix.dirname(document.path), name) : `${includesDir}/${name}`);
    const start = tag.markupStart + tag.markup.indexOf(name);
    files.push({ tag: tag.name, name, start, end: start + name.length, target });
  }
  return files;
}
