/**
 * Bearer access tokens: RS256 JWTs issued by the Auth0 tenant, verified with jose against the
 * tenant's JWKS. Only what jose proves is trusted: signature by a key of the tenant (unknown `kid`
 * refused after one JWKS refresh), algorithm RS256 only (so `alg: none` and HS256, including HS256
 * "signed" with the public key, are refused), issuer, audience, expiry and not-before with no clock
 * tolerance, and a `sub` naming a user. Machine tokens (client credentials) have no user and are
 * refused: the handler acts only on the token's `sub`.
 */
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload } from 'jose';
import { invalidToken } from '../errors.js';

/** Who a verified token speaks for. */
export interface TokenSubject {
  /** The Auth0 user id (`auth0|…`, `google-oauth2|…`): the only user the request may touch. */
  readonly sub: string;
  /** Granted scopes. */
  readonly scopes: readonly string[];
}

/** Options of `createTokenVerifier`. */
export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** The clock in ms; default `Date.now`. */
  readonly now?: () => number;
}

/** Verifies `Authorization: Bearer …` headers. */
export type TokenVerifier = (authorization: string | undefined | null) => Promise<TokenSubject>;

// The scheme is case-insensitive (RFC 7235 section 2.1): `bearer` and `BEARER` are `Bearer`.
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet (nbf)';
    if (error.claim === 'iss') return 'The token was issued by another issuer';
    if (error.claim === 'aud') return 'The token is for another audience';
    return `The token's "${error.claim}" claim is invalid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with RS256';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed with a key the tenant does not have';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'The tenant signing keys could not be loaded';
  if (error instanceof errors.JOSEError) return 'The token is malformed';
  return 'The token could not be verified';
}

/** Creates a verifier bound to one tenant and one audience. The JWKS is fetched lazily and cached by jose. */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
    ...(options.fetch ? { [customFetch]: options.fetch } : {}),
  });
  const now = options.now ?? Date.now;
  return async (authorization) => {
    if (!authorization) throw invalidToken('Missing Authorization: Bearer token');
    const match = BEARER.exec(authorization.trim());
    if (!match) throw invalidToken('The Authorization header must be "Bearer <JWT>"');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1] as string, jwks, {
        algorithms: ['RS256'],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: new Date(now()),
        clockTolerance: 0,
      }));
    } catch (error) {
      throw invalidToken(reason(error));
    }
    const sub = payload.sub;
    if (payload.gty === 'client-credentials' || String(sub).endsWith('@clients')) throw invalidToken('A machine token has no user: use a user access token');
    if (typeof sub !== 'string' || !/^[A-Za-z0-9-]+\|\S{1,255}$/.test(sub)) throw invalidToken('The token has no user subject');
    const scope = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    return { sub, scopes: scope };
  };
}
