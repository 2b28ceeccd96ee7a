/**
 * Management API v2 Actions, enough to change an Action's secrets and deploy it:
 * GET /api/v2/actions/actions (read:actions), GET /api/v2/actions/actions/{id} (read:actions),
 * PATCH /api/v2/actions/actions/{id} (update:actions; `name` and `secrets`, the draft only) and
 * POST /api/v2/actions/actions/{id}/deploy (create:actions, as Auth0's API reference says; 202 with
 * the new version). Secret values are never returned.
 */
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { managementError, type HttpError } from '../errors.js';
import { invalidBody, jsonObjectBody, typeName } from '../http/management-body.js';
import type { Env } from '../http/request.js';
import { ACTION_TRIGGER_IDS, MAX_ACTION_SECRETS, secretNameProblem, secretValueProblem } from '../actions/limits.js';
import type { ActionRecord, ActionUpdate, SecretUpdate } from '../actions/registry.js';
import { managementCaller, requireAnyScope } from '../middleware/management-auth.js';
import { isRecord } from '../tenant/check.js';

const READ_SCOPES = ['read:actions'];
const UPDATE_SCOPES = ['update:actions'];
const DEPLOY_SCOPES = ['create:actions'];
/** Documented fields of an Action update that the emulator cannot honour: its code is the tenant file's module. */
const UNSUPPORTED_FIELDS = ['code', 'runtime', 'dependencies', 'supported_triggers', 'modules'];
const UPDATE_FIELDS = ['name', 'secrets', ...UNSUPPORTED_FIELDS];
/** Auth0: "20 by default"; the emulator caps pages at 100 like the rest of the Management API. */
const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;

function invalidQuery(message: string): HttpError {
  return managementError(400, `Query validation error: ${message}`, 'invalid_query_string');
}

/** Auth0's wording for a secret the Actions service refuses (seen in Auth0 Deploy CLI reports). */
function invalidSecret(index: number, field: 'Name' | 'Value', problem: string): HttpError {
  return managementError(
    400,
    `invalid UpdateActionRequest.Draft: embedded message failed validation | caused by: invalid DraftInformation.Secrets[${index}]: embedded message failed validation | caused by: invalid NameValueOptional.${field}: ${problem}`,
  );
}

function notFound(): HttpError {
  return managementError(404, 'The action does not exist.');
}

function found(ctx: EmulatorContext, id: string): ActionRecord {
  const record = ctx.actionRegistry.get(id);
  if (!record) throw notFound();
  return record;
}

function booleanQuery(c: Context<Env>, name: string): boolean | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalidQuery(`'Expected type boolean but found ${JSON.stringify(value)}' on property ${name}.`);
  return value === 'true';
}

function integerQuery(c: Context<Env>, name: string, min: number, max: number): number | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw invalidQuery(`'Expected an integer from ${min} to ${max} but found ${JSON.stringify(value)}' on property ${name}.`);
  }
  return number;
}

/** Checks the `secrets` of an update against Auth0's rules and the draft it replaces. */
function parseSecrets(value: unknown, current: ReadonlySet<string>): SecretUpdate[] {
  if (!Array.isArray(value)) throw invalidBody(`'Expected type array but found type ${typeName(value)}' on property secrets.`);
  if (value.length > MAX_ACTION_SECRETS) {
    throw invalidBody(`'Array is too long (${value.length}), maximum ${MAX_ACTION_SECRETS}' on property secrets (an Action has at most ${MAX_ACTION_SECRETS} secrets).`);
  }
  const seen = new Map<string, number>();
  return value.map((entry: unknown, index): SecretUpdate => {
    if (!isRecord(entry)) throw invalidBody(`'Expected type object but found type ${typeName(entry)}' on property secrets[${index}].`);
    const { name, value: secret } = entry;
    if (typeof name !== 'string') throw invalidBody(`'Expected type string but found type ${typeName(name)}' on property secrets[${index}].name.`);
    const nameProblem = secretNameProblem(name);
    if (nameProblem) throw invalidSecret(index, 'Name', nameProblem);
    const first = seen.get(name);
    if (first !== undefined) throw invalidBody(`secret ${JSON.stringify(name)} is listed twice, at secrets[${first}] and secrets[${index}].`);
    seen.set(name, index);
    if (secret === undefined) {
      if (!current.has(name)) throw invalidBody(`secrets[${index}] (${JSON.stringify(name)}) has no value: the Action has no such secret yet, so it needs one.`);
      return { name };
    }
    if (typeof secret !== 'string') throw invalidBody(`'Expected type string but found type ${typeName(secret)}' on property secrets[${index}].value.`);
    const valueProblem = secretValueProblem(secret);
    if (valueProblem) throw invalidSecret(index, 'Value', valueProblem);
    return { name, value: secret };
  });
}

