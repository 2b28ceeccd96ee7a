/** Assembles the Hono application: error rendering, body limit, CORS, faults, then every route group. */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { EmulatorContext } from './context.js';
import { HttpError, failureFor, managementError } from './errors.js';
import type { Env } from './http/request.js';
import { tenantCors } from './middleware/cors.js';
import { faultsMiddleware } from './middleware/faults.js';
import { adminRoutes } from './routes/admin.js';
import { authorizeRoutes } from './routes/authorize.js';
import { coAuthenticateRoutes } from './routes/co-authenticate.js';
import { lockAssetRoutes } from './routes/lock-assets.js';
import { logoutRoutes } from './routes/logout.js';
import { managementActionRoutes } from './routes/management-actions.js';
import { managementActionBindingRoutes } from './routes/management-action-bindings.js';
import { managementBrandingRoutes } from './routes/management-branding.js';
import { managementFormRoutes } from './routes/management-forms.js';
import { formPageRoutes } from './routes/forms-page.js';
import { managementJobRoutes } from './routes/management-jobs.js';
import { managementPromptRoutes } from './routes/management-prompts.js';
import { managementUserRoutes } from './routes/management-users.js';
import { oauthTokenRoutes } from './routes/oauth-token.js';
import { signupRoutes } from './routes/signup.js';
import { socialLoginRoutes } from './routes/social-login.js';
import { universalLoginRoutes } from './routes/universal-login.js';
import { userinfoRoutes } from './routes/userinfo.js';
import { wellKnownRoutes } from './routes/well-known.js';

/** Largest accepted request body (Auth0 refuses far smaller payloads anyway). */
const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body, error.status as 400, error.headers);
    ctx.log(`error on ${c.req.method} ${c.req.path}: ${(error as Error)?.stack ?? String(error)}`);
    const failure = failureFor(c.req.path, 500, 'Internal error in the emulator');
    return c.json(failure.body, 500);
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/v2/')) {
      const notFound = managementError(404, 'Not Found');
      return c.json(notFound.body, 404);
    }
    return c.text('Not Found', 404);
  });

  const cors = tenantCors(ctx);
  const corsExceptPublic: MiddlewareHandler<Env> = (c, next) => (c.req.path.startsWith('/.well-known/') ? next() : cors(c, next));
  app.use('*', corsExceptPublic);
  app.use('*', faultsMiddleware(ctx));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // The rest of the body is never read, so the connection cannot be reused: close it.
      onError: (c) => {
        throw failureFor(c.req.path, 413, `Request body larger than ${MAX_BODY_BYTES} bytes`, { Connection: 'close' });
      },
    }),
  );

  for (const routes of [
    wellKnownRoutes(ctx),
    lockAssetRoutes(ctx),
    signupRoutes(ctx),
    authorizeRoutes(ctx),
    universalLoginRoutes(ctx),
    formPageRoutes(ctx),
    socialLoginRoutes(ctx),
    coAuthenticateRoutes(ctx),
    oauthTokenRoutes(ctx),
    userinfoRoutes(ctx),
    logoutRoutes(ctx),
    managementUserRoutes(ctx),
    managementJobRoutes(ctx),
    managementActionRoutes(ctx),
    managementActionBindingRoutes(ctx),
    managementPromptRoutes(ctx),
    managementBrandingRoutes(ctx),
    managementFormRoutes(ctx),
  ]) {
    app.route('/', routes);
  }
  if (ctx.adminEnabled) app.route('/', adminRoutes(ctx));
  return app;
}
