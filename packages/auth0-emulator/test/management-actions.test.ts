import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, test } from 'node:test';
import { TenantConfigError, parseTenantConfig, startEmulator, type TenantConfig } from '../src/index.js';
import { CONNECTION, PASSWORD, SPA, claims, createUser, m2mToken, management, path, postJson, signup, uniqueEmail, useEmulator } from './helpers.js';

const SHOW_SECRETS = fileURLToPath(new URL('./fixtures/actions/show-secrets.mjs', import.meta.url));
const STAMP_SIGNUP = fileURLToPath(new URL('./fixtures/actions/stamp-signup.mjs', import.meta.url));
const OLD_POLICY = 'acme-signup@2026-11-01';
const NEW_POLICY = 'acme-signup@2027-01-15';

const TENANT: TenantConfig = {
  actions: [
    { module: SHOW_SECRETS, name: 'assent-consent', secrets: { ASSENT_POLICY: OLD_POLICY, ASSENT_REQUIRED_DOCUMENTS: 'terms@3.1,privacy@2.0' } },
    { module: STAMP_SIGNUP, name: 'assent-signup', secrets: { ASSENT_POLICY: OLD_POLICY } },
  ],
};

const emulator = useEmulator({ tenant: TENANT, enableAdmin: true });

beforeEach(async () => {
  await fetch(`${emulator.current.url}/__emulator/reset`, { method: 'POST' });
});

interface SecretView {
  name: string;
  updated_at: string;
  value?: unknown;
}
interface VersionView {
  id: string;
  action_id: string;
  number: number;
  deployed: boolean;
  status: string;
  secrets: SecretView[];
}
interface ActionView {
  id: string;
  name: string;
  supported_triggers: { id: string; version: string }[];
  all_changes_deployed: boolean;
  code?: string;
  runtime: string;
  status: string;
  secrets: SecretView[];
  deployed_version: VersionView;
}
interface ListView {
  actions: ActionView[];
  total: number;
  page: number;
  per_page: number;
}

const ACTIONS_SCOPES = 'read:actions update:actions create:actions';

async function token(scope = ACTIONS_SCOPES): Promise<string> {
  return m2mToken(emulator.current, scope);
}

async function call(method: string, pathname: string, body?: unknown, scope?: string): Promise<Response> {
  return management(emulator.current, method, pathname, await token(scope), body);
}

async function list(query = ''): Promise<ListView> {
  const response = await call('GET', `/actions/actions${query}`);
  assert.equal(response.status, 200);
  return (await response.json()) as ListView;
}

async function actionNamed(name: string): Promise<ActionView> {
  const found = (await list(`?actionName=${encodeURIComponent(name)}`)).actions[0];
  assert.ok(found, `no Action named ${name}`);
  return found;
}

/** A claim the fixture Action copies from the secrets into the ID token of a new user's login. */
async function claimSeenAtLogin(claim: 'policy' | 'secret-names'): Promise<unknown> {
  const { email } = await createUser(emulator.current);
  const response = await postJson(`${emulator.current.url}/oauth/token`, {
    grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
    client_id: SPA,
    username: email,
    password: PASSWORD,
    realm: CONNECTION,
    scope: 'openid',
  });
  assert.equal(response.status, 200);
  return claims(((await response.json()) as { id_token: string }).id_token)[`https://assent.test/${claim}`];
}

/** The policy secret a login runs with. */
const policySeenAtLogin = () => claimSeenAtLogin('policy');
/** The names of the secrets a login runs with. */
const secretNamesSeenAtLogin = () => claimSeenAtLogin('secret-names');

async function publishNewTerms(id: string): Promise<Response> {
  return call('PATCH', `/actions/actions/${id}`, {
    secrets: [
      { name: 'ASSENT_POLICY', value: NEW_POLICY },
      { name: 'ASSENT_REQUIRED_DOCUMENTS', value: 'terms@4.0,privacy@2.0' },
    ],
  });
}

