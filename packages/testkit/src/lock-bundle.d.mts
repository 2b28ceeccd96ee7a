/** The installed auth0-lock version (e.g. "14.3.0"). */
export function auth0LockVersion(): string;

/**
 * Builds (or reuses) an ES module bundle of auth0-lock that exports `{ Auth0Lock }`, with
 * `process.env.NODE_ENV` set to "production", in `.cache/assent-test/` by default. Returns its path.
 */
export function bundleAuth0Lock(options?: { cacheDir?: string }): Promise<string>;
