import { z } from 'zod';
import { lastingEffectSchema } from '../../../lib/lasting-effect.ts';

// Evaluation rounds: pupils and teachers of both schools answer anonymously by a code.

export const EVALUATION_QUESTIONS = ['learned', 'interesting', 'organisation', 'travel', 'recommend'] as const;
export const evaluationQuestionSchema = z.enum(EVALUATION_QUESTIONS);
export const respondentSchema = z.enum(['pupil', 'vo_teacher', 'mbo_teacher']);
export const evaluationCodeSchema = z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'FIELD_INVALID_CODE');

export const evaluationCreateSchema = z.object({ name: z.string().trim().min(2).max(120), periodId: z.uuid().nullable().default(null) });
export const evaluationUpdateSchema = z.object({ notes: z.string().trim().max(4000).optional(), open: z.boolean().optional() });

export const evaluationAnswerSchema = z.object({
  respondent: respondentSchema,
  ratings: z.object(Object.fromEntries(EVALUATION_QUESTIONS.map((q) => [q, z.number().int().min(1).max(5)])) as Record<(typeof EVALUATION_QUESTIONS)[number], z.ZodNumber>),
  comment: z.string().trim().max(1000).default(''),
});
export type EvaluationAnswer = z.infer<typeof evaluationAnswerSchema>;

export const evaluationPublicSchema = z.object({ name: z.string(), leerlabName: z.string(), open: z.boolean(), questions: z.array(evaluationQuestionSchema) });

const groupSummary = z.object({
  respondent: respondentSchema,
  answers: z.number().int(),
  averages: z.array(z.object({ question: evaluationQuestionSchema, average: z.number().nullable() })),
});

export const evaluationSchema = z.object({
  id: z.string(),
  name: z.string(),
  periodId: z.string().nullable(),
  code: z.string(),
  open: z.boolean(),
  notes: z.string(),
  answers: z.number().int(),
  groups: z.array(groupSummary),
  /** Answers per rating 1–5 per question (all respondents). */
  distribution: z.array(z.object({ question: evaluationQuestionSchema, counts: z.array(z.number().int()) })),
  comments: z.array(z.object({ respondent: respondentSchema, comment: z.string() })),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/**
 * What changed: the lasting-effect answers of the leerlab's teachers about its guest lessons and
 * sessions (the record's counts, no person); `counts` stays null while fewer than three answered.
 * Same shape as the record's LastingEffect.
 */
export const leerlabLastingEffectSchema = lastingEffectSchema;
export type LeerlabLastingEffect = z.infer<typeof leerlabLastingEffectSchema>;
