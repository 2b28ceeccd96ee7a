import { unsafeCSS } from '@lit/reactive-element';

/**
 * Styles every Assent element shares. The theme has three layers: page-wide `--assent-*` tokens,
 * per-component properties (`--assent-terms-*`) that fall back to them, and a few `::part`s.
 *
 * Colours use `light-dark()`, so they follow the colour scheme in use: on a page that declares
 * `color-scheme: light dark` they follow the user's `prefers-color-scheme`; `color-scheme: dark`
 * (or `light`) on the element or any ancestor forces one. A token left unset makes its declaration
 * invalid at computed-value time, which for inherited properties (text colour, font) means
 * "inherit from the page": the elements blend in unless told otherwise.
 *
 * Fixed texts through `unsafeCSS` (nothing unsafe: no value is interpolated) rather than the `css`
 * tag, whose check of interpolated values would add about 150 bytes to every page's first download.
 */
export const sharedStyles = unsafeCSS(`
:host{font-family:var(--assent-font);color:var(--assent-color)}
:host([hidden]){display:none}
.vh{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:focus-visible{outline:var(--assent-focus-ring-width,2px) solid var(--assent-focus-ring,light-dark(#0b57d0,#a8c7fa));outline-offset:2px;border-radius:var(--assent-radius,4px)}
`);
