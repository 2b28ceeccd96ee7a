import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TenantConfigError, defaultTenantConfig, loadTenantFile, parseTenantConfig, startEmulator } from '../src/index.js';
import { parseCliArgs } from '../src/cli/args.js';
import { PASSWORD, postJson } from './helpers.js';

function refusal(config: unknown): { path: string; message: string } {
  try {
    parseTenantConfig(config);
  } catch (error) {
    assert.ok(error instanceof TenantConfigError);
    return { path: error.path, message: error.message };
  }
  assert.fail('the configuration was accepted');
}

describe('tenant file validation names the field', () => {
  test('a callback that is not an http(s) URL', () => {
    assert.equal(refusal({ clients: [{ client_id: 'a', callbacks: ['http://ok/', 'javascript:alert(1)'] }] }).path, 'clients[0].callbacks[1]');
  });

  test('an unknown field (usually a typo)', () => {
    const { path, message } = refusal({ clients: [{ client_id: 'a', callback: ['http://ok/'] }] });
    assert.equal(path, 'clients[0].callback');
    assert.match(message, /unknown field/);
  });

  test('a machine client without a secret', () => {
    assert.equal(refusal({ clients: [{ client_id: 'm', app_type: 'non_interactive' }] }).path, 'clients[0].client_secret');
  });

  test('an unknown password policy level', () => {
    assert.equal(refusal({ connections: [{ name: 'db', options: { passwordPolicy: 'strong' } }] }).path, 'connections[0].options.passwordPolicy');
  });

  test('an origin with a path', () => {
    assert.equal(refusal({ clients: [{ client_id: 'a', allowed_origins: ['http://localhost:5173/app'] }] }).path, 'clients[0].allowed_origins[0]');
  });

  test('duplicate client ids', () => {
    assert.equal(refusal({ clients: [{ client_id: 'a' }, { client_id: 'a' }] }).path, 'clients[1]');
  });

  test('seed user metadata names with "$"', () => {
    assert.equal(refusal({ users: [{ email: 'a@b.co', password: 'x', user_metadata: { $bad: 1 } }] }).path, 'users[0].user_metadata.$bad');
  });

  test('a fault rule with a status but no kind', () => {
    assert.equal(refusal({ faults: { rules: [{ path: '/x', status: 429 }] } }).path, 'faults.rules[0].status');
  });

  test('the default tenant is valid', () => {
    assert.doesNotThrow(() => parseTenantConfig(defaultTenantConfig()));
  });

  test('cross references are checked at start: a grant for an undeclared API', async () => {
    await assert.rejects(
      startEmulator({ port: 0, tenant: { clients: [{ client_id: 'm', app_type: 'non_interactive', client_secret: '0123456789abcdef', grants: [{ audience: 'https://api/', scope: [] }] }] } }),
      (error: unknown) => error instanceof TenantConfigError && error.path === 'clients[0].grants[0].audience',
    );
  });
});

describe('tenant files', () => {
  test('a file that is not JSON is refused with its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assent-tenant-'));
    try {
      await writeFile(join(dir, 'tenant.json'), '{ nope');
      await assert.rejects(loadTenantFile(join(dir, 'tenant.json')), /is not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('seed users exist at start and can log in', async () => {
    const running = await startEmulator({ port: 0, tenant: { users: [{ email: 'seed@example.com', password: PASSWORD, app_metadata: { role: 'admin' } }] } });
    try {
      const response = await postJson(`${running.url}/oauth/token`, {
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: 'assent-demo-spa',
        username: 'seed@example.com',
        password: PASSWORD,
        realm: 'Username-Password-Authentication',
      });
      assert.equal(response.status, 200);
    } finally {
      await running.stop();
    }
  });

  test("the effective tenant lists clients, the machine client's secret and grants, and connections", async () => {
    const running = await startEmulator({ port: 0 });
    try {
      const { tenant } = running;
      assert.equal(tenant.domain, new URL(running.url).host);
      assert.equal(tenant.issuer, `${running.url}/`);
      assert.equal(tenant.managementAudience, `${running.url}/api/v2/`);
      const m2m = tenant.clients.find((client) => client.app_type === 'non_interactive');
      assert.equal(m2m?.client_secret, 'assent-dev-m2m-secret-not-for-production');
      assert.deepEqual(m2m?.grants[0]?.audience, tenant.managementAudience);
      assert.ok(m2m?.grants[0]?.scope.includes('update:users_app_metadata'));
      assert.deepEqual(
        tenant.connections.map((c) => c.name),
        ['Username-Password-Authentication'],
      );
    } finally {
      await running.stop();
    }
  });
});

describe('command line', () => {
  test('parses every option', () => {
    assert.deepEqual(parseCliArgs(['--port', '0', '--host', '127.0.0.1', '--tenant', 't.json', '--data', 's.json', '--https', '--cert-dir', 'certs', '--admin']), {
      port: 0,
      host: '127.0.0.1',
      tenant: 't.json',
      dataFile: 's.json',
      https: true,
      certDir: 'certs',
      enableAdmin: true,
    });
  });

  test('refuses a port that is not a number', () => {
    assert.throws(() => parseCliArgs(['--port', 'eighty']), /--port must be an integer/);
  });

  test('refuses an unknown option', () => {
    assert.throws(() => parseCliArgs(['--verbose']), /verbose/);
  });
});
