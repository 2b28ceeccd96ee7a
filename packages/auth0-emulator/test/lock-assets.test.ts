import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { describe, test } from 'node:test';
import { useEmulator } from './helpers.js';

const require = createRequire(import.meta.url);
const emulator = useEmulator({
  tenant: {
    clients: [{ client_id: 'lock-app', callbacks: ['http://localhost:5173/'] }],
    connections: [{ name: 'Users', options: { passwordPolicy: 'excellent', password_complexity_options: { min_length: 12 } } }],
  },
});

/** Runs a script the way Lock loads it, with a stub `Auth0` global that records calls. */
function evaluate(script: string): { method: string; args: unknown[] }[] {
  const calls: { method: string; args: unknown[] }[] = [];
  const Auth0 = new Proxy(
    {},
    {
      get:
        (_target, method) =>
        (...args: unknown[]) =>
          calls.push({ method: String(method), args }),
    },
  );
  runInNewContext(script, { Auth0 });
  // Objects built inside the VM have the VM's prototypes: compare them as plain JSON.
  return JSON.parse(JSON.stringify(calls)) as typeof calls;
}

describe('what Lock loads', () => {
  test('/client/{id}.js calls Auth0.setClient with the client, tenant and password policy', async () => {
    const response = await fetch(`${emulator.current.url}/client/lock-app.js?t123`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/javascript/);
    const [call] = evaluate(await response.text());
    assert.equal(call?.method, 'setClient');
    assert.deepEqual(call?.args[0], {
      id: 'lock-app',
      tenant: 'assent-dev',
      subscription: 'free',
      authorize: `${emulator.current.url}/authorize`,
      callback: 'http://localhost:5173/',
      hasAllowedOrigins: false,
      strategies: [
        {
          name: 'auth0',
          connections: [
            {
              name: 'Users',
              showSignup: true,
              showForgot: true,
              requires_username: false,
              passwordPolicy: 'excellent',
              password_complexity_options: { min_length: 12 },
            },
          ],
        },
      ],
    });
  });

  test('an unknown client gets 404 (Lock then shows its error screen)', async () => {
    assert.equal((await fetch(`${emulator.current.url}/client/nope.js`)).status, 404);
  });

  test('/js/lock/{version}/{lang}.js registers the dictionary shipped with the installed auth0-lock', async () => {
    for (const lang of ['en', 'de', 'pt-br']) {
      const response = await fetch(`${emulator.current.url}/js/lock/14.3.0/${lang}.js`);
      assert.equal(response.status, 200, lang);
      const [call] = evaluate(await response.text());
      assert.equal(call?.method, 'registerLanguageDictionary');
      assert.equal(call?.args[0], lang);
      const shipped = (require(`auth0-lock/lib/i18n/${lang}.js`) as { default: unknown }).default;
      assert.deepEqual(call?.args[1], JSON.parse(JSON.stringify(shipped)));
    }
  });

  test('an unknown language answers 404', async () => {
    assert.equal((await fetch(`${emulator.current.url}/js/lock/14.3.0/xx.js`)).status, 404);
    assert.equal((await fetch(`${emulator.current.url}/js/lock/14.3.0/..%2Fen.js`)).status, 404);
  });
});
