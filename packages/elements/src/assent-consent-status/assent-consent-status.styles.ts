import { css } from '@lit/reactive-element';

export const styles = css`
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em var(--assent-consent-status-gap, var(--assent-spacing, 1em));
    margin: 0;
  }
  dl > div {
    display: contents;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .label {
    font-weight: 600;
  }
  .accepted {
    color: var(--assent-consent-status-accepted-color, var(--assent-success-color, light-dark(#146c2e, #6dd58c)));
  }
  .declined {
    color: var(--assent-consent-status-declined-color, inherit);
  }
  .pending {
    font-style: italic;
  }
  ol > li + li {
    margin-block-start: 0.25em;
  }
`;
