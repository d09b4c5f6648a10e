import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams, networkItemParams, okSchema } from '../../openapi.ts';
import { runSchema, visitMoveSchema } from '../../../domain/exchange/match/schema.ts';
import {
  visitSchema, myExchangeSchema, reflectionInputSchema, reflectionSchema, evaluationInputSchema, calendarFeedSchema, calendarFeedCreatedSchema, visitOptionsSchema, exchangeHomeSchema,
} from '../../../domain/exchange/visit/schema.ts';
import { readExchangeHome } from '../../../domain/exchange/visit/read-exchange-home.ts';
import {
  publishRun, listRunVisitOptions, moveRunVisit, listVisitsOfEdition, listVisitOptions, moveVisit, cancelVisit, checkInVisit, saveReflection,
  saveEvaluation, readMyExchange, readCalendarFeed, createCalendarFeed, revokeCalendarFeed, renderCalendarFeed,
} from '../../../domain/exchange/visit/actions.ts';
import { editionReportSchema } from '../../../domain/exchange/report/schema.ts';
import { funnelRowSchema } from '../../../domain/exchange/edition/schema.ts';
import { readFunnel, readReport, exportParticipantsCsv, exportReportXlsx, renderCertificate } from '../../../domain/exchange/report/actions.ts';

// Publication, visits, the teacher's own exchange, calendar feeds, evaluation and the edition report.
export const visitRoutes = new OpenAPIHono<AppEnv>();
const r = visitRoutes;
const tags = ['exchange week'];
const editionParams = z.object({ networkId: z.uuid(), editionId: z.uuid() });
const runParams = editionParams.extend({ runId: z.uuid() });
const runVisitParams = runParams.extend({ index: z.coerce.number().int().min(0).max(100_000) });
const file = (type: string, description: string) => ({ content: { [type]: { schema: z.string() } }, description });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}/publish', tags, request: { params: runParams }, responses: { 200: json(z.object({ pairs: z.number().int(), visits: z.number().int() })), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await publishRun(c.get('deps'), requireActor(c), p.networkId, p.editionId, p.runId, c.get('request')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}/visits/{index}/options', tags, request: { params: runVisitParams }, responses: { 200: json(visitOptionsSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listRunVisitOptions(c.get('deps'), requireActor(c), p.networkId, p.editionId, p.runId, p.index), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}/visits/{index}/move', tags, request: { params: runVisitParams, ...body(visitMoveSchema) }, responses: { 200: json(runSchema), ...errors, 409: errors[400], 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveRunVisit(c.get('deps'), requireActor(c), p.networkId, p.editionId, p.runId, p.index, c.req.valid('json').lessonStart), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/visits', tags, request: { params: editionParams }, responses: { 200: json(z.array(visitSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listVisitsOfEdition(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/visits/{id}/options', tags, request: { params: networkItemParams }, responses: { 200: json(visitOptionsSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listVisitOptions(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/visits/{id}/move', tags, request: { params: networkItemParams, ...body(visitMoveSchema) }, responses: { 200: json(visitSchema), ...errors, 409: errors[400], 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveVisit(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').lessonStart), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/visits/{id}/cancel', tags, request: { params: networkItemParams }, responses: { 200: json(visitSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await cancelVisit(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/visits/{id}/check-in', tags, request: { params: networkItemParams }, responses: { 200: json(visitSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await checkInVisit(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/visits/{id}/reflection', tags, request: { params: networkItemParams, ...body(reflectionInputSchema) }, responses: { 200: json(reflectionSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveReflection(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/my-exchange', tags, request: { params: editionParams }, responses: { 200: json(myExchangeSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readMyExchange(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/editions/{editionId}/evaluation', tags, request: { params: editionParams, ...body(evaluationInputSchema) }, responses: { 200: json(myExchangeSchema), ...errors, 409: errors[400], 422: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveEvaluation(c.get('deps'), requireActor(c), p.networkId, p.editionId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/funnel', tags, request: { params: editionParams }, responses: { 200: json(z.array(funnelRowSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readFunnel(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/report', tags, request: { params: editionParams }, responses: { 200: json(editionReportSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readReport(c.get('deps'), requireActor(c), p.networkId, p.editionId), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/report.csv', tags, request: { params: editionParams }, responses: { 200: file('text/csv', 'Participants with credited hours (semicolon CSV)'), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const csv = await exportParticipantsCsv(c.get('deps'), requireActor(c), p.networkId, p.editionId);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="uitwisseling-deelnemers.csv"' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/report.xlsx', tags, request: { params: editionParams }, responses: { 200: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Edition report workbook'), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const xlsx = await exportReportXlsx(c.get('deps'), requireActor(c), p.networkId, p.editionId);
    return c.body(new Uint8Array(xlsx), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="uitwisseling-rapport.xlsx"' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/editions/{editionId}/certificate.pdf', tags, request: { params: editionParams }, responses: { 200: file('application/pdf', 'Certificate of credited hours'), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    const pdf = await renderCertificate(c.get('deps'), requireActor(c), p.networkId, p.editionId);
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="certificaat.pdf"' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/calendar-feed', tags, request: { params: networkParams }, responses: { 200: json(calendarFeedSchema), ...errors } }),
  async (c) => c.json(await readCalendarFeed(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/calendar-feed', tags, request: { params: networkParams }, responses: { 201: json(calendarFeedCreatedSchema), ...errors } }),
  async (c) => c.json(await createCalendarFeed(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.get('request')), 201));

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/calendar-feed', tags, request: { params: networkParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    await revokeCalendarFeed(c.get('deps'), requireActor(c), c.req.valid('param').networkId);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'get', path: '/calendar/{file}', tags, request: { params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }) }, responses: { 200: file('text/calendar', 'The personal calendar feed'), 404: errors[404] } }),
  async (c) => {
    const token = c.req.valid('param').file.replace(/\.ics$/, '');
    const ics = await renderCalendarFeed(c.get('deps'), token, c.get('locale'));
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/exchange-home', tags, request: { params: networkParams }, responses: { 200: json(exchangeHomeSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readExchangeHome(c.get('deps'), requireActor(c), p.networkId), 200);
  });
