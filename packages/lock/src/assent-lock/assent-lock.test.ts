import { expect, oneEvent } from '@open-wc/testing';
import { emulatorInfo } from '../../../../test/support/emulator-info.js';
import { cleanup, container, loadLock, offlineOptions, policy, termsBox } from '../../test/fixtures.js';
import type { LockConstructor } from '../lock-types.js';
import { AssentLock } from './assent-lock.js';
import '../define/assent-lock.js';

afterEach(cleanup);

/** A loader that counts how often Lock was asked for. */
function countingLoader(): { load: () => Promise<LockConstructor>; calls: () => number } {
  let calls = 0;
  return { load: () => (calls++, loadLock()), calls: () => calls };
}

async function element(attributes: Record<string, string>, setup: (el: AssentLock) => void = () => {}): Promise<AssentLock> {
  const emulator = await emulatorInfo();
  const el = document.createElement('assent-lock');
  el.setAttribute('client-id', emulator.clientId);
  el.setAttribute('domain', emulator.url);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.options = offlineOptions(emulator);
  setup(el);
  container().append(el);
  return el;
}

describe('<assent-lock>', function () {
  // Each test renders the real Lock (its fixed spinner and slide timers alone take over a second).
  this.timeout(30_000);

  it('does not load Lock while it has no policy, nor while it is not in the document', async () => {
    const loader = countingLoader();
    const el = await element({}, (e) => (e.loadLock = loader.load));
    await new Promise((resolve) => setTimeout(resolve, 50));
    el.remove();
    el.policy = policy;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loader.calls()).to.equal(0);
  });

  it('renders Lock inside itself, in light DOM, once connected with a policy', async () => {
    const el = await element({}, (e) => ((e.loadLock = loadLock), (e.policy = policy)));
    await termsBox(el);
    expect(el.shadowRoot).to.equal(null);
    expect(el.querySelector('.auth0-lock')).to.not.equal(null);
  });

  it('loads the policy from policy-src and shows the texts in the language of lang', async () => {
    const el = await element({ 'policy-src': '/packages/lock/test/policy.json', lang: 'de' }, (e) => (e.loadLock = loadLock));
    const label = (await termsBox(el)).closest('label')!;
    expect(label.textContent).to.contain('Nutzungsbedingungen');
  });

  it('tells why when policy-src cannot be used, and loads no Lock', async () => {
    const loader = countingLoader();
    const errored = new Promise<CustomEvent>((resolve) => document.addEventListener('assent-lock-error', resolve as EventListener, { once: true }));
    await element({ 'policy-src': '/packages/lock/test/missing.json' }, (e) => (e.loadLock = loader.load));
    const { detail } = await errored;
    expect(String(detail.error)).to.contain('404');
    expect(loader.calls()).to.equal(0);
  });

  it('tears Lock down when removed from the document', async () => {
    const el = await element({}, (e) => ((e.loadLock = loadLock), (e.policy = policy)));
    await termsBox(el);
    el.remove();
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.querySelector('.auth0-lock')).to.equal(null);
    expect(el.handle).to.equal(null);
  });

  it('reports refused Lock options as assent-lock-error with the option at fault', async () => {
    const el = document.createElement('assent-lock');
    const emulator = await emulatorInfo();
    el.setAttribute('client-id', emulator.clientId);
    el.setAttribute('domain', emulator.url);
    el.options = { showTerms: false };
    el.policy = policy;
    el.loadLock = loadLock;
    const errored = oneEvent(el, 'assent-lock-error');
    container().append(el);
    const { detail } = await errored;
    expect((detail.error as { option: string }).option).to.equal('showTerms');
  });
});
