/**
 * GET /u/forms/{formId}?state=…: the page of a Form a post-login Action rendered
 * (`api.prompt.render`), for the login suspended under `state`. It posts to /continue (see
 * routes/authorize.ts), which reads the answer into `event.prompt.fields`.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { formPage } from '../forms/page.js';
import { errorPage, pageHeaders } from '../http/html.js';
import type { Env } from '../http/request.js';

export function formPageRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/u/forms/:formId', (c) => {
    const state = c.req.query('state') ?? '';
    const suspended = ctx.suspended.get(state);
    const form = suspended?.prompt ? ctx.forms.get(suspended.prompt.formId) : undefined;
    if (!suspended?.prompt || !form || form.id !== c.req.param('formId')) {
      const page = errorPage('Invalid state', 'This form cannot be shown: the login it belongs to is unknown, expired or already finished.');
      return c.body(page.html, 400, pageHeaders(page.csp));
    }
    const page = formPage(form, suspended.prompt, state, new URL(suspended.request.redirectUri).origin);
    return c.body(page.html, 200, pageHeaders(page.csp));
  });
  return app;
}
