/**
 * Findings the engine itself makes, declared as rules so that severity, disable comments,
 * reports and SARIF treat them like any other finding.
 */
import type { DocumentRule } from '../src/types.js';

export const fileUnreadable: DocumentRule = {
  meta: {
    id: 'file-unreadable',
    description: "The file could be read, decoded as UTF-8 and parsed within the limits (else it is skipped, with this finding).",
    severity: 'error',
    fixable: false,
  },
};

export const internalError: DocumentRule = {
  meta: {
    id: 'internal-error',
    description: 'A rule failed on this file; the other rules and files are still reported. Please report it as a doclint bug.',
    severity: 'error',
    fixable: false,
  },
};

export const fixSkipped: DocumentRule = {
  meta: {
    id: 'fix-skipped',
    description: '`--fix` left the file as it was: it changed on disk during the run, cannot be written by the user, or links outside the site root.',
    severity: 'warning',
    fixable: false,
  },
};

export const fileTooComplex: DocumentRule = {
  meta: {
    id: 'file-too-complex',
    description: 'The Markdown would take the parser far more time or memory than its size calls for (nesting, brackets or emphasis past the per-file budget); the file is checked without it.',
    severity: 'error',
    fixable: false,
  },
};

export const linkCrawl: DocumentRule = {
  meta: {
    id: 'link-crawl',
    description: '`doclint crawl`: a link on a built page (a folder or a live URL, crawled with linkinator) is broken.',
    severity: 'error',
    fixable: false,
  },
};

export const siteGenerator: DocumentRule = {
  meta: {
    id: 'site-generator',
    description: 'The site has no `_config.yml` and another generator\'s config file (Eleventy, Hugo, Astro, MkDocs, Docusaurus, DocFX, …), at its root or in a folder, or `.nojekyll`: doclint checks sites as Jekyll builds them, so its findings may not apply.',
    severity: 'warning',
    fixable: false,
  },
};
