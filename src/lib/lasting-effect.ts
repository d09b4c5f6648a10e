import { z } from 'zod';

/**
 * "What changed?" in a practice's own report (an edition, an offer, a leerlab …): how often the
 * lasting-effect question was asked and answered about its activities, and — once at least three
 * answered (the record area's small-numbers rule) — how many said something changed, partly or
 * not. No person. One shape for every practice's report; the record area fills it.
 */
export const lastingEffectSchema = z.object({
  /** Days after the activity at which the network asks (three months by default). */
  afterDays: z.number().int(),
  asked: z.number().int(),
  answered: z.number().int(),
  /** Null while fewer than three answered. */
  counts: z.object({ changed: z.number().int(), partly: z.number().int(), unchanged: z.number().int() }).nullable(),
});
export type LastingEffect = z.infer<typeof lastingEffectSchema>;
