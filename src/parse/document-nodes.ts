/**
 * The Markdown nodes that rules and the site index read (headings, links, images, definitions,
 * raw HTML, paragraphs for kramdown's block attribute lines, footnotes, code blocks), found in one walk of a document's tree and kept with it, in document order.
 * Four walks with unist-util-visit (which copies the ancestor list at every node) cost more
 * than a third of the rules' time.
 */
import type { Code, Definition, FootnoteDefinition, FootnoteReference, Heading, Html, Image, Link, Paragraph, Parent, RootContent } from 'mdast';
import type { Document } from '../types.js';

export type ReadNode = Heading | Link | Image | Definition | Html | Paragraph | FootnoteDefinition | FootnoteReference | Code;

export interface LocatedNode<T extends ReadNode = ReadNode> {
  node: T;
  parent: Parent;
  /** The node's index in `parent.children`. */
  index: number;
}

const read = new Set<string>(['heading', 'link', 'image', 'definition', 'html', 'paragraph', 'footnoteDefinition', 'footnoteReference', 'code']);
const cache = new WeakMap<Document, LocatedNode[]>();

export function documentNodes(document: Document): readonly LocatedNode[] {
  let nodes = cache.get(document);
  if (!nodes) {
    nodes = [];
    collect(document.mdast, nodes);
    cache.set(document, nodes);
  }
  return nodes;
}

/** The nodes of the given types, in document order. */
export function nodesOfType<K extends ReadNode['type']>(document: Document, ...types: K[]): LocatedNode<Extract<ReadNode, { type: K }>>[] {
  return documentNodes(document).filter((located): located is LocatedNode<Extract<ReadNode, { type: K }>> => (types as string[]).includes(located.node.type));
}

/** Depth first, parents before children (preorder), as unist-util-visit walks. */
function collect(parent: Parent, into: LocatedNode[]): void {
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (read.has(node.type)) into.push({ node: node as ReadNode, parent, index });
    if ('children' in node) collect(node, into);
  }
}
