import { z } from 'zod';

// A participant's short evaluation of a finished practice item (a company visit, a speeddate, a
// co-creation session): "Hoe waardevol was dit voor je werk?" 1–5 and optionally "Wat neem je mee?".

/** Answers below this count show no figures, so no one's answer can be recognised. */
export const EVALUATION_SUMMARY_MINIMUM = 3;
export const EVALUATION_TAKEAWAY_MAX = 300;
/** How long after it ended the home page asks a participant to evaluate an item. */
export const EVALUATION_OPEN_DAYS = 90;

export const evaluationParamsSchema = z.object({
  networkId: z.uuid(),
  source: z.string().regex(/^[a-z_]{1,40}$/),
  itemId: z.uuid(),
});

export const evaluationAnswerInputSchema = z.object({
  score: z.number().int().min(1).max(5),
  takeaway: z.string().trim().max(EVALUATION_TAKEAWAY_MAX).default(''),
});
export type EvaluationAnswerInput = z.infer<typeof evaluationAnswerInputSchema>;

export const evaluationAnswerSchema = z.object({
  score: z.number().int().min(1).max(5),
  takeaway: z.string(),
  updatedAt: z.string(),
});
export type EvaluationAnswer = z.infer<typeof evaluationAnswerSchema>;

/**
 * The person's own evaluation of one item: `open` when they took part and it is over for them;
 * otherwise why they cannot answer (yet).
 */
export const evaluationMineSchema = z.object({
  source: z.string(),
  itemId: z.string(),
  title: z.string(),
  status: z.enum(['open', 'not_participant', 'not_ended']),
  answer: evaluationAnswerSchema.nullable(),
});
export type EvaluationMine = z.infer<typeof evaluationMineSchema>;

/** An item the person took part in, ended in the last EVALUATION_OPEN_DAYS, not evaluated yet. */
export const evaluationOpenItemSchema = z.object({
  source: z.string(),
  itemId: z.string(),
  title: z.string(),
  endedAt: z.string(),
});
export type EvaluationOpenItem = z.infer<typeof evaluationOpenItemSchema>;

/**
 * The answers of one item together, without names. Below the minimum only the count shows:
 * mean, distribution (answers per score 1–5) and takeaways stay empty.
 */
export const evaluationSummarySchema = z.object({
  count: z.number().int(),
  minimum: z.number().int(),
  shown: z.boolean(),
  mean: z.number().nullable(),
  distribution: z.array(z.number().int()),
  takeaways: z.array(z.string()),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;
