import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import { offerRequestSchema, requestInputSchema, requestDecisionSchema } from '../../../domain/offer/request/schema.ts';
import { requestOffer, listOfferRequests, decideOfferRequest } from '../../../domain/offer/request/actions.ts';
import { tags } from './company.ts';
import { offerParams } from './offer.ts';

// Offers "on request": a teacher asks, the host accepts with a date or declines.
export const requestRoutes = new OpenAPIHono<AppEnv>();
const r = requestRoutes;
const conflict = { 409: errors[400] };

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/offers/{offerId}/requests', tags, request: { params: offerParams, ...body(requestInputSchema) }, responses: { 201: json(offerRequestSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await requestOffer(c.get('deps'), requireActor(c), p.networkId, p.offerId, c.req.valid('json')), 201);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offers/{offerId}/requests', tags, request: { params: offerParams }, responses: { 200: json(z.array(offerRequestSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listOfferRequests(c.get('deps'), requireActor(c), p.networkId, p.offerId), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/offer-requests/{requestId}/decision', tags, request: { params: networkParams.extend({ requestId: z.uuid() }), ...body(requestDecisionSchema) }, responses: { 200: json(offerRequestSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await decideOfferRequest(c.get('deps'), requireActor(c), p.networkId, p.requestId, c.req.valid('json')), 200);
  });
