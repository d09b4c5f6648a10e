import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import {
  evaluationSchema, freeSlotSchema, freeTimeQuerySchema, goalInputSchema, goalSchema, goalUpdateSchema, meetingInputSchema, meetingLogSchema,
  profileInputSchema, twinInputSchema, twinningOverviewSchema, twinSchema,
} from '../../../domain/twinning/twin/schema.ts';
import {
  addTwinningGoal, changeTwinningGoal, confirmTwin, evaluateTwin, listTwinFreeTime, logTwinMeeting, cancelTwinMeeting, planTwinMeeting, proposeTwin, readTwin,
  readTwinningOverview, saveTwinningProfile,
} from '../../../domain/twinning/twin/actions.ts';
import { exportTwins } from '../../../domain/twinning/twin/export-twins.ts';

// Job Twinning: profile and goals, suggestions, twins, meetings, evaluation, the coordinator's export.
export const twinRoutes = new OpenAPIHono<AppEnv>();
const r = twinRoutes;
const tags = ['twinning'];
const twinParams = networkParams.extend({ twinId: z.uuid() });
const conflict = { 409: errors[400], 422: errors[400] };
const file = { content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } }, description: 'CSV or XLSX' };

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/twinning', tags, request: { params: networkParams }, responses: { 200: json(twinningOverviewSchema), ...errors } }),
  async (c) => c.json(await readTwinningOverview(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/twinning/profile', tags, request: { params: networkParams, ...body(profileInputSchema) }, responses: { 200: json(twinningOverviewSchema), ...errors } }),
  async (c) => c.json(await saveTwinningProfile(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/twinning/goals', tags, request: { params: networkParams, ...body(goalInputSchema) }, responses: { 201: json(twinningOverviewSchema), ...errors } }),
  async (c) => c.json(await addTwinningGoal(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json').text), 201));

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/twinning/goals/{goalId}', tags, request: { params: networkParams.extend({ goalId: z.uuid() }), ...body(goalUpdateSchema) }, responses: { 200: json(goalSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await changeTwinningGoal(c.get('deps'), requireActor(c), p.networkId, p.goalId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/twinning/export', tags, request: { params: networkParams, query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) }, responses: { 200: file, ...errors } }),
  async (c) => {
    const out = await exportTwins(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.get('locale'), c.req.valid('query').format);
    return c.body(new Uint8Array(out.body), 200, { 'content-type': out.type, 'content-disposition': `attachment; filename="${out.filename}"`, 'cache-control': 'no-store' });
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/twins', tags, request: { params: networkParams, ...body(twinInputSchema) }, responses: { 201: json(twinSchema), ...errors, ...conflict } }),
  async (c) => c.json(await proposeTwin(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/twins/{twinId}', tags, request: { params: twinParams }, responses: { 200: json(twinSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readTwin(c.get('deps'), requireActor(c), p.networkId, p.twinId), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/twins/{twinId}/confirm', tags, request: { params: twinParams }, responses: { 200: json(twinSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await confirmTwin(c.get('deps'), requireActor(c), p.networkId, p.twinId), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/twins/{twinId}/free-time', tags, request: { params: twinParams, query: freeTimeQuerySchema }, responses: { 200: json(z.array(freeSlotSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listTwinFreeTime(c.get('deps'), requireActor(c), p.networkId, p.twinId, c.req.valid('query')), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/twins/{twinId}/meetings', tags, request: { params: twinParams, ...body(meetingInputSchema) }, responses: { 201: json(twinSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await planTwinMeeting(c.get('deps'), requireActor(c), p.networkId, p.twinId, c.req.valid('json')), 201);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/twin-meetings/{meetingId}/log', tags, request: { params: networkParams.extend({ meetingId: z.uuid() }), ...body(meetingLogSchema) }, responses: { 200: json(twinSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await logTwinMeeting(c.get('deps'), requireActor(c), p.networkId, p.meetingId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/twin-meetings/{meetingId}/cancel', tags, request: { params: networkParams.extend({ meetingId: z.uuid() }) }, responses: { 200: json(twinSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await cancelTwinMeeting(c.get('deps'), requireActor(c), p.networkId, p.meetingId), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/twins/{twinId}/evaluation', tags, request: { params: twinParams, ...body(evaluationSchema) }, responses: { 200: json(twinSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await evaluateTwin(c.get('deps'), requireActor(c), p.networkId, p.twinId, c.req.valid('json').text), 200);
  });
