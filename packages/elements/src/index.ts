// Classes and types only: nothing here defines a tag. Register with
// `import '@assent/elements/define/assent-terms.js'` (or call customElements.define yourself).
export { AssentTerms, type AssentChangeDetail } from './assent-terms/assent-terms.js';
export {
  AssentSignupForm,
  type AssentSignupErrorDetail,
  type AssentSignupFormEventMap,
  type AssentSignupSuccessDetail,
} from './assent-signup-form/assent-signup-form.js';
export { formEn, formMessagesEn, loadFormMessages, type FormLocaleMessages, type FormMessageKey } from './assent-signup-form/messages.js';
export { AssentWithdrawButton, type AssentWithdrawDetail, type WithdrawMode } from './assent-withdraw-button/assent-withdraw-button.js';
export { AssentConsentStatus, type ConsentRecordExport } from './assent-consent-status/assent-consent-status.js';
export { AssentReconsent, type AssentReconsentAcceptedDetail, type AssentReconsentDeclinedDetail } from './assent-reconsent/assent-reconsent.js';
export { AccountElement } from './shared/account-element.js';
export { ConsentServerError, type EraseMode } from './shared/consent-server.js';
export { accountEn, loadAccountMessages, type AccountLocaleMessages, type AccountMessageKey } from './shared/account-messages.js';
export { FormControl } from './shared/form-control.js';
export { sharedStyles } from './shared/shared.styles.js';
