/**
 * The custom signup screens' one script: Auth0 (or the emulator) serves it on `signup`, `signup-id`
 * and `signup-password` in advanced rendering, with the Universal Login context the SDK reads.
 */
import { getCurrentScreen } from '@auth0/auth0-acul-js';
import '@assent/elements/define/assent-terms.js';
import './styles.css';
import { mountSignup } from './signup.js';
import { mountSignupId } from './signup-id.js';
import { mountSignupPassword } from './signup-password.js';

const screens: Readonly<Record<string, (root: HTMLElement) => void>> = {
  signup: mountSignup,
  'signup-id': mountSignupId,
  'signup-password': mountSignupPassword,
};

const name = getCurrentScreen() ?? '';
const mount = screens[name];
if (mount) mount(document.body);
else document.body.textContent = `This script has no screen "${name}".`;
