import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { requireActor } from '../context.ts';
import { body, errors, json, networkParams, okSchema } from '../openapi.ts';
import {
  editionSchema, editionInputSchema, editionPatchSchema, editionTransitionSchema, editionPublicSchema,
} from '../../domain/edition/schema.ts';
import {
  listNetworkEditions, readEdition, createEdition, updateEdition, deleteEdition, copyEdition, transitionEdition, readPublicEdition,
} from '../../domain/edition/actions.ts';
import { registrationSchema, registrationInputSchema } from '../../domain/registration/schema.ts';
import { registerForEdition, withdrawRegistration, listEditionRegistrations, readMyRegistration } from '../../domain/registration/actions.ts';
import { runSchema, runCompareSchema, pairRuleInputSchema, pairRuleSchema } from '../../domain/match/schema.ts';
import {
  startMatchingRun, listMatchingRuns, readRun, readRunInput, compareRuns, listEditionPairRules, setPairRule, deletePairRule,
} from '../../domain/match/actions.ts';

// The exchange week: editions, the public announcement, registrations, matching runs and pair rules.
export const exchangeRoutes = new OpenAPIHono<AppEnv>();
const r = exchangeRoutes;
const tags = ['exchange week'];
const editionParams = z.object({ networkId: z.uuid(), editionId: z.uuid() });
const personParams = editionParams.extend({ personId: z.uuid() });
const runParams = editionParams.extend({ runId: z.uuid() });
const ruleParams = editionParams.extend({ id: z.uuid() });

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

