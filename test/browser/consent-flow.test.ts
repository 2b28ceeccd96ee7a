// Consent after signup in Chromium against the run's emulator: the first read after signup, give /
// withdraw / give again with the state right after each reload, and re-consent when the policy
// changes. A "reload" is a new client over the same IndexedDB outbox, as a reloaded page makes.
// No backend records anything here (no Action, no server): what the user's own token writes stays
// their claim, so a standing consent reads `claimed` (see the trust rule in @assent/core's README).
import { expect } from '@esm-bundle/chai';
import { createConsentClient, encodeLockSignupFields, en, indexedDbOutbox, needsReconsent, type ConsentClient, type ConsentObject, type ConsentPolicy } from '@assent/core';
import { emulatorInfo } from '../support/emulator-info.js';
import { strongPassword, uniqueEmail } from '../support/unique.js';
import { asBackend, decide, signUp, testPolicy, userToken, type TestUser } from './consent-support.js';
import type { SuiteRunner } from './suites/transport-contract-suite.js';

const { describe, it } = globalThis as unknown as SuiteRunner;
const emulator = await emulatorInfo();
const policy = testPolicy();
const outboxName = `consent-flow-${crypto.randomUUID()}`;
const open: ConsentClient[] = [];
(globalThis as unknown as { after(body: () => void): void }).after(() => open.forEach((client) => client.close()));

/** A client as a page creates it on load: the default IndexedDB outbox (named per test file), background retries on. */
async function load(user: TestUser, current: ConsentPolicy = policy, token?: string): Promise<ConsentClient> {
  const bearer = token ?? (await userToken(emulator, user));
  const client = createConsentClient({ domain: emulator.url, userId: user.userId, getAccessToken: () => bearer, policy: current, outbox: indexedDbOutbox({ name: outboxName }) });
  open.push(client);
  return client;
}

/** Closes `client` (the page goes away) and loads a new one. */
async function reload(client: ConsentClient, user: TestUser, current: ConsentPolicy = policy): Promise<ConsentClient> {
  client.close();
  return load(user, current);
}

const stored = async (user: TestUser): Promise<ConsentObject> => ((await asBackend(emulator, user.userId)).user_metadata as { consent: ConsentObject }).consent;

describe('consent after signup: give, withdraw, give again', () => {
  it('keeps all three events in order, and the state is right after each reload', async () => {
    const user = await signUp(emulator, policy, ['terms']);
    let client = await load(user);
    expect((await client.getConsent()).status).to.equal('claimed');

    const given = await client.give(await decide(policy, ['terms', 'marketing']));
    expect([given.status, given.accepted, given.pending]).to.deep.equal(['claimed', ['terms', 'marketing'], []]);
    client = await reload(client, user);
    const afterGive = await client.getConsent();
    expect([afterGive.status, afterGive.accepted]).to.deep.equal(['claimed', ['terms', 'marketing']]);

    const withdrawn = await client.withdraw();
    expect([withdrawn.status, withdrawn.accepted]).to.deep.equal(['withdrawn', []]);
    client = await reload(client, user);
    const afterWithdraw = await client.getConsent();
    expect([afterWithdraw.status, afterWithdraw.accepted]).to.deep.equal(['withdrawn', []]);

    const again = await client.give(await decide(policy, ['terms']));
    client = await reload(client, user);
    const afterAgain = await client.getConsent();
    expect([afterAgain.status, afterAgain.accepted, afterAgain.source]).to.deep.equal(['claimed', ['terms'], 'user_metadata']);

    const events = afterAgain.history.slice(1);
    expect(events.map((entry) => [entry.event, entry.source])).to.deep.equal([
      ['given', 'browser'],
      ['withdrawn', 'browser'],
      ['given', 'browser'],
    ]);
    expect(events.map((entry) => entry.id)).to.deep.equal([given.event.id, withdrawn.event.id, again.event.id]);
    expect((await stored(user)).history.map((entry) => entry.id)).to.deep.equal(afterAgain.history.map((entry) => entry.id));
  });

  it('withdrawing one optional purpose keeps the consent to the terms, after a reload too', async () => {
    const user = await signUp(emulator, policy, ['terms', 'marketing']);
    const client = await load(user);
    const change = await client.withdraw({ purposes: ['marketing'] });
    expect([change.status, change.purposes]).to.deep.equal(['claimed', { terms: true, marketing: false }]);
    expect((await (await reload(client, user)).getConsent()).purposes).to.deep.equal({ terms: true, marketing: false });
  });
});

