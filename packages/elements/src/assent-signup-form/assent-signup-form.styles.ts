import { unsafeCSS } from '@lit/reactive-element';

/**
 * Styles of `<assent-signup-form>`. The form lives in light DOM (so password managers and autofill
 * see its inputs), where a shadow root's styles cannot reach: this sheet is adopted by the
 * element's document (or enclosing shadow root) as a constructable stylesheet, which needs no
 * `style-src 'unsafe-inline'` under a strict CSP. It sits in the `assent` cascade layer and uses
 * `:where()`, so any rule of the page wins over it: restyle the classes below freely.
 *
 * Minified, one rule a line, every rule nested in `:where(assent-signup-form)` (CSS nesting: a
 * nested `:where(x)` means `:where(assent-signup-form) :where(x)`, specificity still 0) and no
 * comments: this text ships as is in the element's bundle (see scripts/budget.mjs), a fixed text
 * through `unsafeCSS` as in shared.styles.ts. The `[hidden]` rule comes last so that it wins over
 * the display of every rule above.
 */
export const styles = unsafeCSS(`
@layer assent{
:where(assent-signup-form){display:block;font-family:var(--assent-font);color:var(--assent-color);line-height:1.5;
:where(.assent-form,.assent-extra){display:grid;gap:var(--assent-signup-form-gap,var(--assent-spacing,1rem));max-inline-size:var(--assent-signup-form-max-inline-size,28rem);margin:0}
:where(.assent-extra:empty){display:none}
:where(.assent-field){display:grid;gap:.25rem}
:where(label){font-weight:600}
:where(.assent-input){box-sizing:border-box;inline-size:100%;min-block-size:2.75rem;padding:.5rem .75rem;font:inherit;color:inherit;background:var(--assent-signup-form-input-background,light-dark(#fff,#1f1f1f));border:1px solid var(--assent-signup-form-input-border,light-dark(#5f6368,#9aa0a6));border-radius:var(--assent-radius,4px)}
:where(.assent-input[aria-invalid='true']){border-color:var(--assent-signup-form-error-color,var(--assent-error-color,light-dark(#b3261e,#ffb4ab)));border-width:2px}
:where(.assent-password){display:flex;gap:.5rem}
:where(.assent-toggle,.assent-submit){min-block-size:2.75rem;min-inline-size:24px;padding:.5rem 1rem;font:inherit;border-radius:var(--assent-radius,4px);cursor:pointer}
:where(.assent-toggle){flex:none;color:inherit;background:transparent;border:1px solid var(--assent-signup-form-input-border,light-dark(#5f6368,#9aa0a6))}
:where(.assent-submit){justify-self:start;font-weight:600;color:var(--assent-signup-form-button-color,light-dark(#fff,#062e6f));background:var(--assent-signup-form-button-background,var(--assent-accent,light-dark(#0b57d0,#a8c7fa)));border:0}
:where(.assent-submit[aria-disabled='true']){cursor:not-allowed;opacity:.7}
:where(:focus-visible){outline:var(--assent-focus-ring-width,2px) solid var(--assent-focus-ring,light-dark(#0b57d0,#a8c7fa));outline-offset:2px}
:where(.assent-rules){margin:0;padding-inline-start:1.25rem;font-size:.875em}
:where(.assent-rules ul){padding-inline-start:1.25rem}
:where(.assent-rules li){list-style:'○  '}
:where(.assent-rules li.assent-met){list-style:'✓  ';color:var(--assent-signup-form-success-color,light-dark(#146c2e,#6dd58c))}
:where(.assent-error,.assent-config){margin:0;color:var(--assent-signup-form-error-color,var(--assent-error-color,light-dark(#b3261e,#ffb4ab)))}
:where(.assent-error ul){margin:0}
:where(.assent-summary){padding:1rem;border:3px solid var(--assent-signup-form-error-color,var(--assent-error-color,light-dark(#b3261e,#ffb4ab)));border-radius:var(--assent-radius,4px)}
:where(.assent-summary-title){margin:0;font-weight:700}
:where(.assent-summary ul){margin:.5rem 0 0;padding-inline-start:1.25rem}
:where(.assent-summary a){display:block;padding-block:.25em;color:var(--assent-signup-form-error-color,var(--assent-error-color,light-dark(#b3261e,#ffb4ab)))}
:where(.assent-retry,.assent-success){margin:0}
:where(.assent-success){padding:1rem;border-inline-start:4px solid var(--assent-signup-form-success-color,light-dark(#146c2e,#6dd58c))}
:where(.assent-vh){position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
}
:where(assent-signup-form[hidden],assent-signup-form [hidden]){display:none}
}
`);
