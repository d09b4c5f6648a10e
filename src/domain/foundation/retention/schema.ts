import { z } from 'zod';

// How long Kruispunt keeps each kind of data (the beheerder's page "Bewaartermijnen").

export const retentionEntrySchema = z.object({
  area: z.string(),
  table: z.string(),
  /** The period, or null when the area applies its own rule (see `note`). */
  period: z.object({ value: z.number(), unit: z.enum(['minutes', 'hours', 'days']) }).nullable(),
  /** The environment variable that sets it, when there is one. */
  setting: z.string().nullable(),
  /** Who removes the rows: the hourly job, or the area itself. */
  appliedBy: z.enum(['hourly', 'area']),
  note: z.string(),
});
export type RetentionEntry = z.infer<typeof retentionEntrySchema>;
