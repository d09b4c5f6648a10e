import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams, okSchema } from '../../openapi.ts';
import { recordEntryParamsSchema } from '../../../domain/record/entry/schema.ts';
import { credentialIssueResultSchema, credentialVerificationSchema, credentialVerifyInputSchema } from '../../../domain/record/credential/schema.ts';
import { issueRecordCredential } from '../../../domain/record/credential/issue-credential.ts';
import { verifyCredentialText } from '../../../domain/record/credential/verify-credential.ts';
import { readCredential, readIssuerKey, readIssuerProfile, readStatusList, revokeRecordCredential } from '../../../domain/record/credential/actions.ts';

// Open Badges 3.0: issuing, downloading and revoking; the public issuer documents and verification.
export const credentialRoutes = new OpenAPIHono<AppEnv>();
const r = credentialRoutes;
const tags = ['credential'];
const documentSchema = z.record(z.string(), z.unknown());
const issuerParams = z.object({ networkId: z.uuid() });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/record/entries/{source}/{sourceId}/credential', tags, request: { params: recordEntryParamsSchema }, responses: { 201: json(credentialIssueResultSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await issueRecordCredential(c.get('deps'), requireActor(c), p.networkId, p.source, p.sourceId, c.get('locale')), 201);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/record/credentials/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(documentSchema, 'The signed OpenBadgeCredential (as a download)'), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    const document = await readCredential(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json(document, 200, { 'Content-Disposition': 'attachment; filename="badge.json"' });
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/record/credentials/{id}/revoke', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await revokeRecordCredential(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: '/public/credentials/verify', tags, request: { ...body(credentialVerifyInputSchema) }, responses: { 200: json(credentialVerificationSchema), 400: errors[400] } }),
  async (c) => c.json(await verifyCredentialText(c.get('deps'), c.req.valid('json').credential), 200));

r.openapi(createRoute({ method: 'get', path: '/public/issuers/{networkId}', tags, request: { params: issuerParams }, responses: { 200: json(documentSchema), 404: errors[404] } }),
  async (c) => c.json(await readIssuerProfile(c.get('deps'), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: '/public/issuers/{networkId}/key', tags, request: { params: issuerParams }, responses: { 200: json(documentSchema), 404: errors[404] } }),
  async (c) => c.json(await readIssuerKey(c.get('deps'), c.req.valid('param').networkId), 200));

const statusListParams = z.object({ networkId: z.uuid(), list: z.coerce.number().int().min(0).max(999_999) });
r.openapi(createRoute({ method: 'get', path: '/public/issuers/{networkId}/status/{list}', tags, request: { params: statusListParams }, responses: { 200: json(documentSchema, 'The signed BitstringStatusListCredential (W3C Bitstring Status List v1.0) of revoked badges'), 400: errors[400], 404: errors[404] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readStatusList(c.get('deps'), p.networkId, p.list), 200, { 'Cache-Control': 'public, max-age=60' });
  });
