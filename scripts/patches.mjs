// Build-time patches of dependencies' hot code, applied to the bundles only (bin/, action/).
// Each names the module file, the exact texts it replaces and why; a build whose dependency no longer
// holds one of those texts exactly once fails, so a patch never silently stops applying (or applies
// to new code). test/patches.test.ts checks that the patched parser builds the same trees.
// The figures are cold runs over the shared corpus on Node 20; Node 24 gains less.
import { readFile } from 'node:fs/promises';

export const patches = [
  {
    module: 'mdast-util-from-markdown/lib/index.js',
    // For every micromark event, the compiler clones its context with an object spread to give
    // the handler `this.sliceSerialize`. Node 20's V8 clones slowly: 140 ms (parsing 780 -> 640 ms).
    // No handler keeps `this` or writes to it, so setting the event's sliceSerialize on the one
    // context is the same.
    edits: [
      {
        from: `        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`,
        to: `        context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`,
      },
    ],
    // How the patched code reads in esbuild's output (the test checks it is there).
    applied: /context\d*\.sliceSerialize = events\d*\[index\d*\]\[2\]\.sliceSerialize;/,
  },
  {
    module: 'micromark-util-subtokenize/index.js',
    // The indices to jump over were kept in plain objects with integer keys, merged with
    // Object.assign for each piece of content: dictionary-mode elements, slow on Node 20.
    // Maps hold the same number -> number pairs.
    edits: [
      { from: '  const jumps = {};\n  let index = -1;', to: '  const jumps = new Map();\n  let index = -1;' },
      { from: '    while (index in jumps) {\n      index = jumps[index];\n    }', to: '    while (jumps.has(index)) {\n      index = jumps.get(index);\n    }' },
      {
        from: '        Object.assign(jumps, subcontent(events, index));\n        index = jumps[index];',
        to: '        for (const [from, to] of subcontent(events, index)) jumps.set(from, to);\n        index = jumps.get(index);',
      },
      { from: '  const gaps = {};', to: '  const gaps = new Map();' },
      { from: '    gaps[adjust + jumps[index][0]] = adjust + jumps[index][1];', to: '    gaps.set(adjust + jumps[index][0], adjust + jumps[index][1]);' },
    ],
    applied: /jumps\d*\.set\(from\d*, to\d*\)/,
  },
  {
    module: 'micromark/lib/create-tokenizer.js',
    // Every token took the shape of the fields it was entered with, then grew the fields later
    // code sets: dozens of shapes, and the hot loops that read tokens were optimized, thrown
    // away ("wrong map") and optimized again. Tokens now start with every field micromark, its
    // extensions and mdast-util-from-markdown set. No code lists a token's keys or tests them with `in`.
    edits: [
      {
        from: '    const token = fields || {};\n    token.type = type;',
        to: `    const token = {type: undefined, start: undefined, end: undefined, contentType: undefined, previous: undefined, next: undefined, _tokenizer: undefined, _container: undefined, _isInFirstContentOfListItem: undefined, _contentTypeTextTrailing: undefined, _open: undefined, _close: undefined, _balanced: undefined, _inactive: undefined, _spread: undefined};
    if (fields) Object.assign(token, fields);
    token.type = type;`,
      },
    ],
    applied: /_contentTypeTextTrailing: void 0, _open: void 0/,
  },
  {
    module: 'micromark-util-chunked/index.js',
    // Built an argument list with Array.from and unshift (which moves every item) to spread it
    // into list.splice: the same call with the items spread directly.
    edits: [
      {
        from: `    parameters = Array.from(items);
    parameters.unshift(start, remove);
    // @ts-expect-error Hush, it’s fine.
    list.splice(...parameters);`,
        to: '    list.splice(start, remove, ...items);',
      },
    ],
    applied: /\.splice\(start\d*, remove\d*, \.\.\.items\d*\)/,
  },
];

export const patchPlugin = {
  name: 'doclint-patches',
  setup(build) {
    for (const patch of patches) {
      const filter = new RegExp(`[\\\\/]${patch.module.replace(/[.]/g, '\\.').replace(/\//g, '[\\\\/]')}$`);
      build.onLoad({ filter }, async (args) => {
        let text = await readFile(args.path, 'utf8');
        for (const { from, to } of patch.edits) {
          if (text.split(from).length !== 2) throw new Error(`${args.path}: a text to patch is not there exactly once (see scripts/patches.mjs)`);
          text = text.replace(from, () => to);
        }
        return { contents: text, loader: 'js' };
      });
    }
  },
};
