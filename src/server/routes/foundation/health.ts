import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../../context.ts';
import { json } from '../../openapi.ts';

export const healthRoutes = new OpenAPIHono<AppEnv>();

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  responses: {
    200: json(z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']) })),
    503: json(z.object({ status: z.literal('unavailable'), database: z.enum(['embedded', 'external']) })),
  },
});

healthRoutes.openapi(health, async (c) => {
  const deps = c.get('deps');
  const database = deps.config.databaseMode;
  try {
    await deps.db.execute(sql`select 1`);
    return c.json({ status: 'ok' as const, database }, 200);
  } catch {
    return c.json({ status: 'unavailable' as const, database }, 503);
  }
});
