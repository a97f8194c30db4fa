/**
 * Theme gems doclint knows the contents of: GitHub Pages' themes (pages-themes 0.2.0, primer
 * 0.6.0, as github-pages 232 pins them), minima 2.5.1 and just-the-docs (every release, 0.1.1 to
 * 0.12.0: the layouts and includes of any of them, as a site's version is not always known). A
 * site using one of them is checked against the theme's layouts and includes, not waved through:
 * `layout: business` is still missing when the theme has only `default`; and against its
 * `assets/` files, but just-the-docs' (they differ from release to release).
 */
import type { JekyllConfig } from './jekyll-config.js';

interface ThemeGem {
  /** The plugin gems it depends on, which Jekyll loads with it. */
  plugins: readonly string[];
  /** Its layouts, by name. */
  layouts: readonly string[];
  /** Its includes, by file name. */
  includes: readonly string[];
  /** Where the site publishes the files of its `assets/` folder (Sass with front matter as CSS); undefined when not known. */
  assets?: readonly string[];
}

const headCustom = ['head-custom.html', 'head-custom-google-analytics.html'];
const webfonts = (names: string[], formats: string[]) => names.flatMap((name) => formats.map((format) => `fonts/${name}.${format}`));
const pagesTheme = (layouts = ['default'], includes = headCustom, assets: string[] = []): ThemeGem => ({
  plugins: ['jekyll-seo-tag'],
  layouts,
  includes,
  assets: ['/assets/css/style.css', ...assets.map((file) => `/assets/${file}`)],
});

const knownThemes: Record<string, ThemeGem> = {
  minima: {
    plugins: ['jekyll-feed', 'jekyll-seo-tag'],
    layouts: ['default', 'home', 'page', 'post'],
    includes: ['disqus_comments.html', 'footer.html', 'google-analytics.html', 'head.html', 'header.html', 'icon-github.html', 'icon-github.svg', 'icon-twitter.html', 'icon-twitter.svg', 'social.html'],
    assets: ['/assets/main.css', '/assets/minima-social-icons.svg'],
  },
  'jekyll-theme-primer': { ...pagesTheme(['default', 'home', 'page', 'post']), plugins: ['jekyll-github-metadata', 'jekyll-seo-tag'] },
  'jekyll-theme-hacker': pagesTheme(['default', 'post'], [...headCustom, 'head-custom-theme-colors.html'], ['images/bkg.png', 'images/blacktocat.png', 'images/bullet.png']),
  'jekyll-theme-midnight': pagesTheme(['default'], [...headCustom, 'head-custom-theme-colors.html'], [
    'css/ie.scss',
    ...['bullet.png', 'hr.gif', 'nav-bg.gif'].map((image) => `images/${image}`),
    'js/respond.js',
    ...webfonts(['Bold', 'BoldItalic', 'Italic', 'Light', 'LightItalic', 'Regular', 'Semibold', 'SemiboldItalic'].map((style) => `OpenSans-${style}-webfont`), ['eot', 'svg', 'ttf', 'woff']),
  ]),
  'jekyll-theme-minimal': pagesTheme(['default', 'post'], headCustom, [
    'img/logo.png',
    'js/scale.fix.js',
    ...webfonts(['700', '700italic', 'italic', 'regular'].map((style) => `Noto-Sans-${style}/Noto-Sans-${style}`), ['eot', 'svg', 'ttf', 'woff', 'woff2']),
  ]),
  'just-the-docs': {
    plugins: ['jekyll-seo-tag', 'jekyll-include-cache'],
    layouts: ['about', 'default', 'home', 'minimal', 'page', 'post', 'table_wrappers', 'vendor/compress'],
    includes: [
      ...['aux_nav', 'breadcrumbs', 'children_nav', 'footer', 'header', 'mermaid', 'nav', 'nav/children', 'nav/links', 'nav/pages', 'nav/sorted', 'search_footer', 'search_header', 'sidebar', 'site_nav'].map((name) => `components/${name}.html`),
      ...['activation', 'callouts', 'custom', 'just-the-docs'].map((name) => `css/${name}.scss.liquid`),
      ...['code_copy', 'document', 'expand', 'external_link', 'icons', 'link', 'menu', 'search'].map((name) => `icons/${name}.html`),
      ...['favicon', 'fix_linenos', 'footer_custom', 'head', 'head_custom', 'head_nav', 'header_custom', 'nav', 'nav_footer_custom', 'search_placeholder_custom', 'sorted_pages', 'title', 'toc_heading_custom', 'vendor/anchor_headings'].map((name) => `${name}.html`),
      'js/custom.js',
      'lunr/custom-data.json',
      'lunr/custom-index.js',
      'mermaid_config.js',
    ],
  },
  // The files of each theme's `assets/` folder at v0.2.0 but css/style.scss (in every one).
  ...Object.fromEntries(
    Object.entries({
      architect: ['css/print.css', ...['body-bg.jpg', 'download-button.png', 'github-button.png', 'header-bg.jpg', 'highlight-bg.jpg', 'sidebar-bg.jpg'].map((image) => `images/${image}`)],
      cayman: [],
      dinky: ['images/arrow-down.png', 'images/octocat-small.png', 'js/scale.fix.js'],
      'leap-day': [
        ...['background.png', 'body-background.png', 'bullet.png', 'hr.gif', 'octocat-logo.svg'].map((image) => `images/${image}`),
        'js/main.js',
        ...webfonts(['copse-regular', 'quattrocentosans-bold', 'quattrocentosans-bolditalic', 'quattrocentosans-italic', 'quattrocentosans-regular'].map((font) => `${font}-webfont`), ['eot', 'svg', 'ttf', 'woff']),
      ],
      merlot: [
        'css/mobile.css',
        'css/non-screen.css',
        ...['bg-ramp.jpg', 'blockquote-gfx-2x.png', 'blockquote-gfx.png', 'chevron-2x.png', 'chevron.png', 'download-fallback-bg.png', 'download-sprite.png', 'footer-ramp.jpg', 'fork-sprite.png', 'hr-2x.jpg', 'hr.jpg', 'octocat-2x.png', 'octocat.png', 'ribbon-tail-sprite-2x.png', 'ribbon-tail-sprite.png', 'shield-fallback.png', 'shield.png', 'site-2.png', 'small-ribbon-tail-sprite-2x.png', 'small-ribbon-tail-sprite.png'].map((image) => `images/${image}`),
        'js/headsmart.min.js',
        'js/modernizr.js',
        ...webfonts(['bold', 'bolditalic', 'extrabold', 'italic', 'regular'].map((style) => `opensans-${style}-webfont`), ['eot', 'svg', 'ttf', 'woff']),
      ],
      modernist: ['images/checker.png', 'js/scale.fix.js'],
      slate: ['bg_hr.png', 'blacktocat.png', 'icon_download.png', 'sprite_download.png'].map((image) => `images/${image}`),
      tactile: ['css/print.css', ...['body-bg.png', 'highlight-bg.jpg', 'hr.png', 'octocat-icon.png', 'tar-gz-icon.png', 'zip-icon.png'].map((image) => `images/${image}`)],
      'time-machine': [...['code.png', 'pattern.png', 'tar.png', 'top.png', 'zip.png'].map((image) => `images/${image}`), 'js/script.js'],
    }).map(([name, assets]) => [`jekyll-theme-${name}`, pagesTheme(undefined, undefined, assets)]),
  ),
};

