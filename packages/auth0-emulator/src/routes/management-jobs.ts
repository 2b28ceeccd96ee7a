/**
 * Management API jobs: POST /api/v2/jobs/users-exports creates an export job (pending), which
 * completes on the next turn of the event loop with a `location` on the emulator serving the
 * gzipped file (`<tenant>.csv.gz` or `<tenant>.json.gz`, NDJSON), as Auth0 does.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { DEFAULT_EXPORT_FIELDS, gzipExport, renderExport } from '../exports.js';
import { managementError } from '../errors.js';
import { managementCaller, requireAnyScope } from '../middleware/management-auth.js';
import { jobView, newJobId, type ExportField, type ExportJob } from '../store/jobs.js';
import { isRecord } from '../tenant/check.js';
import { invalidBody } from '../http/management-body.js';
import type { Env } from '../http/request.js';
import { managementView } from '../users.js';

const MAX_FIELDS = 30;

function parseFields(value: unknown): ExportField[] {
  if (value === undefined) return [...DEFAULT_EXPORT_FIELDS];
  if (!Array.isArray(value) || value.length === 0) throw invalidBody("'Expected a non-empty array' on property fields.");
  if (value.length > MAX_FIELDS) throw invalidBody(`'Array is too long (${value.length}), maximum ${MAX_FIELDS}' on property fields.`);
  return value.map((field, index) => {
    if (!isRecord(field) || typeof field.name !== 'string' || field.name.length === 0) throw invalidBody(`'Missing required property: name' on property fields[${index}].`);
    if (field.export_as !== undefined && typeof field.export_as !== 'string') throw invalidBody(`'Expected type string' on property fields[${index}].export_as.`);
    return field.export_as === undefined ? { name: field.name } : { name: field.name, export_as: field.export_as };
  });
}

function complete(ctx: EmulatorContext, job: ExportJob): void {
  job.status = 'processing';
  let users = ctx.store.users.all();
  if (job.connection) users = users.filter((user) => user.connection === job.connection);
  if (job.limit !== undefined) users = users.slice(0, job.limit);
  const text = renderExport(
    users.map((user) => managementView(user, ctx.issuer)),
    job.fields,
    job.format,
  );
  job.fileName = `${ctx.tenant.name}.${job.format}.gz`;
  job.file = gzipExport(text);
  job.location = `${ctx.issuer}exports/${job.id}/${job.fileName}`;
  job.status = 'completed';
}

export function managementJobRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/api/v2/jobs/users-exports', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, ['read:users']);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = {};
    }
    if (!isRecord(body)) throw invalidBody("'Expected type object'.");
    const format = body.format ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw invalidBody(`'No enum match for: ${JSON.stringify(format)}' on property format.`);
    let connection: string | undefined;
    if (body.connection_id !== undefined) {
      connection = ctx.tenant.connections.find((con) => con.id === body.connection_id)?.name;
      if (!connection) throw managementError(400, 'The connection does not exist.', 'inexistent_connection');
    }
    if (body.limit !== undefined && (typeof body.limit !== 'number' || !Number.isInteger(body.limit) || body.limit < 1)) {
      throw invalidBody("'Expected a positive integer' on property limit.");
    }
    const job: ExportJob = {
      type: 'users_export',
      status: 'pending',
      ...(typeof body.connection_id === 'string' ? { connection_id: body.connection_id } : {}),
      format,
      ...(typeof body.limit === 'number' ? { limit: body.limit } : {}),
      fields: parseFields(body.fields),
      ...(connection === undefined ? {} : { connection }),
      created_at: new Date(ctx.now()).toISOString(),
      id: newJobId(),
    };
    ctx.jobs.add(job);
    const view = jobView(job);
    setImmediate(() => {
      try {
        complete(ctx, job);
      } catch (error) {
        job.status = 'failed';
        ctx.log(`export job ${job.id} failed: ${(error as Error).message}`);
      }
    });
    return c.json(view, 201);
  });

  app.get('/api/v2/jobs/:id', async (c) => {
    const caller = await managementCaller(ctx, c);
    requireAnyScope(caller, ['create:users', 'read:users', 'create:passwords_checking_job']);
    const job = ctx.jobs.get(c.req.param('id'));
    if (!job) throw managementError(404, 'The job does not exist.', 'inexistent_job');
    return c.json(jobView(job));
  });

  app.get('/exports/:id/:file', (c) => {
    const job = ctx.jobs.get(c.req.param('id'));
    if (!job?.file || job.fileName !== c.req.param('file')) return c.text('Not Found', 404);
    return c.body(new Uint8Array(job.file), 200, {
      'Content-Type': 'application/gzip',
      'Content-Disposition': `attachment; filename="${job.fileName}"`,
    });
  });

  return app;
}
