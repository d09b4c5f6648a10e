import { z } from 'zod';

export const runStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

export const pairReasonSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const proposalPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  institutionName: z.string(),
  programmes: z.array(z.string()),
});

export const proposalVisitSchema = z.object({
  index: z.number().int(),
  observerId: z.string(),
  hostId: z.string(),
  lessonStart: z.string(),
  lessonEnd: z.string(),
  leaveAt: z.string(),
  returnBy: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  address: z.string(),
  travelMinutes: z.number().int(),
  lessonSummary: z.string(),
  moved: z.boolean(),
  /** The visit has begun (or is over) at the time of reading: publishing it would send a date in the past. */
  inPast: z.boolean(),
});

export const proposalSchema = z.object({
  pairs: z.array(z.object({
    a: proposalPersonSchema,
    b: proposalPersonSchema,
    score: z.number(),
    pinned: z.boolean(),
    trio: z.boolean(),
    reasons: z.array(pairReasonSchema),
    visits: z.array(proposalVisitSchema),
  })),
  unmatched: z.array(z.object({ person: proposalPersonSchema, side: z.enum(['a', 'b']), reason: z.string() })),
  /** How many visits have begun by now; the coordinator is warned before publishing them. */
  visitsInPast: z.number().int(),
});

/** What a relaxed copy of the run's input would give a group of unmatched people (never applied by itself). */
export const whatIfSchema = z.object({
  /** The reason the group was left unmatched. */
  reason: z.string(),
  change: z.enum(['TRAVEL_PLUS_15', 'TRIOS_ALLOWED', 'TIME_RULES_RELAXED']),
  people: z.number().int(),
  /** Pairs the relaxed run forms beyond this run's. */
  morePairs: z.number().int(),
  /** People of the group who would be matched. */
  groupMatched: z.number().int(),
});
export type WhatIf = z.infer<typeof whatIfSchema>;

export const runSummarySchema = z.object({
  registered: z.number().int(),
  pairs: z.number().int(),
  matchedPercent: z.number(),
  visits: z.number().int(),
  unmatchedByReason: z.record(z.string(), z.number().int()),
  objective: z.number(),
  dualBound: z.number(),
  optimal: z.boolean(),
  violations: z.number().int(),
  ms: z.number(),
  /** Absent in runs made before what-ifs existed. */
  whatIfs: z.array(whatIfSchema).optional(),
});

export const runSchema = z.object({
  id: z.string(),
  editionId: z.string(),
  number: z.number().int(),
  status: runStatusSchema,
  progress: z.number().int(),
  phase: z.string(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: runSummarySchema.nullable(),
  proposal: proposalSchema.nullable(),
});
export type Run = z.infer<typeof runSchema>;

export const runCompareSchema = z.object({
  a: z.object({ id: z.string(), number: z.number().int(), summary: runSummarySchema.nullable() }),
  b: z.object({ id: z.string(), number: z.number().int(), summary: runSummarySchema.nullable() }),
  kept: z.array(z.object({ aId: z.string(), bId: z.string(), names: z.string() })),
  onlyInA: z.array(z.object({ aId: z.string(), bId: z.string(), names: z.string() })),
  onlyInB: z.array(z.object({ aId: z.string(), bId: z.string(), names: z.string() })),
});

export const pairRuleInputSchema = z.object({ aPersonId: z.uuid(), bPersonId: z.uuid(), kind: z.enum(['pin', 'forbid']) });
export const pairRuleSchema = z.object({
  id: z.string(), aPersonId: z.string(), bPersonId: z.string(), kind: z.enum(['pin', 'forbid']), aName: z.string(), bName: z.string(),
});

export const visitOptionSchema = z.object({
  lessonStart: z.string(), lessonEnd: z.string(), leaveAt: z.string(), returnBy: z.string(), locationId: z.string(), travelMinutes: z.number().int(),
});
export const visitMoveSchema = z.object({ lessonStart: z.iso.datetime({ offset: true }) });
