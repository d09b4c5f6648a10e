import type { EditionStatus } from './schema.ts';
import { dateAddDays } from '../../../lib/time.ts';

/** The edition life cycle; a step back is allowed before publication (to fix a mistake). */
export const editionTransitions: Record<EditionStatus, readonly EditionStatus[]> = {
  draft: ['announced'],
  announced: ['registration_open', 'draft'],
  registration_open: ['matching', 'announced'],
  matching: ['published', 'registration_open'],
  published: ['running'],
  running: ['evaluation'],
  evaluation: ['closed'],
  closed: [],
};

const PUBLISHED_OR_LATER: readonly EditionStatus[] = ['published', 'running', 'evaluation', 'closed'];
const MATCHABLE: readonly EditionStatus[] = ['registration_open', 'matching'];

/** The plan is out: pairs and visits are fixed, registration is over (published, running, evaluation, closed). */
export function editionIsPublished(status: EditionStatus): boolean {
  return PUBLISHED_OR_LATER.includes(status);
}

/** Matching runs may start and pair rules may change (registration open, or matching). */
export function editionIsMatchable(status: EditionStatus): boolean {
  return MATCHABLE.includes(status);
}

export function editionCanTransition(from: EditionStatus, to: EditionStatus): boolean {
  return editionTransitions[from].includes(to);
}

export interface EditionDates {
  windowStart: string;
  windowEnd: string;
  announcementDate: string;
  registrationDeadline: string;
}

/** Date rules: announcement ≤ deadline < window start; the window lasts a week (5 days) to 8 weeks. */
export function editionDateIssues(d: EditionDates): { path: string; code: string }[] {
  const issues: { path: string; code: string }[] = [];
  if (d.windowEnd < dateAddDays(d.windowStart, 4)) issues.push({ path: 'windowEnd', code: 'EDITION_WINDOW_TOO_SHORT' });
  if (d.windowEnd > dateAddDays(d.windowStart, 56)) issues.push({ path: 'windowEnd', code: 'EDITION_WINDOW_TOO_LONG' });
  if (d.registrationDeadline < d.announcementDate) issues.push({ path: 'registrationDeadline', code: 'EDITION_DEADLINE_BEFORE_ANNOUNCEMENT' });
  if (d.registrationDeadline >= d.windowStart) issues.push({ path: 'registrationDeadline', code: 'EDITION_DEADLINE_AFTER_WINDOW' });
  return issues;
}

/** Copying last year's edition: same settings and institutions, dates moved by whole weeks to the next year. */
export function editionShiftDates(d: EditionDates, weeks: number): EditionDates {
  return {
    windowStart: dateAddDays(d.windowStart, weeks * 7),
    windowEnd: dateAddDays(d.windowEnd, weeks * 7),
    announcementDate: dateAddDays(d.announcementDate, weeks * 7),
    registrationDeadline: dateAddDays(d.registrationDeadline, weeks * 7),
  };
}
