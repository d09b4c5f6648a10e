import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams } from '../../openapi.ts';
import {
  planSchema, planChooseSchema, leerlabSessionSchema, sessionMoveSchema, attendanceSchema, attendanceSaveSchema,
} from '../../../domain/leerlab/session/schema.ts';
import {
  readPlan, choosePlan, listLeerlabSessions, moveSession, cancelSession, readAttendance, saveAttendance,
} from '../../../domain/leerlab/session/actions.ts';

// Planning the year (proposals side by side, choosing one), single sessions and attendance.
export const sessionRoutes = new OpenAPIHono<AppEnv>();
const r = sessionRoutes;
const tags = ['leerlab'];
const base = '/networks/{networkId}/leerlabs/{id}';
const sessionParams = networkItemParams.extend({ sessionId: z.uuid() });

r.openapi(createRoute({ method: 'get', path: `${base}/plan`, tags, request: { params: networkItemParams }, responses: { 200: json(planSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readPlan(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/plan`, tags, request: { params: networkItemParams, ...body(planChooseSchema) }, responses: { 200: json(z.array(leerlabSessionSchema)), ...errors, 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await choosePlan(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/sessions`, tags, request: { params: networkItemParams }, responses: { 200: json(z.array(leerlabSessionSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listLeerlabSessions(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/sessions/{sessionId}/move`, tags, request: { params: sessionParams, ...body(sessionMoveSchema) }, responses: { 200: json(leerlabSessionSchema), ...errors, 409: errors[400], 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveSession(c.get('deps'), requireActor(c), p.networkId, p.id, p.sessionId, c.req.valid('json').start), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/sessions/{sessionId}/cancel`, tags, request: { params: sessionParams }, responses: { 200: json(leerlabSessionSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await cancelSession(c.get('deps'), requireActor(c), p.networkId, p.id, p.sessionId), 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/sessions/{sessionId}/attendance`, tags, request: { params: sessionParams }, responses: { 200: json(attendanceSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readAttendance(c.get('deps'), requireActor(c), p.networkId, p.id, p.sessionId), 200);
  });

r.openapi(createRoute({ method: 'put', path: `${base}/sessions/{sessionId}/attendance`, tags, request: { params: sessionParams, ...body(attendanceSaveSchema) }, responses: { 200: json(attendanceSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveAttendance(c.get('deps'), requireActor(c), p.networkId, p.id, p.sessionId, c.req.valid('json').marks), 200);
  });
