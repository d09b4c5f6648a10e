import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errorSchema, errors, json, networkItemParams, networkParams } from '../../openapi.ts';
import {
  boardSchema, presentInputSchema, sessionCreateSchema, sessionDetailSchema, sessionSummarySchema, sessionUpdateSchema, stepInputSchema, subgroupsInputSchema,
} from '../../../domain/cocreation/session/schema.ts';
import {
  createCocreationSession, listCocreationSessions, moveCocreationStep, presentCocreationProposal, readCocreationBoard, readCocreationSession,
  setCocreationSubgroups, updateCocreationSession,
} from '../../../domain/cocreation/session/actions.ts';
import { renderSessionJoinQr } from '../../../domain/cocreation/session/render-join-qr.ts';
import { decisionInputSchema } from '../../../domain/cocreation/proposal/schema.ts';
import { decideCocreationProposal } from '../../../domain/cocreation/proposal/actions.ts';
import { agreementInputSchema } from '../../../domain/cocreation/agreement/schema.ts';
import { createCocreationAgreement, deleteCocreationAgreement } from '../../../domain/cocreation/agreement/actions.ts';
import { endCocreationSession } from '../../../domain/cocreation/profile/actions.ts';

// The facilitator's side of a co-creation session: setup, subgroups, moving everyone from step to
// step, the proposal on the projector, decisions, follow-up agreements, ending (→ profile version).
export const sessionRoutes = new OpenAPIHono<AppEnv>();
const r = sessionRoutes;
const tags = ['cocreation'];
const base = '/networks/{networkId}/cocreation-sessions';
const sessionParams = networkItemParams;
const proposalParams = z.object({ networkId: z.uuid(), id: z.uuid(), proposalId: z.uuid() });
const agreementParams = z.object({ networkId: z.uuid(), id: z.uuid(), agreementId: z.uuid() });
const more = { 409: json(errorSchema, 'Not in this step, or already decided'), 410: json(errorSchema, 'The session has ended'), 422: json(errorSchema, 'Not possible') };

r.openapi(createRoute({ method: 'get', path: base, tags, request: { params: networkParams }, responses: { 200: json(z.array(sessionSummarySchema)), ...errors } }),
  async (c) => c.json(await listCocreationSessions(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: base, tags, request: { params: networkParams, ...body(sessionCreateSchema) }, responses: { 201: json(sessionDetailSchema), ...errors } }),
  async (c) => c.json(await createCocreationSession(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: `${base}/{id}`, tags, request: { params: sessionParams }, responses: { 200: json(sessionDetailSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readCocreationSession(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'patch', path: `${base}/{id}`, tags, request: { params: sessionParams, ...body(sessionUpdateSchema) }, responses: { 200: json(sessionDetailSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateCocreationSession(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/{id}/board`, tags, request: { params: sessionParams }, responses: { 200: json(boardSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readCocreationBoard(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/{id}/qr.svg`, tags, request: { params: sessionParams }, responses: { 200: { content: { 'image/svg+xml': { schema: z.string() } }, description: 'QR code of the join link' }, ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const svg = await renderSessionJoinQr(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-store' });
  });

r.openapi(createRoute({ method: 'put', path: `${base}/{id}/subgroups`, tags, request: { params: sessionParams, ...body(subgroupsInputSchema) }, responses: { 200: json(sessionDetailSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await setCocreationSubgroups(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/step`, tags, request: { params: sessionParams, ...body(stepInputSchema) }, responses: { 200: json(boardSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveCocreationStep(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').step), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/present`, tags, request: { params: sessionParams, ...body(presentInputSchema) }, responses: { 200: json(boardSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await presentCocreationProposal(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').proposalId), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/proposals/{proposalId}/decision`, tags, request: { params: proposalParams, ...body(decisionInputSchema) }, responses: { 200: json(boardSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await decideCocreationProposal(c.get('deps'), requireActor(c), p.networkId, p.id, p.proposalId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/agreements`, tags, request: { params: sessionParams, ...body(agreementInputSchema) }, responses: { 201: json(boardSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await createCocreationAgreement(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 201);
  });

r.openapi(createRoute({ method: 'delete', path: `${base}/{id}/agreements/{agreementId}`, tags, request: { params: agreementParams }, responses: { 200: json(boardSchema), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await deleteCocreationAgreement(c.get('deps'), requireActor(c), p.networkId, p.id, p.agreementId), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/end`, tags, request: { params: sessionParams }, responses: { 200: json(z.object({ board: boardSchema, profileVersionId: z.uuid() })), ...errors, ...more } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await endCocreationSession(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });
