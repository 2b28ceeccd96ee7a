// auth0JsTransport's own checks, with a real auth0-js WebAuth: a WebAuth that would retry a signup,
// or that targets another application or tenant than the client, is refused before anything is sent.
import { expect } from '@esm-bundle/chai';
import { WebAuth } from 'auth0-js';
import { AssentConfigError, createAssent, createDecision, en, parsePolicy, type ConsentDecision } from '@assent/core';
import { auth0JsTransport } from '@assent/core/auth0-js-transport.js';
import { emulatorInfo, type EmulatorInfo } from '../support/emulator-info.js';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const policy = parsePolicy({
  id: 'auth0-js-transport',
  version: '1',
  controller: { name: 'Acme GmbH' },
  documents: [{ id: 'terms', url: 'https://acme.example/terms', version: '1' }],
  purposes: [{ id: 'terms', required: true, basis: 'contract', documents: ['terms'] }],
});

let emulator: EmulatorInfo;
let decision: ConsentDecision;
before(async () => {
  emulator = await emulatorInfo();
  decision = await createDecision(policy, { accepted: ['terms'], locale: 'en', messages: en });
});

/** The emulator's stored users with `email`. */
async function stored(email: string): Promise<unknown[]> {
  const users = (await (await fetch(`${emulator.url}/__emulator/users`)).json()) as { email: string }[];
  return users.filter((user) => user.email === email);
}

/** Signs up through `webAuth` with a client of the emulator's domain and client id; returns the error. */
async function refusal(webAuth: WebAuth, email: string): Promise<unknown> {
  const assent = createAssent({ domain: emulator.url, clientId: emulator.clientId, connection: emulator.connection, policy, transport: auth0JsTransport(webAuth) });
  try {
    await assent.signup({ email, password: strongPassword() }, decision);
  } catch (error) {
    return error;
  }
  throw new Error('the signup went through');
}

describe('auth0JsTransport', () => {
  it('refuses a WebAuth that retries failed requests: a retried signup can create the account and report a failure', () => {
    const retrying = new WebAuth({ domain: emulator.url, clientID: emulator.clientId, _timesToRetryFailedRequests: 2 });
    expect(() => auth0JsTransport(retrying)).to.throw(AssentConfigError, /_timesToRetryFailedRequests/);
  });

  it('refuses something that is not a WebAuth', () => {
    expect(() => auth0JsTransport({} as never)).to.throw(AssentConfigError, /^webAuth: /);
  });

  it("refuses to send with a WebAuth of another application than the client's", async () => {
    const email = uniqueEmail('other-app');
    const error = await refusal(new WebAuth({ domain: emulator.url, clientID: 'another-app' }), email);
    expect(error).to.be.instanceOf(AssentConfigError);
    expect((error as AssentConfigError).option).to.equal('webAuth');
    expect(await stored(email)).to.deep.equal([]);
  });

  it("refuses to send with a WebAuth of another tenant than the client's", async () => {
    const email = uniqueEmail('other-tenant');
    const error = await refusal(new WebAuth({ domain: `${emulator.url}/elsewhere`, clientID: emulator.clientId }), email);
    expect(error).to.be.instanceOf(AssentConfigError);
    expect(await stored(email)).to.deep.equal([]);
  });
});
