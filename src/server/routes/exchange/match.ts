import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, okSchema } from '../../openapi.ts';
import { runSchema, runCompareSchema, pairRuleInputSchema, pairRuleSchema } from '../../../domain/exchange/match/schema.ts';
import {
  startMatchingRun, listMatchingRuns, readRun, readRunInput, compareRuns, listEditionPairRules, setPairRule, deletePairRule,
} from '../../../domain/exchange/match/actions.ts';
import { editionParams, tags } from './edition.ts';

// Matching runs of an edition and the coordinator's pair rules (pins and forbids).
export const matchRoutes = new OpenAPIHono<AppEnv>();
const r = matchRoutes;
const runParams = editionParams.extend({ runId: z.uuid() });
const ruleParams = editionParams.extend({ id: z.uuid() });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/runs', tags, request: { params: editionParams }, responses: { 200: json(z.array(runSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listMatchingRuns(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/editions/{editionId}/runs', tags, request: { params: editionParams }, responses: { 202: json(runSchema), ...errors, 409: errors[400], 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await startMatchingRun(c.get('deps'), requireActor(c), p.networkId, p.editionId), 202);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/runs/compare', tags, request: { params: editionParams, query: z.object({ a: z.uuid(), b: z.uuid() }) }, responses: { 200: json(runCompareSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    const q = c.req.valid('query');
    return c.json(await compareRuns(c.get('deps'), requireActor(c), p.networkId, p.editionId, q.a, q.b), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}', tags, request: { params: runParams }, responses: { 200: json(runSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readRun(c.get('deps'), requireActor(c), p.networkId, p.editionId, p.runId), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}/input', tags, request: { params: runParams }, responses: { 200: json(z.unknown(), 'The saved engine input (JSON for `kruispunt engine exchange --input`)'), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    const input = await readRunInput(c.get('deps'), requireActor(c), p.networkId, p.editionId, p.runId);
    c.header('Content-Disposition', `attachment; filename="matching-run-${p.runId}.json"`);
    return c.json(input as Record<string, unknown>, 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/pair-rules', tags, request: { params: editionParams }, responses: { 200: json(z.array(pairRuleSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listEditionPairRules(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/editions/{editionId}/pair-rules', tags, request: { params: editionParams, ...body(pairRuleInputSchema) }, responses: { 200: json(z.array(pairRuleSchema)), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await setPairRule(c.get('deps'), requireActor(c), p.networkId, p.editionId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/editions/{editionId}/pair-rules/{id}', tags, request: { params: ruleParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await deletePairRule(c.get('deps'), requireActor(c), p.networkId, p.editionId, p.id);
    return c.json({ ok: true as const }, 200);
  });
