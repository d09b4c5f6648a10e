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

/** Column names the CSV import recognises, per field, in Dutch and English (the UI shows them as help). */
export interface CsvColumnNames {
  nl: readonly string[];
  en: readonly string[];
  required: boolean;
}

export const peopleColumnNames = {
  name: { nl: ['naam', 'volledige naam', 'docent'], en: ['name', 'full name', 'teacher'], required: true },
  email: { nl: ['e-mail', 'e-mailadres', 'emailadres', 'mail'], en: ['email', 'email address'], required: true },
  role: { nl: ['rol', 'functie'], en: ['role'], required: false },
  institution: { nl: ['instelling', 'school', 'organisatie'], en: ['institution', 'organisation', 'organization'], required: true },
  programmes: { nl: ['opleiding', 'opleidingen', 'vak'], en: ['programme', 'programmes', 'program', 'programs'], required: false },
} as const satisfies Record<string, CsvColumnNames>;

export const programmeColumnNames = {
  institution: { nl: ['instelling', 'school', 'organisatie'], en: ['institution', 'organisation'], required: true },
  name: { nl: ['naam', 'opleiding', 'opleidingsnaam'], en: ['name', 'programme', 'program', 'programme name'], required: true },
  isced: { nl: ['isced', 'isced-code', 'isced-f-code', 'iscedf', 'studierichting'], en: ['isced code', 'field'], required: true },
  level: { nl: ['niveau'], en: ['level'], required: true },
  code: { nl: ['code', 'crebo', 'croho', 'opleidingscode', 'crebocode', 'crohocode'], en: [], required: false },
} as const satisfies Record<string, CsvColumnNames>;
