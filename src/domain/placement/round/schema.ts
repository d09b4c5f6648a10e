import { z } from 'zod';

// Placement of teacher internships: a round over docentstage offers; teachers rank up to N offers;
// companies accept (with an optional rank) or decline applicants; the coordinator compares the
// engine's stable and welfare-optimal results, adjusts by hand and publishes. A rank is always
// the place the teacher gave the offer in their own ranking.

export const roundInputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  maxRanks: z.number().int().min(1).max(10).default(3),
  offerIds: z.array(z.uuid()).min(1).max(200),
});
export type RoundInput = z.infer<typeof roundInputSchema>;

export const rankingInputSchema = z.object({ offerIds: z.array(z.uuid()).max(10) });
export const responseInputSchema = z.object({ teacherId: z.uuid(), decision: z.enum(['accept', 'decline']), rank: z.number().int().min(1).max(500).nullable().default(null) });
export type ResponseInput = z.infer<typeof responseInputSchema>;

export const modeSchema = z.enum(['stable', 'welfare']);
export type Mode = z.infer<typeof modeSchema>;
export const publishInputSchema = z.object({
  mode: modeSchema,
  /** Moves by hand: a teacher to an offer with room, or to the waitlist (offerId null). */
  adjustments: z.array(z.object({ teacherId: z.uuid(), offerId: z.uuid().nullable() })).max(500).default([]),
});
export type PublishInput = z.infer<typeof publishInputSchema>;

/** After publishing: one teacher to an internship of the round with room, or to the waitlist (null). */
export const moveInputSchema = z.object({ offerId: z.uuid().nullable() });
export type MoveInput = z.infer<typeof moveInputSchema>;

export const roundOfferSchema = z.object({ id: z.uuid(), title: z.string(), hostName: z.string(), places: z.number().int(), placesLeft: z.number().int().nullable(), canRespond: z.boolean() });

export const roundSummarySchema = z.object({ id: z.uuid(), title: z.string(), status: z.enum(['open', 'published']), maxRanks: z.number().int(), offers: z.number().int(), rankings: z.number().int() });
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundSchema = roundSummarySchema.extend({
  offerList: z.array(roundOfferSchema),
  canManage: z.boolean(),
  myRanking: z.array(z.uuid()),
  /** The viewer's published result: a place with the rank they gave it, or the waitlist. */
  myResult: z.object({ offerId: z.uuid().nullable(), rank: z.number().int().nullable(), waitlist: z.boolean() }).nullable(),
  /** Applicants per offer the viewer hosts (companies answer them). */
  applicants: z.array(z.object({ offerId: z.uuid(), teacherId: z.uuid(), name: z.string(), rank: z.number().int(), decision: z.enum(['accept', 'decline']).nullable(), companyRank: z.number().int().nullable() })),
  results: z.array(z.object({ teacherId: z.uuid(), name: z.string(), offerId: z.uuid().nullable(), rank: z.number().int().nullable(), waitlist: z.boolean(), manual: z.boolean() })),
});
export type Round = z.infer<typeof roundSchema>;

const outcomeSchema = z.object({
  placed: z.number().int(),
  unplaced: z.number().int(),
  /** byRank[k] = teachers placed at their (k+1)-th choice. */
  byRank: z.array(z.number().int()),
  rankSum: z.number().int(),
  assignments: z.array(z.object({ teacherId: z.uuid(), name: z.string(), offerId: z.uuid().nullable(), offerTitle: z.string().nullable(), rank: z.number().int().nullable() })),
});
export const comparisonSchema = z.object({
  stable: outcomeSchema,
  welfare: outcomeSchema,
  /** Teachers whose rank differs between the modes (null: no place). */
  differences: z.array(z.object({ teacherId: z.uuid(), name: z.string(), stableRank: z.number().int().nullable(), welfareRank: z.number().int().nullable(), betterIn: modeSchema })),
});
export type Comparison = z.infer<typeof comparisonSchema>;
