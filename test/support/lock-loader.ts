/**
 * Browser side: loads the pre-bundled auth0-lock served by the web-test-runner emulator plugin
 * (or by any server that serves `lock-bundle.mjs`'s output at the same path).
 *
 * ```ts
 * const Auth0Lock = await loadAuth0Lock();
 * const lock = new Auth0Lock(emulator.clientId, emulator.url, lockOfflineOptions(emulator.url));
 * ```
 */
// Lock's types declare these interfaces globally (Auth0LockStatic, Auth0LockConstructorOptions).
/// <reference types="auth0-lock" />

/** Path the plugin serves the bundle on. */
export const AUTH0_LOCK_PATH = '/__assent/auth0-lock.js';

/** Imports Lock; the module is fetched once per page. */
export async function loadAuth0Lock(path: string = AUTH0_LOCK_PATH): Promise<Auth0LockStatic> {
  // A computed specifier keeps bundlers and TypeScript from resolving a path that only the test server knows.
  const module = (await import(/* @vite-ignore */ path)) as { Auth0Lock: Auth0LockStatic };
  return module.Auth0Lock;
}

/** A blank logo: Lock's default logo is an image on Auth0's CDN. */
export const OFFLINE_LOGO = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="58" height="58"/%3E';

/**
 * The Lock options that keep it on the machine: its client script and dictionary come from the
 * emulator, a local logo instead of the CDN's, no gravatar, no SSO data call.
 */
export function lockOfflineOptions(emulatorUrl: string): Auth0LockConstructorOptions {
  return {
    configurationBaseUrl: emulatorUrl,
    languageBaseUrl: emulatorUrl,
    avatar: null,
    rememberLastLogin: false,
    theme: { logo: OFFLINE_LOGO },
  };
}
