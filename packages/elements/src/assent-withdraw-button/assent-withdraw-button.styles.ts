import { css } from '@lit/reactive-element';

export const styles = css`
  [part='button'] {
    background: var(--assent-withdraw-button-background, var(--assent-surface, light-dark(#fff, #1f1f1f)));
    color: var(--assent-withdraw-button-color, var(--assent-color, light-dark(#1f1f1f, #e3e3e3)));
  }
  [part='confirm'] {
    background: var(--assent-withdraw-button-danger, var(--assent-danger, light-dark(#b3261e, #ffb4ab)));
  }
  [part='status']:focus {
    outline: none;
  }
  [part='status']:focus-visible {
    outline: var(--assent-focus-ring-width, 2px) solid var(--assent-focus-ring, light-dark(#0b57d0, #a8c7fa));
  }
`;