/**
 * The theme gem's name as the config gives it (`minima`, `owner/repo@ref`). A remote theme comes
 * first: jekyll-remote-theme puts it in `theme:`'s place (GitHub Pages' default theme's too).
 */
export function themeGemName(jekyll: Pick<JekyllConfig, 'raw'>): string | undefined {
  const { theme, remote_theme: remote } = jekyll.raw;
  return typeof remote === 'string' ? remote : typeof theme === 'string' ? theme : undefined;
}

/** A theme gem (`theme:`, `remote_theme:`) gives the site layouts and includes the repository need not hold. */
export function usesThemeGem(jekyll: Pick<JekyllConfig, 'raw'>): boolean {
  return themeGemName(jekyll) !== undefined;
}

/**
 * The theme doclint knows the site uses: its `theme:` gem, or its `remote_theme:` when that is the
 * repository of a known gem (`pages-themes/cayman@v0.2.0`, `just-the-docs/just-the-docs`, the
 * same files; just-the-docs' old home `pmarsceill/just-the-docs` redirects to it).
 */
function knownTheme(raw: Record<string, unknown>): ThemeGem | undefined {
  const gem = typeof raw.remote_theme === 'string' ? remoteThemeGem(raw.remote_theme) : typeof raw.theme === 'string' ? raw.theme : undefined;
  return gem !== undefined && Object.hasOwn(knownThemes, gem) ? knownThemes[gem] : undefined;
}

/** The gem a remote theme's repository publishes (`owner/name@ref`, or its github.com URL), when doclint knows it. */
function remoteThemeGem(remote: string): string | undefined {
  const repository = /^(?:https?:\/\/github\.com\/)?([\w-]+)\/([\w.-]+)(?:@[\w.-]+)?$/i.exec(remote.trim());
  if (!repository) return undefined;
  const [owner, name] = [repository[1]!.toLowerCase(), repository[2]!.toLowerCase()];
  if (owner === 'pages-themes') return `jekyll-theme-${name}`;
  return name === 'just-the-docs' && (owner === 'just-the-docs' || owner === 'pmarsceill') ? 'just-the-docs' : undefined;
}

/**
 * The layouts and includes the site's theme gives: none without a theme, `unknown` for a theme
 * doclint does not know.
 */
export function themeTemplates(jekyll: Pick<JekyllConfig, 'raw'>): Pick<ThemeGem, 'layouts' | 'includes'> | 'unknown' {
  if (themeGemName(jekyll) === undefined) return { layouts: [], includes: [] };
  return knownTheme(jekyll.raw) ?? 'unknown';
}

/**
 * The URLs the site's theme publishes from its `assets/` folder: none without a theme, `unknown`
 * for a theme whose files doclint does not know.
 */
export function themeAssetUrls(jekyll: Pick<JekyllConfig, 'raw'>): readonly string[] | 'unknown' {
  if (themeGemName(jekyll) === undefined) return [];
  return knownTheme(jekyll.raw)?.assets ?? 'unknown';
}

/**
 * The plugin gems the theme makes Jekyll load (jekyll-remote-theme loads a remote theme's too):
 * those of a theme doclint knows, else the theme's name stands for plugins that are not known (a
 * remote theme's are those its gemspec names).
 */
export function themePlugins(raw: Record<string, unknown>): readonly string[] {
  const known = knownTheme(raw);
  if (known) return known.plugins;
  const name = themeGemName({ raw });
  return name === undefined ? [] : [name];
}
