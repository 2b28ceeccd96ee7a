// The built React 18 app in Chromium (see react-signup.ts).
import { reactSignupCheck } from './react-signup.js';

export default reactSignupCheck('18', ['component']);
