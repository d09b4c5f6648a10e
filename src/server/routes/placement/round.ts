import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import { comparisonSchema, moveInputSchema, publishInputSchema, rankingInputSchema, responseInputSchema, roundInputSchema, roundSchema, roundSummarySchema } from '../../../domain/placement/round/schema.ts';
import { comparePlacementRound, createPlacementRound, listPlacementRounds, movePlacementResult, publishPlacementRound, rankPlacementRound, readPlacementRound, respondPlacementRound } from '../../../domain/placement/round/actions.ts';
import { exportResults } from '../../../domain/placement/round/export-results.ts';

// Placement rounds for teacher internships.
export const roundRoutes = new OpenAPIHono<AppEnv>();
const r = roundRoutes;
const tags = ['placement'];
const params = networkParams.extend({ roundId: z.uuid() });
const conflict = { 409: errors[400], 422: errors[400] };
const file = { content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } }, description: 'CSV or XLSX' };

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/placement-rounds', tags, request: { params: networkParams }, responses: { 200: json(z.array(roundSummarySchema)), ...errors } }),
  async (c) => c.json(await listPlacementRounds(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/placement-rounds', tags, request: { params: networkParams, ...body(roundInputSchema) }, responses: { 201: json(roundSchema), ...errors, ...conflict } }),
  async (c) => c.json(await createPlacementRound(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/placement-rounds/{roundId}', tags, request: { params }, responses: { 200: json(roundSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readPlacementRound(c.get('deps'), requireActor(c), p.networkId, p.roundId), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/placement-rounds/{roundId}/ranking', tags, request: { params, ...body(rankingInputSchema) }, responses: { 200: json(roundSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await rankPlacementRound(c.get('deps'), requireActor(c), p.networkId, p.roundId, c.req.valid('json').offerIds), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/placement-rounds/{roundId}/offers/{offerId}/response', tags, request: { params: params.extend({ offerId: z.uuid() }), ...body(responseInputSchema) }, responses: { 200: json(roundSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await respondPlacementRound(c.get('deps'), requireActor(c), p.networkId, p.roundId, p.offerId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/placement-rounds/{roundId}/comparison', tags, request: { params }, responses: { 200: json(comparisonSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await comparePlacementRound(c.get('deps'), requireActor(c), p.networkId, p.roundId), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/placement-rounds/{roundId}/publish', tags, request: { params, ...body(publishInputSchema) }, responses: { 200: json(roundSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await publishPlacementRound(c.get('deps'), requireActor(c), p.networkId, p.roundId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/placement-rounds/{roundId}/results/{teacherId}', tags, request: { params: params.extend({ teacherId: z.uuid() }), ...body(moveInputSchema) }, responses: { 200: json(roundSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await movePlacementResult(c.get('deps'), requireActor(c), p.networkId, p.roundId, p.teacherId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/placement-rounds/{roundId}/export', tags, request: { params, query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) }, responses: { 200: file, ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    const out = await exportResults(c.get('deps'), requireActor(c), p.networkId, p.roundId, c.get('locale'), c.req.valid('query').format);
    return c.body(new Uint8Array(out.body), 200, { 'content-type': out.type, 'content-disposition': `attachment; filename="${out.filename}"`, 'cache-control': 'no-store' });
  });
