import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams, okSchema } from '../../openapi.ts';
import {
  clashSchema, registrationInputSchema, registrationResultSchema, hostRegistrationSchema, myOfferSchema, promotionsSeenResultSchema,
} from '../../../domain/offer/registration/schema.ts';
import {
  checkClash, registerForSession, cancelOwnRegistration, listHostRegistrations, listMyOffers, markMyPromotionsSeen,
} from '../../../domain/offer/registration/actions.ts';
import { tags } from './company.ts';
import { offerParams } from './offer.ts';

// Places and waitlists: a teacher registers and cancels; the host sees who comes.
export const registrationRoutes = new OpenAPIHono<AppEnv>();
const r = registrationRoutes;
const sessionParams = networkParams.extend({ sessionId: z.uuid() });
const conflict = { 409: errors[400] };

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offer-sessions/{sessionId}/clash', tags, request: { params: sessionParams }, responses: { 200: json(clashSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await checkClash(c.get('deps'), requireActor(c), p.networkId, p.sessionId), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/offer-sessions/{sessionId}/registration', tags, request: { params: sessionParams, ...body(registrationInputSchema) }, responses: { 201: json(registrationResultSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await registerForSession(c.get('deps'), requireActor(c), p.networkId, p.sessionId, c.req.valid('json')), 201);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/offer-sessions/{sessionId}/registration', tags, request: { params: sessionParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await cancelOwnRegistration(c.get('deps'), requireActor(c), p.networkId, p.sessionId), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offers/{offerId}/registrations', tags, request: { params: offerParams }, responses: { 200: json(z.array(hostRegistrationSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listHostRegistrations(c.get('deps'), requireActor(c), p.networkId, p.offerId), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/my-offers', tags, request: { params: networkParams }, responses: { 200: json(z.array(myOfferSchema)), ...errors } }),
  async (c) => c.json(await listMyOffers(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/my-offers/seen', tags, request: { params: networkParams }, responses: { 200: json(promotionsSeenResultSchema), ...errors } }),
  async (c) => c.json(await markMyPromotionsSeen(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));
