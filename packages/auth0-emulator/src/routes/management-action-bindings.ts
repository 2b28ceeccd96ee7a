/**
 * Management API v2 trigger bindings, which decide what a trigger runs and in which order:
 * GET /api/v2/actions/triggers/{triggerId}/bindings (read:actions) and
 * PATCH /api/v2/actions/triggers/{triggerId}/bindings (update:actions), whose `bindings` replace the
 * trigger's list. A binding names its Action by `action_id`, `action_name` or an existing
 * `binding_id`. Binding secrets (Marketplace integrations only) are not emulated.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { managementError, type HttpError } from '../errors.js';
import { invalidBody, jsonObjectBody, typeName } from '../http/management-body.js';
import type { Env } from '../http/request.js';
import { ACTION_TRIGGER_IDS, EMULATED_TRIGGERS, type EmulatedTrigger } from '../actions/limits.js';
import type { ActionRecord } from '../actions/registry.js';
import { managementCaller, requireAnyScope } from '../middleware/management-auth.js';
import { isRecord } from '../tenant/check.js';

const READ_SCOPES = ['read:actions'];
const UPDATE_SCOPES = ['update:actions'];
const REF_TYPES = ['action_id', 'action_name', 'binding_id'];
const BINDING_FIELDS = ['ref', 'display_name', 'secrets'];
const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;

function invalidTrigger(triggerId: string): HttpError {
  return managementError(400, `Path validation error: 'No enum match for: ${JSON.stringify(triggerId)}' on property triggerId.`, 'invalid_uri');
}

function knownTrigger(triggerId: string): string {
  if (!(ACTION_TRIGGER_IDS as readonly string[]).includes(triggerId)) throw invalidTrigger(triggerId);
  return triggerId;
}

function isEmulated(triggerId: string): triggerId is EmulatedTrigger {
  return triggerId in EMULATED_TRIGGERS;
}

function pageQuery(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw managementError(400, `Query validation error: 'Expected an integer from ${min} to ${max} but found ${JSON.stringify(value)}' on property ${name}.`, 'invalid_query_string');
  }
  return number;
}

/** The Action a binding's `ref` names, checked against the trigger. */
function resolveRef(ctx: EmulatorContext, trigger: EmulatedTrigger, ref: unknown, index: number): ActionRecord {
  const where = `bindings[${index}].ref`;
  if (!isRecord(ref)) throw invalidBody(`'Expected type object but found type ${typeName(ref)}' on property ${where}.`);
  const { type, value } = ref;
  if (typeof type !== 'string' || !REF_TYPES.includes(type)) throw invalidBody(`'No enum match for: ${JSON.stringify(type)}' on property ${where}.type.`);
  if (typeof value !== 'string' || value.length === 0) throw invalidBody(`'Expected a non-empty string but found type ${typeName(value)}' on property ${where}.value.`);
  const registry = ctx.actionRegistry;
  const record =
    type === 'action_id'
      ? registry.get(value)
      : type === 'action_name'
        ? registry.all().find((candidate) => candidate.name === value)
        : registry.get(registry.bindingsOf(trigger).find((binding) => binding.id === value)?.actionId ?? '');
  if (!record) throw managementError(404, `${where} (${type} ${JSON.stringify(value)}) names no action of this tenant.`);
  if (!record.triggers.includes(trigger)) {
    throw invalidBody(`${where}: the action ${JSON.stringify(record.name)} does not support the trigger ${trigger} (its supported triggers: ${record.triggers.join(', ') || 'none'}).`);
  }
  return record;
}

export function managementActionBindingRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/api/v2/actions/triggers/:triggerId/bindings', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, READ_SCOPES);
    const triggerId = knownTrigger(c.req.param('triggerId'));
    const page = pageQuery(c.req.query('page'), 'page', 0, Number.MAX_SAFE_INTEGER, 0);
    const perPage = pageQuery(c.req.query('per_page'), 'per_page', 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
    // Triggers the emulator does not run have no Actions, so nothing is bound to them.
    const bindings = isEmulated(triggerId) ? ctx.actionRegistry.bindingsOf(triggerId) : [];
    const shown = bindings.slice(page * perPage, (page + 1) * perPage).map((binding) => ctx.actionRegistry.bindingView(triggerId as EmulatedTrigger, binding));
    return c.json({ bindings: shown, total: bindings.length, page, per_page: perPage });
  });

  app.patch('/api/v2/actions/triggers/:triggerId/bindings', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, UPDATE_SCOPES);
    const triggerId = knownTrigger(c.req.param('triggerId'));
    const body = await jsonObjectBody(c);
    for (const key of Object.keys(body)) if (key !== 'bindings') throw invalidBody(`'Additional properties not allowed: ${key}'.`);
    const list = body.bindings ?? [];
    if (!Array.isArray(list)) throw invalidBody(`'Expected type array but found type ${typeName(list)}' on property bindings.`);
    if (!isEmulated(triggerId)) {
      if (list.length === 0) return c.json({ bindings: [] });
      throw invalidBody(`the emulator runs no Actions on the trigger ${triggerId} (only ${Object.keys(EMULATED_TRIGGERS).join(' and ')}), so none can be bound to it.`);
    }
    const seen = new Map<string, number>();
    const next = list.map((entry: unknown, index) => {
      if (!isRecord(entry)) throw invalidBody(`'Expected type object but found type ${typeName(entry)}' on property bindings[${index}].`);
      for (const key of Object.keys(entry)) if (!BINDING_FIELDS.includes(key)) throw invalidBody(`'Additional properties not allowed: ${key}' on property bindings[${index}].`);
      if (entry.secrets !== undefined) throw invalidBody(`bindings[${index}].secrets: binding secrets belong to Marketplace integrations, which the emulator does not have.`);
      const record = resolveRef(ctx, triggerId, entry.ref, index);
      const first = seen.get(record.id);
      if (first !== undefined) throw invalidBody(`the action ${JSON.stringify(record.name)} is bound twice, at bindings[${first}] and bindings[${index}].`);
      seen.set(record.id, index);
      const displayName = entry.display_name ?? record.name;
      if (typeof displayName !== 'string') throw invalidBody(`'Expected type string but found type ${typeName(displayName)}' on property bindings[${index}].display_name.`);
      return { actionId: record.id, displayName };
    });
    const bindings = ctx.actionRegistry.bind(triggerId, next);
    return c.json({ bindings: bindings.map((binding) => ctx.actionRegistry.bindingView(triggerId, binding)) });
  });

  return app;
}
