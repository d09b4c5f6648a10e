import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams, networkParams, okSchema } from '../../openapi.ts';
import { exampleInputSchema, examplePatchSchema, exampleSchema, exampleSearchQuerySchema, exampleSearchResultSchema } from '../../../domain/example/example/schema.ts';
import {
  buildExampleFeed, createExample, createExampleFromPractice, deleteExample, readExample, readPublicExample, searchNetworkExamples, searchPublicExamples, updateExample,
} from '../../../domain/example/example/actions.ts';
import { translate } from '../../../domain/example/messages.ts';
import {
  addExampleAttachment, readExampleAttachment, readPublicExampleAttachment, removeExampleAttachment,
} from '../../../domain/example/example/actions.ts';
import { uploadResponse } from '../../../lib/upload-file.ts';
import {
  exampleAttachmentParams, exampleAttachmentSchema, exampleAttachmentUploadQuerySchema, publicExampleAttachmentParams,
} from '../../../domain/example/attachment/schema.ts';

// Practice examples: the network's library, the public library and its Atom feed, and from practice to example.
export const exampleRoutes = new OpenAPIHono<AppEnv>();
const r = exampleRoutes;
const tags = ['example'];

r.openapi(createRoute({ method: 'get', path: '/public/examples', tags, request: { query: exampleSearchQuerySchema }, responses: { 200: json(exampleSearchResultSchema), 400: errors[400] } }),
  async (c) => c.json(await searchPublicExamples(c.get('deps'), c.req.valid('query')), 200));

r.openapi(createRoute({ method: 'get', path: '/public/examples.atom', tags, responses: { 200: { content: { 'application/atom+xml': { schema: z.string() } }, description: 'Atom feed of new published examples' } } }),
  async (c) => c.body(await buildExampleFeed(c.get('deps'), translate(c.get('locale'), 'FEED_TITLE')), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' }));

r.openapi(createRoute({ method: 'get', path: '/public/examples/{slug}', tags, request: { params: z.object({ slug: z.string().min(1).max(100) }) }, responses: { 200: json(exampleSchema), 404: errors[404] } }),
  async (c) => c.json(await readPublicExample(c.get('deps'), c.req.valid('param').slug), 200));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/examples', tags, request: { params: networkParams, query: exampleSearchQuerySchema }, responses: { 200: json(exampleSearchResultSchema), ...errors } }),
  async (c) => c.json(await searchNetworkExamples(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('query')), 200));

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/examples', tags, request: { params: networkParams, ...body(exampleInputSchema) }, responses: { 201: json(exampleSchema), ...errors } }),
  async (c) => c.json(await createExample(c.get('deps'), requireActor(c), c.req.valid('param').networkId, c.req.valid('json')), 201));

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/examples/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(exampleSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readExample(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'patch', path: '/networks/{networkId}/examples/{id}', tags, request: { params: networkItemParams, ...body(examplePatchSchema) }, responses: { 200: json(exampleSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateExample(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/examples/{id}', tags, request: { params: networkItemParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await deleteExample(c.get('deps'), requireActor(c), p.networkId, p.id);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'post', path: '/networks/{networkId}/editions/{editionId}/example', tags, request: { params: z.object({ networkId: z.uuid(), editionId: z.uuid() }) }, responses: { 201: json(exampleSchema), ...errors, 409: errors[400] } }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await createExampleFromPractice(c.get('deps'), requireActor(c), p.networkId, 'exchange_edition', p.editionId), 201);
  });

r.openapi(createRoute({
  method: 'post', path: '/networks/{networkId}/examples/from/{source}/{sourceId}', tags,
  description: 'A finished item of a practice (source exchange_edition, leerlab, company_visit, speeddate_event, cocreation_session) becomes a draft example with its facts.',
  request: { params: z.object({ networkId: z.uuid(), source: z.string().regex(/^[a-z_]{1,40}$/), sourceId: z.uuid() }) }, responses: { 201: json(exampleSchema), ...errors, 409: errors[400] },
}),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await createExampleFromPractice(c.get('deps'), requireActor(c), p.networkId, p.source, p.sourceId), 201);
  });

// An example's files. The upload's body is the file's bytes (any content type; the server decides
// the type from the bytes and the name), its name in the query. A download is always offered as an
// attachment with the stored type, a safe name and nosniff, never rendered inline (`uploadResponse`).
const download = { 200: { content: { 'application/octet-stream': { schema: z.string() } }, description: 'The file, as an attachment' } } as const;

r.openapi(createRoute({
  method: 'post', path: '/networks/{networkId}/examples/{id}/attachments', tags,
  description: 'Adds a file to an example (at most 10 MB, 10 per example; PDF, images, office documents, CSV, text). The body is the file\'s bytes.',
  request: { params: networkItemParams, query: exampleAttachmentUploadQuerySchema, body: { content: { 'application/octet-stream': { schema: z.string() } }, required: true } },
  responses: { 201: json(exampleAttachmentSchema), ...errors, 409: errors[400], 413: errors[400] },
}),
  async (c) => {
    const p = c.req.valid('param');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await addExampleAttachment(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('query').name, bytes), 201);
  });

r.openapi(createRoute({ method: 'get', path: '/networks/{networkId}/examples/{id}/attachments/{attachmentId}', tags, request: { params: exampleAttachmentParams }, responses: { ...download, ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    return uploadResponse(await readExampleAttachment(c.get('deps'), requireActor(c), p.networkId, p.id, p.attachmentId)) as never;
  });

r.openapi(createRoute({ method: 'delete', path: '/networks/{networkId}/examples/{id}/attachments/{attachmentId}', tags, request: { params: exampleAttachmentParams }, responses: { 200: json(okSchema), ...errors } }),
  async (c) => {
    const p = c.req.valid('param');
    await removeExampleAttachment(c.get('deps'), requireActor(c), p.networkId, p.id, p.attachmentId);
    return c.json({ ok: true as const }, 200);
  });

r.openapi(createRoute({ method: 'get', path: '/public/examples/{slug}/attachments/{attachmentId}', tags, request: { params: publicExampleAttachmentParams }, responses: { ...download, 400: errors[400], 404: errors[404] } }),
  async (c) => {
    const p = c.req.valid('param');
    return uploadResponse(await readPublicExampleAttachment(c.get('deps'), p.slug, p.attachmentId)) as never;
  });
