// Pre-bundles auth0-lock (CommonJS + React) into one ES module that a browser can import:
// `import { Auth0Lock } from '<served path>'`. The dev servers of the tests cannot serve CommonJS,
// so Lock goes through esbuild once and is cached in .cache/ (keyed by Lock's version).
// Plain JavaScript because the web-test-runner plugin (plain Node) uses it. Types: lock-bundle.d.mts.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TESTKIT_PACKAGE = fileURLToPath(new URL('../package.json', import.meta.url));
const TESTKIT_DIR = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_CACHE = fileURLToPath(new URL('../../../.cache/assent-test', import.meta.url));

/** @returns {string} the installed auth0-lock version */
export function auth0LockVersion() {
  const require = createRequire(TESTKIT_PACKAGE);
  return JSON.parse(readFileSync(require.resolve('auth0-lock/package.json'), 'utf8')).version;
}

/**
 * Builds (or reuses) the Lock bundle and returns its path.
 * @param {{ cacheDir?: string }} [options]
 * @returns {Promise<string>}
 */
export async function bundleAuth0Lock(options = {}) {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE;
  const file = join(cacheDir, `auth0-lock-${auth0LockVersion()}.js`);
  if (existsSync(file)) return file;
  mkdirSync(cacheDir, { recursive: true });
  // Several test processes may build at once: each writes its own file, the rename is atomic.
  const temporary = `${file}.${process.pid}.tmp`;
  await build({
    // The named export: the default export of this CommonJS module is the exports object.
    stdin: { contents: "export { Auth0Lock } from 'auth0-lock';", resolveDir: TESTKIT_DIR, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    // Spelled out on purpose: with esbuild's implicit default, Lock's require('auth0-js') gets
    // auth0-js 9's UMD file, which its `"type": "module"` turns into an ES module exporting
    // nothing (Lock then dies on `auth0.version`). The "module" field points at a real ES build.
    mainFields: ['browser', 'module', 'main'],
    // React and Lock read process.env.NODE_ENV; browsers have no `process`.
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: temporary,
    logLevel: 'error',
  });
  renameSync(temporary, file);
  return file;
}
