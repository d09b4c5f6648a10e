import { z } from 'zod';

export const networkSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  isDemo: z.boolean(),
  counts: z.object({ institutions: z.number().int(), people: z.number().int(), programmes: z.number().int() }),
});
export type Network = z.infer<typeof networkSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  at: z.string(),
});
