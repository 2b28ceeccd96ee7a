// The consent policy of every benchmark: docs/policy.md's example (required terms with two documents,
// optional marketing).
import type { ConsentPolicy } from '@assent/core';

/** With same-origin document paths, for the pages the benchmarks serve themselves. */
export const BENCH_POLICY: ConsentPolicy = {
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH' },
  documents: [
    { id: 'terms', url: '/docs/terms', version: '3.1' },
    { id: 'privacy', url: '/docs/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
  ],
};

/** The same on the example company's site, with its privacy contact: for the Node benchmarks (no page origin). */
export const BENCH_POLICY_ON_SITE: ConsentPolicy = {
  ...BENCH_POLICY,
  controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
  ],
};
