import { z } from 'zod';
import { lastingEffectSchema } from '../../../lib/lasting-effect.ts';
import { funnelRowSchema } from '../edition/schema.ts';

export const editionReportSchema = z.object({
  editionId: z.string(),
  name: z.string(),
  totals: z.object({ invited: z.number().int(), registered: z.number().int(), matched: z.number().int(), visited: z.number().int(), evaluated: z.number().int() }),
  matchedPercent: z.number(),
  perInstitution: z.array(funnelRowSchema),
  perProgramme: z.array(funnelRowSchema),
  visits: z.object({ planned: z.number().int(), done: z.number().int(), cancelled: z.number().int(), missed: z.number().int() }),
  evaluation: z.object({
    count: z.number().int(), overall: z.number().nullable(), partnerFit: z.number().nullable(), organisation: z.number().nullable(), recommendPercent: z.number().nullable(),
  }),
  hours: z.object({ participants: z.number().int(), total: z.number() }),
  /**
   * What changed: the lasting-effect answers about this edition (the record's counts, no person);
   * `counts` stays null while fewer than three answered. Same shape as the record's LastingEffect.
   */
  lastingEffect: lastingEffectSchema,
});
export type EditionReport = z.infer<typeof editionReportSchema>;

export const participantRowSchema = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  institutionName: z.string(),
  side: z.enum(['a', 'b']),
  partners: z.string(),
  visitsDone: z.number().int(),
  creditedHours: z.number(),
  evaluated: z.boolean(),
});
export type ParticipantRow = z.infer<typeof participantRowSchema>;
