import { z } from 'zod';

export const leerlabDirectionSchema = z.enum(['pupils_to_mbo', 'teachers_to_vo']);
export type LeerlabDirectionName = z.infer<typeof leerlabDirectionSchema>;
export const sessionStatusSchema = z.enum(['planned', 'cancelled']);

const sessionView = z.object({ date: z.string(), start: z.string(), end: z.string(), leaveAt: z.string(), returnBy: z.string() });

export const planOptionSchema = z.object({
  direction: leerlabDirectionSchema,
  weekday: z.number().int(),
  start: z.string(),
  end: z.string(),
  score: z.number(),
  penalties: z.object({ late: z.number(), edge: z.number(), skipped: z.number() }),
  sessions: z.array(sessionView),
  skipped: z.array(z.object({ date: z.string(), reason: z.string(), partyName: z.string().nullable(), message: z.string() })),
});
export type PlanOption = z.infer<typeof planOptionSchema>;

export const planSchema = z.object({
  travelMinutes: z.number().int(),
  directions: z.array(z.object({
    direction: leerlabDirectionSchema,
    options: z.array(planOptionSchema),
    feasible: z.number().int(),
    rejected: z.array(z.object({ weekday: z.number().int(), start: z.string(), reason: z.string(), message: z.string() })),
    funnel: z.array(z.object({ constraint: z.string(), remaining: z.number().int() })),
    emptiedBy: z.string().nullable(),
    /** The translated answer when nothing is left. */
    emptyMessage: z.string().nullable(),
  })),
});
export type Plan = z.infer<typeof planSchema>;

export const planChooseSchema = z.object({
  direction: leerlabDirectionSchema,
  weekday: z.number().int().min(1).max(5),
  start: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'FIELD_INVALID_TIME'),
});

export const leerlabSessionSchema = z.object({
  id: z.string(),
  direction: leerlabDirectionSchema,
  start: z.string(),
  end: z.string(),
  leaveAt: z.string(),
  returnBy: z.string(),
  status: sessionStatusSchema,
  sequence: z.number().int(),
  marked: z.number().int(),
});
export type LeerlabSession = z.infer<typeof leerlabSessionSchema>;

export const sessionMoveSchema = z.object({ start: z.iso.datetime({ offset: true }) });

export const attendanceStatusSchema = z.enum(['present', 'absent', 'late', 'excused']);
export const attendanceSchema = z.object({
  session: leerlabSessionSchema,
  pupils: z.array(z.object({ id: z.string(), name: z.string(), className: z.string(), status: attendanceStatusSchema.nullable() })),
});
export type Attendance = z.infer<typeof attendanceSchema>;
export const attendanceSaveSchema = z.object({ marks: z.array(z.object({ pupilId: z.uuid(), status: attendanceStatusSchema })).min(1).max(200) });
