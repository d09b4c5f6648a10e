import { z } from 'zod';
import { TYPOLOGY_TYPES } from '../../../engine/typology/types.ts';

// Learner reports after the research protocol ("Ontrafel jouw leren"): (1) inventariseren —
// a quick list of what happened in the period; for each chosen activity (2) beschrijven —
// goal, who was involved, own role, setting; (3) leeropbrengsten; (4) doorwerking;
// (5) verklaren. Each activity gets one of the eleven types of the typology.

export const LEARNER_REPORT_ANSWER_MAX = 4000;
export const LEARNER_REPORT_TITLE_MAX = 200;
export const LEARNER_REPORT_INVENTORY_LINE_MAX = 500;
export const LEARNER_REPORT_INVENTORY_MAX_LINES = 50;
/** The upper bound of the per-network setting `maxActivities`. */
export const LEARNER_REPORT_ACTIVITIES_LIMIT = 12;
export const LEARNER_REPORT_MIN_GROUP = 5;

const typologyCodes = TYPOLOGY_TYPES.map((t) => t.code) as [typeof TYPOLOGY_TYPES[number]['code'], ...typeof TYPOLOGY_TYPES[number]['code'][]];
export const typologyCodeSchema = z.enum(typologyCodes);
export type LearnerReportType = z.infer<typeof typologyCodeSchema>;

export const candidateSources = ['exchange_visit', 'company_visit', 'internship', 'job_twinning', 'masterclass', 'guest_lesson', 'school_visit', 'leerlab_session', 'leerlab_guest_lesson', 'design_team'] as const;
export const candidateSourceSchema = z.enum(candidateSources);
export type CandidateSource = z.infer<typeof candidateSourceSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'FIELD_INVALID_DATE').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, 'FIELD_INVALID_DATE');
const answer = z.string().max(LEARNER_REPORT_ANSWER_MAX);

export const learnerReportDescriptionSchema = z.object({
  goal: answer.default(''),
  involved: answer.default(''),
  role: answer.default(''),
  setting: answer.default(''),
});

/** The suggestion of the typology engine that the teacher saw when choosing the type. */
export const typeSuggestionShownSchema = z.object({
  type: typologyCodeSchema.nullable(),
  why: z.array(z.string().max(200)).max(10),
  confidence: z.number().min(0).max(1),
});

export const learnerReportActivityInputSchema = z.object({
  /** Omitted for a new activity; the server assigns one. */
  id: z.uuid().optional(),
  title: z.string().trim().min(1).max(LEARNER_REPORT_TITLE_MAX),
  description: learnerReportDescriptionSchema.default({ goal: '', involved: '', role: '', setting: '' }),
  learningOutcomes: answer.default(''),
  impact: answer.default(''),
  explanation: answer.default(''),
  type: typologyCodeSchema.nullable().default(null),
  typeSource: z.enum(['suggested', 'chosen']).nullable().default(null),
  suggestion: typeSuggestionShownSchema.nullable().default(null),
  origin: z.object({ source: candidateSourceSchema, sourceId: z.string().max(100) }).nullable().default(null),
});
export type LearnerReportActivityInput = z.infer<typeof learnerReportActivityInputSchema>;

const inventorySchema = z.array(z.string().trim().min(1).max(LEARNER_REPORT_INVENTORY_LINE_MAX)).max(LEARNER_REPORT_INVENTORY_MAX_LINES);
const activitiesSchema = z.array(learnerReportActivityInputSchema).max(LEARNER_REPORT_ACTIVITIES_LIMIT);

export const learnerReportCreateSchema = z.object({
  periodStart: dateSchema.optional(),
  periodEnd: dateSchema.optional(),
  inventory: inventorySchema.default([]),
  activities: activitiesSchema.default([]),
});
export type LearnerReportCreate = z.infer<typeof learnerReportCreateSchema>;

/** An autosave: the revision the client's edit is based on, and the parts that changed. */
export const learnerReportSaveSchema = z.object({
  revision: z.number().int().min(1),
  periodStart: dateSchema.optional(),
  periodEnd: dateSchema.optional(),
  inventory: inventorySchema.optional(),
  activities: activitiesSchema.optional(),
});
export type LearnerReportSave = z.infer<typeof learnerReportSaveSchema>;

