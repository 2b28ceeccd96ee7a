// Every form-associated Assent element runs the shared form-control contract. Add new form
// elements here.
import { oneEvent } from '@open-wc/testing';
import { parsePolicy } from '@assent/core';
import type { AssentTerms } from '@assent/elements';
import '@assent/elements/define/assent-terms.js';
import { runFormControlSuite } from './suites/form-control-suite.js';

const policy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH' },
  documents: [
    { id: 'terms', url: 'https://acme.example/terms', version: '3.1' },
    { id: 'privacy', url: 'https://acme.example/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
  ],
});

runFormControlSuite<AssentTerms>({
  tag: 'assent-terms',
  create() {
    const element = document.createElement('assent-terms');
    element.policy = policy;
    return element;
  },
  async settle(element) {
    await element.updateComplete;
  },
  async makeValid(element) {
    const changed = oneEvent(element, 'assent-change');
    element.shadowRoot!.querySelector<HTMLInputElement>('input[required]')!.click();
    await changed;
  },
  expectedEntries: (element) => ['policy', 'purposes', 'at', 'locale', 'hash'].map((field) => `${element.name}_${field}`),
});
