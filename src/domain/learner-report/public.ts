// What other areas may use of the learner-report area: the port through which an area offers
// its activities as pre-filled learner-report activities (declared in that area's module).
export type { LearnerReportCandidateEntry, LearnerReportCandidateSource } from './report/list-candidates.ts';
export type { CandidateSource } from './report/schema.ts';
