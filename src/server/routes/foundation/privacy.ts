import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { SESSION_COOKIE, requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import { retentionEntrySchema } from '../../../domain/foundation/retention/schema.ts';
import { readRetention } from '../../../domain/foundation/retention/actions.ts';
import { erasureConfirmSchema, erasurePlanSchema, erasureResultSchema } from '../../../domain/foundation/privacy/schema.ts';
import { eraseOwnData, exportOwnData, readErasurePlan } from '../../../domain/foundation/privacy/actions.ts';

// A person's own data ("Mijn gegevens"): export as a ZIP, what erasure does, erasure; and what
// Kruispunt keeps how long (the beheerder's Bewaartermijnen).
export const privacyRoutes = new OpenAPIHono<AppEnv>();
const r = privacyRoutes;
const tags = ['privacy'];
const zip = { content: { 'application/zip': { schema: z.string() } }, description: 'ZIP: index.html (summary) and one JSON file per table' };

r.openapi(createRoute({ method: 'get', path: '/auth/me/export', tags, responses: { 200: zip, 401: errors[401] } }),
  async (c) => {
    const file = await exportOwnData(c.get('deps'), requireActor(c), c.get('request'));
    return c.body(new Uint8Array(file.zip), 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' });
  });

r.openapi(createRoute({ method: 'get', path: '/auth/me/erasure', tags, responses: { 200: json(erasurePlanSchema, 'What erasure would do, and what blocks it'), 401: errors[401] } }),
  async (c) => c.json(await readErasurePlan(c.get('deps'), requireActor(c)), 200));

r.openapi(createRoute({ method: 'post', path: '/auth/me/erasure', tags, request: body(erasureConfirmSchema), responses: { 200: json(erasureResultSchema), ...errors } }),
  async (c) => {
    const result = await eraseOwnData(c.get('deps'), requireActor(c), c.req.valid('json'), c.get('request'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json(result, 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/retention', tags, request: { params: networkParams }, responses: { 200: json(z.array(retentionEntrySchema)), ...errors } }),
  (c) => c.json(readRetention(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));
