/**
 * The consumer harness: packs every public package as it would be published, and installs the
 * tarballs with npm into the apps under `apps/`, copied outside the workspace (below the OS temp
 * folder), so nothing resolves through pnpm's links, the `source` condition or the workspace's
 * node_modules. See README.md beside this file.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const APPS = join(dirname(fileURLToPath(import.meta.url)), 'apps');

/**
 * Where the tarballs and the apps go: outside the workspace, one folder per checkout (two clones on
 * one machine do not share it), kept between runs so that npm only reinstalls what changed.
 */
export const WORK = join(tmpdir(), `assent-packages-${createHash('sha256').update(ROOT).digest('hex').slice(0, 10)}`);
export const TARBALLS = join(WORK, 'tarballs');

/** A public workspace package (not `"private": true`) below packages/. */
export interface WorkspacePackage {
  readonly name: string;
  /** Folder in the workspace. */
  readonly dir: string;
  /** Where its tarball lands: `assent-core.tgz` for `@assent/core` (no version, so apps can name it). */
  readonly tarball: string;
}

export function publicPackages(): WorkspacePackage[] {
  return readdirSync(join(ROOT, 'packages'))
    .map((folder) => join(ROOT, 'packages', folder))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; private?: boolean } }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, tarball: join(TARBALLS, `${manifest.name.replace(/^@/, '').replace('/', '-')}.tgz`) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Runs a command; output is kept (and returned) for assertion messages. */
export function run(cwd: string, cmd: string, args: readonly string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

/** Fails with the command's output when it did not exit 0. */
export function succeed(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`.trim());
  return result.stdout;
}

/** The packages ordered so that each comes after the workspace packages it depends on. */
function dependencyOrder(packages: readonly WorkspacePackage[]): WorkspacePackage[] {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const ordered: WorkspacePackage[] = [];
  const visit = (pkg: WorkspacePackage, path: readonly string[]): void => {
    if (ordered.includes(pkg) || path.includes(pkg.name)) return;
    const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const needs = ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((field) => Object.keys(manifest[field] ?? {}));
    for (const name of needs) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency, [...path, pkg.name]);
    }
    ordered.push(pkg);
  };
  for (const pkg of packages) visit(pkg, []);
  return ordered;
}

/**
 * `pnpm pack` of every public package, dependencies first (`prepack` builds each; pnpm replaces
 * the `workspace:*` ranges with versions), into a fresh tarballs folder. A package that fails to
 * build does not stop the others: it is returned with pnpm's output, and its tests fail with it.
 */
export function packAll(packages: readonly WorkspacePackage[]): Map<string, string> {
  rmSync(TARBALLS, { recursive: true, force: true });
  const raw = join(WORK, 'packed');
  rmSync(raw, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  mkdirSync(TARBALLS, { recursive: true });
  // The workspace runs from sources; a dist/ left behind would make TypeScript in the workspace
  // read some packages' declarations from dist/ and others from src/. Keep only those there were.
  const unbuilt = packages.map((pkg) => join(pkg.dir, 'dist')).filter((dist) => !existsSync(dist));
  const failed = new Map<string, string>();
  try {
    for (const pkg of dependencyOrder(packages)) {
      const result = run(pkg.dir, 'pnpm', ['pack', '--pack-destination', raw]);
      const prefix = `${pkg.name.replace(/^@/, '').replace('/', '-')}-`;
      const file = readdirSync(raw).find((name) => name.startsWith(prefix) && /^\d/.test(name.slice(prefix.length)) && name.endsWith('.tgz'));
      if (result.status === 0 && file) renameSync(join(raw, file), pkg.tarball);
      else failed.set(pkg.name, `pnpm pack of ${pkg.name} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  } finally {
    for (const dist of unbuilt) rmSync(dist, { recursive: true, force: true });
  }
  return failed;
}

/** Paths inside a tarball, without the leading `package/`. */
export function tarballFiles(tarball: string): string[] {
  return succeed(run(WORK, 'tar', ['tzf', tarball]), 'tar tzf')
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
}

/** The text of one file of a tarball. */
export function tarballText(tarball: string, path: string): string {
  return succeed(run(WORK, 'tar', ['xzf', tarball, '-O', `package/${path}`]), `tar xzf ${path}`);
}

/** A consumer app: a folder of apps/ with a package.json. */
export interface ConsumerApp {
  readonly name: string;
  /** Its sources in this repository. */
  readonly source: string;
  /** Where it is installed and built, outside the workspace. */
  readonly dir: string;
}

export function consumerApps(): ConsumerApp[] {
  return readdirSync(APPS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(APPS, entry.name, 'package.json')))
    .map((entry) => ({ name: entry.name, source: join(APPS, entry.name), dir: join(WORK, 'apps', entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Lays the app out fresh in its folder (keeping node_modules, the install cache), plus `extra`
 * files (the README examples, path -> text). npm `overrides` point every `@assent/*` package at
 * its tarball, so a package the app does not list itself (core below elements) never comes from
 * the registry.
 */
export function layOut(app: ConsumerApp, packages: readonly WorkspacePackage[], extra: ReadonlyMap<string, string>): void {
  mkdirSync(app.dir, { recursive: true });
  for (const entry of readdirSync(app.dir)) if (entry !== 'node_modules') rmSync(join(app.dir, entry), { recursive: true, force: true });
  cpSync(app.source, app.dir, { recursive: true, filter: (path) => !relative(app.source, path).split(/[\\/]/).includes('node_modules') });
  for (const [path, text] of extra) {
    const target = join(app.dir, path);
    if (existsSync(target)) throw new Error(`README example ${path} would replace a file of ${app.name}: name another file`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const manifestPath = join(app.dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { dependencies?: Record<string, string>; overrides?: Record<string, string> };
  const overrides: Record<string, string> = {};
  for (const pkg of packages) overrides[pkg.name] = manifest.dependencies?.[pkg.name] ?? `file:${relative(app.dir, pkg.tarball)}`;
  manifest.overrides = { ...manifest.overrides, ...overrides };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

function installKey(app: ConsumerApp, packages: readonly WorkspacePackage[]): string {
  const hash = createHash('sha256').update(readFileSync(join(app.dir, 'package.json')));
  for (const pkg of packages) hash.update(readFileSync(pkg.tarball));
  return hash.digest('hex');
}

/**
 * `npm install` in the app. Skipped when neither its package.json nor any tarball changed since
 * the last install; otherwise npm reuses what node_modules already holds (and its cache, offline
 * when it can) and extracts the new tarballs. Returns whether the install was skipped.
 */
export function npmInstall(app: ConsumerApp, packages: readonly WorkspacePackage[]): boolean {
  const key = installKey(app, packages);
  const stamp = join(app.dir, 'node_modules', '.assent-install-key');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return true;
  // A lock file would pin the previous tarballs' integrity: npm must read the new ones.
  rmSync(join(app.dir, 'package-lock.json'), { force: true });
  rmSync(join(app.dir, 'node_modules', '@assent'), { recursive: true, force: true });
  succeed(run(app.dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']), `npm install in ${app.name}`);
  writeFileSync(stamp, key);
  return false;
}

/** `npm run <script>` in the app; returns its output. */
export function npmRun(app: ConsumerApp, script: string): string {
  return succeed(run(app.dir, 'npm', ['run', '--silent', script]), `npm run ${script} in ${app.name}`);
}
