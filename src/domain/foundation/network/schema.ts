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
  /** What the event carried, e.g. the IP address of a login or the fields of a change. */
  data: z.unknown().nullable(),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** One page of the audit log, newest first; `nextCursor` asks for the page after it. */
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)), 'FIELD_INVALID');

/** Filters of the audit log: one action, one entity, one actor, and a period of days (Europe/Amsterdam, both inclusive). */
export const auditFilterSchema = z.object({
  action: z.string().trim().min(1).max(60).optional(),
  entity: z.string().trim().min(1).max(60).optional(),
  actorId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditQuerySchema = auditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d{20}-[0-9a-f]{32}$/).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditKindsSchema = z.object({ actions: z.array(z.string()), entities: z.array(z.string()) });
export type AuditKinds = z.infer<typeof auditKindsSchema>;
