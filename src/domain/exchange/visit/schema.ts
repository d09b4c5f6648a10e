import { z } from 'zod';
import { visitOptionSchema } from '../match/schema.ts';

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
  /** On the waiting list for a next run (only when unmatched). */
  waitlist: z.boolean(),
  /** Who to ask: the network's coordinators. */
  contacts: z.array(z.object({ name: z.string(), email: z.string() })),
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

/** Why a lesson of the host is not an option for moving a visit (counted per reason). */
export const visitSlotRejectionSchema = z.enum([
  'ALREADY_PAST', 'OBSERVER_UNAVAILABLE_DAY', 'OBSERVER_AVOIDS_TIME', 'TRAVEL_TOO_FAR', 'OBSERVER_BUSY', 'CLASHES_WITH_OTHER_VISIT', 'DAY_FULL',
]);
export type VisitSlotRejection = z.infer<typeof visitSlotRejectionSchema>;

/** The feasible times for moving a visit, and for the host's other lessons why they are not. */
export const visitOptionsSchema = z.object({
  options: z.array(visitOptionSchema),
  /** The host's lessons in the exchange window within the day's edges and avoided times. */
  hostLessons: z.number().int(),
  rejected: z.partialRecord(visitSlotRejectionSchema, z.number().int()),
});
export type VisitOptions = z.infer<typeof visitOptionsSchema>;

/** What needs a person now in the exchange week, for their home page. */
export const exchangeHomeSchema = z.object({
  nextVisit: z.object({
    id: z.string(), editionId: z.string(), editionName: z.string(), role: z.enum(['observer', 'host']), partnerName: z.string(),
    lessonStart: z.string(), locationName: z.string(),
  }).nullable(),
  /** Visits the person observed that still lack a reflection. */
  openReflections: z.array(z.object({ visitId: z.string(), editionId: z.string(), partnerName: z.string() })),
  /** Editions open for registration that the person may join and has not. */
  openRegistrations: z.array(z.object({ editionId: z.string(), name: z.string(), registrationDeadline: z.string() })),
  /** Editions the person registered for but was not matched in. */
  unmatched: z.array(z.object({ editionId: z.string(), name: z.string(), waitlist: z.boolean() })),
  /** For coordinators: editions that need them (registrations coming in, runs to review, a waiting list). */
  manage: z.array(z.object({
    editionId: z.string(), name: z.string(), status: z.string(), registered: z.number().int(), waitlist: z.number().int(), runsToReview: z.number().int(),
  })),
});
export type ExchangeHome = z.infer<typeof exchangeHomeSchema>;
