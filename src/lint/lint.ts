/**
 * The library's main entry: discover the site, read every content file once, index the
 * site, parse and lint the target files, apply fixes when asked. Only this module and its
 * readers/writers touch the disk.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ConfigError } from '../config/error.js';
import { defaultResultCache, loadConfig, resolveUserConfig } from '../config/load.js';
import { rulesOf } from '../config/custom-rules.js';
import type { ResolvedConfig, UserConfig } from '../config/types.js';
import { createTagRegistry } from '../parse/tag-registry.js';
import { includedReferenceLinks, pageLinks } from '../links/included-references.js';
import { otherGenerator } from '../site/site-generator.js';
import { isFragmentFile, isInsideRoot, listSite, type DanglingLink, selectContent, selectFragmentFiles, selectLinksOnlyFiles, selectStaticHtml, jekyllPublishesStaticHtml, startsWithFrontMatter } from '../site/discover.js';
import { defaultJekyllConfigFile, readJekyllConfig, type JekyllConfig, type PageGenerator } from '../site/jekyll-config.js';
import { gitChanges, repositoryRootOf, trackedFiles, type GitChanges } from '../site/git-changes.js';
import { absentSubmodulePatterns, builtCollectionUrls, filledPostFolders, gitIgnoredPatterns, gitIgnoringRule, linksJekyllStopsOn, rootPattern } from '../site/published-elsewhere.js';
import { afterBuildGenerators, keptFileWriters, runsJekyllBuild } from '../site/build-steps.js';
import { readNetlifyRules } from '../site/netlify-redirects.js';
import { readApacheRules } from '../site/apache-redirects.js';
import { loadLinearPatterns } from '../text/linear-pattern.js';
import { includesWithoutFinalLineBreak } from '../site/include-files.js';
import { jekyllSource, sourcePaths } from '../site/source-folder.js';
import { readmeIndexPages } from '../site/github-pages-plugins.js';
import { buildSiteIndex, readOtherPagesFrontMatter, readSiteFrontMatter, type SiteIndex } from '../site/site-index.js';
import { ownerProjectRequests } from '../links/owner-projects.js';
import { markPreExisting, siteBefore, type Baseline } from './baseline.js';
import { readPlugins, withPlugins } from '../site/plugins.js';
import type { AnyRule, Finding, PageFacts, RuleMeta } from '../types.js';
import type { Anchor } from '../site/anchors.js';
import type { TagRegistry } from '../parse/tag-registry.js';
import { applyFixes } from './apply-fixes.js';
import { startExternalRun, yieldToRequests, type ExternalRun } from './external-run.js';
import { findingsInSite, firstPass, knownAnchors, lintFile, lintSource, readableTexts, readAll, secondPass, type FirstPass, type FirstPassRun, type LintContext } from './lint-files.js';
import type { DocumentPassContext } from './document-pass.js';
import { byFileAndPosition, engineFinding } from './rule-reports.js';
import { readSource, type Source } from '../site/read-source.js';
import { cachedFirstPasses, firstPassWithCache } from './cached-lint.js';
import { ResultCache, runKey, type ResultMemory } from './result-cache.js';
import { autoThreadCount, canUseWorkers, LintWorkers } from './workers.js';
import { SharedStrings } from './shared-strings.js';
import { writeFixedFile } from './write-fixed.js';
import { reachesReaders } from '../site/fragments.js';

export interface LintOptions {
  /** The site root (where _config.yml is). Default: the current directory. */
  root?: string;
  /** Root-relative files to lint. Default: every content file of the site. */
  files?: readonly string[];
  /** A resolved config, a user config object (validated, as in a config file), or nothing to load it from the root. */
  config?: ResolvedConfig | UserConfig;
  /** Apply certain fixes to the files (atomically) and report what remains. */
  fix?: boolean;
  /**
   * Changed-files mode: lint the content files changed since this git revision (or `files`
   * when given), and report the links in every other file that point at a page or heading
   * the change removed or renamed.
   */
  changedSince?: string;
  /** Called as external URLs are checked (the CLI draws a progress line on a terminal). */
  onExternalProgress?: (done: number, total: number, host: string) => void;
  /**
   * Worker threads for a whole-site run: a number (1: none) or `auto` (the default: one per
   * core from 8000 content files on). Runs with --fix, --changed-since, given files or external
   * checking use one thread.
   */
  workers?: number | 'auto';
  /** A whole-site run that finds no content file is a ConfigError unless this is set. */
  allowEmpty?: boolean;
  /**
   * Pass-1 results kept in this process between calls given the same ResultMemory (a watch
   * loop, an editor), in place of the result cache file: only files whose text changed are parsed again.
   */
  memory?: ResultMemory;
}

