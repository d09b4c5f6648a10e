import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams, okSchema } from '../../openapi.ts';
import { rosterSchema, pupilCreateSchema, pupilCsvSchema, pupilImportReportSchema, resultsSaveSchema } from '../../../domain/leerlab/pupil/schema.ts';
import { readRoster, addPupil, importPupilsCsv, removePupil, saveResults, exportGradesCsv, issueExemption } from '../../../domain/leerlab/pupil/actions.ts';

// The roster (name and class only), results per keuzedeel part, the grade export and exemption statements.
export const pupilRoutes = new OpenAPIHono<AppEnv>();
const r = pupilRoutes;
const tags = ['leerlab'];
const base = '/networks/{networkId}/leerlabs/{id}';
const pupilParams = networkItemParams.extend({ pupilId: z.uuid() });
const file = (type: string, description: string) => ({ content: { [type]: { schema: z.string() } }, description });
const report = { 200: json(pupilImportReportSchema), ...errors, 409: errors[400], 422: errors[400] };

r.openapi(createRoute({ method: 'get', path: `${base}/pupils`, tags, request: { params: networkItemParams }, responses: { 200: json(rosterSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readRoster(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/pupils`, tags, request: { params: networkItemParams, ...body(pupilCreateSchema) }, responses: report }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await addPupil(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'post', path: `${base}/pupils/csv`, tags, request: { params: networkItemParams, ...body(pupilCsvSchema) }, responses: report }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await importPupilsCsv(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').csv), 200);
  });

r.openapi(createRoute({ method: 'delete', path: `${base}/pupils/{pupilId}`, tags, request: { params: pupilParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await removePupil(c.get('deps'), requireActor(c), p.networkId, p.id, p.pupilId);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'put', path: `${base}/results`, tags, request: { params: networkItemParams, ...body(resultsSaveSchema) }, responses: { 200: json(rosterSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveResults(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json').results), 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/grades.csv`, tags, request: { params: networkItemParams }, responses: { 200: file('text/csv', 'Results per pupil and part for grade entry (semicolon CSV, see docs/leerlab.md)'), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const { csv, fileName } = await exportGradesCsv(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
  });

r.openapi(createRoute({ method: 'get', path: `${base}/pupils/{pupilId}/exemption.pdf`, tags, request: { params: pupilParams }, responses: { 200: file('application/pdf', 'Exemption statement for the completed parts'), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    const pdf = await issueExemption(c.get('deps'), requireActor(c), p.networkId, p.id, p.pupilId);
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="vrijstelling.pdf"' });
  });
