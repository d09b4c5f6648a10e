import { z } from 'zod';

// A leerlab: a vo-school and an mbo institution (more allowed) around a pgp and a keuzedeel.

const isoDate = z.iso.date();
export const clockSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'FIELD_INVALID_TIME');
export const leerlabSideSchema = z.enum(['vo', 'mbo']);
export const leerlabStaffRoles = ['vo_coordinator', 'mbo_coordinator', 'mbo_teacher', 'vo_teacher'] as const;
export const leerlabStaffRoleSchema = z.enum(leerlabStaffRoles);
export const leerlabTravelModeSchema = z.enum(['walk', 'bike']);

export const leerlabWindowSchema = z.object({ weekday: z.number().int().min(1).max(5), start: clockSchema, end: clockSchema });

/** The time-of-day rules the coordinators set. */
export const leerlabRulesSchema = z.object({
  dayStart: clockSchema.default('08:30'),
  dayEnd: clockSchema.default('16:30'),
  /** Never plan here (Monday 15–16 h: pupils are tired). */
  forbidden: z.array(leerlabWindowSchema).max(20).default([{ weekday: 1, start: '15:00', end: '16:00' }]),
  preferEarly: z.boolean().default(true),
  avoidEdges: z.boolean().default(true),
  maxSkippedWeeks: z.number().int().min(0).max(10).default(2),
});
export type LeerlabRules = z.infer<typeof leerlabRulesSchema>;

export const leerlabPartSchema = z.object({ name: z.string().trim().min(1).max(120), hours: z.number().min(0).max(1000) });
export const leerlabPeriodInputSchema = z.object({ name: z.string().trim().min(1).max(60), startDate: isoDate, endDate: isoDate });

export const leerlabCreateSchema = z.object({
  name: z.string().trim().min(3).max(120),
  pgp: z.string().trim().min(1).max(120),
  keuzedeelName: z.string().trim().min(1).max(160),
  keuzedeelCode: z.string().trim().max(20).default(''),
  parts: z.array(leerlabPartSchema).max(30).default([]),
  cohortYear: z.union([z.literal(3), z.literal(4)]),
  classes: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'FIELD_INVALID_SCHOOL_YEAR'),
  firstDate: isoDate,
  lastDate: isoDate,
  periods: z.array(leerlabPeriodInputSchema).max(8).default([]),
  partners: z.array(z.object({ institutionId: z.uuid(), side: leerlabSideSchema })).min(2).max(10),
  staff: z.array(z.object({ personId: z.uuid(), role: leerlabStaffRoleSchema })).max(50).default([]),
  voLocationId: z.uuid().nullable().default(null),
  mboLocationId: z.uuid().nullable().default(null),
  travelMode: leerlabTravelModeSchema.default('bike'),
  sessionMinutes: z.number().int().min(30).max(300).default(90),
  guestMinutes: z.number().int().min(30).max(300).default(60),
  guestEveryWeeks: z.number().int().min(1).max(10).default(4),
  rules: leerlabRulesSchema.default(leerlabRulesSchema.parse({})),
  retentionMonths: z.number().int().min(1).max(60).default(12),
});
export type LeerlabCreate = z.infer<typeof leerlabCreateSchema>;

export const leerlabUpdateSchema = z.object({
  name: z.string().trim().min(3).max(120).optional(),
  travelMinutes: z.number().int().min(0).max(180).optional(),
  travelMode: leerlabTravelModeSchema.optional(),
  sessionMinutes: z.number().int().min(30).max(300).optional(),
  guestMinutes: z.number().int().min(30).max(300).optional(),
  guestEveryWeeks: z.number().int().min(1).max(10).optional(),
  rules: leerlabRulesSchema.optional(),
  retentionMonths: z.number().int().min(1).max(60).optional(),
  staff: z.array(z.object({ personId: z.uuid(), role: leerlabStaffRoleSchema })).max(50).optional(),
});
export type LeerlabUpdate = z.infer<typeof leerlabUpdateSchema>;

export const leerlabClassCreateSchema = z.object({ name: z.string().trim().min(1).max(20) });
export const leerlabLessonSchema = z.object({ weekday: z.number().int().min(1).max(5), start: clockSchema, end: clockSchema });
export const leerlabLessonsSaveSchema = z.object({ lessons: z.array(leerlabLessonSchema).max(80) });
export type LeerlabLesson = z.infer<typeof leerlabLessonSchema>;

export const closedDayKindSchema = z.enum(['holiday', 'study_day']);
export const closedDaysSaveSchema = z.object({
  days: z.array(z.object({ date: isoDate, kind: closedDayKindSchema, label: z.string().trim().max(80).default('') })).max(400),
});
export const closedDaysCsvSchema = z.object({ csv: z.string().min(1).max(200_000) });
export const closedDaysImportReportSchema = z.object({
  added: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), status: z.enum(['added', 'skipped', 'error']), code: z.string().nullable(), message: z.string().nullable() })),
});

export const leerlabSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  pgp: z.string(),
  keuzedeelName: z.string(),
  schoolYear: z.string(),
  cohortYear: z.number().int(),
  partners: z.array(z.object({ institutionId: z.string(), name: z.string(), side: leerlabSideSchema })),
  sessions: z.number().int(),
  myRole: z.enum(['coordinator', 'staff']),
});
export type LeerlabSummary = z.infer<typeof leerlabSummarySchema>;

export const leerlabSchema = leerlabSummarySchema.extend({
  keuzedeelCode: z.string(),
  firstDate: z.string(),
  lastDate: z.string(),
  parts: z.array(z.object({ id: z.string(), name: z.string(), hours: z.number() })),
  periods: z.array(z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() })),
  classes: z.array(z.object({ id: z.string(), name: z.string(), lessons: z.array(leerlabLessonSchema), pupils: z.number().int() })),
  staff: z.array(z.object({ personId: z.string(), name: z.string(), email: z.string(), role: leerlabStaffRoleSchema })),
  closedDays: z.array(z.object({ date: z.string(), kind: closedDayKindSchema, label: z.string() })),
  locations: z.object({
    vo: z.object({ id: z.string(), name: z.string(), address: z.string() }).nullable(),
    mbo: z.object({ id: z.string(), name: z.string(), address: z.string() }).nullable(),
  }),
  travelMode: leerlabTravelModeSchema,
  travelMinutes: z.number().int(),
  travelEdited: z.boolean(),
  /** Minutes computed from the coordinates (null without coordinates). */
  travelComputed: z.number().int().nullable(),
  sessionMinutes: z.number().int(),
  guestMinutes: z.number().int(),
  guestEveryWeeks: z.number().int(),
  rules: leerlabRulesSchema,
  retentionMonths: z.number().int(),
  /** When the pupils' data is removed (the retention shows in the UI). */
  pupilsRemoveOn: z.string(),
  pupilsRemovedAt: z.string().nullable(),
  patterns: z.array(z.object({ direction: z.enum(['pupils_to_mbo', 'teachers_to_vo']), weekday: z.number().int(), start: z.string(), end: z.string(), score: z.number() })),
});
export type Leerlab = z.infer<typeof leerlabSchema>;
