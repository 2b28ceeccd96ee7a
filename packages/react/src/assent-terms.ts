'use client';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AssentTerms as AssentTermsElement, type AssentChangeDetail } from '@assent/elements';
import '@assent/elements/define/assent-terms.js';

/**
 * `<assent-terms>` as a React component: the consent checkbox with its linked documents, a real
 * form control (a `<form>` around it cannot be sent until the required box is ticked, and its data
 * then carries the consent fields). Props are the element's properties (`policy`, `policySrc`,
 * `name`, `disabled`, `checked`, `lang`...), set as properties, so a `policy` object works in React 18 too.
 *
 * @example <AssentTerms policySrc="/consent-policy.json" onAssentChange={(event) => setDecision(event.detail.decision)} />
 */
export const AssentTerms = createComponent({
  tagName: 'assent-terms',
  elementClass: AssentTermsElement,
  react: React,
  events: {
    /** The user ticked or unticked a box: `event.detail` has the ticked purposes (`accepted`) and the `decision` the form now carries (null while the required box is unticked). */
    onAssentChange: 'assent-change' as EventName<CustomEvent<AssentChangeDetail>>,
  },
  displayName: 'AssentTerms',
});
