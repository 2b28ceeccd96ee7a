import type { Messages } from '../../types.js';

/**
 * English texts of the account elements (`<assent-consent-status>`, `<assent-withdraw-button>`,
 * `<assent-reconsent>`), apart from `en` so that `<assent-terms>` and the signup path never
 * download them; every other language is one module loaded on demand (account/<tag>.ts). The elements use them with
 * core's texts of the same language (purpose sentences, document titles), and a policy's
 * `messages` override both.
 *
 * - `account.*`: loading, failures, "Try again", a change kept on this device.
 * - `label.<purpose id>`: the short name of a purpose in the status and the history. A policy adds
 *   its own for custom purposes (`messages.en['label.rewards']`); without one the id is shown.
 * - `withdraw.*`, `status.*`, `source.<state source>`, `history.<event>`, `reconsent.*`.
 * - `{documents}` / `{document}` take document titles in the grammatical form of core's
 *   `purpose.terms` (the object of "accept"); `{purposes}` / `{purpose}` take labels;
 *   `{from}` / `{to}` are document versions.
 */
export const accountEn = {
  'account.loading': 'Loading your consent…',
  'account.error': 'Your consent could not be loaded.',
  'account.retry': 'Try again',
  'account.cancel': 'Cancel',
  'account.busy': 'Saving…',
  'account.pending': 'Saved on this device. It will be sent as soon as possible.',
  'account.errorNetwork': 'The server could not be reached. Check your connection and try again.',
  'account.errorSession': 'Your session has expired. Please sign in again.',
  'account.errorGeneric': 'Something went wrong. Please try again.',
  'label.terms': 'Terms of use',
  'label.privacy': 'Privacy notice',
  'label.marketing': 'News and offers by email',
  'label.newsletter': 'Newsletter',
  'label.analytics': 'Usage analysis',
  'label.personalization': 'Personalization',
  'label.profiling': 'Interest profile',
  'label.third_party_sharing': 'Sharing with partners',
  'label.research': 'Surveys and research',
  'withdraw.button': 'Withdraw consent',
  'withdraw.intro': 'Withdrawing does not affect what was done with your consent before.',
  'withdraw.legend': 'Choose what to withdraw',
  'withdraw.selected': 'Withdraw selected',
  'withdraw.all': 'Withdraw all',
  'withdraw.allNote': 'If you withdraw all, you no longer accept the {documents}.',
  'withdraw.flag': 'Withdraw all and close my account',
  'withdraw.flagNote': 'Your account will be closed and you will no longer be able to sign in.',
  'withdraw.delete': 'Withdraw all and delete my account',
  'withdraw.deleteNote': 'Your account will be deleted. This cannot be undone.',
  'withdraw.pick': 'Select at least one consent to withdraw.',
  'withdraw.done': 'Your consent has been withdrawn.',
  'withdraw.closed': 'Your consent has been withdrawn and your account closed.',
  'withdraw.deleted': 'Your consent has been withdrawn and your account deleted.',
  'withdraw.nothing': 'There is no consent to withdraw.',
  'status.status': 'Status',
  'status.given': 'Given',
  'status.withdrawn': 'Withdrawn',
  'status.none': 'None recorded',
  'status.outdated': 'Needs renewal',
  'status.claimed': 'Stated by you, not yet confirmed',
  'status.version': 'Policy version',
  'status.date': 'Last change',
  'status.source': 'Recorded in',
  'source.app_metadata': 'Our records',
  'source.user_metadata': 'Your account',
  'source.signup': 'Signup form',
  'status.purposes': 'Purposes',
  'status.accepted': 'accepted',
  'status.declined': 'not accepted',
  'status.history': 'History',
  'status.empty': 'No consent has been recorded yet.',
  'status.download': 'Download my consent record',
  'history.given': 'Consent given',
  'history.withdrawn': 'Consent withdrawn',
  'history.updated': 'Consent updated',
  'history.accepted': 'Accepted: {purposes}',
  'history.withdrew': 'Withdrawn: {purposes}',
  'history.pending': 'Not sent yet',
  'reconsent.title': 'Our terms have changed',
  'reconsent.ask': 'Please review our terms',
  'reconsent.offer': 'New choices are available',
  'reconsent.intro': 'Please read what changed and accept to continue.',
  'reconsent.offerIntro': 'Accepting is up to you: nothing changes if you do not.',
  'reconsent.document': 'We have updated the {document}: version {to} (previously {from}).',
  'reconsent.documentNew': 'We have added the {document} (version {to}).',
  'reconsent.purpose': 'New: {purpose}',
  'reconsent.accept': 'Accept',
  'reconsent.later': 'Not now',
  'reconsent.review': 'Review',
  'reconsent.done': 'Thank you. Your choice has been saved.',
} satisfies Messages;
