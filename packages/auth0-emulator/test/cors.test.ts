import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APP_ORIGIN, PASSWORD, uniqueEmail, useEmulator } from './helpers.js';

const emulator = useEmulator({
  tenant: {
    clients: [{ client_id: 'assent-demo-spa', callbacks: ['http://localhost:5173/'], allowed_origins: ['http://127.0.0.1:8080'], web_origins: ['http://localhost:9000'] }],
  },
});

async function preflight(origin: string, path = '/dbconnections/signup'): Promise<Response> {
  return fetch(`${emulator.current.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,auth0-client,authorization' },
  });
}

describe("CORS follows the tenant's allowed origins", () => {
  test('a preflight from an allowed origin is answered with that origin, credentials and the requested headers', async () => {
    const response = await preflight('http://127.0.0.1:8080');
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8080');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /auth0-client/);
  });

  test('web_origins and the origins of callback URLs are allowed too', async () => {
    assert.equal((await preflight('http://localhost:9000')).headers.get('access-control-allow-origin'), 'http://localhost:9000');
    assert.equal((await preflight(APP_ORIGIN)).headers.get('access-control-allow-origin'), APP_ORIGIN);
  });

  test('a preflight from another origin gets no Access-Control-Allow-Origin', async () => {
    const response = await preflight('https://evil.example');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  test('a credentialed response echoes the allowed origin (never *) and varies on Origin', async () => {
    const response = await fetch(`${emulator.current.url}/dbconnections/signup`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:8080', 'content-type': 'application/json', cookie: 'a=b' },
      body: JSON.stringify({ client_id: 'assent-demo-spa', connection: 'Username-Password-Authentication', email: uniqueEmail(), password: PASSWORD }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8080');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  test('an error answer still carries CORS headers, so the browser can read it', async () => {
    const response = await fetch(`${emulator.current.url}/dbconnections/signup`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'assent-demo-spa', connection: 'Username-Password-Authentication', password: PASSWORD }),
    });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('access-control-allow-origin'), APP_ORIGIN);
  });

  test('the JWKS is public (*) for any origin', async () => {
    const response = await fetch(`${emulator.current.url}/.well-known/jwks.json`, { headers: { origin: 'https://anyone.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });
});
