// <assent-terms> in a plain form, with the policy inline (so the boxes render in the first update).
// On submit the page shows the consent fields the form would send, instead of sending them.
import '@assent/elements/define/assent-terms.js';
import { parsePolicy } from '@assent/core';
import policyJson from '../consent-policy.json';

const form = document.querySelector<HTMLFormElement>('#signup')!;
const terms = form.querySelector('assent-terms')!; // AssentTerms, through HTMLElementTagNameMap
terms.policy = parsePolicy(policyJson);
terms.addEventListener('assent-change', (event) => {
  document.body.dataset.accepted = event.detail.accepted.join(',');
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const consent = [...new FormData(form)].filter(([name]) => name.startsWith('consent_'));
  document.querySelector('#sent')!.textContent = JSON.stringify(Object.fromEntries(consent));
});
