import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { json } from '../../openapi.ts';
import { listIscedFields } from '../../../domain/foundation/reference/data.ts';

export const referenceRoutes = new OpenAPIHono<AppEnv>();

const iscedFieldSchema = z.object({
  code: z.string(), level: z.enum(['broad', 'narrow', 'detailed']), broad: z.string(), narrow: z.string().nullable(), en: z.string(), nl: z.string().nullable(),
});

referenceRoutes.openapi(
  createRoute({ method: 'get', path: '/reference/isced', tags: ['reference'], responses: { 200: json(z.array(iscedFieldSchema)) } }),
  (c) => c.json(listIscedFields(), 200),
);
