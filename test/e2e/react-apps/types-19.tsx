// Type specifications of @assent/react/jsx with @types/react 19: compiled, never run. Every line
// marked as an expected error must stay an error, or tsc fails.
import type {} from '@assent/react/jsx';
import type { AssentChangeDetail } from '@assent/elements';
import { AssentTerms } from '@assent/react';

export const accepted = (
  <>
    <assent-terms policy-src="/consent-policy.json" name="consent" disabled class="wide" />
    <assent-terms onassent-change={(event: CustomEvent<AssentChangeDetail>) => event.detail.decision?.hash} />
    <assent-signup-form domain="acme.eu.auth0.com" client-id="abc" ask-name password-policy="good" onassent-signup-success={(event) => event.detail.userId} />
    <assent-withdraw-button mode="metadata" onassent-withdraw={(event) => event.detail.purposes} />
    <assent-consent-status />
    <assent-reconsent onassent-reconsent-declined={() => undefined} />
    <AssentTerms policySrc="/consent-policy.json" onAssentChange={(event) => event.detail.accepted} />
  </>
);

export const refused = (
  <>
    {/* @ts-expect-error a policy is an object, not a string */}
    <assent-terms policy="acme" />
    {/* @ts-expect-error the detail of assent-change has no `checked` */}
    <assent-terms onassent-change={(event) => event.detail.checked} />
    {/* @ts-expect-error an attribute is a string (TypeScript checks hyphenated names only when declared) */}
    <assent-terms policy-src={5} />
    {/* @ts-expect-error a withdrawal mode that does not exist */}
    <assent-withdraw-button mode="everything" />
    {/* @ts-expect-error the wrapper's event detail is typed too */}
    <AssentTerms onAssentChange={(event) => event.detail.checked} />
  </>
);
