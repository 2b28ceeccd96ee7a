// Dev-server plugins for browser tests. Later issues add the emulator and Lock bundling here.
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { assentEmulatorPlugin } from './support/wtr-emulator-plugin.mjs';

/**
 * Responses a test controls, for elements that fetch (e.g. `<assent-terms policy-src>`):
 *
 *   GET /__assent/held/<token>             waits until the test releases <token>
 *   GET /__assent/release/<token>?body=    answers the held request with that body (JSON)
 *
 * The held request stays pending for as long as the test needs to look at the loading state, with
 * no timers involved. Either request may come first.
 */
function heldResponses() {
  const held = new Map();
  const slot = (token) => {
    if (!held.has(token)) {
      let release;
      const response = new Promise((resolve) => (release = resolve));
      held.set(token, { response, release });
    }
    return held.get(token);
  };
  return {
    name: 'assent-held-responses',
    async serve(context) {
      const [, prefix, action, token] = context.path.split('/');
      if (prefix !== '__assent' || !token) return undefined;
      if (action === 'held') {
        const body = await slot(token).response;
        held.delete(token);
        return { body, type: 'application/json' };
      }
      if (action === 'release') {
        slot(token).release(String(context.query.body ?? ''));
        return { body: 'released', type: 'text/plain' };
      }
      return undefined;
    },
  };
}

export function browserTestPlugins() {
  // assentEmulatorPlugin: one Auth0 emulator for the run (GET /__assent/emulator.json) and the
  // pre-bundled auth0-lock (GET /__assent/auth0-lock.js); see test/support/README.md.
  return [a11ySnapshotPlugin(), heldResponses(), assentEmulatorPlugin()];
}
