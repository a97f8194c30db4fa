/**
 * code-fence: a code fence kramdown (Jekyll's Markdown) reads as one. kramdown takes ```` ``` ````
 * or `~~~` for a fence only with at most one word after it and a closing fence later; otherwise
 * the fence line is text, the code after it is rendered as Markdown or inline code, and the next
 * fence line may open a block instead of closing this one (editors and GitHub, which follow
 * CommonMark, show code).
 */
import { isHtmlPage } from '../src/parse/document.js';
import { documentUnreadFences, type UnreadFence } from '../src/parse/kramdown-fences.js';
import type { DocumentRule } from '../src/types.js';

function messageOf(reason: UnreadFence['reason'], written: string): string {
  switch (reason) {
    case 'unclosed':
      return `This ${written} fence is never closed: kramdown renders it as text and the lines after it as Markdown. Close the block with a line of ${written}.`;
    case 'container':
      return `This ${written} fence is not closed inside the list item or quote that holds it (kramdown ends a quote at a blank line, and a list item at a line after a blank one that is not indented under it): kramdown renders it as text and the lines after it as Markdown. Put a blank line before a fence that stands on its own, or indent the whole block under the item.`;
    case 'info':
      return `kramdown reads no code fence here: only the language may follow ${written} (${written}js, not ${written}js title="app.js"), so the line is text: the code after it is rendered as Markdown (or as inline code, up to the fence line meant to close it), and the next fence line may open a block instead of closing this one.`;
  }
}

export const codeFence: DocumentRule = {
  meta: {
    id: 'code-fence',
    description: 'Code fences are closed and name at most a language, or kramdown renders the code as Markdown.',
    severity: 'error',
    fixable: false,
  },
  check({ document, site, report }) {
    if (isHtmlPage(document.path)) return;
    for (const fence of documentUnreadFences(document, site)) {
      const written = document.text.slice(fence.start, fence.end);
      report({
        message: messageOf(fence.reason, written),
        start: fence.start,
        end: fence.end,
      });
    }
  },
};
