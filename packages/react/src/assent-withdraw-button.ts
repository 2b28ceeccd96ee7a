'use client';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AssentWithdrawButton as AssentWithdrawButtonElement, type AssentWithdrawDetail } from '@assent/elements';
import '@assent/elements/define/assent-withdraw-button.js';

/**
 * `<assent-withdraw-button>` as a React component: withdrawal as easy as giving consent. Pass the
 * consent `client` (`createConsentClient` of @assent/core) and, for the server modes, `serverUrl`
 * and `getServerToken`.
 */
export const AssentWithdrawButton = createComponent({
  tagName: 'assent-withdraw-button',
  elementClass: AssentWithdrawButtonElement,
  react: React,
  events: {
    /** The withdrawal is recorded: `event.detail` says what was withdrawn and how. */
    onAssentWithdraw: 'assent-withdraw' as EventName<CustomEvent<AssentWithdrawDetail>>,
  },
  displayName: 'AssentWithdrawButton',
});
