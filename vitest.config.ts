import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
    testTimeout: 30_000,
    // Removing an installed package's node_modules (package and pre-commit tests) can take longer
    // than vitest's default 10 s under load.
    hookTimeout: 60_000,
    // The slow test files mostly wait (on npm, git, pre-commit, spawned CLIs and loopback servers):
    // one more file at a time than cores keeps both cores busy (vitest's default is one fewer).
    maxWorkers: availableParallelism() + 1,
  },
});
