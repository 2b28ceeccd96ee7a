// <assent-terms> through the @assent/react component: React 18 and 19.
import { AssentTerms } from '@assent/react';
import { policy } from './policy.js';
import { useConsentForm } from './submitted.js';

export function WrapperForm() {
  const { setAccepted, onSubmit, report } = useConsentForm();
  return (
    <form data-testid="wrapper" onSubmit={onSubmit}>
      <label>
        Email <input name="email" type="email" defaultValue="ada@example.com" />
      </label>
      <AssentTerms policy={policy} onAssentChange={(event) => setAccepted(event.detail.accepted)} />
      <button>Sign up</button>
      {report}
    </form>
  );
}