async function expectError(response: Response, status: number, message: RegExp | string): Promise<Record<string, unknown>> {
  assert.equal(response.status, status);
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body.statusCode, status);
  assert.equal(typeof body.error, 'string');
  if (typeof message === 'string') assert.equal(body.message, message);
  else assert.match(String(body.message), message);
  return body;
}

describe('GET /api/v2/actions/actions', () => {
  test("lists the tenant file's Actions with Auth0's paging envelope", async () => {
    const page = await list();
    assert.deepEqual(
      page.actions.map((action) => action.name),
      ['assent-consent', 'assent-signup'],
    );
    assert.equal(page.total, 2);
    assert.equal(page.page, 0);
    assert.equal(page.per_page, 20);
  });

  test('each Action has a UUID, its triggers, its code, and a deployed version 1 with the same secrets', async () => {
    const action = await actionNamed('assent-consent');
    assert.match(action.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual(action.supported_triggers, [{ id: 'post-login', version: 'v3' }]);
    assert.equal(action.code, await readFile(SHOW_SECRETS, 'utf8'));
    assert.equal(action.all_changes_deployed, true);
    assert.equal(action.status, 'built');
    assert.deepEqual(
      action.secrets.map((secret) => secret.name),
      ['ASSENT_POLICY', 'ASSENT_REQUIRED_DOCUMENTS'],
    );
    assert.equal(action.deployed_version.number, 1);
    assert.equal(action.deployed_version.deployed, true);
    assert.equal(action.deployed_version.action_id, action.id);
    assert.deepEqual(
      action.deployed_version.secrets.map((secret) => secret.name),
      ['ASSENT_POLICY', 'ASSENT_REQUIRED_DOCUMENTS'],
    );
  });

  test('a pre-user-registration Action lists that trigger', async () => {
    assert.deepEqual((await actionNamed('assent-signup')).supported_triggers, [{ id: 'pre-user-registration', version: 'v2' }]);
  });

  test('filters by triggerId and actionName', async () => {
    assert.deepEqual(
      (await list('?triggerId=pre-user-registration')).actions.map((action) => action.name),
      ['assent-signup'],
    );
    assert.deepEqual((await list('?triggerId=post-change-password')).actions, []);
    assert.deepEqual(
      (await list('?actionName=assent-consent')).actions.map((action) => action.name),
      ['assent-consent'],
    );
    assert.equal((await list('?actionName=assent')).total, 0);
  });

  test('deployed=true keeps every Action (all are deployed); installed=true finds none (none is a Marketplace integration)', async () => {
    assert.equal((await list('?deployed=true')).total, 2);
    assert.equal((await list('?installed=true')).total, 0);
    assert.equal((await list('?installed=false')).total, 2);
  });

  test('pages with page (from 0) and per_page, total counting every match', async () => {
    const second = await list('?page=1&per_page=1');
    assert.deepEqual(
      second.actions.map((action) => action.name),
      ['assent-signup'],
    );
    assert.equal(second.total, 2);
    assert.equal(second.page, 1);
    assert.equal(second.per_page, 1);
    assert.deepEqual((await list('?page=2&per_page=1')).actions, []);
  });

  test('an unknown triggerId or a per_page out of range answers 400 naming the parameter', async () => {
    await expectError(await call('GET', '/actions/actions?triggerId=post-logon'), 400, /triggerId/);
    await expectError(await call('GET', '/actions/actions?per_page=0'), 400, /per_page/);
    await expectError(await call('GET', '/actions/actions?deployed=yes'), 400, /deployed/);
  });

  test('ids stay the same when the emulator restarts with the same tenant file', async () => {
    const before = (await list()).actions.map((action) => action.id);
    const again = await startEmulator({ port: 0, tenant: TENANT });
    try {
      const response = await management(again, 'GET', '/actions/actions', await m2mToken(again, 'read:actions'));
      assert.deepEqual(
        ((await response.json()) as ListView).actions.map((action) => action.id),
        before,
      );
    } finally {
      await again.stop();
    }
  });
});

describe('GET /api/v2/actions/actions/{id}', () => {
  test('returns the same view as the list', async () => {
    const listed = await actionNamed('assent-consent');
    const response = await call('GET', `/actions/actions/${listed.id}`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), listed);
  });

  test('an unknown id answers 404 with a Management API error body', async () => {
    const body = await expectError(await call('GET', '/actions/actions/00000000-0000-4000-8000-000000000000'), 404, 'The action does not exist.');
    assert.equal(body.error, 'Not Found');
  });
});

