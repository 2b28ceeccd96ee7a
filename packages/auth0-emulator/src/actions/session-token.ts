/**
 * The signed tokens of Action redirects (`api.redirect.encodeToken` / `validateToken`): HS256 JWTs
 * bound to the suspended login by a `state` claim. Auth0's API is synchronous, so these are built
 * with node:crypto's HMAC rather than jose (whose API is asynchronous); verification is strict:
 * header alg must be HS256, signature compared in constant time, `exp` and `state` checked.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function encodePart(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function sign(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

/** Creates an HS256 JWT with `claims`. */
export function encodeSessionToken(claims: Record<string, unknown>, secret: string): string {
  if (typeof secret !== 'string' || secret.length === 0) throw new TypeError('encodeToken: a non-empty secret is required');
  const input = `${encodePart({ alg: 'HS256', typ: 'JWT' })}.${encodePart(claims)}`;
  return `${input}.${sign(input, secret)}`;
}

/**
 * Verifies an HS256 JWT and returns its claims. Like Auth0, it insists on the standard claims a
 * token sent back to /continue must carry ("Missing or invalid standard claims"): `iss`, `sub` (the
 * user of the login), `iat`, `exp` (in the future) and `state` (this login).
 * @throws Error naming the problem (malformed, algorithm, signature, missing claims, expired, subject, state).
 */
export function decodeSessionToken(token: string, secret: string, expected: { state: string; nowSeconds: number; sub: string }): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('validateToken: the token is not a JWT');
  const [header, body, signature] = parts as [string, string, string];
  let parsedHeader: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Error('validateToken: the token is not a JWT');
  }
  if (parsedHeader.alg !== 'HS256') throw new Error(`validateToken: algorithm ${String(parsedHeader.alg)} is not allowed (HS256 only)`);
  const expectedSignature = Buffer.from(sign(`${header}.${body}`, secret));
  const actual = Buffer.from(signature);
  if (actual.length !== expectedSignature.length || !timingSafeEqual(actual, expectedSignature)) {
    throw new Error('validateToken: invalid signature');
  }
  const missing = ['iss', 'sub', 'iat', 'exp', 'state'].filter((name) => claims[name] === undefined || claims[name] === null || claims[name] === '');
  if (missing.length > 0 || typeof claims.iat !== 'number' || typeof claims.exp !== 'number') {
    throw new Error(`validateToken: Missing or invalid standard claims${missing.length > 0 ? ` (${missing.join(', ')})` : ''}`);
  }
  if ((claims.exp as number) <= expected.nowSeconds) throw new Error('validateToken: the token has expired');
  if (claims.sub !== expected.sub) throw new Error('validateToken: the token was issued for another user (sub mismatch)');
  if (claims.state !== expected.state) throw new Error('validateToken: the token was not issued for this login (state mismatch)');
  return claims;
}
