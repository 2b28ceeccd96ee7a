import { unsafeCSS } from '@lit/reactive-element';

// Compact on purpose: this text ships as is in the element's bundle (see scripts/budget.mjs),
// so the notes on it live here rather than in CSS comments (and it is a fixed text through
// `unsafeCSS`, as shared.styles.ts explains):
// - `.wait, .row`: one line of text or one 24px box, whichever is taller: the height of a
//   one-sentence policy, kept free while the policy loads so nothing below moves when it arrives.
// - `a`: inline padding grows a link's hit area to 24px without changing the line box.
export const styles = unsafeCSS(`
:host{display:block;line-height:1.5;overflow-wrap:anywhere}
.base,fieldset{display:grid;gap:var(--assent-terms-gap,var(--assent-spacing,.5rem))}
.wait,.row{min-block-size:var(--assent-terms-reserved-size,max(24px,1.5em))}
.row{display:flex;align-items:flex-start;gap:var(--assent-terms-gap,var(--assent-spacing,.5rem))}
input{flex:none;margin:0;cursor:pointer;inline-size:var(--assent-terms-checkbox-size,max(24px,1.25em));block-size:var(--assent-terms-checkbox-size,max(24px,1.25em));accent-color:var(--assent-terms-accent,var(--assent-accent,auto))}
label{cursor:pointer}
:disabled,:disabled+label{cursor:not-allowed;opacity:.7}
a{padding-block:.25em;color:var(--assent-terms-link-color,var(--assent-link-color,light-dark(#0b57d0,#a8c7fa)))}
.error{color:var(--assent-terms-error-color,var(--assent-error-color,light-dark(#b3261e,#ffb4ab)))}
.error:empty{display:none}
fieldset{margin:0;padding:0;border:0;min-inline-size:0}
legend{padding:0 0 .25rem;font-weight:600}
p{margin:0}
`);
