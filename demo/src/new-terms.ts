// What "publish new terms" means throughout the demo: the terms document goes from 3.1 to 3.2 and
// the policy gets a new version. Used by the account page, the gallery and the demo server.
import type { ConsentPolicy } from '@assent/core';

/** The terms version the demo publishes. */
export const NEW_TERMS_VERSION = '3.2';

/** `policy` after new terms were published: a required document has a new version. */
export function withNewTerms(policy: ConsentPolicy): ConsentPolicy {
  return {
    ...policy,
    version: '2026-12-01',
    documents: policy.documents.map((document) => (document.id === 'terms' ? { ...document, version: NEW_TERMS_VERSION } : document)),
  };
}