describe('scopes', () => {
  test('listing without read:actions answers 403 insufficient_scope', async () => {
    const body = await expectError(await call('GET', '/actions/actions', undefined, 'read:users'), 403, 'Insufficient scope, expected any of: read:actions');
    assert.equal(body.errorCode, 'insufficient_scope');
  });

  test('updating without update:actions answers 403 and leaves the draft alone', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(await call('PATCH', `/actions/actions/${id}`, { secrets: [] }, 'read:actions create:actions'), 403, 'Insufficient scope, expected any of: update:actions');
    assert.equal((await actionNamed('assent-consent')).secrets.length, 2);
  });

  test("deploying needs create:actions (Auth0's scope for deploy), update:actions is not enough", async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(await call('POST', `/actions/actions/${id}/deploy`, undefined, 'read:actions update:actions'), 403, 'Insufficient scope, expected any of: create:actions');
  });

  test('no token answers 401', async () => {
    const response = await fetch(`${emulator.current.url}/api/v2/actions/actions`);
    await expectError(response, 401, 'Missing authentication');
  });
});

describe('PATCH then deploy: new terms reach logins only once deployed', () => {
  test("a login before any change runs the tenant file's secrets", async () => {
    assert.equal(await policySeenAtLogin(), OLD_POLICY);
  });

  test('updating the secrets changes the draft only: logins keep the deployed value', async () => {
    const { id } = await actionNamed('assent-consent');
    const response = await publishNewTerms(id);
    assert.equal(response.status, 200);
    const updated = (await response.json()) as ActionView;
    assert.equal(updated.all_changes_deployed, false);
    assert.equal(updated.deployed_version.number, 1);
    assert.equal(await policySeenAtLogin(), OLD_POLICY);
  });

  test('deploying answers 202 with version 2, and logins from then on run the new secrets', async () => {
    const { id } = await actionNamed('assent-consent');
    await publishNewTerms(id);
    const response = await call('POST', `/actions/actions/${id}/deploy`);
    assert.equal(response.status, 202);
    const version = (await response.json()) as VersionView;
    assert.equal(version.number, 2);
    assert.equal(version.deployed, true);
    assert.equal(version.action_id, id);
    assert.equal(version.status, 'built');
    assert.equal(await policySeenAtLogin(), NEW_POLICY);
    const after = await actionNamed('assent-consent');
    assert.equal(after.all_changes_deployed, true);
    assert.equal(after.deployed_version.number, 2);
    assert.equal(after.deployed_version.id, version.id);
  });

  test('each deploy is a new version, even without changes', async () => {
    const { id } = await actionNamed('assent-consent');
    await call('POST', `/actions/actions/${id}/deploy`);
    const third = (await (await call('POST', `/actions/actions/${id}/deploy`)).json()) as VersionView;
    assert.equal(third.number, 3);
  });

  test('a pre-user-registration Action gets the deployed secrets at signup too', async () => {
    const { id } = await actionNamed('assent-signup');
    await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: 'ASSENT_POLICY', value: NEW_POLICY }] });
    const stamped = async () => {
      const email = uniqueEmail('stamp');
      const response = await signup(emulator.current, { email, password: PASSWORD });
      const userId = `auth0|${((await response.json()) as { _id: string })._id}`;
      const user = (await (await management(emulator.current, 'GET', path(userId), await m2mToken(emulator.current, 'read:users'))).json()) as { app_metadata?: Record<string, unknown> };
      return user.app_metadata?.signup_policy;
    };
    assert.equal(await stamped(), OLD_POLICY);
    await call('POST', `/actions/actions/${id}/deploy`);
    assert.equal(await stamped(), NEW_POLICY);
  });

  test("/__emulator/reset goes back to the tenant file's secrets", async () => {
    const { id } = await actionNamed('assent-consent');
    await publishNewTerms(id);
    await call('POST', `/actions/actions/${id}/deploy`);
    await fetch(`${emulator.current.url}/__emulator/reset`, { method: 'POST' });
    assert.equal(await policySeenAtLogin(), OLD_POLICY);
    assert.equal((await actionNamed('assent-consent')).deployed_version.number, 1);
  });
});

