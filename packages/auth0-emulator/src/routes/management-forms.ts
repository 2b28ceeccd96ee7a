/**
 * Management API v2 Forms, what a team deploys for a Forms-based post-login consent gate:
 * GET /api/v2/forms (read:forms), POST /api/v2/forms (create:forms, 201), GET /api/v2/forms/{id}
 * (read:forms), PATCH /api/v2/forms/{id} (update:forms) and DELETE /api/v2/forms/{id}
 * (delete:forms, 204). Only the node and component types the emulator renders are accepted (see
 * forms/validate.ts); a refused request changes nothing.
 */
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { managementError, type HttpError } from '../errors.js';
import { parseFormContent } from '../forms/validate.js';
import type { StoredForm } from '../forms/store.js';
import { jsonObjectBody } from '../http/management-body.js';
import type { Env } from '../http/request.js';
import { managementCaller, requireAnyScope } from '../middleware/management-auth.js';

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 50;

function notFound(): HttpError {
  return managementError(404, 'The form does not exist.', 'not_found');
}

function invalidQuery(message: string): HttpError {
  return managementError(400, `Query validation error: ${message}`, 'invalid_query_string');
}

function integer(c: Context<Env>, name: string, min: number, max: number, fallback: number): number {
  const value = c.req.query(name);
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) throw invalidQuery(`'Expected an integer between ${min} and ${max} but found ${JSON.stringify(value)}' on property ${name}.`);
  return number;
}

function summary(form: StoredForm): Record<string, unknown> {
  return { id: form.id, name: form.name, created_at: form.created_at, updated_at: form.updated_at };
}

export function managementFormRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();
  const caller = async (c: Context<Env>, scopes: readonly string[]) => requireAnyScope(await managementCaller(ctx, c), scopes);
  const found = (id: string) => {
    const form = ctx.forms.get(id);
    if (!form) throw notFound();
    return form;
  };

  app.get('/api/v2/forms', async (c) => {
    await caller(c, ['read:forms']);
    const page = integer(c, 'page', 0, Number.MAX_SAFE_INTEGER, 0);
    const perPage = integer(c, 'per_page', 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
    const totals = c.req.query('include_totals');
    if (totals !== undefined && totals !== 'true' && totals !== 'false') throw invalidQuery(`'Expected type boolean but found ${JSON.stringify(totals)}' on property include_totals.`);
    const all = ctx.forms.all();
    const forms = all.slice(page * perPage, (page + 1) * perPage).map(summary);
    return c.json(totals === 'false' ? forms : { start: page * perPage, limit: perPage, total: all.length, forms });
  });

  app.post('/api/v2/forms', async (c) => {
    await caller(c, ['create:forms']);
    const content = parseFormContent(await jsonObjectBody(c), false);
    return c.json(ctx.forms.create({ ...content, name: content.name as string }), 201);
  });

  app.get('/api/v2/forms/:id', async (c) => {
    await caller(c, ['read:forms']);
    return c.json(found(c.req.param('id')));
  });

  app.patch('/api/v2/forms/:id', async (c) => {
    await caller(c, ['update:forms']);
    const id = c.req.param('id');
    found(id);
    const content = parseFormContent(await jsonObjectBody(c), true);
    return c.json(ctx.forms.update(id, content));
  });

  app.delete('/api/v2/forms/:id', async (c) => {
    await caller(c, ['delete:forms']);
    const id = c.req.param('id');
    found(id);
    ctx.forms.delete(id);
    return c.body(null, 204);
  });

  return app;
}
