import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, errorSchema, json, networkParams } from '../../openapi.ts';
import { evaluationAnswerInputSchema, evaluationMineSchema, evaluationOpenItemSchema, evaluationParamsSchema, evaluationSummarySchema } from '../../../domain/foundation/evaluation/schema.ts';
import { listMyOpenEvaluations, readEvaluationSummary, readMyEvaluation, saveMyEvaluation } from '../../../domain/foundation/evaluation/actions.ts';

// A participant's short evaluation of a finished company visit, speeddate or co-creation session
// (the practices' evaluationSources), and its summary for the organiser.
export const evaluationRoutes = new OpenAPIHono<AppEnv>();
const r = evaluationRoutes;
const tags = ['evaluation'];
const path = '/networks/{networkId}/evaluations/{source}/{itemId}';

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/evaluations', tags, request: { params: networkParams }, responses: { 200: json(z.array(evaluationOpenItemSchema), 'What the actor took part in lately and has not evaluated yet'), ...errors } }),
  async (c) => c.json(await listMyOpenEvaluations(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path, tags, request: { params: evaluationParamsSchema }, responses: { 200: json(evaluationMineSchema, 'The actor\'s own answer and whether they may give one'), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readMyEvaluation(c.get('deps'), requireActor(c), p.networkId, p.source, p.itemId), 200);
  });

r.openapi(createRoute({
  method: 'put', path, tags, request: { params: evaluationParamsSchema, ...body(evaluationAnswerInputSchema) },
  responses: { 200: json(evaluationMineSchema), ...errors, 409: json(errorSchema, 'Not ended yet') },
}),
async (c) => {
  const p = c.req.valid('param');
  return c.json(await saveMyEvaluation(c.get('deps'), requireActor(c), p.networkId, p.source, p.itemId, c.req.valid('json')), 200);
});

r.openapi(createRoute({ method: 'get', path: `${path}/summary`, tags, request: { params: evaluationParamsSchema }, responses: { 200: json(evaluationSummarySchema, 'The answers together, without names; figures from three answers on'), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readEvaluationSummary(c.get('deps'), requireActor(c), p.networkId, p.source, p.itemId), 200);
  });
