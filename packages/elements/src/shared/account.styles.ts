import { css } from '@lit/reactive-element';

/**
 * Styles of the account elements (`<assent-consent-status>`, `<assent-withdraw-button>`,
 * `<assent-reconsent>`): buttons of at least 24x24 px, the modal dialog, status and error texts.
 * Colours are `--assent-*` tokens falling back to `light-dark()` pairs, so they follow the page's
 * `color-scheme`; each element adds its own `--assent-<element>-*` properties on top.
 */
export const accountStyles = css`
  :host {
    display: block;
    line-height: 1.5;
  }
  .base {
    display: grid;
    gap: var(--assent-spacing, 0.5rem);
    justify-items: start;
  }
  p {
    margin: 0;
  }
  button {
    font: inherit;
    min-block-size: max(24px, 2.25em);
    min-inline-size: 24px;
    padding: 0.25em 0.875em;
    border: 1px solid var(--assent-border-color, light-dark(#747775, #8e918f));
    border-radius: var(--assent-radius, 4px);
    background: var(--assent-surface, light-dark(#fff, #1f1f1f));
    color: var(--assent-color, light-dark(#1f1f1f, #e3e3e3));
    cursor: pointer;
  }
  button.primary {
    border-color: transparent;
    background: var(--assent-accent, light-dark(#0b57d0, #a8c7fa));
    color: var(--assent-on-accent, light-dark(#fff, #062e6f));
  }
  button.danger {
    border-color: transparent;
    background: var(--assent-danger, light-dark(#b3261e, #ffb4ab));
    color: var(--assent-on-danger, light-dark(#fff, #690005));
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: var(--assent-dialog-padding, 1.5rem);
    border: 1px solid var(--assent-border-color, light-dark(#747775, #8e918f));
    border-radius: var(--assent-dialog-radius, 8px);
    background: var(--assent-surface, light-dark(#fff, #1f1f1f));
    color: var(--assent-color, light-dark(#1f1f1f, #e3e3e3));
    font-family: var(--assent-font, inherit);
    line-height: 1.5;
  }
  dialog::backdrop {
    background: var(--assent-backdrop, rgb(0 0 0 / 0.5));
  }
  dialog > div {
    display: grid;
    gap: var(--assent-spacing, 0.75rem);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  fieldset {
    display: grid;
    gap: var(--assent-spacing, 0.5rem);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.25em;
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--assent-spacing, 0.5rem);
  }
  .choice input {
    flex: none;
    inline-size: max(24px, 1.25em);
    block-size: max(24px, 1.25em);
    margin: 0;
    accent-color: var(--assent-accent, auto);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--assent-spacing, 0.5rem);
    justify-content: flex-end;
  }
  .error {
    color: var(--assent-error-color, light-dark(#b3261e, #ffb4ab));
  }
  .note {
    font-size: 0.925em;
  }
  a {
    color: var(--assent-link-color, light-dark(#0b57d0, #a8c7fa));
  }
`;