describe('consent after signup: the first read', () => {
  it('converts the signup fields into the consent object once and leaves the app fields alone', async () => {
    const user = await signUp(emulator, policy, ['terms', 'marketing'], { plan: 'pro', team: 'blue' });
    const [first, second] = await Promise.all([load(user), load(user)]);
    const [a, b] = await Promise.all([first.getConsent(), second.getConsent()]);
    expect([a.status, b.status, a.accepted]).to.deep.equal(['claimed', 'claimed', ['terms', 'marketing']]);
    const metadata = (await asBackend(emulator, user.userId)).user_metadata as Record<string, unknown>;
    expect(metadata).to.include({ plan: 'pro', team: 'blue', consent_purposes: 'terms,marketing' });
    expect((metadata.consent as ConsentObject).history.map((entry) => entry.source)).to.deep.equal(['signup']);
  });

  it('converts a Lock signup (one field per optional purpose) and records its source as lock', async () => {
    const { hidden } = await encodeLockSignupFields(policy, { locale: 'en', messages: en });
    const email = uniqueEmail('consent-lock');
    const password = strongPassword();
    const response = await fetch(`${emulator.url}/dbconnections/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: emulator.clientId, connection: emulator.connection, email, password, user_metadata: { ...hidden, consent_p_marketing: 'false' } }),
    });
    const user = { userId: `auth0|${((await response.json()) as { _id: string })._id}`, email, password };
    const state = await (await load(user)).getConsent();
    expect([state.status, state.purposes, state.history.map((entry) => entry.source)]).to.deep.equal(['claimed', { terms: true, marketing: false }, ['lock']]);
  });
});

describe('consent after signup: re-consent', () => {
  it('a new version of the terms makes the consent outdated, says what changed, and a new decision settles it', async () => {
    const user = await signUp(emulator, policy, ['terms', 'marketing']);
    await (await load(user)).getConsent();
    const bumped = testPolicy({ version: '2027-01-01', termsVersion: '3.2' });
    const client = await load(user, bumped);
    const state = await client.getConsent();
    expect(state.status).to.equal('claimed');
    expect(state.reconsent.required).to.equal(true);
    expect(state.reconsent.documents).to.deep.equal([{ id: 'terms', from: '3.1', to: '3.2', required: true, purposes: ['terms'] }]);
    expect(needsReconsent(state, bumped)).to.deep.equal(state.reconsent);

    const settled = await client.give(await decide(bumped, ['terms', 'marketing']));
    expect([settled.status, settled.version, settled.reconsent.required]).to.deep.equal(['claimed', '2027-01-01', false]);
  });

  it('a new optional purpose is only offered: the consent stays given and the purpose unanswered', async () => {
    const user = await signUp(emulator, policy, ['terms']);
    await (await load(user)).getConsent();
    const extended = testPolicy({ version: '2027-01-01', extraPurposes: [{ id: 'analytics', required: false, basis: 'consent' }] });
    const state = await (await load(user, extended)).getConsent();
    expect([state.status, state.reconsent.required, state.reconsent.offer]).to.deep.equal(['claimed', false, ['analytics']]);
    expect(state.purposes).to.not.have.property('analytics');
  });

  it('a withdrawn consent is not asked again when the terms change', async () => {
    const user = await signUp(emulator, policy, ['terms']);
    await (await load(user)).withdraw();
    const state = await (await load(user, testPolicy({ version: '2027-01-01', termsVersion: '4.0' }))).getConsent();
    expect([state.status, state.reconsent.required]).to.deep.equal(['withdrawn', false]);
  });
});
