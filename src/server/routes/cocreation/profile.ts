import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { errors, json, networkItemParams, networkParams } from '../../openapi.ts';
import { praatplaatQuerySchema, profileVersionSchema, profileVersionSummarySchema } from '../../../domain/cocreation/profile/schema.ts';
import { listCocreationProfileVersions, readCocreationProfileVersion } from '../../../domain/cocreation/profile/actions.ts';
import { renderPraatplaatPdf, renderPraatplaatPng } from '../../../domain/cocreation/profile/render-praatplaat.ts';

// The network's profile versions and their praatplaat (PDF and PNG).
export const profileRoutes = new OpenAPIHono<AppEnv>();
const r = profileRoutes;
const tags = ['cocreation'];
const base = '/networks/{networkId}/cocreation-profiles';
const file = (type: string) => ({ content: { [type]: { schema: z.string().meta({ format: 'binary' }) } }, description: type });
const headers = (type: string, filename: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });

r.openapi(createRoute({ method: 'get', path: base, tags, request: { params: networkParams }, responses: { 200: json(z.array(profileVersionSummarySchema)), ...errors } }),
  async (c) => c.json(await listCocreationProfileVersions(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: `${base}/{id}`, tags, request: { params: networkItemParams }, responses: { 200: json(profileVersionSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readCocreationProfileVersion(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'get', path: `${base}/{id}/praatplaat.pdf`, tags, request: { params: networkItemParams, query: praatplaatQuerySchema }, responses: { 200: file('application/pdf'), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const pdf = await renderPraatplaatPdf(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('query').locale ?? c.get('locale'));
    return c.body(new Uint8Array(pdf), 200, headers('application/pdf', 'praatplaat.pdf'));
  });

r.openapi(createRoute({ method: 'get', path: `${base}/{id}/praatplaat.png`, tags, request: { params: networkItemParams, query: praatplaatQuerySchema }, responses: { 200: file('image/png'), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const png = await renderPraatplaatPng(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('query').locale ?? c.get('locale'));
    return c.body(new Uint8Array(png), 200, headers('image/png', 'praatplaat.png'));
  });
