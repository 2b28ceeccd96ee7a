// React 19: <assent-terms> as a plain tag (typed by @assent/react/jsx) and through the component.
import type {} from '@assent/react/jsx';
import '@assent/elements/define/assent-terms.js';
import { AssentTerms } from '@assent/react';
import { StrictMode, useState, version, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';

function SignupForm({ id }: { id: 'tag' | 'component' }) {
  const [accepted, setAccepted] = useState<readonly string[] | null>(null);
  const [sent, setSent] = useState('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(JSON.stringify(Object.fromEntries([...new FormData(event.currentTarget)].map(([key, value]) => [key, String(value)]))));
  };
  const onChange = (event: CustomEvent<{ readonly accepted: readonly string[] }>) => setAccepted(event.detail.accepted);
  return (
    <form id={id} method="post" action="/signup" onSubmit={onSubmit}>
      <label>
        Email <input name="email" type="email" autoComplete="email" defaultValue="ada@example.com" required />
      </label>
      {id === 'tag' ? <assent-terms policy-src="/consent-policy.json" onassent-change={onChange}></assent-terms> : <AssentTerms policySrc="/consent-policy.json" onAssentChange={onChange} />}
      <button>Create account</button>
      <output className="accepted">{accepted === null ? 'no change yet' : accepted.join(',')}</output>
      <output className="sent">{sent}</output>
    </form>
  );
}

document.title = `React ${version}`;
createRoot(document.body.appendChild(document.createElement('div'))).render(
  <StrictMode>
    <SignupForm id="tag" />
    <SignupForm id="component" />
  </StrictMode>,
);
