import { z } from 'zod';

// The lasting-effect question ("doorwerking"): some weeks after an activity, what does the teacher
// now think or do differently because of it?

export const followUpEffectSchema = z.enum(['changed', 'partly', 'unchanged']);
export type FollowUpEffect = z.infer<typeof followUpEffectSchema>;

export const followUpAnswerSchema = z.object({
  impact: z.string().trim().min(1).max(4000),
  effect: followUpEffectSchema,
});
export type FollowUpAnswer = z.infer<typeof followUpAnswerSchema>;

export const followUpSchema = z.object({
  id: z.string(),
  source: z.string(),
  sourceId: z.string(),
  title: z.string(),
  activityDate: z.string(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpAnswerResultSchema = z.object({ learnerReportId: z.string() });

/**
 * What changed after one practice item: the question asked and answered (counts), and the answers
 * by kind — null while fewer than EFFECT_MIN_ANSWERS answered (the small-numbers rule); no person.
 */
export const effectFigureSchema = z.object({
  source: z.string(), sourceId: z.string(), title: z.string(),
  asked: z.number().int(), answered: z.number().int(),
  changed: z.number().int().nullable(), partly: z.number().int().nullable(), unchanged: z.number().int().nullable(),
});
export type EffectFigure = z.infer<typeof effectFigureSchema>;

/**
 * The small-numbers rule: the three counts of a practice item are shown only once at least this
 * many teachers answered, so that no answer can be traced back to one person.
 */
export const EFFECT_MIN_ANSWERS = 3;

export { lastingEffectSchema, type LastingEffect } from '../../../lib/lasting-effect.ts';
