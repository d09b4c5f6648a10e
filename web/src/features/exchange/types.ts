// Exchange-week response shapes, inferred from the domain's zod schemas; the endpoints
// whose schemas live in the server only are described here by their contract.
import type { z } from 'zod';
import type { editionSchema, editionPublicSchema, funnelRowSchema, EditionStatus } from '../../../../src/domain/edition/schema.ts';
import type { registrationSchema } from '../../../../src/domain/registration/schema.ts';
import type { runSchema, runCompareSchema, pairRuleSchema, visitOptionSchema, proposalSchema } from '../../../../src/domain/match/schema.ts';
import type { timetableImportReportSchema, timetableViewSchema } from '../../../../src/domain/timetable/schema.ts';

export type Edition = z.infer<typeof editionSchema>;
export type EditionPublic = z.infer<typeof editionPublicSchema>;
export type FunnelRow = z.infer<typeof funnelRowSchema>;
export type Registration = z.infer<typeof registrationSchema>;
export type Run = z.infer<typeof runSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type ProposalPair = Proposal['pairs'][number];
export type ProposalVisit = ProposalPair['visits'][number];
export type RunCompare = z.infer<typeof runCompareSchema>;
export type PairRule = z.infer<typeof pairRuleSchema>;
export type VisitOption = z.infer<typeof visitOptionSchema>;
export type TimetableImportReport = z.infer<typeof timetableImportReportSchema>;
export type TimetableView = z.infer<typeof timetableViewSchema>;
export type { EditionStatus };

export interface Reflection {
  observed: string;
  learned: string;
  apply: string;
}

export interface MyVisit {
  id: string;
  role: 'observer' | 'host';
  partnerName: string;
  lessonStart: string;
  lessonEnd: string;
  leaveAt: string;
  returnBy: string;
  locationName: string;
  address: string;
  status: 'planned' | 'cancelled' | 'done';
  checkedIn: boolean;
  reflection: Reflection | null;
}

export interface Evaluation {
  overall: number;
  partnerFit: number;
  organisation: number;
  wouldRecommend: boolean;
  bestPart: string;
  improve: string;
}

export interface MyExchange {
  status: 'not_registered' | 'registered' | 'matched' | 'unmatched';
  unmatchedReason: string | null;
  partners: { id: string; name: string; email: string; institutionName: string; programmes: string[] }[];
  visits: MyVisit[];
  creditedHours: number;
  evaluation: Evaluation | null;
}

/** A published visit as the coordinator sees it. */
export interface EditionVisit {
  id: string;
  observerName?: string;
  hostName?: string;
  lessonStart: string;
  lessonEnd: string;
  leaveAt?: string;
  returnBy?: string;
  locationName?: string;
  address?: string;
  status: 'planned' | 'cancelled' | 'done';
  checkedIn?: boolean;
  [key: string]: unknown;
}

export interface CalendarFeed {
  active: boolean;
  createdAt: string | null;
}

/** The report's numbers; fields are read defensively because charts show what is present. */
export interface EditionReport {
  invited?: number;
  registered?: number;
  matched?: number;
  matchedPercent?: number;
  visitsPlanned?: number;
  visitsDone?: number;
  evaluations?: number;
  evaluation?: { overall?: number | null; partnerFit?: number | null; organisation?: number | null; wouldRecommendPercent?: number | null; count?: number } | null;
  participation?: { institutionName?: string; programmeName?: string | null; name?: string; invited?: number; registered?: number; matched?: number }[];
  [key: string]: unknown;
}
