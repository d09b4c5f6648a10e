import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { setCookie, deleteCookie } from 'hono/cookie';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { SESSION_COOKIE, requireActor } from '../../context.ts';
import { body, errors, json, okSchema } from '../../openapi.ts';
import { loginInputSchema, passwordResetRequestSchema, passwordResetConfirmSchema, demoInfoSchema, logoutResultSchema } from '../../../domain/foundation/auth/schema.ts';
import { login, requestPasswordReset, confirmPasswordReset, getActorFromSession } from '../../../domain/foundation/auth/actions.ts';
import { meSchema, mePatchSchema } from '../../../domain/foundation/person/schema.ts';
import { readMe, updateMe } from '../../../domain/foundation/person/actions.ts';
import { invitationPublicSchema, invitationAcceptSchema } from '../../../domain/foundation/invitation/schema.ts';
import { readInvitationByToken, acceptInvitation } from '../../../domain/foundation/invitation/actions.ts';
import { getDemoInfo } from '../../../domain/foundation/network/actions.ts';
import { buildProviderLogout } from '../../../domain/foundation/identity-provider/build-provider-logout.ts';
import { endOwnSessions } from '../../../domain/foundation/person/actions.ts';
import { AppError } from '../../../lib/errors.ts';

export const authRoutes = new OpenAPIHono<AppEnv>();

// A throttled request (429) says when to come back.
const retryAfterHeader: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const retryAfter = c.error instanceof AppError ? c.error.details.retryAfterSeconds : undefined;
  if (typeof retryAfter === 'number') c.res.headers.set('Retry-After', String(retryAfter));
};
authRoutes.use('/auth/*', retryAfterHeader);
authRoutes.use('/invitations/*', retryAfterHeader);

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  const secure = c.get('request').secure === true;
  const maxAge = c.get('deps').config.SESSION_ABSOLUTE_HOURS * 3600;
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge });
}

authRoutes.openapi(
  createRoute({ method: 'post', path: '/auth/login', tags: ['auth'], request: body(loginInputSchema), responses: { 200: json(meSchema), ...errors, 429: { ...errors[400], description: 'Too many attempts; the Retry-After header gives the seconds to wait' } } }),
  async (c) => {
    const deps = c.get('deps');
    const { token, actor } = await login(deps, c.req.valid('json'), c.get('request'), c.get('sessionToken'));
    setSessionCookie(c, token);
    return c.json(await readMe(deps, actor), 200);
  },
);

authRoutes.openapi(
  createRoute({ method: 'post', path: '/auth/logout', tags: ['auth'], responses: { 200: json(logoutResultSchema, 'Logged out; endSessionUrl ends the identity provider\'s session too') } }),
  async (c) => {
    const token = c.get('sessionToken');
    const ended = token ? await buildProviderLogout(c.get('deps'), token, c.get('actor'), c.get('request')) : {};
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const, ...ended }, 200);
  },
);

authRoutes.openapi(
  createRoute({ method: 'post', path: '/auth/sessions/end', tags: ['auth'], responses: { 200: json(okSchema), 401: errors[401] } }),
  async (c) => {
    await endOwnSessions(c.get('deps'), requireActor(c), c.get('request'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  },
);

authRoutes.openapi(
  createRoute({ method: 'get', path: '/auth/me', tags: ['auth'], responses: { 200: json(meSchema), 401: errors[401] } }),
  async (c) => c.json(await readMe(c.get('deps'), requireActor(c)), 200),
);

authRoutes.openapi(
  createRoute({ method: 'patch', path: '/auth/me', tags: ['auth'], request: body(mePatchSchema), responses: { 200: json(meSchema), ...errors } }),
  async (c) => c.json(await updateMe(c.get('deps'), requireActor(c), c.req.valid('json'), c.get('request')), 200),
);

authRoutes.openapi(
  createRoute({ method: 'post', path: '/auth/password-reset', tags: ['auth'], request: body(passwordResetRequestSchema), responses: { 200: json(okSchema), 400: errors[400] } }),
  async (c) => {
    await requestPasswordReset(c.get('deps'), c.req.valid('json').email, c.get('request'));
    return c.json({ ok: true as const }, 200);
  },
);

authRoutes.openapi(
  createRoute({ method: 'post', path: '/auth/password-reset/confirm', tags: ['auth'], request: body(passwordResetConfirmSchema), responses: { 200: json(okSchema), 400: errors[400], 410: errors[400] } }),
  async (c) => {
    const input = c.req.valid('json');
    await confirmPasswordReset(c.get('deps'), input.token, input.password, c.get('request'));
    return c.json({ ok: true as const }, 200);
  },
);

const tokenParams = z.object({ token: z.string().min(20).max(200) });

authRoutes.openapi(
  createRoute({ method: 'get', path: '/invitations/{token}', tags: ['auth'], request: { params: tokenParams }, responses: { 200: json(invitationPublicSchema), 400: errors[400], 410: errors[400] } }),
  async (c) => c.json(await readInvitationByToken(c.get('deps'), c.req.valid('param').token), 200),
);

authRoutes.openapi(
  createRoute({
    method: 'post', path: '/invitations/{token}/accept', tags: ['auth'],
    request: { params: tokenParams, ...body(invitationAcceptSchema) },
    responses: { 200: json(meSchema), 400: errors[400], 401: errors[401], 410: errors[400], 429: { ...errors[400], description: 'Too many attempts; the Retry-After header gives the seconds to wait' } },
  }),
  async (c) => {
    const deps = c.get('deps');
    const { token } = await acceptInvitation(deps, c.req.valid('param').token, c.req.valid('json'), c.get('request'));
    setSessionCookie(c, token);
    return c.json(await readMe(deps, (await getActorFromSession(deps, token))!), 200);
  },
);

authRoutes.openapi(
  createRoute({ method: 'get', path: '/demo', tags: ['system'], responses: { 200: json(demoInfoSchema) } }),
  async (c) => c.json(await getDemoInfo(c.get('deps')), 200),
);
