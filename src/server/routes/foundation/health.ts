import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../../context.ts';
import { json } from '../../openapi.ts';
import { translatorCreate } from '../../../lib/i18n.ts';
import { foundationMessages } from '../../../domain/foundation/messages.ts';

export const healthRoutes = new OpenAPIHono<AppEnv>();

/** A health check must answer quickly, also when the database server hangs or is restarting. */
const HEALTH_TIMEOUT_MS = 3_000;

const translate = translatorCreate(foundationMessages);

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  description: 'Whether Kruispunt can use its database: 200 when it can, 503 while the database is away (Kruispunt reconnects by itself, and restarts an embedded database that died).',
  responses: {
    200: json(z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']) })),
    503: json(z.object({
      status: z.literal('unavailable'),
      database: z.enum(['embedded', 'external']),
      error: z.object({ code: z.literal('DATABASE_UNAVAILABLE'), message: z.string() }),
    })),
  },
});

healthRoutes.openapi(health, async (c) => {
  const deps = c.get('deps');
  const database = deps.config.databaseMode;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      deps.db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('health check timed out')), HEALTH_TIMEOUT_MS);
      }),
    ]);
    return c.json({ status: 'ok' as const, database }, 200);
  } catch (error) {
    c.get('log')?.debug({ err: error }, 'health check: database unavailable');
    const code = 'DATABASE_UNAVAILABLE' as const;
    return c.json({ status: 'unavailable' as const, database, error: { code, message: translate(c.get('locale') ?? 'nl', code) } }, 503);
  } finally {
    clearTimeout(timer);
  }
});
