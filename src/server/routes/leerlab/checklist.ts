import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../context.ts';
import { body, errors, json, networkItemParams } from '../../openapi.ts';
import { checklistItemSchema, checklistItemCreateSchema, checklistItemUpdateSchema } from '../../../domain/leerlab/checklist/schema.ts';
import { readChecklist, addChecklistItem, changeChecklistItem } from '../../../domain/leerlab/checklist/actions.ts';

// The checklist with owners: the article's preconditions and the coordinators' own items.
export const checklistRoutes = new OpenAPIHono<AppEnv>();
const r = checklistRoutes;
const tags = ['leerlab'];
const base = '/networks/{networkId}/leerlabs/{id}/checklist';
const list = { 200: json(z.array(checklistItemSchema)), ...errors };

r.openapi(createRoute({ method: 'get', path: base, tags, request: { params: networkItemParams }, responses: list }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await readChecklist(c.get('deps'), requireActor(c), p.networkId, p.id), 200);
  });

r.openapi(createRoute({ method: 'post', path: base, tags, request: { params: networkItemParams, ...body(checklistItemCreateSchema) }, responses: list }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await addChecklistItem(c.get('deps'), requireActor(c), p.networkId, p.id, c.req.valid('json')), 200);
  });

r.openapi(createRoute({ method: 'patch', path: `${base}/{itemId}`, tags, request: { params: networkItemParams.extend({ itemId: z.uuid() }), ...body(checklistItemUpdateSchema) }, responses: list }),
  async (c) => {
    const p = c.req.valid('param');
    return c.json(await changeChecklistItem(c.get('deps'), requireActor(c), p.networkId, p.id, p.itemId, c.req.valid('json')), 200);
  });