export const learnerReportRevisionRefSchema = z.object({ revision: z.number().int().min(1) });

export const learnerReportActivitySchema = learnerReportActivityInputSchema.extend({ id: z.string() });
export type LearnerReportActivity = z.infer<typeof learnerReportActivitySchema>;

export const learnerReportContentSchema = z.object({
  inventory: z.array(z.string()),
  activities: z.array(learnerReportActivitySchema),
});
export type LearnerReportContent = z.infer<typeof learnerReportContentSchema>;

export const learnerReportStatusSchema = z.enum(['draft', 'completed']);
export type LearnerReportStatus = z.infer<typeof learnerReportStatusSchema>;

/** What every view of a report names: which report, whose, which period, in which state. */
const learnerReportHeadSchema = z.object({
  id: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: learnerReportStatusSchema,
});
const learnerReportAuthorSchema = z.object({ authorId: z.string(), authorName: z.string() });

export const learnerReportSchema = learnerReportHeadSchema.extend(learnerReportAuthorSchema.shape).extend({
  revision: z.number().int(),
  inventory: z.array(z.string()),
  activities: z.array(learnerReportActivitySchema),
  maxActivities: z.number().int(),
  /** `owner` may edit; `shared` is a colleague's read-only view. */
  access: z.enum(['owner', 'shared']),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type LearnerReport = z.infer<typeof learnerReportSchema>;

export const learnerReportShareSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  createdAt: z.string(),
});
export type LearnerReportShare = z.infer<typeof learnerReportShareSchema>;

export const learnerReportSummarySchema = learnerReportHeadSchema.extend({
  revision: z.number().int(),
  activityCount: z.number().int(),
  updatedAt: z.string(),
  shares: z.array(learnerReportShareSchema),
});
export type LearnerReportSummary = z.infer<typeof learnerReportSummarySchema>;

export const learnerReportSharedSummarySchema = learnerReportHeadSchema.extend(learnerReportAuthorSchema.shape).extend({
  sharedAt: z.string(),
});
export type LearnerReportSharedSummary = z.infer<typeof learnerReportSharedSummarySchema>;

export const learnerReportRevisionSchema = z.object({
  revision: z.number().int(),
  savedAt: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: learnerReportStatusSchema,
  inventory: z.array(z.string()),
  activities: z.array(learnerReportActivitySchema),
});
export type LearnerReportRevision = z.infer<typeof learnerReportRevisionSchema>;

export const learnerReportShareInputSchema = z.object({ personId: z.uuid() });

export const typologySuggestInputSchema = z.object({ text: z.string().max(LEARNER_REPORT_ANSWER_MAX * 8) });
export const activitySuggestInputSchema = z.object({ activityId: z.uuid() });

export const typologySuggestionSchema = z.object({
  type: typologyCodeSchema.nullable(),
  formal: z.boolean().nullable(),
  why: z.array(z.string()),
  confidence: z.number(),
  /** A readable band for the confidence: HIGH ≥ 0.75, MEDIUM ≥ 0.5, LOW below. */
  confidenceLevel: z.enum(['HIGH', 'MEDIUM', 'LOW']),
  /** SUGGESTED (one type), TWO_CLOSE (the best two side by side) or TELL_US_MORE (no type: the text says too little). */
  state: z.enum(['SUGGESTED', 'TWO_CLOSE', 'TELL_US_MORE']),
  candidates: z.array(z.object({ type: typologyCodeSchema, formal: z.boolean(), confidence: z.number(), why: z.array(z.string()) })),
  /** Source-of-learning cues found in the text (e.g. RECEIVES_COACHING). */
  cues: z.array(z.string()),
  alternatives: z.array(z.object({ type: typologyCodeSchema, confidence: z.number() })),
  /** TEXT_TOO_SHORT, NO_KNOWN_WORDS or NEEDS_MORE_DETAIL when no type is suggested. */
  reason: z.string().nullable(),
});
export type TypologySuggestionOut = z.infer<typeof typologySuggestionSchema>;

