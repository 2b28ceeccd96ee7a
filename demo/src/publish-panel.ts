// The "publish new terms" panel of the flow pages (social.html, account.html): what a controller
// deploys when the terms change, through the demo server (demo/server/policy-publisher.ts):
// the policy every page loads, the consent server's, and the post-login Action's secrets.
import type { ConsentPolicy } from '@assent/core';
import { NEW_TERMS_VERSION } from './new-terms.js';

/** The editions the demo server can publish. */
export type PolicyEdition = 'original' | 'new-terms';

/** What the demo server says is published. */
export interface Published {
  readonly edition: PolicyEdition;
  readonly policy: ConsentPolicy;
}

async function readPublished(response: Response): Promise<Published> {
  const body = (await response.json().catch(() => ({}))) as Partial<Published> & { message?: string };
  if (!response.ok || !body.policy || !body.edition) throw new Error(body.message ?? `the demo server answered ${response.status}`);
  return body as Published;
}

function button(label: string): HTMLButtonElement {
  const element = document.createElement('button');
  Object.assign(element, { type: 'button', textContent: label });
  return element;
}

/**
 * Fills the page's `<section id="publish">` (its heading and description stay in the page) with the
 * published policy (a status) and the two buttons; `onPublished` runs with each policy published
 * from this page. Resolves once the published policy is shown.
 */
export async function mountPublishPanel(panel: Element, onPublished: (published: Published) => void = () => {}): Promise<Published> {
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const failure = document.createElement('p');
  failure.setAttribute('role', 'alert');
  failure.className = 'demo-status';
  const buttons: Record<PolicyEdition, HTMLButtonElement> = {
    'new-terms': button(`Publish new terms (${NEW_TERMS_VERSION})`),
    original: button('Restore the original terms'),
  };
  const actions = document.createElement('div');
  actions.className = 'demo-actions';
  actions.append(buttons['new-terms'], buttons.original);
  panel.append(status, actions, failure);

  const show = ({ edition, policy }: Published): void => {
    const terms = policy.documents.find((document) => document.id === 'terms')?.version ?? '?';
    status.textContent = `Published: terms ${terms} (policy ${policy.id}@${policy.version}).`;
    // The edition already published has nothing to publish.
    for (const [name, element] of Object.entries(buttons)) element.disabled = name === edition;
  };

  for (const [edition, element] of Object.entries(buttons) as [PolicyEdition, HTMLButtonElement][]) {
    element.addEventListener('click', () => {
      for (const other of Object.values(buttons)) other.disabled = true;
      failure.textContent = '';
      status.textContent = 'Publishing: updating and deploying the Action…';
      fetch('/assent-demo/policy', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ edition }) })
        .then(readPublished)
        .then((published) => {
          show(published);
          onPublished(published);
        })
        .catch(async (error: unknown) => {
          failure.textContent = `Publishing failed: ${error instanceof Error ? error.message : String(error)}`;
          // Nothing changed unless the server says so: show what it has published.
          show(await readPublished(await fetch('/assent-demo/policy')));
        })
        .catch(() => (status.textContent = 'The demo server does not answer: reload the page.'));
    });
  }
  const published = await readPublished(await fetch('/assent-demo/policy'));
  show(published);
  return published;
}
