/**
 * The "ACUL signup" page's server side: it builds the example custom screens
 * (examples/acul-signup: `@auth0/auth0-acul-js`, `<assent-terms>`, the ACUL adapter) with Vite for
 * the published policy, serves the two files as a CDN would (CORS, checked by their SRI hashes), and
 * switches the tenant's `signup`, `signup-id` and `signup-password` screens between advanced and
 * standard rendering with the official `auth0` SDK (`PATCH /api/v2/prompts/{prompt}/screen/{screen}/rendering`).
 *
 *   GET /assent-demo/acul                    { policy, screens: { <screen>: rendering } }
 *   PUT /assent-demo/acul/rendering          { advanced: boolean } -> { policy, screens, build? }
 *   GET /assent-demo/acul/assets/<file>      the built acul-signup.js / acul-signup.css
 */
import { ManagementClient } from 'auth0';
import type { Plugin } from 'vite';
import type { ConsentPolicy } from '@assent/core';
import type { RunningEmulator } from '@assent/auth0-emulator';
import { buildAculSignup, headTags, type AculSignupBuild } from '@assent/example-acul-signup/build';
import { machineClient } from './inspector-routes.js';
import { answer, readJson } from './json-route.js';
import { serial } from './serial.js';

const SCREENS = ['signup', 'signup-id', 'signup-password'] as const;
const ASSETS = '/assent-demo/acul/assets/';

export function aculRoutes(emulator: RunningEmulator, fetch: typeof globalThis.fetch, policy: () => ConsentPolicy): Plugin {
  const { clientId, clientSecret } = machineClient(emulator);
  const management = new ManagementClient({ domain: new URL(emulator.url).host, clientId, clientSecret, fetch });
  // One build per published policy: the screens show that policy, and the Action proves against it.
  const builds = new Map<string, Promise<AculSignupBuild>>();
  const built = (current: ConsentPolicy) => {
    const key = `${current.id}@${current.version}`;
    let build = builds.get(key);
    if (!build) {
      build = buildAculSignup({ policy: current });
      build.catch(() => builds.delete(key));
      builds.set(key, build);
    }
    return build;
  };
  const screens = async () => Object.fromEntries(await Promise.all(SCREENS.map(async (screen) => [screen, await management.prompts.rendering.get(screen, screen)] as const)));
  const inTurn = serial();

  return {
    name: 'assent-acul-deployer',
    configureServer(server) {
      server.middlewares.use('/assent-demo/acul', (req, res) => {
        const path = req.url?.split('?')[0] ?? '/';
        const failed = (error: unknown) => answer(res, 502, { error: 'acul_failed', message: error instanceof Error ? error.message : String(error) });
        if (path.startsWith('/assets/') && req.method === 'GET') {
          built(policy())
            .then((files) => {
              const file = [files.script, files.style].find((candidate) => `/assets/${candidate.fileName}` === path);
              if (!file) return answer(res, 404, { error: 'not_found', message: path });
              res.statusCode = 200;
              res.setHeader('content-type', `${file.contentType}; charset=utf-8`);
              // Loaded by the emulator's page (another origin) as a module script with integrity: a CORS request.
              res.setHeader('access-control-allow-origin', '*');
              res.setHeader('cache-control', 'no-store');
              res.end(file.code);
            })
            .catch(failed);
          return;
        }
        if (path === '/' && req.method === 'GET') {
          screens()
            .then((current) => answer(res, 200, { policy: `${policy().id}@${policy().version}`, screens: current }))
            .catch(failed);
          return;
        }
        if (path === '/rendering' && req.method === 'PUT') {
          readJson(req)
            .then((body) => {
              const advanced = (body as { advanced?: unknown } | undefined)?.advanced;
              if (typeof advanced !== 'boolean') return answer(res, 400, { error: 'invalid_request', message: 'advanced must be true or false' });
              return inTurn(async () => {
                const current = policy();
                const files = advanced ? await built(current) : undefined;
                const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
                const rendering = files
                  ? { rendering_mode: 'advanced' as const, context_configuration: ['untrusted_data.submitted_form_data'], head_tags: headTags(files, `${origin}${ASSETS}`) }
                  : { rendering_mode: 'standard' as const };
                for (const screen of SCREENS) await management.prompts.rendering.update(screen, screen, rendering);
                const build = files && { script: { bytes: files.script.code.length, integrity: files.script.integrity }, style: { bytes: files.style.code.length, integrity: files.style.integrity } };
                answer(res, 200, { policy: `${current.id}@${current.version}`, screens: await screens(), ...(build ? { build } : {}) });
              });
            })
            .catch(failed);
          return;
        }
        answer(res, 405, { error: 'method_not_allowed', message: 'GET /, PUT /rendering or GET /assets/<file>' });
      });
    },
  };
}
