/**
 * The web-test-runner harness that browser tests build on (test/support/wtr-emulator-plugin.mjs):
 * one emulator for the run, reachable from the test page's origin, and a browser-ready Lock that
 * renders from the emulator's assets. auth0-js here uses the emulator's plain-HTTP URL as its
 * `domain`, as the demo does.
 */
// wtr runs this file under Mocha, whose describe/it are globals.
/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { WebAuth } from 'auth0-js';
import { emulatorInfo, managementToken } from '../../support/emulator-info.js';
import { loadAuth0Lock, lockOfflineOptions } from '../../support/lock-loader.js';
import { strongPassword, uniqueEmail } from '../../support/unique.js';

describe("browser test harness: the run's Auth0 emulator", () => {
  it('answers its OpenID configuration with its own URL as issuer', async () => {
    const emulator = await emulatorInfo();
    const response = await fetch(`${emulator.url}/.well-known/openid-configuration`);
    expect(response.status).to.equal(200);
    expect(((await response.json()) as { issuer: string }).issuer).to.equal(`${emulator.url}/`);
  });

  it("accepts an auth0-js signup from the test page's origin, readable with the machine client", async () => {
    const emulator = await emulatorInfo();
    const email = uniqueEmail('harness');
    const webAuth = new WebAuth({ domain: emulator.url, clientID: emulator.clientId });
    const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
      webAuth.signup({ connection: emulator.connection, email, password: strongPassword() }, (error, value) =>
        error ? reject(new Error(JSON.stringify(error))) : resolve(value as unknown as Record<string, unknown>),
      );
    });
    expect(result.email).to.equal(email);

    const token = await managementToken(emulator);
    const users = (await (await fetch(`${emulator.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { email: string }[];
    expect(users.map((user) => user.email)).to.deep.equal([email]);
  });
});

describe('browser test harness: auth0-lock', () => {
  let container: HTMLElement;
  afterEach(() => container?.remove());

  it("renders the sign-up screen from the emulator's client script and dictionary", async () => {
    const emulator = await emulatorInfo();
    const Auth0Lock = await loadAuth0Lock();
    container = document.createElement('div');
    container.id = 'harness-lock';
    document.body.append(container);
    const lock = new Auth0Lock(emulator.clientId, emulator.url, { ...lockOfflineOptions(emulator.url), container: container.id, initialScreen: 'signUp', allowSignUp: true });
    lock.show();
    const submit = await new Promise<HTMLElement>((resolve, reject) => {
      const started = performance.now();
      const poll = (): void => {
        const found = container.querySelector<HTMLElement>('button[type="submit"]');
        if (found && container.querySelector('input[name="email"]')) return resolve(found);
        if (performance.now() - started > 8000) return reject(new Error(`Lock did not render: ${container.innerText}`));
        requestAnimationFrame(poll);
      };
      poll();
    });
    expect(submit.innerText.trim().toLowerCase()).to.equal('sign up');
  });
});
