/**
 * Shared by the browser tests of @assent/lock: a policy whose documents stay on the test server,
 * Lock options that keep Lock on the machine, and waits on Lock's asynchronous rendering.
 */
import { parsePolicy, type ConsentPolicy } from '@assent/core';
import { emulatorInfo, type EmulatorInfo } from '../../../test/support/emulator-info.js';
import { loadAuth0Lock, lockOfflineOptions } from '../../../test/support/lock-loader.js';
import type { LockConstructor, LockOptions } from '../src/lock-types.js';
import { mountLock, type LockHandle, type MountLockOptions } from '../src/mount-lock.js';

/** The example policy of docs/policy.md with two optional purposes; document links stay on the dev server. */
export const policy: ConsentPolicy = parsePolicy({
  id: 'acme-signup',
  version: '2026-11-01',
  controller: { name: 'Acme GmbH', contact: 'privacy@acme.example' },
  documents: [
    { id: 'terms', url: '/__assent/docs/terms', version: '3.1' },
    { id: 'privacy', url: '/__assent/docs/privacy', version: '2.0' },
  ],
  purposes: [
    { id: 'terms', required: true, basis: 'contract', documents: ['terms', 'privacy'] },
    { id: 'marketing', required: false, basis: 'consent' },
    { id: 'analytics', required: false, basis: 'consent' },
  ],
});

/** The harness's pre-bundled Lock, typed as @assent/lock sees it. */
export const loadLock = loadAuth0Lock as unknown as () => Promise<LockConstructor>;

/** Lock options for the run's emulator: assets from it, on the sign-up screen, no login after signup. */
export function offlineOptions(emulator: EmulatorInfo, extra: LockOptions & Record<string, unknown> = {}): LockOptions {
  return { ...(lockOfflineOptions(emulator.url) as LockOptions), initialScreen: 'signUp', allowSignUp: true, loginAfterSignUp: false, ...extra } as LockOptions;
}

/**
 * Polls until `find` returns something, or fails naming `what`. Timers rather than animation frames:
 * wtr runs two test pages at once and a page in the background gets no animation frames.
 */
export function waitFor<T>(find: () => T | null | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = (): void => {
      const found = find();
      if (found) return resolve(found);
      if (performance.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

/** A container in the document, removed by `cleanup()`. */
const containers: HTMLElement[] = [];
export function container(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  containers.push(element);
  return element;
}
const handles: LockHandle[] = [];

/** Mounts Lock on the run's emulator and waits for its sign-up form. */
export async function mountOnEmulator(
  options: Partial<MountLockOptions> & { extra?: LockOptions & Record<string, unknown> } = {},
): Promise<{ handle: LockHandle; root: HTMLElement; emulator: EmulatorInfo }> {
  const emulator = await emulatorInfo();
  const root = options.extra?.container === undefined ? container() : document.body;
  const handle = await mountLock(root, { clientId: emulator.clientId, domain: emulator.url, policy, loadLock, options: offlineOptions(emulator, options.extra), ...options });
  handles.push(handle);
  await signUpForm(handle.element);
  return { handle, root, emulator };
}

/** Whether a person can see `element` (Lock fades and slides its panes in). */
export function visible(element: Element | null): boolean {
  return !!element && element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
}

/** Waits until Lock shows its sign-up form (email, password, submit) inside `root`. */
export function signUpForm(root: HTMLElement): Promise<HTMLButtonElement> {
  return waitFor(() => visible(root.querySelector('input[name="email"]')) && root.querySelector<HTMLButtonElement>('button[type="submit"]'), "Lock's sign-up form");
}

/** Lock's terms checkbox, once a person can see it. */
export function termsBox(root: HTMLElement): Promise<HTMLInputElement> {
  return waitFor(() => {
    const box = root.querySelector<HTMLInputElement>('.auth0-lock-sign-up-terms-agreement input[type="checkbox"]');
    return visible(box) && box;
  }, "Lock's terms checkbox");
}

/** Destroys every Lock and container of the test. */
export function cleanup(): void {
  for (const handle of handles.splice(0)) handle.destroy();
  for (const element of containers.splice(0)) element.remove();
}

/**
 * Types into a React-controlled input the way a user does: the native value setter, then an
 * `input` event (assigning `.value` alone is ignored by React).
 */
export function type(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
