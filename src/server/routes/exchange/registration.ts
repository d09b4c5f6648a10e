import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, okSchema } from '../../openapi.ts';
import { registrationSchema, registrationInputSchema, waitlistInputSchema } from '../../../domain/exchange/registration/schema.ts';
import { registerForEdition, withdrawRegistration, listEditionRegistrations, readMyRegistration, setMyWaitlist } from '../../../domain/exchange/registration/actions.ts';
import { editionParams, tags } from './edition.ts';

// Registrations for an edition: the teacher's own, and the coordinator's list.
export const registrationRoutes = new OpenAPIHono<AppEnv>();
const r = registrationRoutes;
const personParams = editionParams.extend({ personId: z.uuid() });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/registrations', tags, request: { params: editionParams }, responses: { 200: json(z.array(registrationSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listEditionRegistrations(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/registration', tags, request: { params: editionParams }, responses: { 200: json(registrationSchema.nullable()), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readMyRegistration(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/editions/{editionId}/registrations/{personId}', tags, request: { params: personParams, ...body(registrationInputSchema) }, responses: { 200: json(registrationSchema), ...errors, 409: errors[400], 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await registerForEdition(c.get('deps'), requireActor(c), p.networkId, p.editionId, p.personId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/editions/{editionId}/registrations/{personId}', tags, request: { params: personParams }, responses: { 200: json(okSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    await withdrawRegistration(c.get('deps'), requireActor(c), p.networkId, p.editionId, p.personId);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/editions/{editionId}/waitlist', tags, request: { params: editionParams, ...body(waitlistInputSchema) }, responses: { 200: json(registrationSchema), ...errors, 409: errors[400], 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await setMyWaitlist(c.get('deps'), requireActor(c), p.networkId, p.editionId, c.req.valid('json').waitlist), 200);
  });
