/**
 * The consent as a custom claim of the ID and access tokens, so an app reads it from the session:
 * `{ policy: "acme-signup@2026-11-01", purposes: ["terms", "marketing"], at: "<ISO date>" }` under
 * `<namespace>consent` (namespace from the `ASSENT_CLAIM_NAMESPACE` secret, `https://assent.dev/`
 * by default). Small on purpose (a cookie session holds it): the version, the accepted purposes and
 * the date of the record's latest event; the full record stays in `app_metadata.consent`.
 */
import type { ConsentObject } from '@assent/core';
import type { PostLoginApi, PostLoginEvent } from './auth0.js';

/** The secret naming the claim's namespace (an http(s) URL ending in `/`). */
export const CLAIM_NAMESPACE_SECRET = 'ASSENT_CLAIM_NAMESPACE';
/** The namespace when the secret is not set. */
export const DEFAULT_CLAIM_NAMESPACE = 'https://assent.dev/';

/** The claim's value. */
export interface ConsentClaim {
  /** `<policy id>@<version>` the consent was given to. */
  readonly policy: string;
  /** The purposes accepted now (withdrawals applied), in policy order. */
  readonly purposes: readonly string[];
  /** ISO 8601 UTC of the record's latest event. */
  readonly at: string;
}

/** The claim of a record. */
export function consentClaim(record: ConsentObject): ConsentClaim {
  return {
    policy: `${record.policy}@${record.version}`,
    purposes: Object.entries(record.purposes)
      .filter(([, accepted]) => accepted)
      .map(([id]) => id),
    at: record.date,
  };
}

/** The claim's name: `<namespace>consent`. @throws Error naming the secret when it is no http(s) URL. */
export function consentClaimName(secrets: Readonly<Record<string, string | undefined>> | undefined): string {
  const namespace = secrets?.[CLAIM_NAMESPACE_SECRET] || DEFAULT_CLAIM_NAMESPACE;
  if (!/^https?:\/\/[^\s]+$/.test(namespace)) throw new Error(`Assent: secret ${CLAIM_NAMESPACE_SECRET} must be an http(s) URL, such as https://acme.example/`);
  return `${namespace}${namespace.endsWith('/') ? '' : '/'}consent`;
}

/** Puts the record's claim into the ID token and the access token of this login. */
export function setConsentClaims(api: PostLoginApi, event: PostLoginEvent, record: ConsentObject): void {
  const name = consentClaimName(event.secrets);
  const claim = consentClaim(record);
  api.idToken.setCustomClaim(name, claim);
  api.accessToken.setCustomClaim(name, claim);
}
