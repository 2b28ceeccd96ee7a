// <assent-lock>.options is auth0-lock's own options type: Lock's options compile, an option Lock
// does not have or a value of the wrong type does not (each `@ts-expect-error` fails the
// type-check if the line ever compiles).
import '@assent/lock/define/assent-lock.js';
import type { AssentLock, AssentLockOptions } from '@assent/lock';

const lock: AssentLock = document.createElement('assent-lock');
lock.options = {
  initialScreen: 'signUp',
  theme: { primaryColor: '#0b6e4f', logo: '/logo.svg' },
  avatar: null,
  rememberLastLogin: false,
  additionalSignUpFields: [{ name: 'plan', type: 'select', placeholder: 'Plan', options: [{ value: 'free', label: 'Free' }] }],
  languageDictionary: { title: 'Acme' },
};

// @ts-expect-error -- Lock has no option `colour`.
lock.options = { colour: '#0b6e4f' };
// @ts-expect-error -- `initialScreen` is one of 'login' | 'signUp' | 'forgotPassword'.
lock.options = { initialScreen: 'register' };
// @ts-expect-error -- `container` is set by the element.
lock.options = { container: 'signup' };

export const readBack: AssentLockOptions = lock.options;
