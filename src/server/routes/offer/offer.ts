import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import { offerSchema, offerSummarySchema, offerInputSchema, offerUpdateSchema, offerListQuerySchema, sessionInputSchema } from '../../../domain/offer/offer/schema.ts';
import { listOffers, readOffer, publishOffer, changeOffer, addSession, cancelSession } from '../../../domain/offer/offer/actions.ts';
import { tags } from './company.ts';

// Offers and their sessions: everyone reads, hosts publish and change.
export const offerRoutes = new OpenAPIHono<AppEnv>();
const r = offerRoutes;
export const offerParams = networkParams.extend({ offerId: z.uuid() });
const conflict = { 409: errors[400], 422: errors[400] };

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offers', tags, request: { params: networkParams, query: offerListQuerySchema }, responses: { 200: json(z.array(offerSummarySchema)), ...errors } }),
  async (c) => c.json(await listOffers(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query')), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/offers', tags, request: { params: networkParams, ...body(offerInputSchema) }, responses: { 201: json(offerSchema), ...errors, ...conflict } }),
  async (c) => c.json(await publishOffer(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offers/{offerId}', tags, request: { params: offerParams }, responses: { 200: json(offerSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readOffer(c.get('deps'), requireActor(c), p.networkId, p.offerId), 200);
  });

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/offers/{offerId}', tags, request: { params: offerParams, ...body(offerUpdateSchema) }, responses: { 200: json(offerSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await changeOffer(c.get('deps'), requireActor(c), p.networkId, p.offerId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/offers/{offerId}/sessions', tags, request: { params: offerParams, ...body(sessionInputSchema) }, responses: { 201: json(offerSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await addSession(c.get('deps'), requireActor(c), p.networkId, p.offerId, c.req.valid('json')), 201);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/offers/{offerId}/sessions/{sessionId}/cancel', tags, request: { params: offerParams.extend({ sessionId: z.uuid() }) }, responses: { 200: json(offerSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await cancelSession(c.get('deps'), requireActor(c), p.networkId, p.offerId, p.sessionId), 200);
  });
