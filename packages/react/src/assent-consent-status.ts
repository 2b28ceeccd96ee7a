'use client';
import { createComponent } from '@lit/react';
import * as React from 'react';
import { AssentConsentStatus as AssentConsentStatusElement } from '@assent/elements';
import '@assent/elements/define/assent-consent-status.js';

/** `<assent-consent-status>` as a React component: the user's consent, its history and a record download. Pass the consent `client`. */
export const AssentConsentStatus = createComponent({
  tagName: 'assent-consent-status',
  elementClass: AssentConsentStatusElement,
  react: React,
  displayName: 'AssentConsentStatus',
});
