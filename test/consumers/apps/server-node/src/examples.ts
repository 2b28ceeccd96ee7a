// Runs the README programs compiled into this app (readme-mount, readme-actions,
// readme-universal-login) as a user runs them: each in its own process, configured by environment
// variables, against a tenant of the emulator over HTTPS whose CA the process trusts through
// NODE_EXTRA_CA_CERTS. Checks what each did through the tenant, and prints one JSON line of what
// it saw; exits non-zero when a program fails.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultTenantConfig, startEmulator, type RunningEmulator, type TenantConfig } from '@assent/auth0-emulator';

const SPA = 'assent-demo-spa';
const M2M = 'assent-demo-m2m';
const CONNECTION = 'Username-Password-Authentication';
const POLICY_CLAIM = 'https://acme.example/policy';
const DIST = fileURLToPath(new URL('.', import.meta.url));
const work = await mkdtemp(join(tmpdir(), 'assent-consumer-examples-'));

const machineSecret = defaultTenantConfig().clients?.find((client) => client.client_id === M2M)?.client_secret;
if (!machineSecret) throw new Error('the default tenant has no machine client');

/** An HTTPS request to the emulator that trusts its CA (this process started before the CA existed). */
async function call(emulator: RunningEmulator, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const url = new URL(path, emulator.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
    const sent = request(url, { method, headers, ca: emulator.caCert }, resolve);
    sent.on('error', reject);
    sent.end(payload);
  });
  let text = '';
  for await (const chunk of response) text += chunk;
  return { status: response.statusCode ?? 0, json: text ? JSON.parse(text) : null };
}

async function managementToken(emulator: RunningEmulator): Promise<string> {
  const { json } = await call(emulator, 'POST', '/oauth/token', { grant_type: 'client_credentials', client_id: M2M, client_secret: machineSecret, audience: `${emulator.tenant.issuer}api/v2/` });
  return (json as { access_token: string }).access_token;
}

/** The environment a README program reads: the tenant, the machine client, the trusted CA. */
async function programEnv(emulator: RunningEmulator): Promise<NodeJS.ProcessEnv> {
  const caFile = join(work, `ca-${emulator.port}.pem`);
  await writeFile(caFile, emulator.caCert ?? '');
  return { ...process.env, AUTH0_DOMAIN: emulator.tenant.domain, AUTH0_CLIENT_ID: M2M, AUTH0_CLIENT_SECRET: machineSecret, NODE_EXTRA_CA_CERTS: caFile };
}

const runProgram = (file: string, env: NodeJS.ProcessEnv, cwd = DIST) => promisify(execFile)(process.execPath, [join(DIST, file)], { env, cwd });

async function withEmulator<T>(tenant: TenantConfig, use: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0, https: true, tenant });
  try {
    return await use(emulator);
  } finally {
    await emulator.stop();
  }
}

/** readme-mount: the handler under /assent, the app's own route beside it. */
async function mount(): Promise<Record<string, unknown>> {
  return withEmulator(defaultTenantConfig(), async (emulator) => {
    const child = spawn(process.execPath, [join(DIST, 'readme-mount.js')], { env: { ...(await programEnv(emulator)), PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = (await Promise.race([
        once(createInterface({ input: child.stdout }), 'line'),
        once(child, 'exit').then(([code]) => Promise.reject(new Error(`readme-mount exited with ${code}`))),
      ])) as [string];
      const origin = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (!origin) throw new Error(`readme-mount printed ${line}`);
      const consent = await fetch(`${origin}/assent/consent`);
      const home = await fetch(`${origin}/`);
      return { consentStatus: consent.status, consentError: ((await consent.json()) as { error?: string }).error, appStatus: home.status, appText: (await home.text()).trim() };
    } finally {
      child.kill();
    }
  });
}

/** readme-actions: new secrets deployed; the next login runs them. */
async function actions(): Promise<Record<string, unknown>> {
  const module = join(work, 'assent-consent.cjs');
  await writeFile(module, `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('${POLICY_CLAIM}', event.secrets.ASSENT_POLICY ?? null); };\n`);
  const tenant: TenantConfig = { ...defaultTenantConfig(), actions: [{ module, name: 'assent-consent', secrets: { ASSENT_POLICY: 'acme-signup@2026-11-01' } }] };
  return withEmulator(tenant, async (emulator) => {
    const { stdout } = await runProgram('readme-actions.js', await programEnv(emulator));
    const email = `ada+${Date.now()}@example.com`;
    const password = 'Correct-Horse-Battery-9';
    const signup = await call(emulator, 'POST', '/dbconnections/signup', { client_id: SPA, connection: CONNECTION, email, password });
    if (signup.status !== 200) throw new Error(`signup answered ${signup.status}`);
    const login = await call(emulator, 'POST', '/oauth/token', {
      grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
      client_id: SPA,
      username: email,
      password,
      realm: CONNECTION,
      scope: 'openid',
    });
    const idToken = (login.json as { id_token?: string }).id_token ?? '';
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as Record<string, unknown>;
    return { printed: stdout.trim(), loginPolicy: claims[POLICY_CLAIM] };
  });
}

/** readme-universal-login: a dry run, then the deployment; the signup prompt then has the partials. */
async function universalLogin(): Promise<Record<string, unknown>> {
  const action = fileURLToPath(import.meta.resolve('@assent/server/actions/pre-user-registration.js'));
  const tenant: TenantConfig = {
    ...defaultTenantConfig(),
    actions: [{ module: action, name: 'assent-pre-user-registration', secrets: { ASSENT_POLICY: 'acme-signup@2026-01-01', ASSENT_REQUIRED_PURPOSES: 'terms' } }],
  };
  return withEmulator(tenant, async (emulator) => {
    const token = await managementToken(emulator);
    const template = '<!DOCTYPE html><html lang="{{ locale }}"><head>{%- auth0:head -%}</head><body>{%- auth0:widget -%}</body></html>';
    const installed = await call(emulator, 'PUT', '/api/v2/branding/templates/universal-login', { template }, token);
    if (installed.status !== 201) throw new Error(`the page template answered ${installed.status}`);
    // The program reads consent-policy.json from its working directory: run it in the sources' folder.
    const { stdout } = await runProgram('readme-universal-login.js', await programEnv(emulator), join(DIST, '..', 'src'));
    const partials = await call(emulator, 'GET', '/api/v2/prompts/signup/partials', undefined, token);
    return { printedLines: stdout.trim().split('\n').length, signupPartials: Object.keys((partials.json as { signup?: object } | null)?.signup ?? {}) };
  });
}

console.log(JSON.stringify({ mount: await mount(), actions: await actions(), universalLogin: await universalLogin() }));
