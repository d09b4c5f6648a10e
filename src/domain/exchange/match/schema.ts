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
});

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
