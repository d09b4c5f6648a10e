import { z } from 'zod';

export const visitStatusSchema = z.enum(['planned', 'cancelled', 'done', 'missed']);

export const reflectionInputSchema = z.object({
  observed: z.string().trim().max(4000).default(''),
  learned: z.string().trim().max(4000).default(''),
  apply: z.string().trim().max(4000).default(''),
}).refine((r) => r.observed || r.learned || r.apply, { message: 'REFLECTION_EMPTY', path: ['observed'] });

export const reflectionSchema = z.object({ observed: z.string(), learned: z.string(), apply: z.string(), updatedAt: z.string() });

export const visitSchema = z.object({
  id: z.string(),
  editionId: z.string(),
  observerId: z.string(),
  observerName: z.string(),
  hostId: z.string(),
  hostName: z.string(),
  lessonStart: z.string(),
  lessonEnd: z.string(),
  leaveAt: z.string(),
  returnBy: z.string(),
  locationId: z.string().nullable(),
  locationName: z.string(),
  address: z.string(),
  travelMinutes: z.number().int(),
  status: visitStatusSchema,
  sequence: z.number().int(),
  checkedIn: z.boolean(),
});
export type Visit = z.infer<typeof visitSchema>;

export const myExchangeSchema = z.object({
  status: z.enum(['not_registered', 'registered', 'matched', 'unmatched']),
  unmatchedReason: z.string().nullable(),
  partners: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), institutionName: z.string(), programmes: z.array(z.string()) })),
  visits: z.array(z.object({
    id: z.string(),
    role: z.enum(['observer', 'host']),
    partnerName: z.string(),
    lessonStart: z.string(),
    lessonEnd: z.string(),
    leaveAt: z.string(),
    returnBy: z.string(),
    locationName: z.string(),
    address: z.string(),
    status: visitStatusSchema,
    checkedIn: z.boolean(),
    reflection: reflectionSchema.nullable(),
  })),
  creditedHours: z.number(),
  evaluation: z.object({ overall: z.number().int(), partnerFit: z.number().int(), organisation: z.number().int(), wouldRecommend: z.boolean(), bestPart: z.string(), improve: z.string() }).nullable(),
});
export type MyExchange = z.infer<typeof myExchangeSchema>;

export const evaluationInputSchema = z.object({
  overall: z.number().int().min(1).max(5),
  partnerFit: z.number().int().min(1).max(5),
  organisation: z.number().int().min(1).max(5),
  wouldRecommend: z.boolean(),
  bestPart: z.string().trim().max(4000).default(''),
  improve: z.string().trim().max(4000).default(''),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

export const calendarFeedSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const calendarFeedCreatedSchema = z.object({ url: z.string() });
