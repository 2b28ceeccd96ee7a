import { expect, oneEvent } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import { decodeSignupFields, en, plainText, purposeText, verifyDecision } from '@assent/core';
import { managementToken } from '../../../test/support/emulator-info.js';
import { strongPassword, uniqueEmail } from '../../../test/support/unique.js';
import { cleanup, container, loadLock, mountOnEmulator, policy, termsBox, type, waitFor } from '../test/fixtures.js';
import { LockConfigError } from './errors.js';
import { mountLock } from './mount-lock.js';

afterEach(cleanup);

const submit = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('button[type="submit"]')!;

describe('mountLock', function () {
  // Each test renders the real Lock (its fixed spinner and slide timers alone take over a second).
  this.timeout(30_000);

  it('renders Lock in light DOM with the terms box and a link to each document of the required purpose', async () => {
    const { handle, root } = await mountOnEmulator();
    expect(root.contains(handle.element)).to.equal(true);
    const box = await termsBox(root);
    const label = box.closest('label')!;
    expect(label.textContent).to.equal(plainText(purposeText(policy, 'terms', 'en', en)));
    const links = [...label.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['/__assent/docs/terms', '/__assent/docs/privacy']);
    expect(links.map((link) => link.rel)).to.deep.equal(['noopener noreferrer', 'noopener noreferrer']);
  });

  it('keeps Sign Up disabled until the terms box is ticked', async () => {
    const { root } = await mountOnEmulator();
    const box = await termsBox(root);
    expect(box.checked).to.equal(false);
    expect(submit(root).disabled).to.equal(true);
    box.click();
    await waitFor(() => !submit(root).disabled, 'Sign Up to be enabled');
    expect((await termsBox(root)).checked).to.equal(true);
  });

  it('shows one unticked box per optional purpose, named by its sentence [Recital 32]', async () => {
    const { root } = await mountOnEmulator();
    await termsBox(root);
    const boxes = await waitFor(() => {
      const found = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name^="consent_p_"]')];
      return found.length === 2 && found;
    }, 'the optional boxes');
    expect(boxes.map((box) => [box.name, box.checked])).to.deep.equal([
      ['consent_p_marketing', false],
      ['consent_p_analytics', false],
    ]);
    for (const box of boxes) {
      expect(box.hasAttribute('aria-label'), "Lock's aria-label={name} is removed").to.equal(false);
      const node = findAccessibilityNode<{ role: string; name: string }>(
        (await a11ySnapshot({})) as never,
        (n) => n.role === 'checkbox' && n.name === plainText(purposeText(policy, box.name.slice(10), 'en', en)),
      );
      expect(node, `an accessible checkbox named after ${box.name}`).to.not.equal(null);
    }
  });

  it('re-emits a signup as assent-lock-signup-success with the decision Lock sent, as stored by Auth0', async () => {
    const { root, emulator } = await mountOnEmulator();
    const email = uniqueEmail('lock-mount');
    type(root.querySelector<HTMLInputElement>('input[name="email"]')!, email);
    type(root.querySelector<HTMLInputElement>('input[name="password"]')!, strongPassword());
    root.querySelector<HTMLInputElement>('input[name="consent_p_analytics"]')!.click();
    (await termsBox(root)).click();
    await waitFor(() => !submit(root).disabled, 'Sign Up to be enabled');
    const success = oneEvent(root, 'assent-lock-signup-success');
    submit(root).click();
    const { detail } = await success;
    expect(detail.decision.purposes).to.deep.equal(['terms', 'analytics']);
    expect(await verifyDecision(detail.decision, policy, en)).to.equal(true);

    const token = await managementToken(emulator);
    const [user] = (await (await fetch(`${emulator.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      user_metadata: Record<string, unknown>;
    }[];
    expect(decodeSignupFields(user!.user_metadata)).to.deep.equal(detail.decision);
  });

  it('removes Lock, its DOM and its global style on destroy', async () => {
    const { handle, root } = await mountOnEmulator();
    expect(document.getElementById('auth0-lock-style')).to.not.equal(null);
    handle.destroy();
    expect(root.querySelector('.auth0-lock')).to.equal(null);
    expect(handle.element.isConnected).to.equal(false);
    expect(document.getElementById('auth0-lock-style')).to.equal(null);
  });

  it('refuses a container inside a shadow root, where Lock cannot render', async () => {
    const host = container();
    const inner = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(inner);
    let caught: unknown;
    await mountLock(inner, { clientId: 'x', domain: 'x', policy, loadLock }).catch((error: unknown) => (caught = error));
    expect(caught).to.be.instanceOf(LockConfigError);
    expect((caught as LockConfigError).code).to.equal('not_in_light_dom');
  });

  it('does not load Lock when the options are refused', async () => {
    let loaded = false;
    const load = () => ((loaded = true), loadLock());
    let caught: unknown;
    await mountLock(container(), { clientId: 'x', domain: 'x', policy, loadLock: load, options: { showTerms: false } }).catch((error: unknown) => (caught = error));
    expect((caught as LockConfigError).code).to.equal('terms_dead_end');
    expect(loaded).to.equal(false);
  });
});
