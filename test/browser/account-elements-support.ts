/**
 * Helpers of the account elements' browser tests (<assent-withdraw-button>, <assent-consent-status>,
 * <assent-reconsent>): a real user signed up on the run's emulator, a real consent client with the
 * user's own Management API token, and a transport that can hold a write while a test looks at the
 * busy state (it forwards every request to the real fetch transport; nothing is faked).
 */
import { createConsentClient, fetchManagementTransport, memoryOutbox, verifiedSignupConsent, type ConsentClient, type ConsentPolicy, type ManagementTransport } from '@assent/core';
import { emulatorInfo, type EmulatorInfo } from '../support/emulator-info.js';
import { asBackend, signUp, testPolicy, userToken, type TestUser } from './consent-support.js';

/** A signed-in user of the emulator and their consent client. */
export interface SignedIn {
  readonly emulator: EmulatorInfo;
  readonly user: TestUser;
  readonly client: ConsentClient;
  /** Another client of the same user (as another page would make) on `policy`: the page after the policy changed. */
  clientFor(policy: ConsentPolicy): ConsentClient;
  /** The user's `consent` object as the emulator stores it (read with the machine client). */
  stored(): Promise<{ given: boolean; purposes: Record<string, boolean>; history: { id: string; event: string; purposes: string[] }[] }>;
}

const clients: ConsentClient[] = [];

/** Closes every client the helpers made (call in `afterEach`). */
export function closeClients(): void {
  for (const client of clients.splice(0)) client.close();
}

/**
 * Signs a user up with the consent fields of `accepted` on `signupPolicy` (none when null) and
 * returns their consent client on `policy`. With `recorded` (the default) the backend then copies
 * the verified signup into the record, `app_metadata.consent`, as the pre-user-registration Action
 * or the server does; without it the signup stays the user's claim. The outbox is in memory (each
 * test its own) and does not retry by itself, so a test decides when queued events are sent
 * (`client.flush()`).
 */
export async function signedIn({
  accepted = ['terms', 'marketing'] as string[] | null,
  policy = testPolicy(),
  signupPolicy = testPolicy(),
  transport = undefined as ManagementTransport | undefined,
  recorded = true,
} = {}): Promise<SignedIn> {
  const emulator = await emulatorInfo();
  const user = await signUp(emulator, signupPolicy, accepted);
  if (recorded && accepted) {
    const stored = await asBackend(emulator, user.userId);
    const consent = await verifiedSignupConsent(stored.user_metadata as Record<string, unknown>, signupPolicy);
    if (!consent) throw new Error('the signup fields do not verify against the signup policy');
    await asBackend(emulator, user.userId, 'PATCH', { app_metadata: { consent } });
  }
  const token = await userToken(emulator, user);
  const clientFor = (current: ConsentPolicy): ConsentClient => {
    const client = createConsentClient({
      domain: emulator.url,
      userId: user.userId,
      getAccessToken: () => token,
      policy: current,
      outbox: memoryOutbox(),
      autoFlush: false,
      ...(transport && { transport }),
    });
    clients.push(client);
    return client;
  };
  return {
    emulator,
    user,
    client: clientFor(policy),
    clientFor,
    stored: async () => ((await asBackend(emulator, user.userId)).user_metadata as { consent: Awaited<ReturnType<SignedIn['stored']>> }).consent,
  };
}

/** A transport over the real one whose writes can be held: `hold()` makes the next PATCHes wait until `release()`. */
export function holdingTransport(): { transport: ManagementTransport; hold(): void; release(): void } {
  const real = fetchManagementTransport();
  let gate: Promise<void> | null = null;
  let open = (): void => undefined;
  return {
    transport: {
      getUser: (request) => real.getUser(request),
      async patchUserMetadata(request, metadata) {
        if (gate) await gate;
        return real.patchUserMetadata(request, metadata);
      },
    },
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };
}
