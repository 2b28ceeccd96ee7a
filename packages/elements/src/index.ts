// Classes and types only: nothing here defines a tag. Register with
// `import '@assent/elements/define/assent-terms.js'` (or call customElements.define yourself).
export { AssentTerms, type AssentChangeDetail } from './assent-terms/assent-terms.js';
export { FormControl } from './shared/form-control.js';
export { sharedStyles } from './shared/shared.styles.js';
