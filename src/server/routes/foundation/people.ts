import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams, networkParams, okSchema } from '../../openapi.ts';
import { personSchema, personPatchSchema } from '../../../domain/foundation/person/schema.ts';
import { listNetworkPeople, readPerson, updatePerson, removePerson, endPersonSessions } from '../../../domain/foundation/person/actions.ts';
import { invitationSchema, invitationInputSchema } from '../../../domain/foundation/invitation/schema.ts';
import { createInvitation, listNetworkInvitations, revokeInvitation } from '../../../domain/foundation/invitation/actions.ts';
import { importInputSchema, importReportSchema } from '../../../domain/foundation/csv-import/schema.ts';
import { importPeople, importProgrammes } from '../../../domain/foundation/csv-import/actions.ts';
import { outboxMessageSchema } from '../../../domain/foundation/mail/schema.ts';
import { listOutboxMessages } from '../../../domain/foundation/mail/actions.ts';

// People, invitations, CSV imports and the mail outbox of a network.
export const peopleRoutes = new OpenAPIHono<AppEnv>();
const r = peopleRoutes;
const tags = ['people'];

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/people', tags, request: { params: networkParams }, responses: { 200: json(z.array(personSchema)), ...errors } }),
  async (c) => c.json(await listNetworkPeople(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/people/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(personSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readPerson(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/people/{id}', tags, request: { params: networkItemParams, ...body(personPatchSchema) }, responses: { 200: json(personSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updatePerson(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/people/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    await removePerson(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/people/{id}/sessions/end', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await endPersonSessions(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/invitations', tags, request: { params: networkParams }, responses: { 200: json(z.array(invitationSchema)), ...errors } }),
  async (c) => c.json(await listNetworkInvitations(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/invitations', tags, request: { params: networkParams, ...body(invitationInputSchema) }, responses: { 201: json(invitationSchema), ...errors } }),
  async (c) => c.json(await createInvitation(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json'), c.get('request')), 201));

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/invitations/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await revokeInvitation(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/imports/people', tags, request: { params: networkParams, ...body(importInputSchema) }, responses: { 200: json(importReportSchema), 422: json(importReportSchema), ...errors } }),
  async (c) => {
    const report = await importPeople(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json'), c.get('request'));
    return c.json(report, report.ok ? 200 : 422);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/imports/programmes', tags, request: { params: networkParams, ...body(importInputSchema) }, responses: { 200: json(importReportSchema), 422: json(importReportSchema), ...errors } }),
  async (c) => {
    const report = await importProgrammes(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json'));
    return c.json(report, report.ok ? 200 : 422);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/outbox', tags, request: { params: networkParams }, responses: { 200: json(z.array(outboxMessageSchema)), ...errors } }),
  async (c) => c.json(await listOutboxMessages(c.get('deps'), requireActor(c), c.req.valid('param').networkId), 200));
