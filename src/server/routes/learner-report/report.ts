import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errorSchema, errors, json, networkItemParams, networkParams, okSchema } from '../../openapi.ts';
import {
  learnerReportSchema, learnerReportSummarySchema, learnerReportSharedSummarySchema, learnerReportCreateSchema, learnerReportSaveSchema,
  learnerReportRevisionRefSchema, learnerReportRevisionSchema, learnerReportShareSchema, learnerReportShareInputSchema, typologySuggestInputSchema,
  activitySuggestInputSchema, typologySuggestionSchema, learnerReportCandidateSchema, periodQuerySchema, networkSettingsSchema,
  networkSettingsPatchSchema, learnerReportHistorySchema, insightQuerySchema, learnerReportInsightSchema, notificationSchema,
  notificationReadInputSchema, notificationReadResultSchema, conversationSheetQuerySchema, learnerReportHomeSchema,
} from '../../../domain/learner-report/report/schema.ts';
import {
  readLearnerReportSettings, updateLearnerReportSettings, listMyLearnerReports, listLearnerReportsSharedWithMe, createLearnerReport,
  readLearnerReport, saveLearnerReport, completeLearnerReport, reopenLearnerReport, deleteLearnerReport, listLearnerReportRevisions,
  suggestLearnerReportType, suggestTypology, shareLearnerReport, withdrawLearnerReportShare, readLearnerReportHistory,
  readLearnerReportInsight, listMyNotificationsOf, markMyNotificationsRead,
} from '../../../domain/learner-report/report/actions.ts';
import { listLearnerReportCandidates } from '../../../domain/learner-report/report/list-candidates.ts';
import { listShareCandidates } from '../../../domain/learner-report/report/list-share-candidates.ts';
import { shareCandidateSchema } from '../../../domain/learner-report/report/schema.ts';
import { renderLearnerReportPortfolio } from '../../../domain/learner-report/report/render-portfolio.ts';
import { renderLearnerReportConversationSheet } from '../../../domain/learner-report/report/render-conversation-sheet.ts';
import { readLearnerReportHome } from '../../../domain/learner-report/report/read-learner-report-home.ts';
import { exportLearnerReportResearch } from '../../../domain/learner-report/report/export-research.ts';

// Learner reports, their sharing, team insight (counts only), PDFs, the research export and
// notifications. Static paths are registered before /learner-reports/{id}.
export const learnerReportRoutes = new OpenAPIHono<AppEnv>();
const r = learnerReportRoutes;
const tags = ['learner-reports'];
const base = '/networks/{networkId}/learner-reports';

