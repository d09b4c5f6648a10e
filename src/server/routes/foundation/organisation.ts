import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams, networkParams, okSchema } from '../../openapi.ts';
import { networkSchema, auditPageSchema, auditQuerySchema, auditFilterSchema, auditKindsSchema } from '../../../domain/foundation/network/schema.ts';
import { readNetwork, listNetworkAudit, exportNetworkAudit, listNetworkAuditKinds } from '../../../domain/foundation/network/actions.ts';
import {
  institutionSchema, institutionInputSchema, institutionPatchSchema, locationSchema, locationInputSchema, locationPatchSchema,
} from '../../../domain/foundation/institution/schema.ts';
import {
  listNetworkInstitutions, readInstitution, createInstitution, updateInstitution, deleteInstitution,
  listInstitutionLocations, createLocation, updateLocation, deleteLocation,
} from '../../../domain/foundation/institution/actions.ts';
import { programmeSchema, programmeInputSchema, programmePatchSchema } from '../../../domain/foundation/programme/schema.ts';
import { listNetworkProgrammes, createProgramme, updateProgramme, deleteProgramme } from '../../../domain/foundation/programme/actions.ts';

// Networks, institutions, locations and programmes. Every route: validate → actor → one action.
export const organisationRoutes = new OpenAPIHono<AppEnv>();
const r = organisationRoutes;
const tags = ['organisation'];

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}', tags, request: { params: networkParams }, responses: { 200: json(networkSchema), ...errors } }),
  async (c) => c.json(await readNetwork(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/audit', tags, request: { params: networkParams, query: auditQuerySchema }, responses: { 200: json(auditPageSchema), ...errors } }),
  async (c) => c.json(await listNetworkAudit(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query')), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/audit.csv', tags, request: { params: networkParams, query: auditFilterSchema }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'The filtered audit log (semicolon CSV, newest first)' }, ...errors } }),
  async (c) => {
    const csv = await exportNetworkAudit(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query'));
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="audit-log.csv"', 'cache-control': 'no-store' });
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/audit/kinds', tags, request: { params: networkParams }, responses: { 200: json(auditKindsSchema), ...errors } }),
  async (c) => c.json(await listNetworkAuditKinds(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/institutions', tags, request: { params: networkParams }, responses: { 200: json(z.array(institutionSchema)), ...errors } }),
  async (c) => c.json(await listNetworkInstitutions(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/institutions', tags, request: { params: networkParams, ...body(institutionInputSchema) }, responses: { 201: json(institutionSchema), ...errors } }),
  async (c) => c.json(await createInstitution(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/institutions/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(institutionSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readInstitution(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/institutions/{id}', tags, request: { params: networkItemParams, ...body(institutionPatchSchema) }, responses: { 200: json(institutionSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateInstitution(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/institutions/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await deleteInstitution(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/institutions/{id}/locations', tags, request: { params: networkItemParams }, responses: { 200: json(z.array(locationSchema)), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await listInstitutionLocations(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/institutions/{id}/locations', tags, request: { params: networkItemParams, ...body(locationInputSchema) }, responses: { 201: json(locationSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await createLocation(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 201);
  });

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/locations/{id}', tags, request: { params: networkItemParams, ...body(locationPatchSchema) }, responses: { 200: json(locationSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateLocation(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/locations/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await deleteLocation(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });

const programmeQuery = z.object({ institutionId: z.uuid().optional() });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/programmes', tags, request: { params: networkParams, query: programmeQuery }, responses: { 200: json(z.array(programmeSchema)), ...errors } }),
  async (c) => c.json(await listNetworkProgrammes(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query').institutionId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/programmes', tags, request: { params: networkParams, ...body(programmeInputSchema) }, responses: { 201: json(programmeSchema), ...errors } }),
  async (c) => c.json(await createProgramme(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/programmes/{id}', tags, request: { params: networkItemParams, ...body(programmePatchSchema) }, responses: { 200: json(programmeSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateProgramme(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/programmes/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await deleteProgramme(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });
