/**
 * Creating a database user once the signup request itself is valid, shared by
 * POST /dbconnections/signup and the hosted signup pages: password policy, existing user,
 * pre-user-registration Actions, then the user, stored durably. Refusals are thrown as the
 * signup-family HttpError Auth0 answers with; the hosted pages turn them into a message in the prompt.
 */
import { runPreUserRegistration } from '../actions/pre-user-registration.js';
import type { EmulatorContext } from '../context.js';
import type { RequestInfo } from '../http/request-info.js';
import { HttpError, signupError } from '../errors.js';
import { checkSignupPassword } from '../passwords/policy.js';
import type { StoredUser } from '../store/types.js';
import type { Client, Connection } from '../tenant/types.js';
import { buildUser } from '../users.js';

/** Name fields a signup may set on the user. */
export type RootFields = Partial<Record<'given_name' | 'family_name' | 'name' | 'nickname' | 'picture', string>>;

export interface Registration {
  readonly client: Client;
  readonly connection: Connection;
  readonly email: string;
  readonly password: string;
  readonly username?: string | undefined;
  readonly root: RootFields;
  readonly userMetadata: Record<string, unknown>;
  /** The request as pre-user-registration Actions see it (`event.request`; never the password). */
  readonly info: RequestInfo;
  /** `event.transaction.locale`, when the page language is known (hosted pages). */
  readonly locale?: string | undefined;
}

/** A pre-user-registration Action's `api.validation.error(code, message)`: shown in the prompt. */
export class SignupValidationError extends HttpError {
  constructor(
    readonly code: string,
    readonly userMessage: string,
  ) {
    // The JSON endpoint answers it like a denial: Auth0's `extensibility_error` family.
    super(400, { name: 'BadRequestError', code: 'extensibility_error', description: userMessage, statusCode: 400 });
  }
}

/** A pre-user-registration Action's `api.access.deny(reason, userMessage?)`. */
export class SignupDeniedError extends HttpError {
  constructor(
    readonly reason: string,
    readonly userMessage: string | undefined,
  ) {
    // Auth0 answers a refusal by a pre-user-registration Action with `extensibility_error`; the
    // description is the Action's userMessage (meant for the signup form), else its reason.
    super(400, { name: 'BadRequestError', code: 'extensibility_error', description: userMessage ?? reason, statusCode: 400 });
  }
}

function existingUser(ctx: EmulatorContext, connection: string, email: string, username: string | undefined): StoredUser | undefined {
  return ctx.store.users.findByLogin(connection, email) ?? (username === undefined ? undefined : ctx.store.users.findByLogin(connection, username));
}

function existingUserError(ctx: EmulatorContext, taken: StoredUser, email: string, username: string | undefined): HttpError {
  if (ctx.tenant.settings.existing_user_error === 'user_exists') {
    const usernameTaken = username !== undefined && taken.username?.toLowerCase() === username.toLowerCase() && taken.email.toLowerCase() !== email.toLowerCase();
    return usernameTaken
      ? signupError(409, 'BadRequestError', 'username_exists', 'The username provided is in use already.')
      : signupError(409, 'BadRequestError', 'user_exists', 'The user already exists.');
  }
  return signupError(400, 'BadRequestError', 'invalid_signup', 'Invalid sign up');
}

/**
 * Checks the password and the existing users, runs the pre-user-registration Actions and stores
 * the new user (durably, before returning).
 * @throws HttpError (signup family) for every refusal; SignupValidationError for `api.validation.error`,
 *   SignupDeniedError for `api.access.deny`.
 */
export async function registerUser(ctx: EmulatorContext, registration: Registration): Promise<StoredUser> {
  const { client, connection, email, password, username, root } = registration;
  const passwordError = checkSignupPassword(password, connection, { email, username, ...root }, ctx.tenant.settings.breached_passwords);
  if (passwordError) throw passwordError;

  const taken = existingUser(ctx, connection.name, email, username);
  if (taken) throw existingUserError(ctx, taken, email, username);

  const outcome = await runPreUserRegistration(ctx, {
    clientId: client.client_id,
    connection: connection.name,
    info: registration.info,
    locale: registration.locale,
    user: { email, ...(username === undefined ? {} : { username }), ...root, user_metadata: registration.userMetadata, app_metadata: {} },
  });
  if (outcome.type === 'invalid') throw new SignupValidationError(outcome.code, outcome.message);
  if (outcome.type === 'denied') throw new SignupDeniedError(outcome.reason, outcome.userMessage);

  const user = await buildUser({ connection: connection.name, email, password, username, ...root, user_metadata: outcome.user_metadata, app_metadata: outcome.app_metadata }, new Date(ctx.now()));
  // A concurrent signup may have taken the email while the password was being hashed.
  const raced = existingUser(ctx, connection.name, email, username);
  if (raced) throw existingUserError(ctx, raced, email, username);
  await ctx.store.insertUser(user);
  return user;
}
