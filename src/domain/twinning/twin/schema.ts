import { z } from 'zod';
import { iscedCodeSchema } from '../../foundation/programme/schema.ts';

// Job Twinning: profiles with fields of education, development goals with progress, suggested
// and confirmed twins, meetings of the six forms of the seed, and a closing evaluation.

const instant = z.iso.datetime({ offset: true });

/** The six forms: visiting each other's workplace; coffee; attending lessons, trainings or meetings; a guest lesson; a joint project; sharing innovations in the sector. */
export const meetingForms = ['workplace_visit', 'coffee', 'attend', 'guest_lesson', 'joint_project', 'sharing_innovations'] as const;
export const meetingFormSchema = z.enum(meetingForms);
export type MeetingForm = z.infer<typeof meetingFormSchema>;

export const profileInputSchema = z.object({
  iscedCodes: z.array(iscedCodeSchema).max(10).default([]),
  about: z.string().trim().max(2000).default(''),
  available: z.boolean().default(true),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const goalInputSchema = z.object({ text: z.string().trim().min(3).max(500) });
export const goalUpdateSchema = z.object({
  text: z.string().trim().min(3).max(500).optional(),
  progress: z.number().int().min(0).max(100).optional(),
  progressNote: z.string().trim().max(2000).optional(),
});
export type GoalUpdate = z.infer<typeof goalUpdateSchema>;

export const goalSchema = z.object({ id: z.uuid(), personId: z.uuid(), text: z.string(), progress: z.number().int(), progressNote: z.string() });
export type Goal = z.infer<typeof goalSchema>;

export const reasonSchema = z.object({
  fields: z.array(z.string()),
  words: z.array(z.string()),
  speeddate: z.string().nullable(),
});
export type Reason = z.infer<typeof reasonSchema>;

export const suggestionSchema = z.object({
  teacherId: z.uuid(), teacherName: z.string(), professionalId: z.uuid(), professionalName: z.string(), professionalInstitution: z.string().nullable(),
  score: z.number().int(), reason: reasonSchema,
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const twinStatuses = ['proposed', 'active', 'closed'] as const;

export const twinSummarySchema = z.object({
  id: z.uuid(), status: z.enum(twinStatuses), teacherId: z.uuid(), teacherName: z.string(), professionalId: z.uuid(), professionalName: z.string(),
  teacherConfirmed: z.boolean(), professionalConfirmed: z.boolean(), meetings: z.number().int(), hours: z.number(),
});
export type TwinSummary = z.infer<typeof twinSummarySchema>;

export const meetingSchema = z.object({
  id: z.uuid(), form: meetingFormSchema, title: z.string(), startAt: instant, endAt: instant, location: z.string(),
  status: z.enum(['planned', 'logged', 'cancelled']), notes: z.string(), learned: z.string(), hours: z.number(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const twinSchema = twinSummarySchema.extend({
  score: z.number().int(), reason: reasonSchema,
  teacherGoals: z.array(goalSchema), professionalGoals: z.array(goalSchema),
  meetingList: z.array(meetingSchema),
  teacherEvaluation: z.string().nullable(), professionalEvaluation: z.string().nullable(),
  myRole: z.enum(['teacher', 'professional', 'coordinator']),
  canConfirm: z.boolean(),
});
export type Twin = z.infer<typeof twinSchema>;

export const twinningOverviewSchema = z.object({
  role: z.enum(['teacher', 'professional', 'coordinator', 'other']),
  profile: profileInputSchema.nullable(),
  goals: z.array(goalSchema),
  twins: z.array(twinSummarySchema),
  suggestions: z.array(suggestionSchema),
});
export type TwinningOverview = z.infer<typeof twinningOverviewSchema>;

export const twinInputSchema = z.object({ teacherId: z.uuid(), professionalId: z.uuid() });
export type TwinInput = z.infer<typeof twinInputSchema>;

export const meetingInputSchema = z.object({
  form: meetingFormSchema,
  title: z.string().trim().max(200).default(''),
  startAt: instant,
  endAt: instant,
  location: z.string().trim().max(300).default(''),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const meetingLogSchema = z.object({
  notes: z.string().trim().max(5000).default(''),
  learned: z.string().trim().min(1).max(5000),
  hours: z.number().min(0.5).max(40).multipleOf(0.5),
});
export type MeetingLog = z.infer<typeof meetingLogSchema>;

export const evaluationSchema = z.object({ text: z.string().trim().min(3).max(5000) });

export const freeTimeQuerySchema = z.object({ minutes: z.coerce.number().int().min(30).max(480).default(120), days: z.coerce.number().int().min(1).max(28).default(14) });
export const freeSlotSchema = z.object({ startAt: instant, endAt: instant });
