// The adapter's events have names of their own (assent-lock-*), so they and <assent-signup-form>'s
// (assent-signup-*) are typed side by side in GlobalEventHandlersEventMap: a page that uses both
// gets each listener's `detail` typed, on any element. These listeners compile only then.
import { expect } from '@open-wc/testing';
import type { ConsentDecision } from '@assent/core';
// Not a dependency of the adapter: the page's other element, from its sources.
import '../../elements/src/define/assent-signup-form.js';
import './define/assent-lock.js';

const decision: ConsentDecision = { policy: 'acme-signup', version: '1', purposes: ['terms'], locale: 'en', at: '2026-12-07T00:00:00.000Z', hash: '0'.repeat(64) };

describe('Lock adapter events beside the signup form’s', () => {
  it('are typed by name on any element, each with its own detail', () => {
    const element = document.createElement('div');
    const seen: string[] = [];
    element.addEventListener('assent-lock-signup-success', (event) => seen.push(`lock ${String(event.detail.result)} ${event.detail.decision.policy}`));
    element.addEventListener('assent-lock-authenticated', (event) => seen.push(`lock login ${String(event.detail.decision)}`));
    element.addEventListener('assent-signup-success', (event) => seen.push(`form ${event.detail.userId}`));
    element.dispatchEvent(new CustomEvent('assent-lock-signup-success', { detail: { decision, result: 'ok' } }));
    element.dispatchEvent(new CustomEvent('assent-lock-authenticated', { detail: { decision: null, authResult: {} } }));
    element.dispatchEvent(new CustomEvent('assent-signup-success', { detail: { userId: 'auth0|1', email: 'a@acme.example', decision } }));
    expect(seen).to.deep.equal(['lock ok acme-signup', 'lock login null', 'form auth0|1']);
  });
});
