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
 * Verifies an HS256 JWT and returns its claims.
 * @throws Error naming the problem (malformed, algorithm, signature, expired, state).
 */
export function decodeSessionToken(token: string, secret: string, expected: { state: string; nowSeconds: number }): Record<string, unknown> {
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
  if (typeof claims.exp !== 'number' || claims.exp <= expected.nowSeconds) throw new Error('validateToken: the token has expired');
  if (claims.state !== expected.state) throw new Error('validateToken: the token was not issued for this login (state mismatch)');
  return claims;
}
