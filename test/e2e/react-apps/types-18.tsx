// Type specifications of @assent/react with @types/react 18: compiled, never run.
import { AssentSignupForm, AssentTerms, AssentWithdrawButton } from '@assent/react';

export const accepted = (
  <>
    <AssentTerms policySrc="/consent-policy.json" name="consent" onAssentChange={(event) => event.detail.decision?.hash} />
    <AssentSignupForm domain="acme.eu.auth0.com" clientId="abc" askName onAssentSignupError={(event) => event.detail.error} />
    <AssentWithdrawButton mode="metadata" onAssentWithdraw={(event) => event.detail.all} />
  </>
);

export const refused = (
  <>
    {/* @ts-expect-error the detail of assent-change has no `checked` */}
    <AssentTerms onAssentChange={(event) => event.detail.checked} />
    {/* @ts-expect-error a policy is an object */}
    <AssentTerms policy="acme" />
  </>
);
