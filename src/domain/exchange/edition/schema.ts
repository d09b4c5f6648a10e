import { z } from 'zod';

export const editionStatuses = ['draft', 'announced', 'registration_open', 'matching', 'published', 'running', 'evaluation', 'closed'] as const;
export const editionStatusSchema = z.enum(editionStatuses);
export type EditionStatus = z.infer<typeof editionStatusSchema>;

const isoDate = z.iso.date();
const clock = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'TIME');

export const editionRulesSchema = z.object({
  avoidFirstLesson: z.boolean().default(false),
  avoidLastLesson: z.boolean().default(false),
  dayStart: clock.default('08:00'),
  dayEnd: clock.default('17:30'),
  /** Weekly windows without visits, e.g. Monday 15:00–16:00. */
  avoid: z.array(z.object({ weekday: z.number().int().min(1).max(5), start: clock, end: clock })).max(20).default([]),
  maxVisitsPerDay: z.number().int().min(1).max(4).default(1),
  maxGuestsPerHostPerDay: z.number().int().min(1).max(4).default(1),
  hostCapacity: z.number().int().min(1).max(5).default(1),
});
export type EditionRules = z.infer<typeof editionRulesSchema>;

export const editionSideSchema = z.enum(['a', 'b']);

const editionFields = {
  name: z.string().trim().min(3).max(120),
  description: z.string().trim().max(4000).default(''),
  sideALabel: z.string().trim().min(1).max(40).default('mbo'),
  sideBLabel: z.string().trim().min(1).max(40).default('hbo'),
  /** Participating institutions and their side; default: mbo → side a, hbo → side b. */
  institutions: z.array(z.object({ institutionId: z.uuid(), side: editionSideSchema })).max(200).optional(),
  windowStart: isoDate,
  windowEnd: isoDate,
  announcementDate: isoDate,
  registrationDeadline: isoDate,
  creditedHours: z.number().min(0).max(200).default(8),
  groupSize: z.enum(['pair', 'trio']).default('pair'),
  rules: editionRulesSchema.default(editionRulesSchema.parse({})),
};

export const editionInputSchema = z.object(editionFields);
export type EditionInput = z.infer<typeof editionInputSchema>;
export const editionPatchSchema = z.object(editionFields).partial();
export type EditionPatch = z.infer<typeof editionPatchSchema>;

export const editionTransitionSchema = z.object({ to: editionStatusSchema });

export const editionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: editionStatusSchema,
  sideALabel: z.string(),
  sideBLabel: z.string(),
  institutions: z.array(z.object({ institutionId: z.string(), name: z.string(), kind: z.string(), side: editionSideSchema })),
  windowStart: z.string(),
  windowEnd: z.string(),
  announcementDate: z.string(),
  registrationDeadline: z.string(),
  creditedHours: z.number(),
  groupSize: z.enum(['pair', 'trio']),
  rules: editionRulesSchema,
  publicSlug: z.string(),
  copiedFromId: z.string().nullable(),
  registrations: z.number().int(),
  allowedTransitions: z.array(editionStatusSchema),
});
export type Edition = z.infer<typeof editionSchema>;

export const editionPublicSchema = z.object({
  name: z.string(),
  description: z.string(),
  networkName: z.string(),
  status: editionStatusSchema,
  sideALabel: z.string(),
  sideBLabel: z.string(),
  institutions: z.array(z.object({ name: z.string(), kind: z.string(), side: editionSideSchema })),
  windowStart: z.string(),
  windowEnd: z.string(),
  registrationDeadline: z.string(),
  creditedHours: z.number(),
  groupSize: z.enum(['pair', 'trio']),
  registrationOpen: z.boolean(),
  editionId: z.string(),
  networkId: z.string(),
});

/** One funnel row: with `programmeId` null the institution's total (a teacher of two programmes counts once), otherwise one programme. */
export const funnelRowSchema = z.object({
  institutionId: z.string(),
  institutionName: z.string(),
  programmeId: z.string().nullable(),
  programmeName: z.string().nullable(),
  invited: z.number().int(),
  registered: z.number().int(),
  matched: z.number().int(),
  visited: z.number().int(),
  evaluated: z.number().int(),
});
export type FunnelRow = z.infer<typeof funnelRowSchema>;
