import { z } from 'zod';

// Teacher design teams (DOTs): teachers of several schools (companies may join) design teaching
// material together; meetings at times free for every member, a meeting log, products.

export const teamInputSchema = z.object({
  name: z.string().trim().min(3).max(200),
  goal: z.string().trim().max(3000).default(''),
  memberIds: z.array(z.uuid()).max(30).default([]),
});
export type TeamInput = z.infer<typeof teamInputSchema>;

export const teamMembersInputSchema = z.object({ memberIds: z.array(z.uuid()).min(1).max(30) });

export const teamProposalQuerySchema = z.object({
  from: z.iso.date(),
  days: z.coerce.number().int().min(1).max(28).default(10),
  minutes: z.coerce.number().int().min(30).max(480).default(90),
  locationId: z.uuid().optional(),
});

const instant = z.iso.datetime({ offset: true });
export const teamMeetingInputSchema = z.object({ startAt: instant, endAt: instant, locationId: z.uuid().nullable().default(null) });
export const teamMeetingLogSchema = z.object({ log: z.string().trim().max(20000) });
export const teamProductInputSchema = z.object({ title: z.string().trim().min(2).max(200), url: z.url({ protocol: /^https?$/ }).max(2000) });

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  goal: z.string(),
  members: z.array(z.object({ personId: z.string(), name: z.string(), institutionName: z.string().nullable() })),
  meetings: z.array(z.object({ id: z.string(), startAt: z.string(), endAt: z.string(), locationName: z.string().nullable(), log: z.string() })),
  products: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
  isMember: z.boolean(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamProposalSchema = z.object({
  slots: z.array(z.object({ startAt: z.string(), endAt: z.string() })),
  /** Members without a timetable: their free time is unknown, so they do not narrow the proposals. */
  withoutTimetable: z.array(z.string()),
});
export type TeamProposal = z.infer<typeof teamProposalSchema>;
