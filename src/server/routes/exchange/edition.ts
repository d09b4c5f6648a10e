import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams, okSchema } from '../../openapi.ts';
import {
  editionSchema, editionInputSchema, editionPatchSchema, editionTransitionSchema, editionPublicSchema,
} from '../../../domain/exchange/edition/schema.ts';
import {
  listNetworkEditions, readEdition, createEdition, updateEdition, deleteEdition, copyEdition, transitionEdition, readPublicEdition,
} from '../../../domain/exchange/edition/actions.ts';

// Exchange-week editions and their public announcement.
export const editionRoutes = new OpenAPIHono<AppEnv>();
const r = editionRoutes;
export const tags = ['exchange week'];
export const editionParams = z.object({ networkId: z.uuid(), editionId: z.uuid() });

r.openapi(createRoute({ method: 'get', path: '/public/editions/{slug}', tags, request: { params: z.object({ slug: z.string().min(8).max(40) }) }, responses: { 200: json(editionPublicSchema), 404: errors[404] } }),
  async (c) => c.json(await readPublicEdition(c.get('deps'), c.req.valid('param').slug), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions', tags, request: { params: networkParams }, responses: { 200: json(z.array(editionSchema)), ...errors } }),
  async (c) => c.json(await listNetworkEditions(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/editions', tags, request: { params: networkParams, ...body(editionInputSchema) }, responses: { 201: json(editionSchema), ...errors } }),
  async (c) => c.json(await createEdition(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}', tags, request: { params: editionParams }, responses: { 200: json(editionSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readEdition(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/editions/{editionId}', tags, request: { params: editionParams, ...body(editionPatchSchema) }, responses: { 200: json(editionSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateEdition(c.get('deps'), requireActor(c), p.networkId, p.editionId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/editions/{editionId}', tags, request: { params: editionParams }, responses: { 200: json(okSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    await deleteEdition(c.get('deps'), requireActor(c), p.networkId, p.editionId);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/editions/{editionId}/copy', tags, request: { params: editionParams }, responses: { 201: json(editionSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await copyEdition(c.get('deps'), requireActor(c), p.networkId, p.editionId), 201);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/editions/{editionId}/transition', tags, request: { params: editionParams, ...body(editionTransitionSchema) }, responses: { 200: json(editionSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await transitionEdition(c.get('deps'), requireActor(c), p.networkId, p.editionId, c.req.valid('json').to, c.get('request')), 200);
  });
