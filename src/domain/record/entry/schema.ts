import { z } from 'zod';
import { recordEvidenceFileSchema } from '../evidence/schema.ts';

// The professional record: every activity that credits hours, from every practice and by hand,
// split as the register of teachers (registerleraar) counts them, with totals per school year and
// over the four-year re-registration period.

export const RECORD_HOURS_MAX = 400;
export const RECORD_TITLE_MAX = 200;
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'FIELD_INVALID_DATE')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, 'FIELD_INVALID_DATE');
const hoursSchema = z.number().min(0).max(RECORD_HOURS_MAX).multipleOf(0.25);

/** An activity added by hand, with its evidence. */
export const recordManualInputSchema = z.object({
  title: z.string().trim().min(1).max(RECORD_TITLE_MAX),
  date: dateSchema,
  hours: hoursSchema.min(0.25),
  contactHours: hoursSchema,
  primaryProcess: z.boolean(),
  subjectSpecific: z.boolean().default(false),
  evidenceUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
  evidenceNote: z.string().max(2000).default(''),
}).refine((v) => v.contactHours <= v.hours, { path: ['contactHours'], message: 'RECORD_CONTACT_EXCEEDS_HOURS' });
export type RecordManualInput = z.infer<typeof recordManualInputSchema>;

/**
 * A change to an activity added by hand: any of its fields. Contact hours are checked against the
 * hours after the change (the stored value fills in what the change leaves out).
 */
export const recordManualPatchSchema = z.object({
  title: z.string().trim().min(1).max(RECORD_TITLE_MAX).optional(),
  date: dateSchema.optional(),
  hours: hoursSchema.min(0.25).optional(),
  contactHours: hoursSchema.optional(),
  primaryProcess: z.boolean().optional(),
  subjectSpecific: z.boolean().optional(),
  evidenceUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  evidenceNote: z.string().max(2000).optional(),
}).refine((v) => v.contactHours === undefined || v.hours === undefined || v.contactHours <= v.hours, { path: ['contactHours'], message: 'RECORD_CONTACT_EXCEEDS_HOURS' });
export type RecordManualPatch = z.infer<typeof recordManualPatchSchema>;
/** The facts a badge names: once a standing badge was issued for the activity, only the classification and the note change. */
export const RECORD_BADGE_FACTS = ['title', 'date', 'hours', 'contactHours', 'evidenceUrl'] as const;

/** The teacher's choices about one activity: what the team lead sees, and its classification. */
export const recordEntryChoiceSchema = z.object({
  visibleToLead: z.boolean().optional(),
  subjectSpecific: z.boolean().nullable().optional(),
  primaryProcess: z.boolean().nullable().optional(),
});
export type RecordEntryChoice = z.infer<typeof recordEntryChoiceSchema>;

export const recordEntryParamsSchema = z.object({ networkId: z.uuid(), source: z.string().regex(/^[a-z_]{1,40}$/), sourceId: z.string().min(1).max(100) });

export const recordEntrySchema = z.object({
  source: z.string(),
  sourceId: z.string(),
  title: z.string(),
  date: z.string(),
  schoolYear: z.string(),
  hours: z.number(),
  contactHours: z.number(),
  selfStudyHours: z.number(),
  primaryProcess: z.boolean(),
  subjectSpecific: z.boolean(),
  link: z.string().nullable(),
  manual: z.boolean(),
  evidenceUrl: z.string().nullable(),
  evidenceNote: z.string(),
  /** The evidence files of an activity added by hand (name, type, size; never the bytes). */
  files: z.array(recordEvidenceFileSchema),
  visibleToLead: z.boolean(),
  /** Learner reports in which the activity is reflected. */
  learnerReports: z.array(z.object({ id: z.string(), periodStart: z.string(), periodEnd: z.string() })),
  credential: z.object({ id: z.string(), revoked: z.boolean() }).nullable(),
});
export type RecordEntry = z.infer<typeof recordEntrySchema>;

const sumsSchema = z.object({
  hours: z.number(),
  contactHours: z.number(),
  selfStudyHours: z.number(),
  primaryProcessHours: z.number(),
  otherHours: z.number(),
  subjectSpecificHours: z.number(),
});
export type RecordSums = z.infer<typeof sumsSchema>;

export const recordTotalsSchema = z.object({
  schoolYears: z.array(sumsSchema.extend({ schoolYear: z.string() })),
  period: sumsSchema.extend({
    firstSchoolYear: z.string(),
    lastSchoolYear: z.string(),
    norm: z.object({ hours: z.number(), primaryProcessHours: z.number(), subjectSpecificHours: z.number().nullable() }),
    met: z.boolean(),
  }),
});
export type RecordTotals = z.infer<typeof recordTotalsSchema>;

export const recordViewSchema = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  /** A teacher in secondary education (vmbo, havo, vwo): the subject-specific norm applies. */
  secondary: z.boolean(),
  /** 'owner' sees everything; 'lead' sees the totals and only the activities the teacher chose to show. */
  access: z.enum(['owner', 'lead']),
  totals: recordTotalsSchema,
  entries: z.array(recordEntrySchema),
});
export type RecordView = z.infer<typeof recordViewSchema>;

export const recordSettingsSchema = z.object({ followUpDays: z.number().int().min(14).max(365) });
export type RecordSettings = z.infer<typeof recordSettingsSchema>;
export const recordSettingsPatchSchema = recordSettingsSchema.partial();

export const recordExportQuerySchema = z.object({ locale: z.enum(['nl', 'en']).optional() });
