import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams, networkParams } from '../../openapi.ts';
import { effectFigureSchema, followUpAnswerResultSchema, followUpAnswerSchema, followUpSchema } from '../../../domain/record/follow-up/schema.ts';
import { answerFollowUp, listEffectFigures, listMyFollowUps } from '../../../domain/record/follow-up/actions.ts';

// The lasting-effect question: the teacher's open questions and answers; the anonymous figures.
export const followUpRoutes = new OpenAPIHono<AppEnv>();
const r = followUpRoutes;
const tags = ['record'];

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/record/follow-ups', tags, request: { params: networkParams }, responses: { 200: json(z.array(followUpSchema)), ...errors } }),
  async (c) => c.json(await listMyFollowUps(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/record/follow-ups/{id}/answer', tags, request: { params: networkItemParams, ...body(followUpAnswerSchema) }, responses: { 200: json(followUpAnswerResultSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await answerFollowUp(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/record/effects', tags, request: { params: networkParams }, responses: { 200: json(z.array(effectFigureSchema)), ...errors } }),
  async (c) => c.json(await listEffectFigures(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));
