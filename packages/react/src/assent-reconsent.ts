'use client';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AssentReconsent as AssentReconsentElement, type AssentReconsentAcceptedDetail, type AssentReconsentDeclinedDetail } from '@assent/elements';
import '@assent/elements/define/assent-reconsent.js';

/** `<assent-reconsent>` as a React component: asks again when the terms changed and offers new optional purposes. Pass the consent `client`. */
export const AssentReconsent = createComponent({
  tagName: 'assent-reconsent',
  elementClass: AssentReconsentElement,
  react: React,
  events: {
    /** The user accepted the changed terms: `event.detail` has the new consent. */
    onAssentReconsentAccepted: 'assent-reconsent-accepted' as EventName<CustomEvent<AssentReconsentAcceptedDetail>>,
    /** The user declined the changed terms. */
    onAssentReconsentDeclined: 'assent-reconsent-declined' as EventName<CustomEvent<AssentReconsentDeclinedDetail>>,
  },
  displayName: 'AssentReconsent',
});
