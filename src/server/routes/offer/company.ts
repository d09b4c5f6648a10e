import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkParams } from '../../openapi.ts';
import { companySchema, companyInputSchema, companyListQuerySchema } from '../../../domain/offer/company/schema.ts';
import { listCompanies, readCompany, saveCompany } from '../../../domain/offer/company/actions.ts';

// The company directory of a network.
export const companyRoutes = new OpenAPIHono<AppEnv>();
const r = companyRoutes;
export const tags = ['offers'];
const companyParams = networkParams.extend({ institutionId: z.uuid() });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/companies', tags, request: { params: networkParams, query: companyListQuerySchema }, responses: { 200: json(z.array(companySchema)), ...errors } }),
  async (c) => c.json(await listCompanies(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query')), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/companies/{institutionId}', tags, request: { params: companyParams }, responses: { 200: json(companySchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readCompany(c.get('deps'), requireActor(c), p.networkId, p.institutionId), 200);
  });

r.openapi(createRoute({ method: 'put', path: '/networks/{networkId}/companies/{institutionId}', tags, request: { params: companyParams, ...body(companyInputSchema) }, responses: { 200: json(companySchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await saveCompany(c.get('deps'), requireActor(c), p.networkId, p.institutionId, c.req.valid('json')), 200);
  });
