import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import { sandwichSchema, sandwichOwnInputSchema, sandwichPlanInputSchema } from '../../../domain/offer/sandwich/schema.ts';
import { readSandwich, saveOwnSandwich, saveSandwichPlan } from '../../../domain/offer/sandwich/actions.ts';
import { tags } from './company.ts';

// The sandwich of a company visit or masterclass: before, during, after.
export const sandwichRoutes = new OpenAPIHono<AppEnv>();
const r = sandwichRoutes;
const sessionParams = networkParams.extend({ sessionId: z.uuid() });
const conflict = { 409: errors[400] };

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offer-sessions/{sessionId}/sandwich', tags, request: { params: sessionParams }, responses: { 200: json(sandwichSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readSandwich(c.get('deps'), requireActor(c), p.networkId, p.sessionId), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/offer-sessions/{sessionId}/sandwich/mine', tags, request: { params: sessionParams, ...body(sandwichOwnInputSchema) }, responses: { 200: json(sandwichSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveOwnSandwich(c.get('deps'), requireActor(c), p.networkId, p.sessionId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/offer-sessions/{sessionId}/sandwich/plan', tags, request: { params: sessionParams, ...body(sandwichPlanInputSchema) }, responses: { 200: json(sandwichSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveSandwichPlan(c.get('deps'), requireActor(c), p.networkId, p.sessionId, c.req.valid('json')), 200);
  });
