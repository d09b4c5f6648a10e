import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams, networkItemParams } from '../../openapi.ts';
import {
  leerlabCreateSchema, leerlabUpdateSchema, leerlabSchema, leerlabSummarySchema, leerlabClassCreateSchema, leerlabLessonsSaveSchema,
  closedDaysSaveSchema, closedDaysCsvSchema, closedDaysImportReportSchema,
} from '../../../domain/leerlab/leerlab/schema.ts';
import {
  listLeerlabs, createLeerlab, readLeerlab, updateLeerlab, addLeerlabClass, saveClassLessons, saveClosedDays, importClosedDaysCsv,
} from '../../../domain/leerlab/leerlab/actions.ts';

// The leerlab itself: partners, people, keuzedeel, cohort and classes with their timetable, holidays.
export const leerlabRoutes = new OpenAPIHono<AppEnv>();
const r = leerlabRoutes;
const tags = ['leerlab'];
const base = '/networks/{networkId}/leerlabs/{id}';
const classParams = networkItemParams.extend({ classId: z.uuid() });
const out = { 200: json(leerlabSchema), ...errors, 409: errors[400], 422: errors[400] };

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/leerlabs', tags, request: { params: networkParams }, responses: { 200: json(z.array(leerlabSummarySchema)), ...errors } }),
  async (c) => c.json(await listLeerlabs(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/leerlabs', tags, request: { params: networkParams, ...body(leerlabCreateSchema) }, responses: out }),
  async (c) => c.json(await createLeerlab(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 200));

r.openapi(createRoute({ method: 'get', path: base, tags, request: { params: networkItemParams }, responses: { 200: json(leerlabSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readLeerlab(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'patch', path: base, tags, request: { params: networkItemParams, ...body(leerlabUpdateSchema) }, responses: out }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateLeerlab(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/classes`, tags, request: { params: networkItemParams, ...body(leerlabClassCreateSchema) }, responses: out }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await addLeerlabClass(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').name), 200);
  });

r.openapi(createRoute({ method: 'put', path: `${base}/classes/{classId}/lessons`, tags, request: { params: classParams, ...body(leerlabLessonsSaveSchema) }, responses: out }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveClassLessons(c.get('deps'), requireActor(c), p.networkId, p.id, p.classId, c.req.valid('json').lessons), 200);
  });

r.openapi(createRoute({ method: 'put', path: `${base}/closed-days`, tags, request: { params: networkItemParams, ...body(closedDaysSaveSchema) }, responses: out }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveClosedDays(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').days), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/closed-days/csv`, tags, request: { params: networkItemParams, ...body(closedDaysCsvSchema) }, responses: { 200: json(closedDaysImportReportSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await importClosedDaysCsv(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').csv), 200);
  });
