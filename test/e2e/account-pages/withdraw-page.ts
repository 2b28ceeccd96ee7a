/**
 * Browser entry of the withdraw-button end-to-end test: mounts <assent-withdraw-button> on a real
 * consent client (the user's Management API token) and the real consent server (the page's own
 * origin), and keeps every `assent-withdraw` detail for the test to read.
 */
import '@assent/elements/define/assent-withdraw-button.js';
import { createConsentClient, memoryOutbox, parsePolicy } from '@assent/core';
import type { AssentWithdrawDetail, WithdrawMode } from '@assent/elements';

/** What the test passes to `mountWithdraw`. */
export interface WithdrawPageOptions {
  readonly domain: string;
  readonly userId: string;
  readonly managementToken: string;
  readonly serverToken: string;
  readonly mode: WithdrawMode;
  readonly policy: unknown;
}

declare global {
  interface Window {
    mountWithdraw(options: WithdrawPageOptions): Promise<void>;
    withdrawEvents: Omit<AssentWithdrawDetail, 'state'>[];
  }
}

window.withdrawEvents = [];
window.mountWithdraw = async ({ domain, userId, managementToken, serverToken, mode, policy }) => {
  const client = createConsentClient({ domain, userId, getAccessToken: () => managementToken, policy: parsePolicy(policy), outbox: memoryOutbox(), autoFlush: false });
  const element = document.createElement('assent-withdraw-button');
  element.client = client;
  element.mode = mode;
  element.serverUrl = location.origin;
  element.getServerToken = () => serverToken;
  element.addEventListener('assent-withdraw', ({ detail: { state: _state, ...detail } }) => window.withdrawEvents.push(detail));
  document.body.append(element);
  await customElements.whenDefined('assent-withdraw-button');
};
