// Mounts the consent handler on a local tenant (the emulator, over HTTPS as Auth0 is), checks that
// it answers, then runs `assent-consent-report` against the same tenant. Prints one JSON line of
// what it saw; exits non-zero when something is off.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultTenantConfig, startEmulator } from '@assent/auth0-emulator';
import { createConsentHandler, type ConsentStateBody } from '@assent/server';
import { serveConsentHandler } from '@assent/server/node';
import policy from './consent-policy.json' with { type: 'json' };

const machine = defaultTenantConfig().clients?.find((client) => client.client_id === 'assent-demo-m2m');
if (!machine?.client_secret) throw new Error('the default tenant has no machine client');
const work = await mkdtemp(join(tmpdir(), 'assent-consumer-'));
const emulator = await startEmulator({ port: 0, https: true, dataFile: join(work, 'tenant.json') });
const caFile = join(work, 'ca.pem');
await writeFile(caFile, emulator.caCert ?? '');

const handler = createConsentHandler({
  auth0: { domain: emulator.tenant.domain, clientId: machine.client_id, clientSecret: machine.client_secret },
  audience: 'https://api.acme.example/',
  policy,
  allowedOrigins: ['https://app.acme.example'],
});
const server = await serveConsentHandler(handler, { port: 0 });
try {
  const anonymous = await fetch(`${server.url}/consent`);
  const body = (await anonymous.json()) as Partial<ConsentStateBody> & { error?: string };
  const output = join(work, 'consents.csv');
  const report = await promisify(execFile)(
    join('node_modules', '.bin', 'assent-consent-report'),
    ['--domain', emulator.tenant.domain, '--client-id', machine.client_id, '--policy', join('src', 'consent-policy.json'), '--output', output],
    { env: { ...process.env, AUTH0_CLIENT_SECRET: machine.client_secret, NODE_EXTRA_CA_CERTS: caFile } },
  );
  const csv = await readFile(output, 'utf8');
  console.log(JSON.stringify({ status: anonymous.status, error: body.error, reportHeader: csv.split('\r\n')[0], reportStderr: report.stderr.length > 0 }));
} finally {
  await server.close();
  await emulator.stop();
}
