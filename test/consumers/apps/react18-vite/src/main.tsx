// React 18: <assent-terms> through the @assent/react component (React 18 passes only strings to
// custom element tags and attaches no listeners to them).
import { AssentTerms } from '@assent/react';
import { StrictMode, useState, version, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';

function SignupForm() {
  const [accepted, setAccepted] = useState<readonly string[] | null>(null);
  const [sent, setSent] = useState('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(JSON.stringify(Object.fromEntries([...new FormData(event.currentTarget)].map(([key, value]) => [key, String(value)]))));
  };
  return (
    <form id="component" method="post" action="/signup" onSubmit={onSubmit}>
      <label>
        Email <input name="email" type="email" autoComplete="email" defaultValue="ada@example.com" required />
      </label>
      <AssentTerms policySrc="/consent-policy.json" onAssentChange={(event) => setAccepted(event.detail.accepted)} />
      <button>Create account</button>
      <output className="accepted">{accepted === null ? 'no change yet' : accepted.join(',')}</output>
      <output className="sent">{sent}</output>
    </form>
  );
}

document.title = `React ${version}`;
createRoot(document.body.appendChild(document.createElement('div'))).render(
  <StrictMode>
    <SignupForm />
  </StrictMode>,
);