const conflictSchema = errorSchema.extend({ error: errorSchema.shape.error.extend({ data: z.object({ current: learnerReportSchema }) }) });
const conflict = { 409: json(conflictSchema, 'Saved elsewhere in the meantime (REVISION_CONFLICT, with the current version) or completed') };
const pdf = { content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } }, description: 'PDF' };
const csv = { content: { 'text/csv': { schema: z.string() } }, description: 'Semicolon-separated CSV, UTF-8 with BOM' };
const fileHeaders = (type: string, filename: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/learner-report-settings', tags, request: { params: networkParams }, responses: { 200: json(networkSettingsSchema), ...errors } }),
  async (c) => c.json(await readLearnerReportSettings(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/learner-report-settings', tags, request: { params: networkParams, ...body(networkSettingsPatchSchema) }, responses: { 200: json(networkSettingsSchema), ...errors } }),
  async (c) => c.json(await updateLearnerReportSettings(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/learner-report-home', tags, request: { params: networkParams }, responses: { 200: json(learnerReportHomeSchema), ...errors } }),
  async (c) => c.json(await readLearnerReportHome(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: base, tags, request: { params: networkParams }, responses: { 200: json(z.array(learnerReportSummarySchema)), ...errors } }),
  async (c) => c.json(await listMyLearnerReports(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: base, tags, request: { params: networkParams, ...body(learnerReportCreateSchema) }, responses: { 201: json(learnerReportSchema), ...errors } }),
  async (c) => c.json(await createLearnerReport(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: `${base}/share-candidates`, tags, request: { params: networkParams }, responses: { 200: json(z.array(shareCandidateSchema)), ...errors } }),
  async (c) => c.json(await listShareCandidates(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: `${base}/shared-with-me`, tags, request: { params: networkParams }, responses: { 200: json(z.array(learnerReportSharedSummarySchema)), ...errors } }),
  async (c) => c.json(await listLearnerReportsSharedWithMe(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: `${base}/history`, tags, request: { params: networkParams }, responses: { 200: json(learnerReportHistorySchema), ...errors } }),
  async (c) => c.json(await readLearnerReportHistory(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: `${base}/candidates`, tags, request: { params: networkParams, query: periodQuerySchema }, responses: { 200: json(z.array(learnerReportCandidateSchema)), ...errors } }),
  async (c) => c.json(await listLearnerReportCandidates(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query')), 200));

r.openapi(createRoute({ method: 'get', path: `${base}/insight`, tags, request: { params: networkParams, query: insightQuerySchema }, responses: { 200: json(learnerReportInsightSchema), ...errors } }),
  async (c) => c.json(await readLearnerReportInsight(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query').institutionId), 200));

r.openapi(createRoute({ method: 'get', path: `${base}/portfolio.pdf`, tags, request: { params: networkParams }, responses: { 200: pdf, ...errors } }),
  async (c) => {
    const file = await renderLearnerReportPortfolio(c.get('deps'), requireActor(c), c.req.valid('param').networkId);
    return c.body(new Uint8Array(file), 200, fileHeaders('application/pdf', 'learner-reports-portfolio.pdf'));
  });

r.openapi(createRoute({ method: 'get', path: `${base}/conversation-sheet.pdf`, tags, request: { params: networkParams, query: conversationSheetQuerySchema }, responses: { 200: pdf, ...errors } }),
  async (c) => {
    const actor = requireActor(c);
    const file = await renderLearnerReportConversationSheet(actor, c.req.valid('param').networkId, c.req.valid('query').locale ?? c.get('locale'));
    return c.body(new Uint8Array(file), 200, fileHeaders('application/pdf', 'conversation-sheet.pdf'));
  });

r.openapi(createRoute({ method: 'get', path: `${base}/research-export.csv`, tags, request: { params: networkParams }, responses: { 200: csv, ...errors } }),
  async (c) => {
    const file = await exportLearnerReportResearch(c.get('deps'), requireActor(c), c.req.valid('param').networkId);
    return c.body(file.csv, 200, fileHeaders('text/csv; charset=utf-8', file.filename));
  });

r.openapi(createRoute({ method: 'get', path: `${base}/{id}`, tags, request: { params: networkItemParams }, responses: { 200: json(learnerReportSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readLearnerReport(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'patch', path: `${base}/{id}`, tags, request: { params: networkItemParams, ...body(learnerReportSaveSchema) }, responses: { 200: json(learnerReportSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveLearnerReport(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: `${base}/{id}`, tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await deleteLearnerReport(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/complete`, tags, request: { params: networkItemParams, ...body(learnerReportRevisionRefSchema) }, responses: { 200: json(learnerReportSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await completeLearnerReport(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').revision), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/reopen`, tags, request: { params: networkItemParams, ...body(learnerReportRevisionRefSchema) }, responses: { 200: json(learnerReportSchema), ...errors, ...conflict } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await reopenLearnerReport(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').revision), 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/{id}/revisions`, tags, request: { params: networkItemParams }, responses: { 200: json(z.array(learnerReportRevisionSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listLearnerReportRevisions(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/suggest-type`, tags, request: { params: networkItemParams, ...body(activitySuggestInputSchema) }, responses: { 200: json(typologySuggestionSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await suggestLearnerReportType(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').activityId), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/{id}/shares`, tags, request: { params: networkItemParams, ...body(learnerReportShareInputSchema) }, responses: { 200: json(z.array(learnerReportShareSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await shareLearnerReport(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').personId), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/learner-report-shares/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await withdrawLearnerReportShare(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/typology/suggest', tags, request: { params: networkParams, ...body(typologySuggestInputSchema) }, responses: { 200: json(typologySuggestionSchema), ...errors } }),
  async (c) => c.json(await suggestTypology(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json').text), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/notifications', tags, request: { params: networkParams }, responses: { 200: json(z.array(notificationSchema)), ...errors } }),
  async (c) => c.json(await listMyNotificationsOf(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/notifications/read', tags, request: { params: networkParams, ...body(notificationReadInputSchema) }, responses: { 200: json(notificationReadResultSchema), ...errors } }),
  async (c) => c.json(await markMyNotificationsRead(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json').ids), 200));
