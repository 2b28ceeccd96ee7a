/**
 * Who may write the record, through @assent/server: app_metadata.consent is the record; a
 * withdrawal counts from any copy at once; a "given" the user wrote into their own user_metadata
 * (which their own token may edit) is a claim, never the state, an export, a report row or a
 * withdrawal-log entry; signup fields count only when their hash verifies. The user's own writes
 * are made here with the machine client, which stores exactly what the user's token could.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { applyConsentEvent, decodeConsentObject, newestEntry, type ConsentObject } from '@assent/core';
import type { WithdrawalRecord } from '@assent/server';
import type { DirectoryUser } from '../../packages/server/src/management/directory.js';
import { reportRow } from '../../packages/server/src/report/rows.js';
import { API_AUDIENCE, POLICY, startServerFixture, type ServerFixture, type TestUser } from './server-fixture.js';

let fixture: ServerFixture;
before(async () => {
  fixture = await startServerFixture();
});
after(() => fixture?.close());

const seconds = () => Math.floor(Date.now() / 1000);
/** An access token for `userId` signed with the tenant's key, without a login (no Action runs). */
const tokenFor = (userId: string) => fixture.mintToken({ iss: fixture.emulator.tenant.issuer, aud: API_AUDIENCE, sub: userId, iat: seconds(), exp: seconds() + 600 });

interface StateBody {
  status: string;
  source: string | null;
  verified: boolean;
  accepted: string[];
  record: ConsentObject | null;
  app_metadata: { consent: ConsentObject | null };
}

