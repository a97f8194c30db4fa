// Build-time patches of dependencies' hot code, applied to the bundles only (bin/, action/).
// Each names the module file, the exact text it replaces and why; a build whose dependency no longer
// holds that text fails, so a patch never silently stops applying (or applies to new code).
import { readFile } from 'node:fs/promises';

export const patches = [
  {
    module: 'mdast-util-from-markdown/lib/index.js',
    // For every micromark event, the compiler clones its context with an object spread to give
    // the handler `this.sliceSerialize`. Node 20's V8 clones slowly: 140 ms of a cold run on the
    // shared corpus (parsing 780 -> 640 ms; Node 24 unchanged). No handler keeps `this` or writes
    // to it, so setting the event's sliceSerialize on the one context is the same.
    from: `        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`,
    to: `        context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`,
  },
];

export const patchPlugin = {
  name: 'doclint-patches',
  setup(build) {
    for (const patch of patches) {
      const filter = new RegExp(`[\\\\/]${patch.module.replace(/[.]/g, '\\.').replace(/\//g, '[\\\\/]')}$`);
      build.onLoad({ filter }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (text.split(patch.from).length !== 2) throw new Error(`${args.path}: the text to patch is not there exactly once (see scripts/patches.mjs)`);
        return { contents: text.replace(patch.from, () => patch.to), loader: 'js' };
      });
    }
  },
};
