/**
 * The consent page's script (runs in the browser). The server renders the page with the policy as
 * JSON data, the login's `state` and session token in hidden fields, and `<assent-terms>`. On
 * "Accept" the form is only submitted once the required box is ticked (the element is a form
 * control); the decision, with the hash of exactly what was shown, goes to the server, which checks
 * it and signs it; then a form posts `state` and the signed token to Auth0's /continue, as the
 * Actions documentation asks (POST, so the token stays out of URLs and logs). "Decline" sends the
 * refusal the same way, and the post-login Action denies the login.
 */
import '@assent/elements/define/assent-terms.js';
import { parsePolicy } from '@assent/core';
import type { AssentTerms } from '@assent/elements';

interface DecisionAnswer {
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
}

const form = document.getElementById('assent-consent') as HTMLFormElement;
const terms = form.querySelector('assent-terms') as AssentTerms;
const status = document.getElementById('assent-status') as HTMLElement;
const buttons = [...form.querySelectorAll('button')];
terms.policy = parsePolicy(JSON.parse(document.getElementById('assent-policy')?.textContent ?? 'null'));

function field(name: string): string {
  return (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
}

/** Posts `fields` to `action` with a plain form: a top-level navigation, as /continue expects. */
function postTo(action: string, fields: Readonly<Record<string, string>>): void {
  const target = document.createElement('form');
  target.method = 'post';
  target.action = action;
  target.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    target.append(input);
  }
  document.body.append(target);
  target.submit();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const outcome = (event.submitter as HTMLButtonElement | null)?.value === 'declined' ? 'declined' : 'accepted';
  const decision = terms.decision;
  if (outcome === 'accepted' && !decision) {
    terms.reportValidity();
    return;
  }
  for (const button of buttons) button.disabled = true;
  status.textContent = form.dataset.sending ?? '';
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ state: field('state'), session_token: field('session_token'), outcome, ...(outcome === 'accepted' ? { decision } : {}) }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    const answer = (await response.json()) as DecisionAnswer;
    postTo(answer.action, answer.fields);
  } catch (error) {
    console.error('Consent page: the answer could not be sent', error);
    status.textContent = form.dataset.failed ?? '';
    status.setAttribute('role', 'alert');
    for (const button of buttons) button.disabled = false;
  }
});
