import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, okSchema } from '../../openapi.ts';
import {
  timetableIcalImportSchema, timetableUrlImportSchema, timetableCsvImportSchema, timetableGridSaveSchema,
  timetableImportReportSchema, timetableViewSchema, timetableBulkReportSchema, timetableIcalBulkImportSchema,
} from '../../../domain/calendar/timetable/schema.ts';
import {
  importTimetableIcal, importTimetableUrl, importTimetableCsv, saveTimetableGrid, readTimetable, deleteTimetableSource, importInstitutionTimetableCsv, importInstitutionTimetableIcal,
} from '../../../domain/calendar/timetable/actions.ts';

// A person's timetable: imports from iCalendar files and feed URLs, CSV and a hand-edited week grid.
export const timetableRoutes = new OpenAPIHono<AppEnv>();
const r = timetableRoutes;
const tags = ['timetable'];
const personParams = z.object({ networkId: z.uuid(), personId: z.uuid() });
const sourceParams = personParams.extend({ sourceId: z.uuid() });
const base = '/networks/{networkId}/people/{personId}/timetable';
const importResponses = { 200: json(timetableImportReportSchema), ...errors, 422: errors[400] };

r.openapi(createRoute({ method: 'get', path: base, tags, request: { params: personParams, query: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }) }, responses: { 200: json(timetableViewSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readTimetable(c.get('deps'), requireActor(c), p.networkId, p.personId, c.req.valid('query')), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/ical`, tags, request: { params: personParams, ...body(timetableIcalImportSchema) }, responses: importResponses }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await importTimetableIcal(c.get('deps'), requireActor(c), p.networkId, p.personId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/url`, tags, request: { params: personParams, ...body(timetableUrlImportSchema) }, responses: importResponses }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await importTimetableUrl(c.get('deps'), requireActor(c), p.networkId, p.personId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/csv`, tags, request: { params: personParams, ...body(timetableCsvImportSchema) }, responses: importResponses }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await importTimetableCsv(c.get('deps'), requireActor(c), p.networkId, p.personId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'put', path: `${base}/grid`, tags, request: { params: personParams, ...body(timetableGridSaveSchema) }, responses: importResponses }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveTimetableGrid(c.get('deps'), requireActor(c), p.networkId, p.personId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: `${base}/sources/{sourceId}`, tags, request: { params: sourceParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await deleteTimetableSource(c.get('deps'), requireActor(c), p.networkId, p.personId, p.sourceId);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/institutions/{id}/timetable/csv', tags, request: { params: z.object({ networkId: z.uuid(), id: z.uuid() }), ...body(timetableCsvImportSchema) }, responses: { 200: json(timetableBulkReportSchema), ...errors, 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await importInstitutionTimetableCsv(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/institutions/{id}/timetable/ical', tags, request: { params: z.object({ networkId: z.uuid(), id: z.uuid() }), ...body(timetableIcalBulkImportSchema) }, responses: { 200: json(timetableBulkReportSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await importInstitutionTimetableIcal(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });
