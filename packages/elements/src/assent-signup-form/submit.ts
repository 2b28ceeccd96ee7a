import { SignupError, SignupInputError, type AssentClient } from '@assent/core';
import type { AssentTerms } from '../assent-terms/assent-terms.js';
import type { AssentSignupErrorDetail, AssentSignupSuccessDetail } from './events.js';
import { problemOf, type Problem } from './problems.js';
import type { RetryCountdown } from './retry-countdown.js';
import { signupInputOf, type SignupInputOptions } from './signup-input.js';
import { withSubmitTexts } from './submit-messages.js';
import type { FormUiMessages } from './ui-messages.js';
import { invalidFields } from './validation.js';

/** What a submit changes on the form, and the form renders. */
export interface Submission {
  /** A signup request is under way. */
  busy: boolean;
  /** What the user is told (the summary and each field's message). */
  problems: readonly Problem[];
  /** The account exists: its email and the given name typed, for the success message. */
  result: { readonly email: string; readonly name?: string } | null;
}

/** The form as its submit code sees it. */
export interface SubmitTarget {
  /** The element: its events are dispatched on it. */
  readonly element: HTMLElement & { readonly updateComplete: Promise<boolean>; requestUpdate(): void };
  /** The native `<form>` the fields are in. */
  readonly form: HTMLFormElement;
  /** The start of the ids of the form's own inputs (the app's controls have other ids). */
  readonly ownPrefix: string;
  /** The form's `<assent-terms>`. */
  terms(): AssentTerms | null;
  readonly submission: Submission;
  readonly countdown: RetryCountdown;
  readonly texts: FormUiMessages;
  readonly options: SignupInputOptions;
  /** One of the form's own inputs. */
  input(name: string): HTMLInputElement | null;
  /** The container of the app's own controls. */
  readonly extras: Element | null;
  /** The success message, focused once the account exists. */
  success(): HTMLElement | null;
  /** Shows `problems` and moves focus to their summary. */
  report(problems: readonly Problem[]): Promise<void>;
}

/**
 * Submits the form: checks every field (the summary and each field's message when one is wrong),
 * then sends ONE request with the decision `<assent-terms>` holds at this moment (its documented
 * `decision` property; the client checks and encodes it once), then shows the success message or
 * the problem in the user's language. Everything typed is kept after a failure, except a password
 * Auth0 reports as breached (`password_leaked`): that one must not be used again. `client` is null
 * while the form cannot send (`policy-src` still loading). Loaded with the signup code.
 */
export async function submitSignup(form: SubmitTarget, client: AssentClient | null): Promise<void> {
  const { element, submission } = form;
  const problems = invalidFields(form.form, form.ownPrefix, withSubmitTexts(form.texts));
  const decision = form.terms()?.decision;
  if (problems.length || !decision || !client) return form.report(problems);
  const input = signupInputOf((name) => form.input(name)?.value ?? '', form.extras, form.options);
  submission.busy = true;
  submission.problems = [];
  form.countdown.clear();
  element.requestUpdate();
  try {
    const result = await client.signup(input, decision);
    submission.busy = false;
    submission.result = { email: result.email, ...(input.rootFields?.given_name && { name: input.rootFields.given_name }) };
    element.requestUpdate();
    element.dispatchEvent(
      new CustomEvent<AssentSignupSuccessDetail>('assent-signup-success', { bubbles: true, composed: true, detail: { userId: result.userId, email: result.email, decision: result.decision } }),
    );
    await element.updateComplete;
    form.success()?.focus();
  } catch (caught) {
    submission.busy = false;
    const error = caught instanceof Error ? caught : new Error(String(caught));
    if (!(error instanceof SignupError || error instanceof SignupInputError)) console.error('<assent-signup-form>: the signup failed unexpectedly.', error);
    if (error instanceof SignupError && error.code === 'password_leaked') {
      const password = form.input('password');
      if (password) password.value = '';
    }
    if (error instanceof SignupError && error.code === 'rate_limited' && error.retryAfterMs) form.countdown.start(error.retryAfterMs);
    element.dispatchEvent(new CustomEvent<AssentSignupErrorDetail>('assent-signup-error', { bubbles: true, composed: true, detail: { error } }));
    await form.report([problemOf(error, withSubmitTexts(form.texts))]);
  }
}
