// The page of csp-trusted-types.test.ts: <assent-terms> in a form, under a strict
// Content-Security-Policy that also requires Trusted Types. Every violation the browser reports is
// collected in `window.cspViolations` for the test to read.
import '@assent/elements/define/assent-terms.js';
import type { ConsentPolicy } from '@assent/core';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.effectiveDirective}: ${event.blockedURI || event.sample}`);
});

const policy: ConsentPolicy = {
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: '/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
};

const form = document.createElement('form');
const terms = document.createElement('assent-terms');
terms.policy = policy;
form.append(terms);
document.body.append(form);
