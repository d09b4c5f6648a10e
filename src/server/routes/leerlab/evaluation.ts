import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams, okSchema } from '../../openapi.ts';
import {
  evaluationSchema, leerlabLastingEffectSchema, evaluationCreateSchema, evaluationUpdateSchema, evaluationPublicSchema, evaluationAnswerSchema, evaluationCodeSchema,
} from '../../../domain/leerlab/evaluation/schema.ts';
import { readEvaluations, readLastingEffect, startEvaluation, changeEvaluation, readPublicEvaluation, answerEvaluation } from '../../../domain/leerlab/evaluation/actions.ts';

// Evaluation rounds: results per round for the staff; the anonymous form by code for pupils and teachers.
export const evaluationRoutes = new OpenAPIHono<AppEnv>();
const r = evaluationRoutes;
const tags = ['leerlab'];
const base = '/networks/{networkId}/leerlabs/{id}/evaluations';
const list = { 200: json(z.array(evaluationSchema)), ...errors };
const codeParams = z.object({ code: evaluationCodeSchema });

r.openapi(createRoute({ method: 'get', path: base, tags, request: { params: networkItemParams }, responses: list }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readEvaluations(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

// What changed for the teachers months later: the lasting-effect counts of this leerlab (no person).
r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/leerlabs/{id}/lasting-effect', tags, request: { params: networkItemParams }, responses: { 200: json(leerlabLastingEffectSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readLastingEffect(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: base, tags, request: { params: networkItemParams, ...body(evaluationCreateSchema) }, responses: list }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await startEvaluation(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'patch', path: `${base}/{evaluationId}`, tags, request: { params: networkItemParams.extend({ evaluationId: z.uuid() }), ...body(evaluationUpdateSchema) }, responses: list }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await changeEvaluation(c.get('deps'), requireActor(c), p.networkId, p.id, p.evaluationId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/leerlab-evaluations/{code}', tags, request: { params: codeParams }, responses: { 200: json(evaluationPublicSchema), 400: errors[400], 404: errors[404] } }),
  async (c) => c.json(await readPublicEvaluation(c.get('deps'), c.req.valid('param').code), 200));

r.openapi(createRoute({ method: 'post', path: '/leerlab-evaluations/{code}/answers', tags, request: { params: codeParams, ...body(evaluationAnswerSchema) }, responses: { 200: json(okSchema), 400: errors[400], 404: errors[404], 409: errors[400] } }),
  async (c) => c.json(await answerEvaluation(c.get('deps'), c.req.valid('param').code, c.req.valid('json')), 200));
