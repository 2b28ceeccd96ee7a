/**
 * Assent post-login Action, Forms variant (trigger "Login / Post Login"), built into
 * `actions/post-login-form.js`. The same gate as `actions/post-login.js` (deleted accounts denied,
 * a new user's signup fields recorded, a current consent let through with the consent claim in the
 * tokens), but a user without a current consent (social and enterprise logins, changed terms, a
 * withdrawal) is asked with the Auth0 Form that @assent/universal-login generates and deploys
 * (`api.prompt.render(formId, { vars: { locale, reason } })`), not sent to a page: the Form of
 * `ASSENT_FORM_ID`, or, with one Form per language (`ASSENT_FORM_IDS`), the one of the login's language.
 *
 * `onContinuePostLogin` reads the Form's answer (`event.prompt.fields`) with core's
 * `readFormFields`, proves it with `universalLoginDecision` (the hash recomputed from the policy
 * for the locale the Form showed, so a made-up answer never verifies), records it in
 * `app_metadata.consent` with server time, and puts the claim into the tokens. An answer without
 * the required purposes is the user's "no": the login is denied.
 */
import { DecisionError, DecodeError, UniversalLoginError, readFormFields, universalLoginDecision, type ConsentObject } from '@assent/core';
import type { PostLoginApi, PostLoginEvent } from './auth0.js';
import { FORM_IDS_SECRET, readActionConfig } from './config.js';
import { setConsentClaims } from './consent-claim.js';
import { DECLINED_MESSAGE, DELETED_MESSAGE, gateLogin, isDeleted } from './login-gate.js';
import { readCopy, recordDecision, trustedRecord, unreadableReason } from './record.js';

/** The secret holding the id of the consent Form (`deployConsentForm` returns it). */
export const FORM_ID_SECRET = 'ASSENT_FORM_ID';

const FORM_ID = /^ap_[A-Za-z0-9]+$/;

/**
 * The Form to render and the language it shows: with `ASSENT_FORM_IDS`, the Form of the login's
 * language (`pt-BR` finds `pt`), else the first one, and that Form's language, so the element, the
 * Legal texts and the recorded locale agree; with `ASSENT_FORM_ID`, that Form in the login's language.
 */
function chooseForm(secrets: Readonly<Record<string, string | undefined>>, loginLocale: string): { readonly formId: string; readonly locale: string } {
  const perLanguage = secrets[FORM_IDS_SECRET];
  if (perLanguage !== undefined) {
    let forms: Record<string, unknown>;
    try {
      forms = JSON.parse(perLanguage) as Record<string, unknown>;
    } catch {
      throw new Error(`Assent: secret ${FORM_IDS_SECRET} is not JSON: it maps each language to its consent Form (formActionSecrets({ formIds }) writes it)`);
    }
    const languages = forms && typeof forms === 'object' && !Array.isArray(forms) ? Object.keys(forms) : [];
    const locale = [loginLocale, loginLocale.replace(/-.*/, '')].find((candidate) => languages.includes(candidate)) ?? languages[0];
    const formId = locale === undefined ? undefined : forms[locale];
    if (locale === undefined || typeof formId !== 'string' || !FORM_ID.test(formId))
      throw new Error(`Assent: secret ${FORM_IDS_SECRET} must map languages to consent Form ids (ap_…), as deployConsentForms returns them`);
    return { formId, locale };
  }
  const formId = secrets[FORM_ID_SECRET] ?? '';
  if (!FORM_ID.test(formId))
    throw new Error(
      `Assent: secret ${FORM_ID_SECRET} (or ${FORM_IDS_SECRET}) is required to ask for consent: the id of the consent Form (ap_…), as deployConsentForm or \`assent-universal-login deploy-form\` print it`,
    );
  return { formId, locale: loginLocale };
}

export const onExecutePostLogin = async (event: PostLoginEvent, api: PostLoginApi): Promise<void> => {
  const gate = await gateLogin(event, api);
  if (gate.done) return;
  const { formId, locale } = chooseForm(event.secrets ?? {}, event.transaction?.locale || 'en');
  if (!api.prompt) throw new Error('Assent: api.prompt is missing; this Action must run on the "Login / Post Login" trigger of a tenant with Forms');
  api.prompt.render(formId, { vars: { locale, reason: gate.reason } });
};

const refused = (detail: string) => `Consent could not be verified: ${detail}`;

export const onContinuePostLogin = async (event: PostLoginEvent, api: PostLoginApi): Promise<void> => {
  // The account may have been flagged as deleted while the user was on the Form.
  if (isDeleted(event)) {
    api.access.deny(DELETED_MESSAGE);
    return;
  }
  const config = readActionConfig(event.secrets ?? {});
  let claim;
  try {
    claim = readFormFields(event.prompt?.fields);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    api.access.deny(refused(error.message));
    return;
  }
  if (!claim) {
    api.access.deny(refused('the Form answered no consent fields (is ASSENT_FORM_ID the consent Form?)'));
    return;
  }
  const now = new Date();
  let decision;
  try {
    decision = await universalLoginDecision(claim, config.policy, { now });
  } catch (error) {
    if (!(error instanceof UniversalLoginError)) throw error;
    api.access.deny(error.code === 'required_purpose_missing' ? DECLINED_MESSAGE : refused(error.message));
    return;
  }
  const stored = readCopy((event.user.app_metadata ?? {}).consent);
  if ('unreadable' in stored) {
    api.access.deny(unreadableReason(stored.unreadable));
    return;
  }
  let consent: ConsentObject;
  try {
    // On the record with the user's withdrawals applied, so they are written into it too.
    const eventId = `form-${decision.hash.slice(0, 32)}-${now.getTime()}`;
    consent = recordDecision(trustedRecord(stored.consent, event, config).record, decision, config.policy, { id: eventId, source: 'action' }, now);
  } catch (error) {
    if (!(error instanceof DecisionError)) throw error;
    api.access.deny(refused(error.message));
    return;
  }
  api.user.setAppMetadata('consent', consent);
  setConsentClaims(api, event, consent);
};
