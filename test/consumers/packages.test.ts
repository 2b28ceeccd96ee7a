/**
 * The `packages` stage: what `npm install` of the published packages gives a user. Packs every
 * public package, checks the tarballs (contents, publint, are-the-types-wrong), then installs them
 * with npm into the apps of apps/ outside the workspace, with the README examples marked
 * `<!-- compiled: app/path -->` written into them, and type-checks, builds and runs each app.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ConsumerCheck } from './checks/types.js';
import { ROOT, consumerApps, layOut, npmInstall, npmRun, packAll, publicPackages, run, tarballFiles, tarballText } from './harness.js';
import { readmeExamples } from './readme-examples.js';

const packages = publicPackages();
const apps = consumerApps();
const examples = readmeExamples();
const started = Date.now();
let failedToPack = new Map<string, string>();

before(() => {
  failedToPack = packAll(packages);
});

/** Only the packages that packed: one that did not fails its own tests, not every app's. */
const packedPackages = () => packages.filter((pkg) => !failedToPack.has(pkg.name));
after(() => console.log(`# packages stage: ${((Date.now() - started) / 1000).toFixed(1)} s`));

/** Entry points behind the wildcard exports (`./define/*.js`), from the declarations in the tarball. */
function wildcardEntrypoints(manifest: { exports?: Record<string, unknown> }, files: readonly string[]): string[] {
  const entries: string[] = [];
  for (const [key, target] of Object.entries(manifest.exports ?? {})) {
    if (!key.includes('*') || typeof target !== 'object' || target === null) continue;
    const types = (target as { types?: string }).types;
    if (!types?.includes('*')) continue;
    const [before = '', after = ''] = types.replace(/^\.\//, '').split('*');
    for (const file of files) {
      if (!file.startsWith(before) || !file.endsWith(after)) continue;
      const stem = file.slice(before.length, file.length - after.length);
      // `./*.js` matches nested paths too; its top level is what the README documents.
      if (key === './*.js' && stem.includes('/')) continue;
      entries.push(key.replace('*', stem));
    }
  }
  return entries;
}

describe('packed packages', () => {
  for (const pkg of packages) {
    describe(pkg.name, () => {
      it('ships its built code, declarations, README and LICENSE, and no tests', () => {
        assert.ok(!failedToPack.has(pkg.name), failedToPack.get(pkg.name));
        const files = tarballFiles(pkg.tarball);
        for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) assert.ok(files.includes(required), `${required} missing`);
        assert.deepEqual(
          files.filter((file) => /\.test(-d)?\.[cm]?[jt]s$|(^|\/)(test|tests|__tests__)\//.test(file)),
          [],
        );
        assert.match(tarballText(pkg.tarball, 'LICENSE'), /MIT License[\s\S]*Assent contributors/);
        console.log(`# ${pkg.name}: ${files.length} files, ${run(ROOT, 'stat', ['-c', '%s', pkg.tarball]).stdout.trim()} bytes packed`);
      });

      it('names versions, not workspace ranges, and the Node versions it needs', () => {
        const text = tarballText(pkg.tarball, 'package.json');
        assert.doesNotMatch(text, /workspace:/);
        const manifest = JSON.parse(text) as { engines?: { node?: string }; types?: string; license?: string };
        assert.ok(manifest.engines?.node, 'engines.node');
        assert.equal(manifest.license, 'MIT');
        assert.equal(manifest.types, './dist/index.d.ts', 'top-level types, for moduleResolution "node"');
      });

      it('passes publint', () => {
        const result = run(ROOT, 'pnpm', ['exec', 'publint', 'run', pkg.tarball, '--strict']);
        assert.equal(result.status, 0, result.stdout + result.stderr);
      });

      it('has types for every entry point in every module resolution (are-the-types-wrong)', () => {
        const manifest = JSON.parse(tarballText(pkg.tarball, 'package.json')) as { exports?: Record<string, unknown> };
        const extra = wildcardEntrypoints(manifest, tarballFiles(pkg.tarball));
        const args = ['exec', 'attw', pkg.tarball, '--format', 'table-flipped', '--no-color', '--ignore-rules', 'cjs-resolves-to-esm'];
        // ESM only, on purpose: CommonJS callers use import() (Node 20.19+ also require()s ES modules).
        if (extra.length > 0) args.push('--include-entrypoints', ...extra);
        const result = run(ROOT, 'pnpm', args);
        assert.equal(result.status, 0, result.stdout + result.stderr);
      });
    });
  }
});

describe('README examples', () => {
  it('are each marked for a consumer app that exists', () => {
    for (const example of examples)
      assert.ok(
        apps.some((app) => app.name === example.app),
        `${example.where}: no consumer app "${example.app}"`,
      );
    assert.ok(examples.length > 0);
  });
});

for (const app of apps) {
  describe(`consumer app ${app.name}`, () => {
    const check = join(app.source, '..', '..', 'checks', `${app.name}.ts`);
    it('installs from the tarballs with npm, outside the workspace', () => {
      const extra = new Map(examples.filter((example) => example.app === app.name).map((example) => [example.path, example.code]));
      layOut(app, packedPackages(), extra);
      const cached = npmInstall(app, packedPackages());
      if (cached) console.log(`# ${app.name}: packages unchanged since the last install`);
      for (const pkg of packedPackages()) {
        if (existsSync(join(app.dir, 'node_modules', pkg.name))) assert.ok(existsSync(join(app.dir, 'node_modules', pkg.name, 'dist', 'index.js')), `${pkg.name} installed without dist/`);
      }
    });

    it('type-checks, README examples included', () => {
      npmRun(app, 'typecheck');
    });

    it('builds', () => {
      npmRun(app, 'build');
    });

    if (existsSync(check)) {
      it('behaves: see its check', async (t) => {
        const { default: behaviour } = (await import(pathToFileURL(check).href)) as { default: ConsumerCheck };
        t.diagnostic(behaviour.title);
        await behaviour.run(app);
      });
    }
  });
}
