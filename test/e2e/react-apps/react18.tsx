import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import { WrapperForm } from './wrapper-form.js';

document.title = `React ${version}`;
createRoot(document.body.appendChild(document.createElement('div'))).render(
  <StrictMode>
    <WrapperForm />
  </StrictMode>,
);
