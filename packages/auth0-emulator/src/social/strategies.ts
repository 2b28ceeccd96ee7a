/**
 * Simulated social connections: Auth0 strategies of identity providers (Google, GitHub...) whose
 * users sign in at the provider, never with a password and never through a signup form. The
 * emulator stands in for the provider with a page of its own (routes/social-login.ts).
 */

/** Social strategies a tenant file may name (Auth0's strategy names). */
export const SOCIAL_STRATEGIES = ['google-oauth2', 'github', 'facebook', 'apple', 'windowslive', 'linkedin', 'twitter'] as const;

/** A social strategy (`connections[].strategy`). */
export type SocialStrategy = (typeof SOCIAL_STRATEGIES)[number];

/** What a connection can be: a database (`auth0`) or a simulated social provider. */
export type ConnectionStrategy = 'auth0' | SocialStrategy;

/** Every strategy a tenant file may name. */
export const CONNECTION_STRATEGIES: readonly ConnectionStrategy[] = ['auth0', ...SOCIAL_STRATEGIES];

/** Whether `strategy` is a (simulated) social provider rather than a database. */
export function isSocialStrategy(strategy: string): strategy is SocialStrategy {
  return (SOCIAL_STRATEGIES as readonly string[]).includes(strategy);
}

/** The identity provider of a user id: `google-oauth2|1234` -> `google-oauth2`, `auth0|abc` -> `auth0`. */
export function providerOf(userId: string): string {
  const bar = userId.indexOf('|');
  return bar < 0 ? 'auth0' : userId.slice(0, bar);
}
