/** Discovery (/.well-known/openid-configuration), the JWKS, and the locally served avatars. */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { escapeHtml } from '../http/html.js';
import type { Env } from '../http/request.js';
import { jwks } from '../keys.js';
import { publicCors } from '../middleware/cors.js';

export function wellKnownRoutes(ctx: EmulatorContext): Hono<Env> {
  const app = new Hono<Env>();
  app.use('/.well-known/*', publicCors);

  app.get('/.well-known/openid-configuration', (c) =>
    c.json({
      issuer: ctx.issuer,
      authorization_endpoint: `${ctx.issuer}authorize`,
      token_endpoint: `${ctx.issuer}oauth/token`,
      userinfo_endpoint: `${ctx.issuer}userinfo`,
      jwks_uri: `${ctx.issuer}.well-known/jwks.json`,
      end_session_endpoint: `${ctx.issuer}oidc/logout`,
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      response_types_supported: ['code', 'token', 'id_token', 'token id_token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      code_challenge_methods_supported: ['S256', 'plain'],
      grant_types_supported: ['authorization_code', 'implicit', 'client_credentials', 'password', 'http://auth0.com/oauth/grant-type/password-realm'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'nickname', 'picture', 'sub', 'updated_at'],
      request_uri_parameter_supported: false,
    }),
  );

  app.get('/.well-known/jwks.json', (c) => c.json(jwks(ctx.store.key)));

  app.get('/avatars/:file', (c) => {
    const match = /^([a-z0-9]{1,2})\.svg$/.exec(c.req.param('file'));
    if (!match) return c.text('Not Found', 404);
    const initials = escapeHtml((match[1] as string).toUpperCase());
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="${initials}"><rect width="96" height="96" fill="#4a5a78"/><text x="48" y="60" font-family="sans-serif" font-size="40" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' });
  });

  return app;
}
