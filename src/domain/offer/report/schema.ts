import { z } from 'zod';
import { lastingEffectSchema } from '../../../lib/lasting-effect.ts';
import { offerKindSchema } from '../offer/schema.ts';
import { evaluationSummarySchema } from '../../foundation/public.ts';

// The figures of Leren buiten de school: participation per company, per school and per kind
// of offer, fill rate, waitlists, and the feedback each company received.

/**
 * What changed: the lasting-effect answers of the teachers who took part (the record's counts, no
 * person); `counts` stays null while fewer than three answered. Same shape as the record's LastingEffect.
 */
export const offerLastingEffectSchema = lastingEffectSchema;
export type OfferLastingEffect = z.infer<typeof offerLastingEffectSchema>;

/**
 * How the teachers valued the company visits (1–5, the participants' evaluation): count, mean and
 * distribution, shown only from three answers on. Other kinds of offer are not evaluated.
 */
export const offerEvaluationSchema = evaluationSummarySchema;
export type OfferEvaluation = z.infer<typeof offerEvaluationSchema>;

const fill = { sessions: z.number().int(), places: z.number().int(), confirmed: z.number().int(), waitlisted: z.number().int(), fillPercent: z.number().nullable() };

export const offerReportSchema = z.object({
  /** 'network' for coordinators; 'own' for a host, who sees only their own offers. */
  scope: z.enum(['network', 'own']),
  totals: z.object({ offers: z.number().int(), ...fill, hours: z.number(), lastingEffect: offerLastingEffectSchema, evaluation: offerEvaluationSchema }),
  byCompany: z.array(z.object({ hostInstitutionId: z.string(), hostName: z.string(), offers: z.number().int(), ...fill, feedback: z.array(z.string()), lastingEffect: offerLastingEffectSchema, evaluation: offerEvaluationSchema })),
  bySchool: z.array(z.object({ institutionId: z.string().nullable(), institutionName: z.string(), participants: z.number().int(), confirmed: z.number().int(), waitlisted: z.number().int(), hours: z.number() })),
  byKind: z.array(z.object({ kind: offerKindSchema, offers: z.number().int(), ...fill })),
});
export type OfferReport = z.infer<typeof offerReportSchema>;
