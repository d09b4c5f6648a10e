import { z } from 'zod';

/** One ISCED-F 2013 field of education (UNESCO) with its Dutch and English label. */
export const iscedFieldSchema = z.object({
  code: z.string(),
  level: z.enum(['broad', 'narrow', 'detailed']),
  broad: z.string(),
  narrow: z.string().nullable(),
  en: z.string(),
  nl: z.string().nullable(),
});
export type IscedField = z.infer<typeof iscedFieldSchema>;
