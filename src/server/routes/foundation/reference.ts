import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context.ts';
import { json } from '../../openapi.ts';
import { listIscedFields } from '../../../domain/foundation/reference/data.ts';
import { iscedFieldSchema } from '../../../domain/foundation/reference/schema.ts';

export const referenceRoutes = new OpenAPIHono<AppEnv>();


referenceRoutes.openapi(
  createRoute({ method: 'get', path: '/reference/isced', tags: ['reference'], responses: { 200: json(z.array(iscedFieldSchema)) } }),
  (c) => c.json(listIscedFields(), 200),
);