describe('PATCH secrets', () => {
  test("the list replaces the draft's secrets: a name not listed is removed once deployed", async () => {
    const { id } = await actionNamed('assent-consent');
    const response = await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: 'ASSENT_POLICY', value: NEW_POLICY }] });
    assert.deepEqual(
      ((await response.json()) as ActionView).secrets.map((secret) => secret.name),
      ['ASSENT_POLICY'],
    );
    await call('POST', `/actions/actions/${id}/deploy`);
    assert.deepEqual(await secretNamesSeenAtLogin(), ['ASSENT_POLICY']);
  });

  test('a listed secret without a value keeps its current value', async () => {
    const { id } = await actionNamed('assent-consent');
    await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: 'ASSENT_POLICY' }, { name: 'ASSENT_FIELD_PREFIX', value: 'terms_' }] });
    await call('POST', `/actions/actions/${id}/deploy`);
    assert.equal(await policySeenAtLogin(), OLD_POLICY);
    assert.deepEqual(await secretNamesSeenAtLogin(), ['ASSENT_FIELD_PREFIX', 'ASSENT_POLICY']);
  });

  test('an empty list removes every secret', async () => {
    const { id } = await actionNamed('assent-consent');
    const response = await call('PATCH', `/actions/actions/${id}`, { secrets: [] });
    assert.deepEqual(((await response.json()) as ActionView).secrets, []);
  });

  test('a body without secrets leaves them as they are', async () => {
    const { id } = await actionNamed('assent-consent');
    const response = await call('PATCH', `/actions/actions/${id}`, {});
    const view = (await response.json()) as ActionView;
    assert.equal(view.secrets.length, 2);
    assert.equal(view.all_changes_deployed, true);
  });

  test('secret values are never returned by list, get, update or deploy', async () => {
    const { id } = await actionNamed('assent-consent');
    const marker = 'value-that-must-never-be-echoed-7f3a';
    const texts = [await (await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: 'ASSENT_POLICY', value: marker }] })).text()];
    texts.push(await (await call('POST', `/actions/actions/${id}/deploy`)).text());
    texts.push(await (await call('GET', `/actions/actions/${id}`)).text());
    texts.push(await (await call('GET', '/actions/actions')).text());
    for (const text of texts) {
      assert.equal(text.includes(marker), false);
      assert.equal(text.includes(OLD_POLICY), false);
      assert.equal(text.includes('"value"'), false);
    }
    const secret = ((JSON.parse(texts[2] ?? '{}') as ActionView).secrets[0] ?? {}) as SecretView;
    assert.deepEqual(Object.keys(secret).sort(), ['name', 'updated_at']);
  });

  test('a secret name longer than 128 characters answers 400 naming the secret', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: 'A'.repeat(129), value: 'x' }] }), 400, /Secrets\[0\].*Name: value length must be between 1 and 128 runes/);
  });

  test('an empty secret name answers 400', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: '', value: 'x' }] }), 400, /Secrets\[0\].*Name/);
  });

  test('a secret value longer than 4096 characters answers 400 naming the secret', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(
      await call('PATCH', `/actions/actions/${id}`, {
        secrets: [
          { name: 'OK', value: 'x' },
          { name: 'BIG', value: 'x'.repeat(4097) },
        ],
      }),
      400,
      /Secrets\[1\].*Value: value length must be at most 4096/,
    );
  });

  test('more than 30 secrets answers 400', async () => {
    const { id } = await actionNamed('assent-consent');
    const secrets = Array.from({ length: 31 }, (_, index) => ({ name: `S${index}`, value: 'x' }));
    await expectError(await call('PATCH', `/actions/actions/${id}`, { secrets }), 400, /at most 30 secrets/);
  });

  test('a value that is not a string answers 400 naming the property', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(
      await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: 'ASSENT_POLICY', value: 42 }] }),
      400,
      /Expected type string but found type number' on property secrets\[0\]\.value/,
    );
  });

  test('secrets that are not an array answer 400', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(await call('PATCH', `/actions/actions/${id}`, { secrets: { ASSENT_POLICY: NEW_POLICY } }), 400, /Expected type array but found type object' on property secrets/);
  });

  test('a name listed twice answers 400', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(
      await call('PATCH', `/actions/actions/${id}`, {
        secrets: [
          { name: 'ASSENT_POLICY', value: 'a' },
          { name: 'ASSENT_POLICY', value: 'b' },
        ],
      }),
      400,
      /"ASSENT_POLICY" is listed twice/,
    );
  });

  test('a new secret without a value answers 400 naming it', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: 'BRAND_NEW' }] }), 400, /secrets\[0\] \("BRAND_NEW"\) has no value/);
  });

  test('a refused update changes nothing', async () => {
    const { id } = await actionNamed('assent-consent');
    await call('PATCH', `/actions/actions/${id}`, { secrets: [{ name: 'ASSENT_POLICY', value: 'x'.repeat(5000) }] });
    const after = await actionNamed('assent-consent');
    assert.equal(after.all_changes_deployed, true);
    assert.equal(after.secrets.length, 2);
  });
});

