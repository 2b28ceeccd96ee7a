// The account elements' states, without a signed-in user: each card's consent client talks to an
// in-memory Management API (memory-management.ts) whose user was given a history through a real
// consent client first, exactly as the account page's user gets one on the emulator.
import '@assent/elements/define/assent-consent-status.js';
import '@assent/elements/define/assent-withdraw-button.js';
import '@assent/elements/define/assent-reconsent.js';
import { createConsentClient, createDecision, en, memoryOutbox, type ConsentClient, type ConsentPolicy, type ManagementTransport } from '@assent/core';
import { FOLLOWS_LANG, type BuiltCard, type CardSpec } from './card.js';
import { expiredTokenManagement, memoryManagement } from './memory-management.js';
import { accountPolicy, newOptionalPurposePolicy, newTermsPolicy } from './policies.js';

const USER_ID = 'auth0|gallery-user';

type AccountTag = 'assent-consent-status' | 'assent-withdraw-button' | 'assent-reconsent';

/** A decision of the past: `accepted` on `date` (fixed, so the screenshots do not change by the day). */
interface PastDecision {
  readonly accepted: readonly string[];
  readonly at: string;
}

function client(transport: ManagementTransport, policy: ConsentPolicy): ConsentClient {
  // A placeholder tenant: the transport answers, nothing is sent. A memory outbox: nothing outlives the page.
  return createConsentClient({ domain: 'acme.example', userId: USER_ID, policy, getAccessToken: () => 'gallery-token', transport, outbox: memoryOutbox() });
}

/**
 * A user whose consent history was written by a real consent client on `policy`, then withdrawn
 * when asked, and recorded by the backend too (app_metadata.consent, the record), as
 * @assent/server or the Actions record verified decisions: without a record the elements would
 * show the user's own copy as an unverified claim.
 */
async function userWith(policy: ConsentPolicy, decisions: readonly PastDecision[], withdrawAll = false): Promise<ManagementTransport> {
  const management = memoryManagement({ user_id: USER_ID, email: 'ann@acme.example', user_metadata: {} });
  const recorder = client(management.transport, policy);
  try {
    for (const { accepted, at } of decisions) await recorder.give(await createDecision(policy, { accepted, locale: 'en', messages: en, at: new Date(at) }));
    if (withdrawAll) await recorder.withdraw();
  } finally {
    recorder.close();
  }
  const written = management.user();
  const consent = written.user_metadata?.consent;
  return consent ? memoryManagement({ ...written, app_metadata: { consent } }).transport : management.transport;
}

const HISTORY: readonly PastDecision[] = [
  { accepted: ['terms'], at: '2026-11-02T09:30:00Z' },
  { accepted: ['terms', 'marketing', 'analytics'], at: '2026-11-09T14:05:00Z' },
  { accepted: ['terms', 'marketing'], at: '2026-11-20T18:45:00Z' },
];

/**
 * A card whose element gets a consent client over `transport()` on `policy`. With `onDemand`, the
 * client is handed over only when the user presses the card's button (for a dialog that opens by itself).
 */
function accountCard(tag: AccountTag, policy: ConsentPolicy, transport: () => Promise<ManagementTransport>, onDemand?: string): BuiltCard {
  const element = document.createElement(tag);
  element.setAttribute(FOLLOWS_LANG, '');
  let consent: ConsentClient | null = null;
  const connect = async () => {
    consent ??= client(await transport(), policy);
    element.client = consent;
    await element.updateComplete;
  };
  const dispose = () => consent?.close();
  if (!onDemand) return { content: element, afterConnect: connect, dispose };
  const wrapper = document.createElement('div');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'gallery-show';
  button.textContent = onDemand;
  button.addEventListener('click', () => void connect());
  wrapper.append(button, element);
  return { content: wrapper, dispose };
}

/** The account elements' cards, in the order a designer reads them. */
export const ACCOUNT_CARDS: readonly CardSpec[] = [
  {
    id: 'status-given',
    title: '<assent-consent-status>: given, with a history',
    note: 'Three decisions recorded: terms only, then every purpose, then analytics unticked.',
    build: () => accountCard('assent-consent-status', accountPolicy, () => userWith(accountPolicy, HISTORY)),
  },
  {
    id: 'status-withdrawn',
    title: '<assent-consent-status>: withdrawn',
    note: 'Given on 2 November, withdrawn entirely when the gallery loaded.',
    build: () => accountCard('assent-consent-status', accountPolicy, () => userWith(accountPolicy, HISTORY.slice(0, 1), true)),
  },
  {
    id: 'status-none',
    title: '<assent-consent-status>: none recorded',
    note: 'A user without any consent in user_metadata.',
    build: () => accountCard('assent-consent-status', accountPolicy, () => userWith(accountPolicy, [])),
  },
  {
    id: 'withdraw-idle',
    title: '<assent-withdraw-button>: idle',
    note: 'Consent given. Pressing it opens the dialog (withdrawing here changes only this card’s in-memory user).',
    build: () => accountCard('assent-withdraw-button', accountPolicy, () => userWith(accountPolicy, HISTORY)),
  },
  {
    id: 'withdraw-error',
    title: '<assent-withdraw-button>: error',
    note: 'The Management API refuses the user’s token (401, expired): the consent cannot be read.',
    build: () => accountCard('assent-withdraw-button', accountPolicy, async () => expiredTokenManagement()),
  },
  {
    id: 'reconsent-required',
    title: '<assent-reconsent>: a required document changed',
    note: 'Given on Terms 3.1; the policy now has Terms 3.2. On the account page the dialog opens by itself; here the button shows it, so it does not cover the gallery.',
    build: () => accountCard('assent-reconsent', newTermsPolicy, () => userWith(accountPolicy, HISTORY), 'Show the re-consent dialog'),
  },
  {
    id: 'reconsent-offer',
    title: '<assent-reconsent>: a new optional purpose',
    note: 'The policy now offers a newsletter: a notice, nothing interrupts the user.',
    build: () => accountCard('assent-reconsent', newOptionalPurposePolicy, () => userWith(accountPolicy, HISTORY)),
  },
];
