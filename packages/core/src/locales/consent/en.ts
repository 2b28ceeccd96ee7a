import type { Messages } from '../../types.js';

/**
 * Built-in English texts, always bundled (every other language is loaded on demand).
 *
 * - `purpose.<id>`: the sentence shown next to the purpose's checkbox. `{documents}` becomes the
 *   linked document titles, joined as a list ("the Terms of Service and Privacy Policy");
 *   `{controller}` becomes the controller's name. Consent sentences name the controller and the
 *   channel, so the consent is specific and informed (GDPR Art. 4(11), 7(2)).
 * - `document.<id>`: a document title in the form it takes inside those sentences. Languages that
 *   need an article or a grammatical case there carry it in the title (French "la Politique de
 *   confidentialité", German "die Datenschutzerklärung"), so custom titles must follow suit.
 * - UI texts of the elements: `required.error`, `optional.legend`, `optional.hint` (withdrawal
 *   notice, Art. 7(3)), `link.newTab`, `policy.loading`, `policy.error`.
 */
export const en = {
  'purpose.terms': 'I agree to the {documents}.',
  'purpose.privacy': 'I have read the {documents}.',
  'purpose.marketing': 'Email me news and offers from {controller}.',
  'purpose.newsletter': 'Email me the {controller} newsletter.',
  'purpose.analytics': '{controller} may analyze how I use the service to improve it.',
  'purpose.personalization': '{controller} may personalize content and recommendations based on how I use the service.',
  'purpose.profiling': '{controller} may profile my interests from how I use the service to tailor offers to me.',
  'purpose.third_party_sharing': '{controller} may share my name and email address with selected partners for their own offers.',
  'purpose.research': '{controller} may contact me for surveys and product research.',
  'document.terms': 'Terms of Service',
  'document.privacy': 'Privacy Policy',
  'document.cookies': 'Cookie Policy',
  'document.dpa': 'Data Processing Agreement',
  'document.eula': 'End User License Agreement',
  'document.community': 'Community Guidelines',
  'required.error': 'Please accept the {documents} to continue.',
  'optional.legend': 'Optional',
  'optional.hint': 'You can withdraw your consent at any time.',
  'link.newTab': 'opens in a new tab',
  'policy.loading': 'Loading the terms…',
  'policy.error': 'The terms could not be loaded.',
} satisfies Messages;
