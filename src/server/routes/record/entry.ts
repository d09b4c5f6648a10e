import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams, networkParams, okSchema } from '../../openapi.ts';
import {
  recordEntryChoiceSchema, recordEntryParamsSchema, recordExportQuerySchema, recordManualInputSchema, recordManualPatchSchema, recordSettingsPatchSchema, recordSettingsSchema, recordViewSchema,
} from '../../../domain/record/entry/schema.ts';
import {
  addRecordEvidence, createRecordActivity, deleteRecordActivity, readRecordEvidence, removeRecordEvidence, exportRecordCertificate, exportRecordCsv, exportRecordPdf, readRecord, readRecordSettings, updateRecordActivity, updateRecordEntry, updateRecordSettings,
} from '../../../domain/record/entry/actions.ts';
import { recordEvidenceFileSchema, recordEvidenceParams, recordEvidenceUploadQuerySchema } from '../../../domain/record/evidence/schema.ts';
import { uploadResponse } from '../../../lib/upload-file.ts';

// The professional record: one page per teacher, activities added by hand, the teacher's choices, exports.
export const entryRoutes = new OpenAPIHono<AppEnv>();
const r = entryRoutes;
const tags = ['record'];
const file = (type: string, description: string) => ({ content: { [type]: { schema: z.string() } }, description });
const personParams = z.object({ networkId: z.uuid(), personId: z.uuid() });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/record', tags, request: { params: networkParams }, responses: { 200: json(recordViewSchema), ...errors } }),
  async (c) => c.json(await readRecord(c.get('deps'), requireActor(c), c.req.valid('param').networkId, requireActor(c).personId), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/people/{personId}/record', tags, request: { params: personParams }, responses: { 200: json(recordViewSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readRecord(c.get('deps'), requireActor(c), p.networkId, p.personId), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/record/activities', tags, request: { params: networkParams, ...body(recordManualInputSchema) }, responses: { 201: json(recordViewSchema), ...errors } }),
  async (c) => c.json(await createRecordActivity(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/record/activities/{id}', tags, request: { params: networkItemParams, ...body(recordManualPatchSchema) }, responses: { 200: json(recordViewSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateRecordActivity(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/record/activities/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(recordViewSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await deleteRecordActivity(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

// Evidence files of a hand-added activity. The upload's body is the file's bytes (any content type;
// the server decides the type from the bytes and the name), its name in the query. A download is
// always offered as an attachment with the stored type, a safe name and nosniff (`uploadResponse`).
r.openapi(createRoute({
  method: 'post', path: '/networks/{networkId}/record/activities/{id}/attachments', tags,
  description: 'Adds an evidence file to an activity the teacher added by hand (at most 10 MB, 5 per activity; PDF, images, office documents, CSV, text). The body is the file\'s bytes.',
  request: { params: networkItemParams, query: recordEvidenceUploadQuerySchema, body: { content: { 'application/octet-stream': { schema: z.string() } }, required: true } },
  responses: { 201: json(recordEvidenceFileSchema), ...errors, 409: errors[400], 413: errors[400] },
}),
  async (c) => {
    const p = c.req.valid('param');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await addRecordEvidence(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('query').name, bytes), 201);
  });

r.openapi(createRoute({
  method: 'get', path: '/networks/{networkId}/record/activities/{id}/attachments/{fileId}', tags,
  description: 'An evidence file, as an attachment: for its teacher, and for a team lead only while the teacher shows the activity.',
  request: { params: recordEvidenceParams }, responses: { 200: file('application/octet-stream', 'The file, as an attachment'), ...errors },
}),
  async (c) => {
    const p = c.req.valid('param');
    return uploadResponse(await readRecordEvidence(c.get('deps'), requireActor(c), p.networkId, p.id, p.fileId)) as never;
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/record/activities/{id}/attachments/{fileId}', tags, request: { params: recordEvidenceParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await removeRecordEvidence(c.get('deps'), requireActor(c), p.networkId, p.id, p.fileId);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/record/entries/{source}/{sourceId}', tags, request: { params: recordEntryParamsSchema, ...body(recordEntryChoiceSchema) }, responses: { 200: json(recordViewSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateRecordEntry(c.get('deps'), requireActor(c), p.networkId, p.source, p.sourceId, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/record/entries/{source}/{sourceId}/certificate.pdf', tags, request: { params: recordEntryParamsSchema, query: recordExportQuerySchema }, responses: { 200: file('application/pdf', 'Certificate of one activity'), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    const pdf = await exportRecordCertificate(c.get('deps'), requireActor(c), p.networkId, p.source, p.sourceId, c.req.valid('query').locale ?? c.get('locale'));
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="certificaat.pdf"' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/record.pdf', tags, request: { params: networkParams, query: recordExportQuerySchema }, responses: { 200: file('application/pdf', 'The record as PDF'), ...errors } }),
  async (c) => {
    const pdf = await exportRecordPdf(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query').locale ?? c.get('locale'));
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="professionaliseringsdossier.pdf"' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/record.csv', tags, request: { params: networkParams, query: recordExportQuerySchema }, responses: { 200: file('text/csv', 'The record for task allocation (semicolon CSV)'), ...errors } }),
  async (c) => {
    const csv = await exportRecordCsv(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query').locale ?? c.get('locale'));
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="professionalisering.csv"' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/record/settings', tags, request: { params: networkParams }, responses: { 200: json(recordSettingsSchema), ...errors } }),
  async (c) => c.json(await readRecordSettings(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/record/settings', tags, request: { params: networkParams, ...body(recordSettingsPatchSchema) }, responses: { 200: json(recordSettingsSchema), ...errors } }),
  async (c) => c.json(await updateRecordSettings(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 200));
