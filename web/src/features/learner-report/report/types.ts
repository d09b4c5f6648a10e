import type { z } from 'zod';
import type {
  learnerReportSchema, learnerReportSummarySchema, learnerReportSharedSummarySchema, learnerReportShareSchema, learnerReportActivitySchema,
  typologySuggestionSchema, learnerReportCandidateSchema, learnerReportHistorySchema, learnerReportInsightSchema, notificationSchema,
  networkSettingsSchema, LearnerReportType,
} from '../../../../../src/domain/learner-report/report/schema.ts';

// Response shapes of the learner-report API, inferred from the domain's zod schemas.

export type LearnerReport = z.infer<typeof learnerReportSchema>;
export type LearnerReportSummary = z.infer<typeof learnerReportSummarySchema>;
export type LearnerReportSharedSummary = z.infer<typeof learnerReportSharedSummarySchema>;
export type LearnerReportShare = z.infer<typeof learnerReportShareSchema>;
export type LearnerReportActivity = z.infer<typeof learnerReportActivitySchema>;
export type TypologySuggestion = z.infer<typeof typologySuggestionSchema>;
export type LearnerReportCandidate = z.infer<typeof learnerReportCandidateSchema>;
export type LearnerReportHistory = z.infer<typeof learnerReportHistorySchema>;
export type LearnerReportInsight = z.infer<typeof learnerReportInsightSchema>;
export type AppNotification = z.infer<typeof notificationSchema>;
export type LearnerReportSettings = z.infer<typeof networkSettingsSchema>;
export type TypologyCode = LearnerReportType;
