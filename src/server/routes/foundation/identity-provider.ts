import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { SESSION_COOKIE, requireActor } from '../../context.ts';
import { body, errors, json, networkParams, networkItemParams, okSchema } from '../../openapi.ts';
import {
  identityProviderSchema, identityProviderInputSchema, identityProviderPatchSchema, loginProviderSchema,
  providerLoginStartQuerySchema, providerCallbackQuerySchema,
} from '../../../domain/foundation/identity-provider/schema.ts';
import {
  listLoginProviders, listNetworkProviders, createNetworkProvider, updateNetworkProvider, deleteNetworkProvider,
} from '../../../domain/foundation/identity-provider/actions.ts';
import { buildProviderLogin } from '../../../domain/foundation/identity-provider/build-provider-login.ts';
import { verifyProviderLogin } from '../../../domain/foundation/identity-provider/verify-provider-login.ts';
import { AppError } from '../../../lib/errors.ts';
import { setSessionCookie } from './auth.ts';

export const identityProviderRoutes = new OpenAPIHono<AppEnv>();

/** Binds a login at a provider to the browser that started it (SameSite=Lax: sent on the way back). */
const BROWSER_COOKIE = 'kp_oidc';
const FAILED_PAGE = '/inloggen/mislukt';

identityProviderRoutes.openapi(
  createRoute({ method: 'get', path: '/auth/providers', tags: ['auth'], responses: { 200: json(z.array(loginProviderSchema)) } }),
  async (c) => c.json(await listLoginProviders(c.get('deps')), 200),
);

identityProviderRoutes.openapi(
  createRoute({
    method: 'get', path: '/auth/oidc/{id}/start', tags: ['auth'],
    request: { params: z.object({ id: z.uuid() }), query: providerLoginStartQuerySchema },
    responses: { 302: { description: 'To the provider, or to the page that says why not' } },
  }),
  async (c) => {
    try {
      const { url, browserToken } = await buildProviderLogin(c.get('deps'), c.req.valid('param').id, { invitationToken: c.req.valid('query').invitation });
      setCookie(c, BROWSER_COOKIE, browserToken, { httpOnly: true, sameSite: 'Lax', secure: c.get('request').secure === true, path: '/api/auth/oidc', maxAge: 600 });
      return c.redirect(url, 302);
    } catch (error) {
      if (error instanceof AppError) return c.redirect(`${FAILED_PAGE}?code=${error.code}`, 302);
      throw error;
    }
  },
);

identityProviderRoutes.openapi(
  createRoute({
    method: 'get', path: '/auth/oidc/callback', tags: ['auth'], request: { query: providerCallbackQuerySchema },
    responses: { 302: { description: 'Into Kruispunt, or to the page that says why not' } },
  }),
  async (c) => {
    const browserToken = getCookie(c, BROWSER_COOKIE);
    deleteCookie(c, BROWSER_COOKIE, { path: '/api/auth/oidc' });
    try {
      const { token } = await verifyProviderLogin(c.get('deps'), c.req.valid('query'), browserToken, getCookie(c, SESSION_COOKIE), c.get('request'));
      setSessionCookie(c, token);
      return c.redirect('/', 302);
    } catch (error) {
      if (error instanceof AppError) return c.redirect(`${FAILED_PAGE}?code=${error.code}`, 302);
      throw error;
    }
  },
);

identityProviderRoutes.openapi(
  createRoute({ method: 'get', path: '/networks/{networkId}/identity-providers', tags: ['auth'], request: { params: networkParams }, responses: { 200: json(z.array(identityProviderSchema)), ...errors } }),
  async (c) => c.json(await listNetworkProviders(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200),
);

identityProviderRoutes.openapi(
  createRoute({ method: 'post', path: '/networks/{networkId}/identity-providers', tags: ['auth'], request: { params: networkParams, ...body(identityProviderInputSchema) }, responses: { 201: json(identityProviderSchema), 409: errors[400], ...errors } }),
  async (c) => c.json(await createNetworkProvider(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201),
);

identityProviderRoutes.openapi(
  createRoute({ method: 'patch', path: '/networks/{networkId}/identity-providers/{id}', tags: ['auth'], request: { params: networkItemParams, ...body(identityProviderPatchSchema) }, responses: { 200: json(identityProviderSchema), 409: errors[400], ...errors } }),
  async (c) => {
    const { networkId, id } = c.req.valid('param');
    return c.json(await updateNetworkProvider(c.get('deps'), requireActor(c), networkId, id, c.req.valid('json')), 200);
  },
);

identityProviderRoutes.openapi(
  createRoute({ method: 'delete', path: '/networks/{networkId}/identity-providers/{id}', tags: ['auth'], request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const { networkId, id } = c.req.valid('param');
    await deleteNetworkProvider(c.get('deps'), requireActor(c), networkId, id);
    return c.json({ ok: true as const }, 200);
  },
);