function parseUpdate(ctx: EmulatorContext, record: ActionRecord, body: Record<string, unknown>): ActionUpdate {
  for (const key of Object.keys(body)) if (!UPDATE_FIELDS.includes(key)) throw invalidBody(`'Additional properties not allowed: ${key}'.`);
  const unsupported = UNSUPPORTED_FIELDS.find((key) => key in body);
  if (unsupported) {
    const where = record.source.module ? `the module ${record.source.module}` : 'the `actions` option of startEmulator';
    throw invalidBody(`the emulator cannot change ${unsupported} of an Action: it runs ${where}. Change it there and restart the emulator; only name and secrets can be updated here.`);
  }
  let name: string | undefined;
  if (body.name !== undefined) {
    if (typeof body.name !== 'string') throw invalidBody(`'Expected type string but found type ${typeName(body.name)}' on property name.`);
    if (body.name.length === 0) throw invalidBody(`'String is too short (0 chars), minimum 1' on property name.`);
    if (body.name.trim().length === 0) throw invalidBody(`'String must not be blank' on property name.`);
    if (ctx.actionRegistry.nameTaken(body.name, record.id)) throw managementError(409, `An action with the name ${JSON.stringify(body.name)} already exists.`);
    name = body.name;
  }
  const secrets = body.secrets === undefined ? undefined : parseSecrets(body.secrets, ctx.actionRegistry.draftSecretNames(record.id));
  return { name, secrets };
}

export function managementActionRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/api/v2/actions/actions', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, READ_SCOPES);
    const triggerId = c.req.query('triggerId');
    if (triggerId !== undefined && !(ACTION_TRIGGER_IDS as readonly string[]).includes(triggerId)) {
      throw invalidQuery(`'No enum match for: ${JSON.stringify(triggerId)}' on property triggerId.`);
    }
    const actionName = c.req.query('actionName');
    // Every Action here is deployed (version 1 exists from the start) and custom (none is a
    // Marketplace integration): `deployed` is only checked, and `installed=true` finds none.
    booleanQuery(c, 'deployed');
    const installed = booleanQuery(c, 'installed');
    const page = integerQuery(c, 'page', 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const perPage = integerQuery(c, 'per_page', 1, MAX_PER_PAGE) ?? DEFAULT_PER_PAGE;

    let records = installed === true ? [] : [...ctx.actionRegistry.all()];
    if (triggerId !== undefined) records = records.filter((record) => (record.triggers as readonly string[]).includes(triggerId));
    if (actionName !== undefined) records = records.filter((record) => record.name === actionName);
    const actions = records.slice(page * perPage, (page + 1) * perPage).map((record) => ctx.actionRegistry.actionView(record));
    return c.json({ actions, total: records.length, page, per_page: perPage });
  });

  app.get('/api/v2/actions/actions/:id', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, READ_SCOPES);
    return c.json(ctx.actionRegistry.actionView(found(ctx, c.req.param('id'))));
  });

  app.patch('/api/v2/actions/actions/:id', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, UPDATE_SCOPES);
    const record = found(ctx, c.req.param('id'));
    const update = parseUpdate(ctx, record, await jsonObjectBody(c));
    const updated = ctx.actionRegistry.update(record.id, update);
    if (!updated) throw notFound();
    return c.json(ctx.actionRegistry.actionView(updated));
  });

  app.post('/api/v2/actions/actions/:id/deploy', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, DEPLOY_SCOPES);
    const record = found(ctx, c.req.param('id'));
    const version = ctx.actionRegistry.deploy(record.id);
    if (!version) throw notFound();
    return c.json(ctx.actionRegistry.versionView(record, version), 202);
  });

  return app;
}
