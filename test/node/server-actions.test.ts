/**
 * The project's Auth0 Actions (packages/server/actions/*.js), run unchanged by the emulator through
 * its tenant-file extension point: pre-user-registration refuses signups without valid consent
 * fields exactly where core's decoder refuses them; post-login copies the signup consent into
 * app_metadata (server time, core's format and event id), lets current consents through, asks again
 * when a required document changed, and denies where it cannot ask.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  DecodeError,
  applyConsentEvent,
  createDecision,
  decodeConsentObject,
  decodeSignupFields,
  en,
  encodeLockSignupFields,
  encodeSignupFields,
  loadMessages,
  signupConsentObject,
  verifyDecision,
  type ConsentObject,
} from '@assent/core';
import { strongPassword, uniqueEmail } from '../support/unique.js';
import { CONNECTION, POLICY, SPA, redirectParams, startServerFixture, type ServerFixture } from './server-fixture.js';

let fixture: ServerFixture;
before(async () => {
  fixture = await startServerFixture();
});
after(() => fixture?.close());

/** POST /dbconnections/signup with these user_metadata fields. */
function signupWith(fields: Record<string, string>, email = uniqueEmail('action')): Promise<Response> {
  return fixture.fetch(`${fixture.emulator.url}/dbconnections/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: SPA, connection: CONNECTION, email, password: strongPassword(), user_metadata: fields }),
  });
}

async function appConsent(userId: string): Promise<ConsentObject> {
  return decodeConsentObject((await fixture.management.users.get(userId)).app_metadata?.consent);
}

describe('pre-user-registration', () => {
  test('refuses a signup without consent fields with extensibility_error and a message for the user', async () => {
    const response = await signupWith({ plan: 'pro' });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { code: string; description: string };
    assert.deepEqual([body.code, body.description], ['extensibility_error', 'Please accept the terms to sign up.']);
  });

  test('refuses consent fields of an older policy version, asking to reload', async () => {
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en });
    const response = await signupWith(encodeSignupFields({ ...decision, version: '2025-01-01' }));
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { description: string }).description, /terms have changed/);
  });

  test('refuses consent fields that do not accept the required purpose', async () => {
    const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'en', messages: en });
    const response = await signupWith(encodeSignupFields({ ...decision, purposes: ['marketing'] }));
    assert.equal(response.status, 400);
  });

  test('refuses consent fields whose hash is not that of the policy’s statement (64 zeros), asking to reload [GDPR 7(1)]', async () => {
    const fields = encodeSignupFields(await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en }));
    const response = await signupWith({ ...fields, consent_hash: '0'.repeat(64) });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { description: string }).description, /terms have changed/);
  });

  test('lets a signup made in German through: its hash verifies against the German statement', async () => {
    const decision = await createDecision(POLICY, { accepted: ['terms', 'marketing'], locale: 'de', messages: await loadMessages('de') });
    assert.equal((await signupWith(encodeSignupFields(decision))).status, 200);
  });

  test('accepts or refuses exactly as core’s decoder and verifyDecision read the fields (list and Lock variants, one field broken at random)', async () => {
    const field = fc.constantFrom('policy', 'purposes', 'at', 'locale', 'hash', 'p_marketing');
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), fc.option(fc.tuple(field, fc.string({ maxLength: 12 })), { nil: undefined }), async (lock, marketing, broken) => {
        const accepted = marketing ? ['terms', 'marketing'] : ['terms'];
        let fields: Record<string, string>;
        if (lock) {
          const encoded = await encodeLockSignupFields(POLICY, { locale: 'en', messages: en });
          fields = { ...encoded.hidden, consent_p_marketing: String(marketing) };
        } else {
          fields = encodeSignupFields(await createDecision(POLICY, { accepted, locale: 'en', messages: en }));
        }
        if (broken && (lock || broken[0] !== 'p_marketing')) fields[`consent_${broken[0]}`] = broken[1];
        let expected = true;
        try {
          const decision = decodeSignupFields(fields);
          expected =
            decision.policy === POLICY.id &&
            decision.version === POLICY.version &&
            decision.purposes.includes('terms') &&
            (await verifyDecision(decision, POLICY, await loadMessages(decision.locale)));
        } catch (error) {
          if (!(error instanceof DecodeError)) throw error;
          expected = false;
        }
        const response = await signupWith(fields);
        assert.equal(response.status === 200, expected, `${JSON.stringify(fields)} -> ${response.status} ${await response.text()}`);
      }),
      { numRuns: 30 },
    );
  });
});

describe('post-login: the first login copies the signup consent into app_metadata', () => {
  test('with server time, the current policy’s documents, and the event id core gives the signup [GDPR 7(1)]', async () => {
    const started = Date.now();
    const user = await fixture.signup({ accepted: ['terms'] });
    await fixture.userToken(user);
    const consent = await appConsent(user.userId);
    assert.equal(consent.given, true);
    assert.deepEqual(consent.purposes, { terms: true, marketing: false });
    assert.deepEqual(consent.documents, { terms: '3.1', privacy: '2.0' });
    assert.equal(consent.hash, user.decision.hash);
    assert.ok(Date.parse(consent.date) >= started - 1000);
    const core = await signupConsentObject((await fixture.management.users.get(user.userId)).user_metadata, POLICY);
    assert.equal(consent.history[0]!.id, core!.history[0]!.id);
    assert.equal(consent.history[0]!.source, 'signup');
  });

  test('reads Lock’s variant: the answers of the per-purpose fields, source "lock"', async () => {
    const user = await fixture.signup({ accepted: ['terms', 'marketing'], variant: 'lock' });
    await fixture.userToken(user);
    const consent = await appConsent(user.userId);
    assert.deepEqual(consent.purposes, { terms: true, marketing: true });
    assert.equal(consent.history[0]!.source, 'lock');
    assert.equal(consent.hash, decodeSignupFields((await fixture.management.users.get(user.userId)).user_metadata ?? {}).hash);
  });

  test('signup fields whose hash does not verify are no consent: nothing is recorded and the user is sent to the consent page [GDPR 7(1)]', async () => {
    // Created through the Management API, which no pre-user-registration Action checks.
    const email = uniqueEmail('unverified');
    const password = strongPassword();
    const fields = encodeSignupFields(await createDecision(POLICY, { accepted: ['terms'], locale: 'en', messages: en }));
    const created = await fixture.management.users.create({ connection: CONNECTION, email, password, user_metadata: { ...fields, consent_hash: '0'.repeat(64) } });
    const target = new URL((await fixture.loginThroughPage({ email, password })).headers.get('location')!);
    assert.equal(target.pathname, '/consent/page');
    assert.equal((await fixture.management.users.get(created.user_id!)).app_metadata?.consent, undefined);
  });

  test('a signup made in German is recorded with its German locale and hash', async () => {
    const email = uniqueEmail('german');
    const password = strongPassword();
    const decision = await createDecision(POLICY, { accepted: ['terms'], locale: 'de', messages: await loadMessages('de') });
    const created = await fixture.management.users.create({ connection: CONNECTION, email, password, user_metadata: encodeSignupFields(decision) });
    assert.ok(redirectParams(await fixture.loginThroughPage({ email, password })).get('code'));
    const consent = await appConsent(created.user_id!);
    assert.deepEqual([consent.locale, consent.hash, consent.given], ['de', decision.hash, true]);
  });

  test('copies once: later logins leave the history alone', async () => {
    const user = await fixture.signup();
    await fixture.userToken(user);
    await fixture.userToken(user);
    assert.equal((await appConsent(user.userId)).history.length, 1);
  });
});

describe('post-login: asking again', () => {
  async function userWithStoredConsent(version: string, documents: Record<string, string>): Promise<{ email: string; password: string; userId: string }> {
    const user = await fixture.signup();
    const consent = applyConsentEvent(undefined, {
      id: 'older-consent',
      event: 'given',
      at: '2026-01-01T00:00:00.000Z',
      version,
      purposes: ['terms'],
      source: 'server',
      policy: POLICY.id,
      hash: 'a'.repeat(64),
      locale: 'en',
      declined: ['marketing'],
      documents,
    });
    await fixture.management.users.update(user.userId, { app_metadata: { consent } });
    return user;
  }

  test('a consent to an older policy version whose required documents did not change stays current', async () => {
    const user = await userWithStoredConsent('2026-10-01', { terms: '3.1', privacy: '2.0' });
    const params = redirectParams(await fixture.loginThroughPage(user));
    assert.ok(params.get('code'), params.toString());
  });

  test('a changed required document sends the user to the consent page, saying the terms changed [EDPB re-consent]', async () => {
    const user = await userWithStoredConsent('2026-10-01', { terms: '3.0', privacy: '2.0' });
    const login = await fixture.loginThroughPage(user);
    const target = new URL(login.headers.get('location')!);
    assert.equal(target.pathname, '/consent/page');
    const page = await fixture.call(`/consent/page?${target.searchParams}`);
    assert.match(await page.text(), /Our terms have changed/);
  });

  test('a withdrawal the user made in the browser after the stored consent sends them to the consent page [GDPR 7(3)]', async () => {
    const user = await userWithStoredConsent('2026-10-01', { terms: '3.1', privacy: '2.0' });
    const stored = await appConsent(user.userId);
    const withdrawnInBrowser = applyConsentEvent(stored, {
      id: 'browser-withdrawal',
      event: 'withdrawn',
      at: '2026-06-01T00:00:00.000Z',
      version: stored.version,
      purposes: [],
      source: 'browser',
      given: false,
    });
    await fixture.management.users.update(user.userId, { user_metadata: { consent: withdrawnInBrowser } });
    const target = new URL((await fixture.loginThroughPage(user)).headers.get('location')!);
    assert.equal(target.pathname, '/consent/page');
  });

  test('a consent "given" in user_metadata does not stand in for a withdrawn authoritative copy', async () => {
    const user = await userWithStoredConsent('2026-10-01', { terms: '3.1', privacy: '2.0' });
    const stored = await appConsent(user.userId);
    const withdrawn = applyConsentEvent(stored, { id: 'server-withdrawal', event: 'withdrawn', at: '2026-06-01T00:00:00.000Z', version: stored.version, purposes: [], source: 'server', given: false });
    const forged = applyConsentEvent(withdrawn, {
      id: 'forged-given',
      event: 'given',
      at: '2026-07-01T00:00:00.000Z',
      version: stored.version,
      purposes: ['terms'],
      source: 'browser',
      policy: POLICY.id,
      hash: 'b'.repeat(64),
      locale: 'en',
      given: true,
    });
    await fixture.management.users.update(user.userId, { app_metadata: { consent: withdrawn }, user_metadata: { consent: forged } });
    const target = new URL((await fixture.loginThroughPage(user)).headers.get('location')!);
    assert.equal(target.pathname, '/consent/page');
  });

  test('a flow that cannot show a page (password grant) is denied instead', async () => {
    const user = await userWithStoredConsent('2026-10-01', { terms: '3.0', privacy: '2.0' });
    await assert.rejects(fixture.userToken(user), /403.*Consent required/);
  });
});
