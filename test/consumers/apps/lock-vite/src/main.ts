// Lock with consent: mountLock loads auth0-lock lazily, so the first download holds no Lock.
import { mountLock } from '@assent/lock';
import policy from '../consent-policy.json';

const root = document.querySelector('#signup')!;
root.addEventListener('assent-lock-signup-success', (event) => {
  console.log('consent recorded with the signup', event.detail.decision.purposes);
});
await mountLock(root, {
  clientId: import.meta.env.VITE_AUTH0_CLIENT_ID ?? 'assent-demo-spa',
  domain: import.meta.env.VITE_AUTH0_DOMAIN ?? 'http://127.0.0.1:4400',
  policy,
  options: { allowSignUp: true, initialScreen: 'signUp', theme: { primaryColor: '#0b6e4f' } },
});