const state = async (token: string): Promise<StateBody> => (await (await fixture.call('/consent', { token })).json()) as StateBody;
const stored = (userId: string) => fixture.management.users.get(userId);
/** The user as the report reads it from the export job. */
const exported = async (userId: string): Promise<DirectoryUser> => ({ ...(await stored(userId)), user_id: userId });
/** Writes `user_metadata.consent` as the user can with their own token (`update:current_user_metadata`). */
const writeOwnCopy = (userId: string, consent: unknown) => fixture.management.users.update(userId, { user_metadata: { consent } });
const withdrawalLog = async (): Promise<WithdrawalRecord[]> =>
  (await readFile(fixture.withdrawalLogPath, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as WithdrawalRecord);

/** A signed-up user whose verified signup is in the record, and their token. */
async function recordedUser(accepted = ['terms', 'marketing']): Promise<{ user: TestUser; token: string }> {
  const user = await fixture.signup({ accepted });
  const token = await tokenFor(user.userId);
  await state(token); // the server copies the verified signup into the record
  return { user, token };
}

/** The forgery of the attack: a "given" written into the user's own copy, dated after everything, with a made-up hash. */
function forgedGiven(base: ConsentObject, id = 'forged', at = new Date(Date.now() + 60_000).toISOString()): ConsentObject {
  return applyConsentEvent(
    base,
    { id, event: 'given', at, version: POLICY.version, purposes: ['terms', 'marketing'], declined: [], source: 'server', hash: 'a'.repeat(64), policy: POLICY.id, locale: 'en', given: true },
    { now: Date.parse(at) },
  );
}

describe('a given forged into user_metadata after a withdrawal', () => {
  let user: TestUser;
  let token: string;
  before(async () => {
    ({ user, token } = await recordedUser());
    assert.equal((await fixture.call('/consent/withdraw', { token, body: {} })).status, 200);
    const record = decodeConsentObject((await stored(user.userId)).app_metadata?.consent);
    await writeOwnCopy(user.userId, forgedGiven(record));
  });

  test('GET /consent shows it as an unverified claim from user_metadata, never as given', async () => {
    const body = await state(token);
    assert.deepEqual([body.status, body.source, body.verified], ['claimed', 'user_metadata', false]);
    assert.equal(body.record?.given, false);
    assert.equal(body.app_metadata.consent?.given, false);
  });

  test('the export is the record: the withdrawal, not the forged date or hash', async () => {
    const { record, receipt } = (await (await fixture.call('/consent/export', { token })).json()) as {
      record: Record<string, unknown>;
      receipt: { consentReceiptID: string; services: { purposes: unknown[] }[] };
    };
    const json = JSON.stringify({ record, receipt });
    assert.ok(!json.includes('a'.repeat(64)), 'the forged hash is not exported');
    assert.ok(!json.includes('forged'), 'the forged entry is not exported');
    assert.deepEqual(receipt.services[0]!.purposes, [], 'no purpose is consented in the receipt');
  });

  test('the report lists the user as claimed, without the claimed purposes', async () => {
    const row = await reportRow(await exported(user.userId), POLICY);
    assert.deepEqual([row.status, row.purposes, row.policy_version, row.source], ['claimed', '', '', 'user_metadata']);
  });
});

describe('delete mode against a flooded user_metadata', () => {
  test('14 forged entries dated in the future neither block the deletion nor push the signup or the withdrawal out of the log', async () => {
    const { user, token } = await recordedUser();
    const record = decodeConsentObject((await stored(user.userId)).app_metadata?.consent);
    const signupId = newestEntry(record).id;
    let flood: ConsentObject = record;
    for (let i = 0; i < 14; i += 1) flood = forgedGiven(flood, `forged-${i}`, `2099-01-01T00:00:${String(10 + i).padStart(2, '0')}.000Z`);
    // Written as raw JSON: the user's token can store anything, however the decoder would judge it.
    await writeOwnCopy(user.userId, JSON.parse(JSON.stringify(flood)));

    const response = await fixture.call('/consent/withdraw', { token, body: { erase: 'delete', eventId: 'erase-flooded' } });
    assert.equal(response.status, 200, await response.clone().text());
    const logged = (await withdrawalLog()).find((entry) => entry.event_id === 'erase-flooded');
    assert.ok(logged?.consent);
    assert.deepEqual(
      logged.consent.history.map((entry) => entry.id),
      [signupId, 'erase-flooded'],
    );
    assert.equal(logged.consent.given, false);
  });

  test('14 forged entries within the clock skew stay out of the logged record', async () => {
    const { user, token } = await recordedUser();
    const record = decodeConsentObject((await stored(user.userId)).app_metadata?.consent);
    const signupId = newestEntry(record).id;
    let flood: ConsentObject = record;
    for (let i = 0; i < 14; i += 1) flood = forgedGiven(flood, `forged-${i}`, new Date(Date.now() + 60_000 + i).toISOString());
    await writeOwnCopy(user.userId, flood);

    assert.equal((await fixture.call('/consent/withdraw', { token, body: { erase: 'delete', eventId: 'erase-skewed' } })).status, 200);
    const logged = (await withdrawalLog()).find((entry) => entry.event_id === 'erase-skewed');
    assert.deepEqual(
      logged?.consent?.history.map((entry) => entry.id),
      [signupId, 'erase-skewed'],
    );
    assert.equal(logged?.consent?.given, false);
  });
});

describe("the user's own withdrawal", () => {
  test('a withdrawal written with the user token counts at once and the server writes it into app_metadata', async () => {
    const { user, token } = await recordedUser();
    const record = decodeConsentObject((await stored(user.userId)).app_metadata?.consent);
    const own = applyConsentEvent(record, {
      id: 'own-withdrawal',
      event: 'withdrawn',
      at: new Date().toISOString(),
      version: POLICY.version,
      purposes: [],
      declined: ['terms', 'marketing'],
      source: 'browser',
      given: false,
    });
    await writeOwnCopy(user.userId, own);

    const body = await state(token);
    assert.deepEqual([body.status, body.source], ['withdrawn', 'app_metadata']);
    const app = decodeConsentObject((await stored(user.userId)).app_metadata?.consent);
    assert.equal(app.given, false, 'the two copies agree');
    assert.deepEqual(app.history.map((entry) => [entry.id, entry.source]).at(-1), ['own-withdrawal', 'browser']);
  });

  test('a flag withdrawal through the server also withdraws the copy in user_metadata', async () => {
    const { user, token } = await recordedUser();
    await writeOwnCopy(user.userId, decodeConsentObject((await stored(user.userId)).app_metadata?.consent));
    assert.equal((await fixture.call('/consent/withdraw', { token, body: { erase: 'flag' } })).status, 200);
    const after = await stored(user.userId);
    assert.equal(decodeConsentObject(after.user_metadata?.consent).given, false);
    assert.equal(decodeConsentObject(after.app_metadata?.consent).given, false);
  });
});

describe('a broken user_metadata.consent (the user can write anything there)', () => {
  for (const erase of [undefined, 'flag', 'delete'] as const) {
    test(`does not stop a withdrawal${erase ? ` with erase "${erase}"` : ''}`, async () => {
      const { user, token } = await recordedUser();
      await writeOwnCopy(user.userId, { given: 'yes', history: 'none' });
      const response = await fixture.call('/consent/withdraw', { token, body: erase ? { erase } : {} });
      assert.equal(response.status, 200, await response.clone().text());
      if (erase === 'delete') return;
      const after = await stored(user.userId);
      assert.equal(decodeConsentObject(after.app_metadata?.consent).given, false);
      assert.deepEqual(decodeConsentObject(after.user_metadata?.consent), decodeConsentObject(after.app_metadata?.consent), 'the broken claim is replaced by the record');
    });
  }

  test('does not stop reading the state, which comes from the record', async () => {
    const { user, token } = await recordedUser();
    await writeOwnCopy(user.userId, { given: true });
    const body = await state(token);
    assert.deepEqual([body.status, body.source], ['given', 'app_metadata']);
  });
});

describe('signup fields whose hash does not verify', () => {
  test('are no consent: the state is a claim and nothing is copied into app_metadata', async () => {
    const user = await fixture.signup({ metadata: {} });
    await fixture.management.users.update(user.userId, { user_metadata: { consent_hash: '0'.repeat(64) } });
    const token = await tokenFor(user.userId);
    const body = await state(token);
    assert.deepEqual([body.status, body.source, body.verified], ['claimed', 'signup', false]);
    assert.equal((await stored(user.userId)).app_metadata?.consent, undefined);
    const row = await reportRow(await exported(user.userId), POLICY);
    assert.deepEqual([row.status, row.purposes], ['claimed', '']);
  });

  test('verified ones become the record on the first request', async () => {
    const user = await fixture.signup({ accepted: ['terms'] });
    const body = await state(await tokenFor(user.userId));
    assert.deepEqual([body.status, body.source, body.accepted], ['given', 'app_metadata', ['terms']]);
    assert.deepEqual(
      decodeConsentObject((await stored(user.userId)).app_metadata?.consent).history.map((entry) => entry.source),
      ['signup'],
    );
  });
});
