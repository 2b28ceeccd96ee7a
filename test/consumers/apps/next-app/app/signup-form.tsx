'use client';
// The client component: <assent-terms> blocks the form until the required box is ticked, and the
// form then carries the consent fields. On submit the page shows them instead of sending them.
import { AssentTerms } from '@assent/react';
import { useState, type FormEvent } from 'react';

export function SignupForm({ id }: { readonly id: string }) {
  const [accepted, setAccepted] = useState<readonly string[] | null>(null);
  const [sent, setSent] = useState('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(JSON.stringify(Object.fromEntries([...new FormData(event.currentTarget)].map(([key, value]) => [key, String(value)]))));
  };
  return (
    <form id={id} method="post" action="/signup" onSubmit={onSubmit}>
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
