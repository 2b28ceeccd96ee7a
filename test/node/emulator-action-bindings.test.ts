/**
 * Which Actions a trigger runs, through the official `auth0` SDK's trigger bindings
 * (`actions.triggers.bindings.list/updateMany`) against an HTTPS emulator: the tenant file binds each
 * Action to its triggers, an unbound Action stops running, and bindings Auth0 would refuse are refused.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '@assent/auth0-emulator';
import { ManagementError } from 'auth0';
import { trustingFetch, type TrustingFetch } from '@assent/testkit/https-trust';
import { managementClient, managementToken } from '../support/management.js';
import { strongPassword, uniqueEmail } from '../support/unique.js';

const SPA = 'assent-demo-spa';
const CONNECTION = 'Username-Password-Authentication';
const CLAIM = 'https://assent.test/ran';

const MARKER_ACTION = `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('${CLAIM}', true); };\n`;
const SIGNUP_ACTION = `exports.onExecutePreUserRegistration = async (event, api) => { api.access.deny('closed', 'Signups are closed'); };\n`;

let dir: string;
let emulator: RunningEmulator;
let trust: TrustingFetch;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assent-bindings-'));
  await writeFile(join(dir, 'marker.cjs'), MARKER_ACTION);
  await writeFile(join(dir, 'closed.cjs'), SIGNUP_ACTION);
  await writeFile(
    join(dir, 'tenant.json'),
    JSON.stringify({
      actions: [
        { module: './marker.cjs', name: 'marker' },
        { module: './closed.cjs', name: 'signups-closed' },
      ],
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

const access = () => ({ domain: emulator.tenant.domain, fetch: trust.fetch });
const management = () => managementClient(access());

async function bindingNames(trigger: 'post-login' | 'pre-user-registration' | 'post-user-registration'): Promise<string[]> {
  const page = await management().actions.triggers.bindings.list(trigger);
  return page.data.map((binding) => binding.action?.name ?? '');
}

async function signup(email: string, password: string): Promise<Response> {
  return trust.fetch(`${emulator.url}/dbconnections/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: SPA, connection: CONNECTION, email, password }),
  });
}

/** Logs a user in with the password grant; returns the ID token's claims. */
async function loginClaims(email: string, password: string): Promise<Record<string, unknown>> {
  const response = await trust.fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'http://auth0.com/oauth/grant-type/password-realm', client_id: SPA, username: email, password, realm: CONNECTION, scope: 'openid' }),
  });
  assert.equal(response.status, 200);
  const idToken = ((await response.json()) as { id_token: string }).id_token;
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function refusal(run: () => Promise<unknown>): Promise<{ status: number | undefined; message: string }> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof ManagementError, String(error));
    return { status: error.statusCode, message: (error.body as { message?: string } | undefined)?.message ?? '' };
  }
  assert.fail('the call was not refused');
}

test('the tenant file binds each Action to the triggers it has handlers for', async () => {
  assert.deepEqual(await bindingNames('post-login'), ['marker']);
  assert.deepEqual(await bindingNames('pre-user-registration'), ['signups-closed']);
  assert.deepEqual(await bindingNames('post-user-registration'), []);
});

test('an Action unbound from its trigger no longer runs; bound again by name, it runs', async () => {
  const password = strongPassword();
  const email = uniqueEmail('bindings');
  assert.equal((await signup(email, password)).status, 400, 'the bound pre-user-registration Action refuses the signup');

  await management().actions.triggers.bindings.updateMany('pre-user-registration', { bindings: [] });
  assert.equal((await signup(email, password)).status, 200, 'unbound, it no longer runs');

  await management().actions.triggers.bindings.updateMany('post-login', { bindings: [] });
  assert.equal((await loginClaims(email, password))[CLAIM], undefined);
  await management().actions.triggers.bindings.updateMany('post-login', { bindings: [{ ref: { type: 'action_name', value: 'marker' }, display_name: 'Marker' }] });
  assert.equal((await loginClaims(email, password))[CLAIM], true);
  const [binding] = (await management().actions.triggers.bindings.list('post-login')).data;
  assert.equal(binding?.display_name, 'Marker');
  assert.equal(binding?.trigger_id, 'post-login');
});

test('a binding that stays keeps its id when the bindings are replaced by binding id', async () => {
  const [before] = (await management().actions.triggers.bindings.list('post-login')).data;
  const answer = await management().actions.triggers.bindings.updateMany('post-login', { bindings: [{ ref: { type: 'binding_id', value: before!.id! } }] });
  assert.equal(answer.bindings?.[0]?.id, before!.id);
  assert.equal(answer.bindings?.[0]?.action?.name, 'marker');
});

test('bindings Auth0 would refuse are refused with a message naming the binding, and change nothing', async () => {
  const bindings = management().actions.triggers.bindings;
  const unknown = await refusal(() => bindings.updateMany('post-login', { bindings: [{ ref: { type: 'action_name', value: 'no-such-action' } }] }));
  assert.equal(unknown.status, 404);
  assert.match(unknown.message, /bindings\[0\]\.ref .*no-such-action/);
  const wrongTrigger = await refusal(() => bindings.updateMany('post-login', { bindings: [{ ref: { type: 'action_name', value: 'signups-closed' } }] }));
  assert.equal(wrongTrigger.status, 400);
  assert.match(wrongTrigger.message, /does not support the trigger post-login/);
  const twice = await refusal(() => bindings.updateMany('post-login', { bindings: [{ ref: { type: 'action_name', value: 'marker' } }, { ref: { type: 'action_name', value: 'marker' } }] }));
  assert.equal(twice.status, 400);
  assert.match(twice.message, /bound twice, at bindings\[0\] and bindings\[1\]/);
  assert.deepEqual(await bindingNames('post-login'), ['marker']);
});

test('changing bindings needs update:actions, reading them read:actions', async () => {
  const accessToken = await managementToken(access(), 'read:actions');
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  assert.equal((await trust.fetch(`${emulator.url}/api/v2/actions/triggers/post-login/bindings`, { headers })).status, 200);
  const patch = await trust.fetch(`${emulator.url}/api/v2/actions/triggers/post-login/bindings`, { method: 'PATCH', headers, body: JSON.stringify({ bindings: [] }) });
  assert.equal(patch.status, 403);
  assert.deepEqual(await bindingNames('post-login'), ['marker']);
});
