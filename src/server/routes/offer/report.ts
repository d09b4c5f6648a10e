import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { errors, json, networkParams } from '../../openapi.ts';
import { offerReportSchema } from '../../../domain/offer/report/schema.ts';
import { readOfferReport, exportOfferReportCsv, exportOfferReportXlsx } from '../../../domain/offer/report/actions.ts';
import { tags } from './company.ts';

// The figures: coordinators the whole network, a host their own offers.
export const reportRoutes = new OpenAPIHono<AppEnv>();
const r = reportRoutes;
const file = (type: string, description: string) => ({ content: { [type]: { schema: z.string() } }, description });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offer-report', tags, request: { params: networkParams }, responses: { 200: json(offerReportSchema), ...errors } }),
  async (c) => c.json(await readOfferReport(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offer-report.csv', tags, request: { params: networkParams }, responses: { 200: file('text/csv', 'Figures per host (semicolon CSV)'), ...errors } }),
  async (c) => {
    const csv = await exportOfferReportCsv(c.get('deps'), requireActor(c), c.req.valid('param').networkId);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="aanbod-rapport.csv"' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/offer-report.xlsx', tags, request: { params: networkParams }, responses: { 200: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Offer report workbook'), ...errors } }),
  async (c) => {
    const xlsx = await exportOfferReportXlsx(c.get('deps'), requireActor(c), c.req.valid('param').networkId);
    return c.body(new Uint8Array(xlsx), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="aanbod-rapport.xlsx"' });
  });
