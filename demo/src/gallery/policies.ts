// Inline consent policies for the gallery's states. They use the built-in texts, so every state
// follows the language control; the documents point at the example company's (never loaded) site.
import type { ConsentPolicy } from '@assent/core';
import { withNewTerms } from '../new-terms.js';

const controller = { name: 'Acme GmbH', contact: 'privacy@acme.example' };

/** One required purpose: the smallest thing <assent-terms> shows. */
export const termsOnly: ConsentPolicy = {
  id: 'gallery-terms',
  version: '2026-11-01',
  controller,
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
  ],
  purposes: [{ id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] }],
};

const DOCUMENTS = ['terms', 'privacy', 'cookies', 'dpa', 'eula', 'community'];
const OPTIONAL = ['marketing', 'newsletter', 'analytics', 'personalization', 'profiling', 'third_party_sharing', 'research'];

/** Stress case: a very long controller name, every built-in document and every built-in optional purpose. */
export const longText: ConsentPolicy = {
  id: 'gallery-long-text',
  version: '2026-11-01',
  controller: { name: 'Acme Internationale Versicherungs- und Rückversicherungsdienstleistungsgesellschaft mbH & Co. KGaA', contact: 'privacy@acme.example' },
  documents: DOCUMENTS.map((id) => ({ id, url: `https://acme.example/${id}`, version: '1.0' })),
  purposes: [{ id: 'terms', required: true, basis: 'contract', documents: DOCUMENTS }, ...OPTIONAL.map((id) => ({ id, required: false, basis: 'consent' as const }))],
  withdrawal: { url: 'https://acme.example/account/privacy' },
};

const privacy = { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' };

/** The account cards' policy as the user agreed to it: terms plus two optional purposes (as acme-signup.json). */
export const accountPolicy: ConsentPolicy = {
  id: 'acme-signup',
  version: '2026-11-01',
  controller,
  documents: [{ id: 'terms', url: 'https://acme.example/terms', version: '3.1' }, privacy],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
  withdrawal: { url: 'https://acme.example/account/privacy' },
};

/** The same policy after new terms were published: a required document has a new version. */
export const newTermsPolicy: ConsentPolicy = withNewTerms(accountPolicy);

/** The same policy with one more optional purpose offered, documents unchanged. */
export const newOptionalPurposePolicy: ConsentPolicy = {
  ...accountPolicy,
  version: '2026-12-01',
  purposes: [...accountPolicy.purposes, { id: 'newsletter', required: false, basis: 'consent' }],
};