export const learnerReportCandidateSchema = z.object({
  source: candidateSourceSchema,
  sourceId: z.string(),
  title: z.string(),
  date: z.string(),
  suggestedType: typologyCodeSchema.nullable(),
  /** Answers proposed for the new activity; the teacher edits them. */
  prefill: z.object({
    description: learnerReportDescriptionSchema.partial(),
    learningOutcomes: z.string().optional(),
  }),
});
export type LearnerReportCandidate = z.infer<typeof learnerReportCandidateSchema>;

/** Both optional: without them, the seven weeks up to today. */
export const periodQuerySchema = z.object({ periodStart: dateSchema.optional(), periodEnd: dateSchema.optional() });

export const networkSettingsSchema = z.object({ maxActivities: z.number().int(), typologyLearning: z.boolean() });
export const networkSettingsPatchSchema = z.object({
  maxActivities: z.number().int().min(1).max(LEARNER_REPORT_ACTIVITIES_LIMIT).optional(),
  /** Whether confirmed types (features only, never text) train this network's suggestions. */
  typologyLearning: z.boolean().optional(),
});
export type NetworkSettingsPatch = z.infer<typeof networkSettingsPatchSchema>;

const typeCountSchema = z.object({ type: typologyCodeSchema, formal: z.boolean(), count: z.number().int() });

export const learnerReportHistorySchema = z.object({
  byType: z.array(typeCountSchema),
  byPeriod: z.array(z.object({
    reportId: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    status: learnerReportStatusSchema,
    activities: z.number().int(),
    informal: z.number().int(),
    formal: z.number().int(),
    untyped: z.number().int(),
    byType: z.array(typeCountSchema),
  })),
});
export type LearnerReportHistory = z.infer<typeof learnerReportHistorySchema>;

export const insightQuerySchema = z.object({ institutionId: z.uuid().optional() });

/** Counts only, never text; groups of fewer than LEARNER_REPORT_MIN_GROUP teachers get no numbers. */
export const learnerReportInsightSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    minimumGroup: z.number().int(),
    teachers: z.number().int(),
    reports: z.number().int(),
    activities: z.number().int(),
    informal: z.number().int(),
    formal: z.number().int(),
    informalShare: z.number(),
    byType: z.array(typeCountSchema),
    /** Per month of the period end; months with fewer teachers than the minimum show no numbers. */
    byMonth: z.array(z.object({
      month: z.string(),
      suppressed: z.boolean(),
      teachers: z.number().int().nullable(),
      activities: z.number().int().nullable(),
      informal: z.number().int().nullable(),
      formal: z.number().int().nullable(),
    })),
  }),
  z.object({ ok: z.literal(false), reason: z.literal('GROUP_TOO_SMALL'), minimumGroup: z.number().int() }),
]);
export type LearnerReportInsight = z.infer<typeof learnerReportInsightSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationReadInputSchema = z.object({ ids: z.array(z.uuid()).max(500).optional() });
export const notificationReadResultSchema = z.object({ marked: z.number().int() });

export const conversationSheetQuerySchema = z.object({ locale: z.enum(['nl', 'en']).optional() });

/** A colleague a report can be shared with (no e-mail address). */
export const shareCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.object({ role: z.string(), institutionId: z.string().nullable(), institutionName: z.string().nullable() })),
});
export type ShareCandidate = z.infer<typeof shareCandidateSchema>;

/**
 * The learner reports on a person's home page: drafts still open ('overdue' once their period has
 * ended, the day the reminder goes out), whether a new report is due (seven weeks after the last
 * period ended, or after becoming a teacher, without an open draft), and for team leads and
 * coordinators what team insight holds.
 */
export const learnerReportHomeSchema = z.object({
  open: z.array(z.object({
    id: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    activityCount: z.number().int(),
    state: z.enum(['overdue', 'open']),
  })),
  newReportDue: z.boolean(),
  /**
   * For team leads (their institutions) and network coordinators (the network): how many
   * teachers completed a report, or — below the minimum group — only that minimum. Counts only.
   */
  insight: z.union([
    z.object({ ready: z.literal(true), teachers: z.number().int(), reports: z.number().int() }),
    z.object({ ready: z.literal(false), minimumGroup: z.number().int() }),
  ]).nullable(),
});
export type LearnerReportHome = z.infer<typeof learnerReportHomeSchema>;
