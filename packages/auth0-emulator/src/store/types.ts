/** Shapes of what the emulator keeps: users (with hashed passwords) and the persisted state file. */
import type { JWK } from 'jose';
import type { StoredUniversalLogin } from './universal-login.js';

/** A user as stored. `password_hash` never leaves the store: API views are built from the rest. */
export interface StoredUser {
  /** `auth0|<24 hex>`. */
  user_id: string;
  /** Name of the database connection. */
  connection: string;
  email: string;
  email_verified: boolean;
  username?: string;
  given_name?: string;
  family_name?: string;
  name: string;
  nickname: string;
  picture: string;
  blocked?: boolean;
  user_metadata: Record<string, unknown>;
  app_metadata: Record<string, unknown>;
  /** scrypt hash, `scrypt$N$r$p$salt$hash` (base64url). */
  password_hash: string;
  created_at: string;
  updated_at: string;
  last_login?: string;
  last_ip?: string;
  logins_count: number;
}

/** The RS256 signing key, persisted with the state so tokens survive a restart. */
export interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  created_at: string;
}

/** The state file (`--data`). */
export interface StateFile {
  format: 'assent-auth0-emulator-state';
  version: 1;
  tenant: string;
  key: StoredKey;
  users: StoredUser[];
  /** Page template, partials, custom texts and prompt settings; absent in files written before they existed. */
  universal_login?: StoredUniversalLogin;
}
