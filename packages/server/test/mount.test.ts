/**
 * Mounting the handler in an existing Node app (the README's example): requests under the base path
 * reach the handler, everything else stays the app's.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createConsentHandler } from '../src/index.js';
import { toNodeListener } from '../src/node/index.js';

const policy = {
  id: 'acme-signup',
  version: '1',
  controller: { name: 'Acme GmbH' },
  documents: [{ id: 'terms', url: 'https://acme.example/terms', version: '1' }],
  purposes: [{ id: 'terms', required: true, basis: 'contract', documents: ['terms'] }],
};

test('under an existing node:http app, /assent/* reaches the handler and the rest stays the app’s', async () => {
  const handler = createConsentHandler({
    auth0: { domain: 'acme.eu.auth0.com', clientId: 'backend', clientSecret: 'secret' },
    audience: 'https://api.acme.example/',
    policy,
    basePath: '/assent',
    allowedOrigins: ['https://app.acme.example'],
  });
  const assent = toNodeListener(handler);
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/assent/')) return assent(request, response);
    response.end('the app');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    assert.equal(await (await fetch(`${base}/home`)).text(), 'the app');
    const consent = await fetch(`${base}/assent/consent`);
    assert.equal(consent.status, 401);
    assert.equal(((await consent.json()) as { error: string }).error, 'invalid_token');
    const preflight = await fetch(`${base}/assent/consent`, { method: 'OPTIONS', headers: { origin: 'https://app.acme.example', 'access-control-request-method': 'GET' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://app.acme.example');
    assert.equal((await fetch(`${base}/assent/unknown`)).status, 404);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
