import { LockConfigError } from './errors.js';
import type { LockConstructor } from './lock-types.js';

/**
 * Loads auth0-lock with a dynamic `import()`, so bundlers put Lock (~330 KB gzipped) in its own
 * chunk that only a page which mounts Lock downloads. Takes the named export `Auth0Lock`, which
 * works where the default export is the CommonJS exports object (Vite 8), and falls back to the
 * default export for bundlers that unwrap it.
 *
 * @throws {LockConfigError} `lock_unavailable` when the module cannot be loaded or has no constructor.
 */
export async function loadAuth0Lock(): Promise<LockConstructor> {
  let module: { Auth0Lock?: unknown; default?: unknown };
  try {
    module = (await import('auth0-lock')) as { Auth0Lock?: unknown; default?: unknown };
  } catch (error) {
    throw new LockConfigError('lock_unavailable', 'auth0-lock', `could not be loaded: ${String(error)}`);
  }
  const fromDefault = module.default as { Auth0Lock?: unknown } | undefined;
  const found = module.Auth0Lock ?? fromDefault?.Auth0Lock ?? module.default;
  if (typeof found !== 'function') throw new LockConfigError('lock_unavailable', 'auth0-lock', 'has no Auth0Lock constructor');
  return found as LockConstructor;
}
