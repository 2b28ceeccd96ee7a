// <assent-terms> as a plain tag in React 19, typed by @assent/react/jsx.
import type {} from '@assent/react/jsx';
import '@assent/elements/define/assent-terms.js';
import { policy } from './policy.js';
import { useConsentForm } from './submitted.js';

export function NativeForm() {
  const { setAccepted, onSubmit, report } = useConsentForm();
  return (
    <form data-testid="native" onSubmit={onSubmit}>
      <label>
        Email <input name="email" type="email" defaultValue="ada@example.com" />
      </label>
      <assent-terms policy={policy} onassent-change={(event) => setAccepted(event.detail.accepted)}></assent-terms>
      <button>Sign up</button>
      {report}
    </form>
  );
}
