// The built React 19 app in Chromium (see react-signup.ts).
import { reactSignupCheck } from './react-signup.js';

export default reactSignupCheck('19', ['tag', 'component']);
