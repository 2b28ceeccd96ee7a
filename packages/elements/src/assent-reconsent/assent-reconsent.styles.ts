import { css } from '@lit/reactive-element';

export const styles = css`
  [part='notice'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--assent-spacing, 0.5rem);
    padding: var(--assent-reconsent-notice-padding, 0.5rem 0.75rem);
    border: 1px solid var(--assent-border-color, light-dark(#747775, #8e918f));
    border-radius: var(--assent-radius, 4px);
    background: var(--assent-reconsent-notice-background, transparent);
  }
  form {
    display: grid;
    gap: var(--assent-spacing, 0.75rem);
  }
  [part='status']:focus {
    outline: none;
  }
  [part='changes'] a {
    padding-block: 0.25em;
  }
`;
