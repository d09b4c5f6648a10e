import { z } from 'zod';

export const importKindSchema = z.enum(['people', 'programmes']);
export type ImportKind = z.infer<typeof importKindSchema>;

export const importInputSchema = z.object({
  /** The file's text (the UI reads the file; the API also accepts text/csv bodies). */
  csv: z.string().max(5_000_000),
  /** Validate and report without writing anything. */
  dryRun: z.boolean().optional().default(false),
  /** For people: send invitations to the new people. */
  invite: z.boolean().optional().default(false),
});

export const importRowResultSchema = z.object({
  row: z.number().int(),
  status: z.enum(['accepted', 'rejected']),
  reasons: z.array(z.object({ code: z.string(), column: z.string().optional(), message: z.string() })),
  summary: z.string(),
});

export const importReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  delimiter: z.string().optional(),
  columns: z.array(z.string()),
  accepted: z.number().int(),
  rejected: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rows: z.array(importRowResultSchema),
  error: z.object({ code: z.string(), message: z.string(), missing: z.array(z.string()).optional() }).optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
