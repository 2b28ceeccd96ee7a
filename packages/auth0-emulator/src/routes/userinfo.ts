/** GET/POST /userinfo: the OIDC claims of the user of an access token that has the userinfo audience. */
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Env } from '../http/request.js';
import { TokenRejectedError, verifyAccessToken } from '../tokens.js';
import { oidcClaims } from '../users.js';

export function userinfoRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();
  const unauthorized = (c: Context<Env>, description: string) => c.text('Unauthorized', 401, { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"` });

  const handler = async (c: Context<Env>) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match) return unauthorized(c, 'Missing bearer token');
    try {
      const token = await verifyAccessToken(ctx.tokens, match[1] as string, [`${ctx.issuer}userinfo`]);
      const user = ctx.store.users.get(token.subject);
      if (!user) return unauthorized(c, 'The user no longer exists');
      return c.json({ sub: user.user_id, ...oidcClaims(user, token.scopes, ctx.issuer) });
    } catch (error) {
      if (error instanceof TokenRejectedError) return unauthorized(c, error.message);
      throw error;
    }
  };
  app.get('/userinfo', handler);
  app.post('/userinfo', handler);
  return app;
}
