/**
 * What each token of the consent page's round trip is for. Both are HS256 JWTs signed with the
 * same shared secret (`ASSENT_SESSION_SECRET`) and carry `sub`, `exp` and `state`, so without a
 * marked purpose one could stand in for the other: the Action's session token posted to /continue
 * as if it were the page's answer, or the page's answer opened as a session token. Each side
 * checks the `token_use` claim it expects. A claim rather than a `typ` header, because Auth0's
 * `api.redirect.encodeToken` sets the header itself and `validateToken` returns only the claims.
 */

/** The claim naming a token's purpose. */
export const TOKEN_USE_CLAIM = 'token_use';

/** The post-login Action's session token, which opens the consent page (`api.redirect.encodeToken`). */
export const SESSION_TOKEN_USE = 'assent-consent-session';

/** The consent page's answer, which the Action reads at /continue (`api.redirect.validateToken`). */
export const RETURN_TOKEN_USE = 'assent-consent-return';