describe('PATCH other fields', () => {
  for (const [field, value] of [
    ['code', 'exports.onExecutePostLogin = async () => {};'],
    ['runtime', 'node18'],
    ['dependencies', [{ name: 'lodash', version: '4.17.21' }]],
    ['supported_triggers', [{ id: 'post-login', version: 'v3' }]],
  ] as const) {
    test(`${field} answers 400 naming the field instead of being ignored`, async () => {
      const { id } = await actionNamed('assent-consent');
      const body = await expectError(await call('PATCH', `/actions/actions/${id}`, { [field]: value }), 400, new RegExp(`cannot change ${field} `));
      assert.match(String(body.message), /show-secrets\.mjs/);
    });
  }

  test('an unknown field answers 400 naming it', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(await call('PATCH', `/actions/actions/${id}`, { secret: [] }), 400, "Payload validation error: 'Additional properties not allowed: secret'.");
  });

  test('a new name applies at once and keeps the id', async () => {
    const { id } = await actionNamed('assent-consent');
    const response = await call('PATCH', `/actions/actions/${id}`, { name: 'assent-consent-v2' });
    const view = (await response.json()) as ActionView;
    assert.equal(view.id, id);
    assert.equal(view.name, 'assent-consent-v2');
    assert.equal(view.all_changes_deployed, true);
  });

  test('the name of another Action answers 409', async () => {
    const { id } = await actionNamed('assent-consent');
    await expectError(await call('PATCH', `/actions/actions/${id}`, { name: 'assent-signup' }), 409, 'An action with the name "assent-signup" already exists.');
  });

  test('PATCH and deploy of an unknown id answer 404', async () => {
    await expectError(await call('PATCH', '/actions/actions/nope', { secrets: [] }), 404, 'The action does not exist.');
    await expectError(await call('POST', '/actions/actions/nope/deploy'), 404, 'The action does not exist.');
  });
});

describe('tenant file secrets', () => {
  test('a secret name over 128 characters is refused with its path', () => {
    const name = 'N'.repeat(129);
    assert.throws(
      () => parseTenantConfig({ actions: [{ module: './a.mjs', secrets: { [name]: 'x' } }] }),
      (error: unknown) => error instanceof TenantConfigError && error.path === `actions[0].secrets.${name}`,
    );
  });

  test('more than 30 secrets are refused', () => {
    const secrets = Object.fromEntries(Array.from({ length: 31 }, (_, index) => [`S${index}`, 'x']));
    assert.throws(
      () => parseTenantConfig({ actions: [{ module: './a.mjs', secrets }] }),
      (error: unknown) => error instanceof TenantConfigError && error.path === 'actions[0].secrets',
    );
  });
});
