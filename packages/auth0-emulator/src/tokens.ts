/**
 * Access and ID tokens: issued RS256 with the tenant's key, verified strictly (signature, issuer,
 * audience, expiry). Only RS256 is accepted: `alg: none` and HS256 (the key-confusion attack that
 * auth0-js fixed in CVE-2026-42280) are refused.
 */
import { createHash } from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';
import type { SigningKey } from './keys.js';

/** Claims a token may not have overwritten by an Action (Auth0 ignores them too). */
export const RESTRICTED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'azp', 'scope', 'nonce', 'at_hash', 'c_hash', 'auth_time', 'gty', 'sid', 'acr', 'amr', 'permissions']);

/** The clock and key tokens are issued with. */
export interface TokenContext {
  readonly key: SigningKey;
  readonly issuer: string;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

export interface AccessTokenInput {
  readonly subject: string;
  readonly audience: string | readonly string[];
  readonly scope: readonly string[];
  readonly clientId: string;
  readonly lifetimeSeconds: number;
  /** Auth0's grant type claim: `client-credentials`, `password`. */
  readonly grantType?: string;
  readonly customClaims?: Readonly<Record<string, unknown>>;
}

function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function withoutRestricted(claims: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(claims ?? {})) if (!RESTRICTED_CLAIMS.has(name)) result[name] = value;
  return result;
}

/** Signs an access token (JWT, RS256, `typ: at+jwt` is not used: Auth0 sends plain `JWT`). */
export async function issueAccessToken(context: TokenContext, input: AccessTokenInput): Promise<string> {
  const iat = seconds(context.now());
  const audience = typeof input.audience === 'string' ? input.audience : [...input.audience];
  const payload: JWTPayload = {
    ...withoutRestricted(input.customClaims),
    iss: context.issuer,
    sub: input.subject,
    aud: audience,
    iat,
    exp: iat + input.lifetimeSeconds,
    scope: input.scope.join(' '),
    azp: input.clientId,
    ...(input.grantType === undefined ? {} : { gty: input.grantType }),
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: context.key.kid }).sign(context.key.privateKey);
}

export interface IdTokenInput {
  readonly subject: string;
  readonly clientId: string;
  readonly lifetimeSeconds: number;
  /** Profile / email claims already filtered by scope. */
  readonly claims: Readonly<Record<string, unknown>>;
  readonly nonce?: string | undefined;
  /** When issued next to an access token (implicit flow), its `at_hash` is included. */
  readonly accessToken?: string | undefined;
  readonly sessionId?: string | undefined;
  readonly customClaims?: Readonly<Record<string, unknown>>;
}

/** OIDC at_hash: base64url of the left half of SHA-256(access_token). */
export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}

/** Signs an ID token for `clientId`. */
export async function issueIdToken(context: TokenContext, input: IdTokenInput): Promise<string> {
  const iat = seconds(context.now());
  const payload: JWTPayload = {
    ...withoutRestricted(input.customClaims),
    ...input.claims,
    iss: context.issuer,
    sub: input.subject,
    aud: input.clientId,
    iat,
    exp: iat + input.lifetimeSeconds,
    ...(input.sessionId === undefined ? {} : { sid: input.sessionId }),
    ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
    ...(input.accessToken === undefined ? {} : { at_hash: atHash(input.accessToken) }),
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: context.key.kid }).sign(context.key.privateKey);
}

/** Why a token was refused. */
export type TokenRejection = 'malformed' | 'algorithm' | 'signature' | 'expired' | 'issuer' | 'audience';

export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
  constructor(
    readonly reason: TokenRejection,
    message: string,
    /** The offending claim value, for issuer / audience errors. */
    readonly claim?: unknown,
  ) {
    super(message);
  }
}

/** A verified access token's claims. */
export interface VerifiedToken {
  readonly subject: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly audiences: readonly string[];
  readonly grantType?: string;
  readonly payload: JWTPayload;
}

/**
 * Verifies an access token: RS256 signature with the tenant key, `iss` equal to the issuer, one of
 * `audiences` in `aud`, not expired.
 * @throws TokenRejectedError with the reason.
 */
export async function verifyAccessToken(context: TokenContext, token: string, audiences: readonly string[]): Promise<VerifiedToken> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, context.key.publicKey, {
      algorithms: ['RS256'],
      issuer: context.issuer,
      audience: [...audiences],
      currentDate: new Date(context.now()),
    }));
  } catch (error) {
    throw rejection(error, token);
  }
  const aud = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  return {
    subject: String(payload.sub ?? ''),
    clientId: String(payload.azp ?? ''),
    scopes: typeof payload.scope === 'string' && payload.scope.length > 0 ? payload.scope.split(' ') : [],
    audiences: aud,
    ...(typeof payload.gty === 'string' ? { grantType: payload.gty } : {}),
    payload,
  };
}

function claimOf(token: string, claim: string): unknown {
  try {
    const body = token.split('.')[1] ?? '';
    return (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>)[claim];
  } catch {
    return undefined;
  }
}

function rejection(error: unknown, token: string): TokenRejectedError {
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new TokenRejectedError('algorithm', 'Invalid token');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenRejectedError('signature', 'Invalid signature received for JSON Web Token validation');
  }
  if (error instanceof errors.JWTExpired) return new TokenRejectedError('expired', 'Expired token received for JSON Web Token validation');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new TokenRejectedError('issuer', `Bad issuer: ${String(claimOf(token, 'iss'))}`, claimOf(token, 'iss'));
    if (error.claim === 'aud') return new TokenRejectedError('audience', `Bad audience: ${String(claimOf(token, 'aud'))}`, claimOf(token, 'aud'));
    return new TokenRejectedError('malformed', 'Invalid token');
  }
  return new TokenRejectedError('malformed', 'Invalid token');
}
