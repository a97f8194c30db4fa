import { describe, expect, it } from 'vitest';
import { inliningFlag } from '../src/cli/v8-tuning.js';

describe('the CLI’s V8 tuning', () => {
  it('narrows TurboFan’s inlining on Node 20’s V8 only', () => {
    expect(inliningFlag('11.3.244.8-node.33', [])).toBe('--max-inlined-bytecode-size=60');
    expect(inliningFlag('12.4.254.21-node.33', [])).toBeUndefined();
    expect(inliningFlag('13.6.233.17-node.37', [])).toBeUndefined();
  });

  it('leaves a process started with inlining flags of its own as it is', () => {
    expect(inliningFlag('11.3.244.8-node.33', ['--max-inlined-bytecode-size=200'])).toBeUndefined();
    expect(inliningFlag('11.3.244.8-node.33', ['--stack-size=2000', '--no-turbo-inlining'])).toBeUndefined();
    expect(inliningFlag('11.3.244.8-node.33', ['--stack-size=2000', ''])).toBe('--max-inlined-bytecode-size=60');
  });
});
