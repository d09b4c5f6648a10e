import { z } from 'zod';

// Pupils: the name as the school uses it and the class, nothing else (no date of birth, BSN or address).

export const pupilCreateSchema = z.object({ name: z.string().trim().min(1).max(80), className: z.string().trim().min(1).max(20) });
export const pupilCsvSchema = z.object({ csv: z.string().min(1).max(500_000) });

export const pupilImportReportSchema = z.object({
  added: z.number().int(),
  rows: z.array(z.object({
    row: z.number().int(),
    name: z.string(),
    status: z.enum(['added', 'exists', 'error']),
    code: z.string().nullable(),
    message: z.string().nullable(),
  })),
  /** Columns that were not read and not stored (personal data the leerlab does not need). */
  droppedColumns: z.array(z.string()),
  droppedMessage: z.string().nullable(),
});
export type PupilImportReport = z.infer<typeof pupilImportReportSchema>;

export const pupilResultSchema = z.object({ partId: z.string(), grade: z.number().nullable(), completed: z.boolean(), assessedOn: z.string().nullable() });

export const pupilSchema = z.object({
  id: z.string(),
  name: z.string(),
  classId: z.string(),
  className: z.string(),
  attended: z.number().int(),
  absent: z.number().int(),
  results: z.array(pupilResultSchema),
  exemptionsIssued: z.number().int(),
});
export type Pupil = z.infer<typeof pupilSchema>;

export const rosterSchema = z.object({
  pupils: z.array(pupilSchema),
  pupilsRemoveOn: z.string(),
  retentionMonths: z.number().int(),
  pupilsRemovedAt: z.string().nullable(),
});
export type Roster = z.infer<typeof rosterSchema>;

export const resultsSaveSchema = z.object({
  results: z.array(z.object({
    pupilId: z.uuid(),
    partId: z.uuid(),
    grade: z.number().min(1).max(10).nullable(),
    completed: z.boolean(),
    assessedOn: z.iso.date().nullable().default(null),
  })).min(1).max(2000),
});