export interface LintResult {
  /** The absolute folder the site was read from: the root, or the folder its Jekyll config names as `source`. Findings' paths are relative to it. */
  root: string;
  /** The root-relative files that were linted. */
  files: string[];
  findings: Finding[];
  /** Files rewritten by --fix. */
  fixedFiles: string[];
  /** Changed-files mode: other files linted (link rules only) because they link to what the change removed. */
  affectedFiles: string[];
  /** External checking: hosts that answered 429 (their request limit was halved, then raised again as they answered). */
  rateLimitedHosts: string[];
  /** Metadata of every rule, for reporters. */
  rules: RuleMeta[];
  /** Threads that linted the files: 1, or the worker threads of a whole-site run. */
  threads: number;
  /** With the result cache: files whose findings were reused, not linted again. */
  reused: number;
}

/** ESLint's bound: fixes that overlap wait for another pass, at most this many. */
const maxFixPasses = 10;

export async function lint(options: LintOptions = {}): Promise<LintResult> {
  if (options.files !== undefined && (!Array.isArray(options.files) || options.files.some((file) => typeof file !== 'string'))) {
    throw new TypeError('lint(): `files` must be an array of paths relative to the root');
  }
  const configRoot = resolve(options.root ?? '.');
  if (!isDirectory(configRoot)) throw new ConfigError(`The site root ${configRoot} ${existsSync(configRoot) ? 'is not a folder' : 'does not exist'}.`);
  // git works in other processes while the config is read and the site listed (a pre-commit hook waits for both).
  const pendingChanges = options.changedSince ? gitChanges(configRoot, options.changedSince) : undefined;
  pendingChanges?.catch(() => undefined);
  const loaded = isResolved(options.config) ? options.config : options.config ? await resolveUserConfig(options.config, configRoot) : await loadConfig(configRoot);
  const jekyll = readJekyllConfig(configRoot, loaded.jekyll.configFiles, loaded.maxFileSize);
  // Jekyll reads the site from its `source` (`source: src`); the config, the Gemfile and doclint's caches stay where they are.
  const root = jekyllSource(configRoot, jekyll);
  const inSource = sourcePaths(configRoot, root);
  const plugins = readPlugins(root, jekyll, loaded.maxFileSize);
  if (plugins.requiredGems.length > 0) jekyll.plugins = [...jekyll.plugins, ...plugins.requiredGems];
  const repositoryRoot = repositoryRootOf(configRoot);
  jekyll.pageGenerators = [...plugins.generators, ...afterBuildGenerators(repositoryRoot ?? configRoot, loaded.maxFileSize), ...keptFileWriters(jekyll.raw)];
  jekyll.generatedUrls = [...new Set([...jekyll.generatedUrls, ...plugins.generatedFiles])];
  jekyll.pluginPageKeys = plugins.pageKeys;
  const publishes = (name: string): boolean => jekyll.include.some((entry) => entry.replace(/^\//, '') === name);
  jekyll.serverRules = [
    ...readNetlifyRules(root, publishes('_redirects'), [repositoryRoot ?? configRoot, configRoot, root], loaded.maxFileSize),
    ...(publishes('.htaccess') && !jekyll.gitHubPages ? readApacheRules(root, loaded.maxFileSize) : []),
  ];
  if (jekyll.serverRules.some((rule) => rule.syntax.endsWith('-regex'))) await loadLinearPatterns();
  if (plugins.markdownRewrites.length > 0) jekyll.markdownReading = { ...jekyll.markdownReading, rewrites: plugins.markdownRewrites };
  jekyll.publishedElsewhere = loaded.jekyll.published;
  const gitIgnoredLines = gitIgnoredPatterns(root, repositoryRoot, loaded.maxFileSize);
  // A submodule this copy lacks is published by the build as a file git leaves out is.
  jekyll.gitIgnored = [...gitIgnoredLines, ...absentSubmodulePatterns(root, repositoryRoot, loaded.maxFileSize)];
  // The site's own _plugins add tags and filters; workers get this config, so they know them too.
  const config = withPlugins(loaded, plugins);
  const tags = createTagRegistry(config.liquid.tags, config.liquid.helpCenterTags);
  const { files: siteFiles, unreadableFolders, danglingLinks } = await listSite(root);
  const stoppingLinks = linksJekyllStopsOn(jekyll, danglingLinks);
  // Build files are read once for all such links, and only when there is one.
  const buildMayMakeTargets = stoppingLinks.length > 0 && runsJekyllBuild([...new Set([repositoryRoot ?? configRoot, configRoot, root])], loaded.maxFileSize);
  // What the others lead to is the build's (a folder it makes, a submodule): published, not known here.
  jekyll.gitIgnored = [...jekyll.gitIgnored, ...danglingLinks.filter((link) => !stoppingLinks.includes(link)).map((link) => rootPattern(link.path))];
  // Posts a build step puts in a folder git leaves out publish where their own front matter and dates say.
  const filled = filledPostFolders(root, jekyll, gitIgnoredLines).map((folder): PageGenerator => ({ by: '.gitignore', filled: folder }));
  if (filled.length > 0) jekyll.pageGenerators = [...jekyll.pageGenerators, ...filled];
  const builtUrls = builtCollectionUrls(jekyll);
  if (builtUrls.length > 0) jekyll.publishedElsewhere = [...(jekyll.publishedElsewhere ?? []), ...builtUrls];
  const openIncludes = includesWithoutFinalLineBreak(root, siteFiles, jekyll);
  if (openIncludes.length > 0) jekyll.markdownReading = { ...jekyll.markdownReading, openIncludes };
  const siteProblems = [
    ...jekyllConfigFindings(jekyll, configRoot, root),
    ...unreadableFolders.flatMap((folder) => engineFinding(config, 'file-unreadable', `${folder}/`, 'The folder cannot be read (permissions): its files were not linted.')),
    ...stoppingLinks.flatMap((link) => danglingLinkFinding(config, link, buildMayMakeTargets)),
    ...generatorFindings(config, siteFiles),
  ];
  const cachePath = config.cache === false ? undefined : resolve(configRoot, config.cache);
  // A result cache kept inside the site is not part of it (the next run would see the file list change).
  if (cachePath) siteFiles.delete(relative(root, cachePath).split(sep).join('/'));
  // Data files are linted for the URLs they give the layouts, layouts and includes for those they write,
  // static HTML files for their own, fragments as the pages that take them in render them.
  const frontMatterAtStart = new Map<string, boolean>();
  const isRendered = (file: string): boolean => {
    let rendered = frontMatterAtStart.get(file);
    if (rendered === undefined) frontMatterAtStart.set(file, (rendered = startsWithFrontMatter(resolve(root, file))));
    return rendered;
  };
  const candidates = [
    ...selectContent(siteFiles, jekyll, config.ignores, isRendered),
    ...(jekyllPublishesStaticHtml(root, config.maxFileSize) ? selectStaticHtml(siteFiles, jekyll, config.ignores, isRendered) : []),
    ...selectLinksOnlyFiles(siteFiles, jekyll, config.ignores),
    ...selectFragmentFiles(siteFiles, jekyll, config.ignores),
  ].sort();
  // Files git leaves out (a local build's output, coverage reports) are not the repository's: they
  // count as published where they are, but only the repository's are linted, as in a fresh clone.
  // A file its patterns name may still be tracked (added before, or with --force): git says which.
  const ignoringRule = gitIgnoringRule(gitIgnoredLines);
  const ignored = candidates.filter((file) => ignoringRule(file) !== undefined);
  const tracked = ignored.length === 0 ? undefined : await trackedFiles(root);
  const untracked = new Set(tracked ? ignored.filter((file) => !tracked.has(file)) : ignored);
  const content = untracked.size === 0 ? candidates : candidates.filter((file) => !untracked.has(file));
  const changes = inSource.changes(await pendingChanges);
  const contentSet = new Set(content);
  if (content.length === 0 && !options.files && !options.changedSince && !options.allowEmpty) {
    throw new ConfigError(`No content files to lint in ${root} (check the root, \`ignores\`, Jekyll's \`exclude\` and .gitignore; --allow-empty accepts an empty site).`);
  }
  const targets = options.files ? [...new Set(inSource.files(options.files))] : changes ? changes.changed.filter((f) => contentSet.has(f)) : content;

  // A whole-site run's workers get ready while the site is read (a cached run knows how many files need pass 1 only later).
  // The result cache serves every run but --fix (files change under it).
  const kept = options.fix ? undefined : (options.memory ?? cachePath);
  const threads = kept ? 1 : threadCount(options, config, targets.length);
  const workerJob = { root, configRoot, config, markdownReading: jekyll.markdownReading, pluginPageKeys: jekyll.pluginPageKeys };
  const workers = threads > 1 ? new LintWorkers(workerJob, threads - 1) : undefined;
  try {
    const rules = await rulesOf(config);
    const readmeIndexes = readmeIndexPages(siteFiles, jekyll);
    const cache = kept === undefined ? undefined : (await openResultCache(kept, runKey(config, jekyll, readmeIndexes), resolve(configRoot, defaultResultCache)));
    // Named files outside the root (by path or through a symbolic link) are never read.
    const outside = new Set(options.files ? targets.filter((file) => !contentSet.has(file) && !isInsideRoot(root, file)) : []);
    // A whole-site run without the result cache reads each file as pass 1 takes it (here or on a
    // worker), so the site's texts are never all held at once; other runs need them before pass 1.
    const readAsPassed = workers !== undefined || (!kept && !options.fix && !options.files && !changes);
    const sources = readAll(root, readAsPassed ? [] : [...new Set([...content, ...targets])].filter((file) => !outside.has(file)), config.maxFileSize);
    for (const file of outside) sources.set(file, { ok: false, message: 'The file is outside the site root (or a link to a file outside it); it was not read.', line: 1, column: 1 });
    const texts = readableTexts(sources, content);
    const run: Run = {
      options,
      root,
      configRoot,
      config,
      tags,
      jekyll,
      siteFiles,
      content,
      targets,
      changes,
      cache,
      sources,
      texts,
      otherPages: readOtherPagesFrontMatter(root, siteFiles, contentSet, jekyll, config.maxFileSize),
      readSiteFile: (path) => {
        const source = isInsideRoot(root, path) ? readSource(resolve(root, path), config.maxFileSize) : undefined;
        return source?.ok ? source.text : undefined;
      },
      passContext: { config, tags, site: { jekyll, standalone: false, readmeIndexes } },
      external: config.external.enabled ? await startExternalRun(configRoot, config, jekyll, options.onExternalProgress) : undefined,
      workers,
      workerJob,
      rules,
      linkRules: rules.filter((rule) => rule.meta.id.startsWith('link-')),
    };
    // What the baseline compares with: the changed files' texts as they are now.
    const textsNow = changes ? new Map(texts) : texts;
    const linted = options.fix ? await lintWithFixes(run) : await lintInTwoPasses(run);
    const { context, affectedFiles, before } = linted;
    const findings = [...siteProblems, ...linted.findings];
    // Files named on the command line (pre-commit, `--all-files`) are reported whole; the files the change reaches elsewhere are compared with the base.
    if (before) markPreExisting(findings, options.files ? affectedFiles : [...targets, ...affectedFiles], textsNow, before, context, rules);
    return {
      root,
      files: [...targets, ...affectedFiles],
      findings: sortFindings(findings),
      fixedFiles: linted.fixedFiles,
      affectedFiles,
      rateLimitedHosts: linted.rateLimitedHosts,
      rules: rules.map((rule) => rule.meta),
      threads: linted.threads,
      reused: linted.reused,
    };
  } finally {
    await workers?.close();
  }
}

/** What a run has set up before linting. */
interface Run {
  options: LintOptions;
  /** Where the site is read from (Jekyll's `source`). */
  root: string;
  /** Where the Jekyll config, doclint's config and its caches are (the root unless the config names a source). */
  configRoot: string;
  config: ResolvedConfig;
  tags: TagRegistry;
  jekyll: JekyllConfig;
  siteFiles: ReadonlySet<string>;
  content: readonly string[];
  targets: readonly string[];
  changes: GitChanges | undefined;
  cache: ResultCache | undefined;
  /** The files read before pass 1 (none for a whole-site run without the result cache: pass 1 reads each); a plain run lets go of each once pass 1 has it. */
  sources: Map<string, Source>;
  texts: Map<string, string>;
  /** The front matter of the files Jekyll renders that are not linted (readOtherPagesFrontMatter). */
  otherPages: ReadonlyMap<string, Record<string, unknown>>;
  /** Reads a site file that is not content (an include), for the site index. */
  readSiteFile: (path: string) => string | undefined;
  passContext: DocumentPassContext;
  external: ExternalRun | undefined;
  /** A whole-site run's lint workers, started before the site was read. */
  workers: LintWorkers | undefined;
  /** What lint workers are started with. */
  workerJob: ConstructorParameters<typeof LintWorkers>[0];
  rules: readonly AnyRule[];
  /** Changed-files mode: the rules for files the change reaches through their links. */
  linkRules: readonly AnyRule[];
}

interface Linted {
  findings: Finding[];
  context: LintContext;
  fixedFiles: string[];
  affectedFiles: string[];
  before: Baseline | undefined;
  rateLimitedHosts: string[];
  threads: number;
  reused: number;
}

/** --fix: each file's findings are needed before it is rewritten, so each file runs both passes in turn. */
async function lintWithFixes(run: Run): Promise<Linted> {
  const { config, tags, jekyll, siteFiles, texts, otherPages, readSiteFile, targets, sources, external } = run;
  const context: LintContext = { config, tags, site: buildSiteIndex(jekyll, siteFiles, texts, tags, new Map([...readSiteFrontMatter([...texts].filter(([file]) => !isFragmentFile(file, jekyll))), ...otherPages]), new Map(), readSiteFile) };
  const { before, affectedFiles } = changedFiles(run, context);
  // Every file's pass 1 as read: its first findings, and the facts that tell what takes a fragment in
  // and which templates are used (fixes change neither).
  const passes = new Map(targets.map((file) => [file, firstPass(file, sources.get(file)!, run.passContext, run.rules)] as const));
  const pages = new Map([...passes].map(([file, pass]) => [file, pass.facts] as const));
  if (external) {
    // Every outcome first.
    for (const facts of pages.values()) {
      if (facts && reachesReaders(facts, context.site, pages)) external.addPage(pageLinks(facts, context.site));
      await yieldToRequests();
    }
  }
  if (external) external.addUrls(ownerProjectRequests(pages.values(), context.site));
  const checked = await external?.done();
  if (checked) context.external = checked.results;
  const fixedFiles: string[] = [];
  const findings = (await lintAndFix(run, context, passes, pages, affectedFiles, fixedFiles)).flat();
  return { findings, context, fixedFiles, affectedFiles, before, rateLimitedHosts: checked?.rateLimitedHosts ?? [], threads: 1, reused: 0 };
}

/** Pass 1 of the targets (from the cache, on workers, or here), then pass 2 over every page's facts. */
async function lintInTwoPasses(run: Run): Promise<Linted> {
  const { options, root, configRoot, config, tags, jekyll, siteFiles, content, targets, changes, cache, sources, texts, otherPages, readSiteFile, external, rules, linkRules } = run;
  // Each page's external URLs are requested as soon as its links are known (from the cache or
  // pass 1 here; pass 1 runs on workers only without external checks), and go out before the next page's CPU work.
  const requestLinks = async (result: FirstPass): Promise<void> => {
    // A file Jekyll does not render on its own: once pass 2 knows a page takes it in.
    if (!external || !result.facts?.rendered) return;
    external.addPage(result.facts.links);
    await yieldToRequests();
  };
  // Facts stay until pass 2 is over: the strings they repeat are kept once (see shared-strings.ts).
  const strings = new SharedStrings();
  const shared = (result: FirstPass): FirstPass => {
    if (result.facts) strings.share(result.facts);
    return result;
  };
  const forget = (file: string): void => {
    sources.delete(file);
    texts.delete(file);
  };
  const here = async (files: readonly string[]): Promise<FirstPassRun> => {
    const results = new Map<string, FirstPass>();
    for (const file of files) {
      const result = shared(firstPass(file, sources.get(file) ?? readSource(resolve(root, file), config.maxFileSize), run.passContext, rules));
      results.set(file, result);
      // Its anchors are in its facts now: a whole-site run lets go of its text (100x corpus: ~110 MB less).
      if (!changes) forget(file);
      await requestLinks(result);
    }
    return { results, threads: 1 };
  };
  const firstPassOf = async (files: readonly string[]): Promise<FirstPassRun> => {
    // A cached run knows how many files need pass 1 only now.
    const threads = threadCount(options, config, files.length);
    const workers = run.workers ?? (threads > 1 ? new LintWorkers(run.workerJob, threads - 1) : undefined);
    if (!workers) return here(files);
    // The workers read their files themselves: a whole-site run lets go of the texts read here (a cached run has hashed them).
    if (!changes) for (const file of files) forget(file);
    try {
      return await workers.share(files, run.passContext.site.readmeIndexes, (file) => shared(firstPass(file, sources.get(file) ?? readSource(resolve(root, file), config.maxFileSize), run.passContext, rules)), shared);
    } finally {
      await workers.close();
    }
  };
  // The pages the cache answers for: their URLs before the other pages are read.
  const reused = external ? (_file: string, result: FirstPass) => requestLinks(result) : undefined;
  const passed = cache ? await firstPassWithCache(cache, targets, texts, firstPassOf, reused) : { ...(await firstPassOf(targets)), reused: 0 };

  // Pass 2, over every page's facts: the targets', and those the cache holds of the other files.
  const others = cache && targets.length < content.length ? cachedFirstPasses(cache, content.filter((file) => !passed.results.has(file)), texts) : new Map<string, FirstPass>();
  const known = new Map([...others, ...passed.results]);
  // The cache's facts too.
  for (const result of known.values()) shared(result);
  const pages = new Map([...known].map(([file, result]) => [file, result.facts]));
  const anchors = knownAnchors(pages);
  const context: LintContext = { config, tags, site: buildSiteIndex(jekyll, siteFiles, texts, tags, new Map([...siteFrontMatter(content.filter((file) => !isFragmentFile(file, jekyll)), known, texts), ...otherPages]), anchors, readSiteFile) };
  const { before, affectedFiles } = changedFiles(run, context, anchors);
  // References the targets' includes define: their URLs are known once the site is.
  for (const file of targets) {
    const facts = pages.get(file);
    if (external && facts?.references) external.addPage(includedReferenceLinks(facts, context.site));
    // A fragment's links: rendered pages' went out with pass 1.
    if (external && facts && !facts.rendered && reachesReaders(facts, context.site, pages)) external.addPage(facts.links);
  }
  const affected = affectedFiles.map((file) => [file, firstPass(file, sources.get(file)!, run.passContext, linkRules)] as const);
  for (const [file, result] of affected) pages.set(file, result.facts);
  if (external) external.addUrls(ownerProjectRequests([...targets, ...affectedFiles].map((file) => pages.get(file)), context.site));
  const checked = await external?.done();
  if (checked) context.external = checked.results;
  const findings = [
    ...affected.flatMap(([, result]) => [...result.findings, ...secondPass(result, context, pages, linkRules)]),
    ...targets.flatMap((file) => {
      const result = passed.results.get(file)!;
      return findingsInSite(file, result, context, pages, rules);
    }),
  ];
  return { findings, context, fixedFiles: [], affectedFiles, before, rateLimitedHosts: checked?.rateLimitedHosts ?? [], threads: passed.threads, reused: passed.reused };
}

/** The content files' front matter values in the site's file order: pass 1's, or read from the text of a file pass 1 did not see. */
function siteFrontMatter(content: readonly string[], results: ReadonlyMap<string, FirstPass>, texts: ReadonlyMap<string, string>): Map<string, Record<string, unknown>> {
  const values = new Map<string, Record<string, unknown>>();
  for (const path of content) {
    const found = results.has(path) ? results.get(path)!.frontMatter : texts.has(path) ? readSiteFrontMatter([[path, texts.get(path)!]]).get(path) : undefined;
    if (found) values.set(path, found);
  }
  return values;
}

/** Changed-files mode: the site at the base revision, and the other files whose links the change reaches. */
function changedFiles({ siteFiles, texts, changes, targets, rules }: Run, context: LintContext, anchors: ReadonlyMap<string, readonly Anchor[]> = new Map()): { before?: Baseline; affectedFiles: string[] } {
  if (!changes) return { affectedFiles: [] };
  const before = siteBefore(context, siteFiles, texts, changes, rules, anchors);
  return { before, affectedFiles: filesLinkingToRemoved(context, before.site, texts, changes, new Set(targets)) };
}

/** Each file's findings, its certain fixes applied (up to maxFixPasses rounds) and written when the file is as it was read. */
async function lintAndFix(
  { root, targets, sources, rules, linkRules }: Run,
  context: LintContext,
  passes: ReadonlyMap<string, FirstPass>,
  pages: ReadonlyMap<string, PageFacts | undefined>,
  linkOnly: readonly string[],
  fixedFiles: string[],
): Promise<Finding[][]> {
  const found = linkOnly.map((file) => lintSource(file, sources.get(file)!, context, linkRules));
  for (const file of targets) {
    const source = sources.get(file)!;
    let fileFindings = findingsInSite(file, passes.get(file)!, context, pages, rules);
    let text = source.ok ? source.text : '';
    for (let pass = 0; source.ok && pass < maxFixPasses; pass++) {
      const fixes = fileFindings.flatMap((f) => (f.fix ? [f.fix] : []));
      if (fixes.length === 0) break;
      const fixed = applyFixes(text, fixes);
      if (fixed.applied === 0 || fixed.text === text) break;
      text = fixed.text;
      fileFindings = lintFile(file, text, context, rules, pages);
    }
    if (source.ok && text !== source.text) {
      const outcome = await writeFixedFile(root, resolve(root, file), source.text, text);
      if (outcome.written) fixedFiles.push(file);
      else {
        // The file stays as it was: report its findings as they are there, and why it was not fixed.
        fileFindings = [...lintFile(file, source.text, context, rules, pages), ...engineFinding(context.config, 'fix-skipped', file, `Fixes were not written: ${outcome.reason}.`)];
      }
    }
    found.push(fileFindings);
  }
  return found;
}

/**
 * The files, outside the changed ones, whose text names a URL or URL#anchor that existed at
 * the revision and exists no more (a deleted or renamed page, a renamed heading).
 */
function filesLinkingToRemoved({ site }: LintContext, before: SiteIndex, texts: ReadonlyMap<string, string>, changes: GitChanges, targets: ReadonlySet<string>): string[] {
  const needles = new Set<string>();
  for (const path of changes.before.keys()) {
    const oldUrl = before.urls.urlOf.get(path);
    if (!oldUrl) continue;
    const stillThere = site.urls.targets.get(oldUrl) ?? site.urls.targets.get(site.urls.redirects.get(oldUrl) ?? '');
    if (!stillThere) {
      needles.add(oldUrl.replace(/\/$/, ''));
      continue;
    }
    const now = new Set((site.anchors(stillThere.path) ?? []).map((a) => a.id));
    for (const anchor of before.anchors(path) ?? []) if (!now.has(anchor.id)) needles.add(`#${anchor.id}`);
  }
  if (needles.size === 0) return [];
  return [...texts.keys()].filter((path) => !targets.has(path) && [...needles].some((needle) => texts.get(path)!.includes(needle))).sort();
}

/** The Jekyll config's problems, at its files' paths from the site's source (`../_config.yml` when the config names one). */
function jekyllConfigFindings(jekyll: JekyllConfig, configRoot: string, root: string): Finding[] {
  const fromSource = (file: string): string => (root === configRoot ? file : relative(root, resolve(configRoot, file)).split(sep).join('/'));
  return jekyll.problems.map((problem) => ({ ruleId: 'file-unreadable', severity: problem.severity ?? 'error', message: problem.message, file: fromSource(problem.file), line: problem.line, column: problem.column }));
}

/** A symbolic link `jekyll build` stops on: an error, or a warning where a build file may make what it leads to first. */
function danglingLinkFinding(config: ResolvedConfig, { path, target }: DanglingLink, built: boolean): Finding[] {
  const stops = `This symbolic link leads to \`${target}\`, which does not exist: \`jekyll build\` stops on it (No such file or directory), as GitHub Pages' build does`;
  if (built) return engineFinding(config, 'file-unreadable', path, `${stops}, unless a step of the site's build makes \`${target}\` first.`).map((finding) => ({ ...finding, severity: 'warning' as const }));
  return engineFinding(config, 'file-unreadable', path, `${stops}. Remove the link, add what it leads to, or list it in \`exclude\`.`);
}

/** A site another generator builds, unless the config names Jekyll config files of its own. */
function generatorFindings(config: ResolvedConfig, siteFiles: ReadonlySet<string>): Finding[] {
  const other = config.jekyll.configFiles.join() === defaultJekyllConfigFile ? otherGenerator(siteFiles) : undefined;
  if (!other) return [];
  const message = `This looks like ${other.site ?? `a site ${other.name} builds`} (${other.evidence}): ${other.advice ?? 'doclint checks a site as Jekyll builds it, so its findings on Liquid tags, permalinks and links may not apply here.'}`;
  return engineFinding(config, 'site-generator', other.file, message);
}

/** The run's result cache: in its file (doclint's own default file is replaced if it holds something else), or in memory. */
async function openResultCache(kept: string | ResultMemory, key: string, defaultPath: string): Promise<ResultCache> {
  return typeof kept === 'string' ? await ResultCache.load(kept, key, kept === defaultPath) : ResultCache.held(kept, key);
}

/** Threads for pass 1 of this many files, this one included (1: no workers). With external checks, pass 1 runs here, requesting each page's URLs as soon as it is read. */
function threadCount(options: LintOptions, config: ResolvedConfig, files: number): number {
  if (options.fix || options.changedSince || options.files || config.external.enabled || !canUseWorkers()) return 1;
  const requested = options.workers ?? 'auto';
  return requested === 'auto' ? autoThreadCount(files) : Math.max(1, Math.min(Math.floor(requested), files));
}

/** A resolved config has every rule as `{ severity, options }`; a user config has `"warn"` or `["warn", {...}]`. */
function isResolved(config: LintOptions['config']): config is ResolvedConfig {
  const setting = (config as ResolvedConfig | undefined)?.rules?.['file-unreadable'];
  return typeof setting === 'object' && setting !== null && !Array.isArray(setting) && typeof setting.severity === 'string';
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(byFileAndPosition);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
