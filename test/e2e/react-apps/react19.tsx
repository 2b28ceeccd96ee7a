import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import { NativeForm } from './native-form.js';
import { WrapperForm } from './wrapper-form.js';

document.title = `React ${version}`;
createRoot(document.body.appendChild(document.createElement('div'))).render(
  <StrictMode>
    <NativeForm />
    <WrapperForm />
  </StrictMode>,
);
