/**
 * Publishing new terms the way a controller's backend does it, through the official `auth0` Node
 * SDK unchanged: find the Assent Action, replace its secrets, deploy, and see the next login run
 * the new policy. Both the SDK's current client (7.x: `actions.list/update/deploy`) and its legacy
 * one (`auth0/legacy`, 4.x: `actions.getAll/update/deploy`) run against an HTTPS emulator whose
 * development CA is trusted through the SDK's `fetch` option (`@assent/testkit/https-trust`).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { ManagementClient as LegacyManagementClient } from 'auth0/legacy';
import { trustingFetch, type TrustingFetch } from '@assent/testkit/https-trust';
import { DEFAULT_MACHINE_CLIENT, managementClient } from '../support/management.js';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const SPA = 'assent-demo-spa';
const { clientId: M2M, clientSecret: M2M_SECRET } = DEFAULT_MACHINE_CLIENT;
const CONNECTION = 'Username-Password-Authentication';
const ACTION_NAME = 'assent-consent';
const OLD_POLICY = 'acme-signup@2026-11-01';
const NEW_POLICY = 'acme-signup@2027-01-15';
const POLICY_CLAIM = 'https://assent.test/policy';

/** A post-login Action that shows the policy and documents it runs with as ID token claims. */
const ACTION_SOURCE = `exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('${POLICY_CLAIM}', event.secrets.ASSENT_POLICY ?? null);
  api.idToken.setCustomClaim('https://assent.test/documents', event.secrets.ASSENT_REQUIRED_DOCUMENTS ?? null);
};
`;

let dir: string;
let emulator: RunningEmulator;
let trust: TrustingFetch;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assent-actions-sdk-'));
  await writeFile(join(dir, 'assent-consent.cjs'), ACTION_SOURCE);
  await writeFile(
    join(dir, 'tenant.json'),
    JSON.stringify({
      actions: [{ module: './assent-consent.cjs', name: ACTION_NAME, secrets: { ASSENT_POLICY: OLD_POLICY, ASSENT_REQUIRED_DOCUMENTS: 'terms@3.1,privacy@2.0' } }],
    }),
  );
  emulator = await startEmulator({ port: 0, https: true, tenant: join(dir, 'tenant.json'), enableAdmin: true });
  trust = trustingFetch(emulator.caCert!);
});

after(async () => {
  await trust?.close();
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await trust.fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
});

/** Signs a new user up and logs in; returns the ID token's claims. */
async function loginClaims(): Promise<Record<string, unknown>> {
  const email = uniqueEmail('actions-sdk');
  const password = strongPassword();
  const signup = await trust.fetch(`${emulator.url}/dbconnections/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: SPA, connection: CONNECTION, email, password }),
  });
  assert.equal(signup.status, 200);
  const response = await trust.fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'http://auth0.com/oauth/grant-type/password-realm', client_id: SPA, username: email, password, realm: CONNECTION, scope: 'openid' }),
  });
  assert.equal(response.status, 200);
  const idToken = ((await response.json()) as { id_token: string }).id_token;
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const NEW_SECRETS = [
  { name: 'ASSENT_POLICY', value: NEW_POLICY },
  { name: 'ASSENT_REQUIRED_DOCUMENTS', value: 'terms@4.0,privacy@2.0' },
];

test('auth0 7.x ManagementClient: actions.list, update secrets, deploy; the next login runs the new policy', async () => {
  const management = managementClient({ domain: emulator.tenant.domain, fetch: trust.fetch });

  const page = await management.actions.list({ actionName: ACTION_NAME, triggerId: 'post-login' });
  assert.equal(page.data.length, 1);
  const action = page.data[0]!;
  assert.equal(action.name, ACTION_NAME);
  assert.equal(action.all_changes_deployed, true);

  const updated = await management.actions.update(action.id!, { secrets: NEW_SECRETS });
  assert.equal(updated.all_changes_deployed, false);
  assert.deepEqual(
    updated.secrets?.map((secret) => secret.name),
    ['ASSENT_POLICY', 'ASSENT_REQUIRED_DOCUMENTS'],
  );
  assert.equal((await loginClaims())[POLICY_CLAIM], OLD_POLICY, 'an update alone must not reach logins');

  const version = await management.actions.deploy(action.id!);
  assert.equal(version.number, 2);
  assert.equal(version.deployed, true);
  const claims = await loginClaims();
  assert.equal(claims[POLICY_CLAIM], NEW_POLICY);
  assert.equal(claims['https://assent.test/documents'], 'terms@4.0,privacy@2.0');

  const after = await management.actions.get(action.id!);
  assert.equal(after.all_changes_deployed, true);
  assert.equal(after.deployed_version?.number, 2);
  assert.equal(JSON.stringify(after).includes(NEW_POLICY), false, 'secret values are never returned');
});

test('auth0/legacy (4.x) ManagementClient: actions.getAll, update, deploy', async () => {
  const management = new LegacyManagementClient({ domain: emulator.tenant.domain, clientId: M2M, clientSecret: M2M_SECRET, fetch: trust.fetch });

  const { data } = await management.actions.getAll({ actionName: ACTION_NAME });
  assert.equal(data.total, 1);
  const id = data.actions[0]!.id;

  await management.actions.update({ id }, { secrets: NEW_SECRETS });
  assert.equal((await loginClaims())[POLICY_CLAIM], OLD_POLICY);
  const { data: version } = await management.actions.deploy({ id });
  assert.equal(version.number, 2);
  assert.equal((await loginClaims())[POLICY_CLAIM], NEW_POLICY);
});
