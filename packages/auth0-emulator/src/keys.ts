/** The tenant's RS256 signing key and its JWKS, built with jose. */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { StoredKey } from './store/types.js';

/** A usable signing key: the private key for signing, the public JWK for /.well-known/jwks.json. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** Public JWK with `kid`, `alg` and `use`. */
  readonly publicJwk: JWK;
  /** What the state file keeps. */
  readonly stored: StoredKey;
}

/** Generates a fresh RS256 key pair (2048 bits, like Auth0's). */
export async function generateSigningKey(now: Date = new Date()): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const { n, e, kty } = privateJwk;
  const publicJwk: JWK = { kty, n, e };
  const kid = await calculateJwkThumbprint(publicJwk);
  return importSigningKey({ kid, privateJwk, publicJwk, created_at: now.toISOString() });
}

/** Imports a key from the state file. */
export async function importSigningKey(stored: StoredKey): Promise<SigningKey> {
  const privateKey = (await importJWK(stored.privateJwk, 'RS256')) as CryptoKey;
  const publicKey = (await importJWK(stored.publicJwk, 'RS256')) as CryptoKey;
  return {
    kid: stored.kid,
    privateKey,
    publicKey,
    publicJwk: { ...stored.publicJwk, kid: stored.kid, alg: 'RS256', use: 'sig' },
    stored,
  };
}

/** The JSON Web Key Set served at /.well-known/jwks.json. */
export function jwks(key: SigningKey): { keys: JWK[] } {
  return { keys: [key.publicJwk] };
}
