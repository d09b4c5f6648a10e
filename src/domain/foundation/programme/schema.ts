import { z } from 'zod';

export const programmeLevels = [
  'vmbo', 'havo', 'vwo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'associate-degree', 'bachelor', 'master', 'other',
] as const;
export const programmeLevelSchema = z.enum(programmeLevels);
export type ProgrammeLevel = z.infer<typeof programmeLevelSchema>;

/** An ISCED-F 2013 field code: broad (2 digits), narrow (3) or detailed (4). */
export const iscedCodeSchema = z.string().trim().regex(/^[0-9]{2,4}$/, 'ISCED');

export const programmeInputSchema = z.object({
  institutionId: z.uuid(),
  name: z.string().trim().min(2).max(160),
  iscedCode: iscedCodeSchema,
  level: programmeLevelSchema,
  code: z.string().trim().max(20).optional().nullable(),
});
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;
export const programmePatchSchema = programmeInputSchema.omit({ institutionId: true }).partial();
export type ProgrammePatch = z.infer<typeof programmePatchSchema>;

export const programmeSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  name: z.string(),
  iscedCode: z.string(),
  iscedLabel: z.string().nullable(),
  level: programmeLevelSchema,
  code: z.string().nullable(),
});
export type Programme = z.infer<typeof programmeSchema>;
