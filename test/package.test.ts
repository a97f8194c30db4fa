/**
 * The npm package as users get it: `npm pack` the real tarball, install it into a separate
 * package, and use the library API, the remark preset through remark-cli, and the CLI bin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempCopy } from './helpers.js';

const { dir, cleanup } = tempCopy();
afterAll(cleanup);
const npmEnv = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

beforeAll(() => {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: repoRoot, env: npmEnv, encoding: 'utf8' }).trim().split('\n').pop()!;
  const remarkCli = JSON.parse(execFileSync('npm', ['pkg', 'get', 'devDependencies.remark-cli'], { cwd: repoRoot, encoding: 'utf8' }));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'docs-site', private: true, type: 'module', dependencies: { doclint: `file:${join(dir, tarball)}`, 'remark-cli': remarkCli } }),
  );
  execFileSync('npm', ['install', '--no-package-lock'], { cwd: dir, env: npmEnv, stdio: 'pipe' });
  mkdirSync(join(dir, 'site'));
  cpSync(join(repoRoot, 'fixtures/sites/help-center'), join(dir, 'site'), { recursive: true, dereference: true });
  writeFileSync(join(dir, 'site/_articles/broken.md'), '---\nlayout: article\ntitle: Broken\ncategories: [account]\n---\n\n{% callout danger %}\nSee [x]({{site.baseurl}}/article/reset-password/#nope).\n{% endcallout %}\n');
}, 180_000);

describe('the packed npm package', () => {
  it('ships types, the schema and the bundled CLI, and nothing from the tests', () => {
    const installed = join(dir, 'node_modules/doclint');
    for (const file of ['dist/src/index.d.ts', 'dist/src/index.js', 'dist/src/remark/preset.js', 'schema/config.schema.json', 'bin/doclint.mjs', 'README.md', 'LICENSE']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, 'test'))).toBe(false);
    expect(existsSync(join(installed, 'fixtures'))).toBe(false);
  });

  it('works as a library: lint() and a reporter', () => {
    const script = `
      import { lint, reporters, version } from 'doclint';
      const result = await lint({ root: 'site' });
      const ids = result.findings.filter((f) => f.file === '_articles/broken.md').map((f) => f.ruleId).sort();
      const sarif = JSON.parse(reporters.sarif({ ...result, cwd: process.cwd(), toolVersion: version }));
      console.log(JSON.stringify({ ids, sarif: sarif.version }));`;
    writeFileSync(join(dir, 'api.mjs'), script);
    const output = JSON.parse(execFileSync(process.execPath, ['api.mjs'], { cwd: dir, encoding: 'utf8' }));
    expect(output).toEqual({ ids: ['link-anchor', 'liquid-tag-arguments'], sarif: '2.1.0' });
  });

  it('works from CommonJS: require() of the library and of the preset', () => {
    writeFileSync(
      join(dir, 'api.cjs'),
      "const { lint } = require('doclint');\nconst preset = require('doclint/remark-preset');\nlint({ root: 'site' }).then((r) => console.log(JSON.stringify({ files: r.files.length > 0, preset: typeof preset.default })));\n",
    );
    const output = JSON.parse(execFileSync(process.execPath, ['api.cjs'], { cwd: dir, encoding: 'utf8' }));
    expect(output).toEqual({ files: true, preset: 'object' });
  });

  it('works as a remark preset with remark-cli', () => {
    writeFileSync(join(dir, '.remarkrc.mjs'), "import doclint from 'doclint/remark-preset';\nexport default { plugins: [doclint] };\n");
    const run = spawnSync(join(dir, 'node_modules/.bin/remark'), ['site/_articles/broken.md', '--quiet', '--frail', '--no-stdout', '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/7:12-7:18\s+warning\s+`{% callout danger %}`: `danger` is not one of.*liquid-tag-arguments\s+doclint/);
  });

  it.each(['node10', 'node16', 'bundler'])('has types for the library and the preset under moduleResolution %s', (resolution) => {
    const module = resolution === 'node16' ? 'node16' : resolution === 'bundler' ? 'esnext' : 'commonjs';
    writeFileSync(
      join(dir, 'types.ts'),
      "import { lint } from 'doclint';\nimport preset from 'doclint/remark-preset';\nexport const used: [typeof lint, typeof preset] = [lint, preset];\n" +
        "// @ts-expect-error: a misspelt severity is a type error\nexport const typo = () => lint({ config: { rules: { 'link-internal': 'errorr' } } });\n",
    );
    writeFileSync(join(dir, `tsconfig.${resolution}.json`), JSON.stringify({ compilerOptions: { module, moduleResolution: resolution, strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['types.ts'] }));
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${resolution}.json`], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('installs from a git URL as a working library, with no build step (the committed HEAD)', () => {
    const project = tempCopy();
    try {
      writeFileSync(join(project.dir, 'package.json'), JSON.stringify({ name: 'from-git', private: true, type: 'module', dependencies: { doclint: `git+file://${repoRoot}` } }));
      execFileSync('npm', ['install', '--no-package-lock'], { cwd: project.dir, env: npmEnv, stdio: 'pipe' });
      writeFileSync(join(project.dir, 'api.mjs'), "import { lint } from 'doclint';\nconst r = await lint({ root: process.argv[2] });\nconsole.log(r.findings.length > 0);\n");
      expect(execFileSync(process.execPath, ['api.mjs', join(dir, 'site')], { cwd: project.dir, encoding: 'utf8' }).trim()).toBe('true');
    } finally {
      project.cleanup();
    }
  }, 180_000);

  it('installs the doclint command', () => {
    const run = spawnSync(join(dir, 'node_modules/.bin/doclint'), ['check', '--root', 'site', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'link-anchor')).toBe(true);
  });
});
