// Exchange-week response shapes, inferred from the domain's zod schemas (web imports schemas only).
import type { z } from 'zod';
import type { editionSchema, editionPublicSchema, funnelRowSchema, EditionStatus } from '../../../../src/domain/exchange/edition/schema.ts';
import type { registrationSchema } from '../../../../src/domain/exchange/registration/schema.ts';
import type { runSchema, runCompareSchema, pairRuleSchema, visitOptionSchema, proposalSchema } from '../../../../src/domain/exchange/match/schema.ts';
import type { timetableImportReportSchema, timetableViewSchema } from '../../../../src/domain/calendar/timetable/schema.ts';
import type { visitSchema, myExchangeSchema, calendarFeedSchema } from '../../../../src/domain/exchange/visit/schema.ts';
import type { editionReportSchema } from '../../../../src/domain/exchange/report/schema.ts';

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

export type MyExchange = z.infer<typeof myExchangeSchema>;
export type MyVisit = MyExchange['visits'][number];
export type Reflection = Pick<NonNullable<MyVisit['reflection']>, 'observed' | 'learned' | 'apply'>;
export type Evaluation = NonNullable<MyExchange['evaluation']>;
export type EditionVisit = z.infer<typeof visitSchema>;
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
export type EditionReport = z.infer<typeof editionReportSchema>;
