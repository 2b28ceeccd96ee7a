import { useState, type FormEvent } from 'react';

/** What a consent form shows the test: the last `assent-change` and the submitted form data. */
export function useConsentForm() {
  const [accepted, setAccepted] = useState<readonly string[] | null>(null);
  const [submitted, setSubmitted] = useState<Record<string, string> | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSubmitted(Object.fromEntries([...data].map(([key, value]) => [key, String(value)])));
  };
  const report = (
    <>
      <output data-testid="accepted">{accepted === null ? 'no change yet' : accepted.join(',') || 'none'}</output>
      <pre data-testid="submitted">{submitted === null ? '' : JSON.stringify(submitted)}</pre>
    </>
  );
  return { setAccepted, onSubmit, report };
}
