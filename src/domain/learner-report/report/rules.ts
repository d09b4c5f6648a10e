import { createHmac } from 'node:crypto';
import type { FieldIssue } from '../../../lib/errors.ts';
import { dateAddDays } from '../../../lib/time.ts';
import { TYPOLOGY_TYPES, typologyIsFormal, type TypologyCode } from '../../../engine/typology/index.ts';
import type { LearnerReportActivity, LearnerReportContent } from './schema.ts';
import { LEARNER_REPORT_MIN_GROUP } from './schema.ts';

// Small pure rules of learner reports: period, completeness, counts, reminders, pseudonyms.

export const PERIOD_MIN_DAYS = 14;
export const PERIOD_MAX_DAYS = 84;
/** A new report covers seven weeks from today unless the teacher picks a period. */
export const PERIOD_DEFAULT_DAYS = 49;
/** Without an open report, a reminder comes every seven weeks after the last period ended. */
export const REMINDER_CADENCE_DAYS = 49;
export const REVISIONS_KEPT = 50;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A period ends after it starts and lasts 2–12 weeks (both days inclusive: 14–84 days apart at most). */
export function learnerReportPeriodProblems(start: string, end: string): FieldIssue[] {
  const days = daysBetween(start, end);
  if (days <= 0) return [{ path: 'periodEnd', code: 'FIELD_PERIOD_END_BEFORE_START' }];
  if (days < PERIOD_MIN_DAYS || days > PERIOD_MAX_DAYS) {
    return [{ path: 'periodEnd', code: 'FIELD_PERIOD_LENGTH', params: { min: PERIOD_MIN_DAYS / 7, max: PERIOD_MAX_DAYS / 7 } }];
  }
  return [];
}

export function learnerReportDefaultPeriod(today: string): { periodStart: string; periodEnd: string } {
  return { periodStart: today, periodEnd: dateAddDays(today, PERIOD_DEFAULT_DAYS - 1) };
}

/** Problems that a save can have beyond its schema: too many activities, inconsistent type choice. */
export function learnerReportContentProblems(content: LearnerReportContent, maxActivities: number): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (content.activities.length > maxActivities) problems.push({ path: 'activities', code: 'FIELD_TOO_MANY_ACTIVITIES', params: { max: maxActivities } });
  const ids = new Set<string>();
  content.activities.forEach((a, i) => {
    if (ids.has(a.id)) problems.push({ path: `activities.${i}.id`, code: 'FIELD_DUPLICATE' });
    ids.add(a.id);
    if (a.typeSource !== null && a.type === null) problems.push({ path: `activities.${i}.typeSource`, code: 'FIELD_TYPE_REQUIRED' });
    if (a.typeSource === 'suggested' && a.suggestion?.type !== a.type) {
      problems.push({ path: `activities.${i}.typeSource`, code: 'FIELD_TYPE_NOT_SUGGESTED' });
    }
  });
  return problems;
}

/** Completing needs at least one activity, each typed and with questions 2–5 answered. */
export function learnerReportCompletionProblems(content: LearnerReportContent): FieldIssue[] {
  if (content.activities.length === 0) return [{ path: 'activities', code: 'FIELD_REQUIRED' }];
  const problems: FieldIssue[] = [];
  content.activities.forEach((a, i) => {
    if (!a.type) problems.push({ path: `activities.${i}.type`, code: 'FIELD_REQUIRED' });
    const described = [a.description.goal, a.description.involved, a.description.role, a.description.setting].some((s) => s.trim() !== '');
    if (!described) problems.push({ path: `activities.${i}.description`, code: 'FIELD_REQUIRED' });
    for (const key of ['learningOutcomes', 'impact', 'explanation'] as const) {
      if (a[key].trim() === '') problems.push({ path: `activities.${i}.${key}`, code: 'FIELD_REQUIRED' });
    }
  });
  return problems;
}

/** The text the typology engine reads for one activity. */
export function learnerReportActivityText(a: Pick<LearnerReportActivity, 'title' | 'description' | 'learningOutcomes' | 'impact' | 'explanation'>): string {
  return [a.title, a.description.goal, a.description.involved, a.description.role, a.description.setting, a.learningOutcomes]
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s, i, all) => (i < all.length - 1 && !/[.!?:;]$/.test(s) ? `${s}.` : s))
    .join(' ');
}

export interface TypeCount {
  type: TypologyCode;
  formal: boolean;
  count: number;
}

/** Counts per type in typology order (types with zero included, so charts keep their axis). */
export function learnerReportCountTypes(types: readonly (string | null)[]): TypeCount[] {
  return TYPOLOGY_TYPES.map((t) => ({ type: t.code, formal: t.formal, count: types.filter((x) => x === t.code).length }));
}

export function learnerReportSplit(types: readonly (string | null)[]): { informal: number; formal: number; untyped: number } {
  let informal = 0;
  let formal = 0;
  let untyped = 0;
  for (const type of types) {
    const t = TYPOLOGY_TYPES.find((x) => x.code === type);
    if (!t) untyped++;
    else if (t.formal) formal++;
    else informal++;
  }
  return { informal, formal, untyped };
}

export function learnerReportIsFormal(type: TypologyCode): boolean {
  return typologyIsFormal(type);
}

/** One typed activity of a completed report, without any text: what aggregates are made of. */
export interface ActivityFact {
  personId: string;
  reportId: string;
  periodEnd: string;
  type: string | null;
}

/** Counts for a group, or null when fewer than the minimum number of distinct teachers contributed. */
export function learnerReportAggregate(facts: readonly ActivityFact[], minimum = LEARNER_REPORT_MIN_GROUP) {
  const teachers = new Set(facts.map((f) => f.personId));
  if (teachers.size < minimum) return null;
  const types = facts.map((f) => f.type);
  const split = learnerReportSplit(types);
  const months = [...new Set(facts.map((f) => f.periodEnd.slice(0, 7)))].sort();
  return {
    minimumGroup: minimum,
    teachers: teachers.size,
    reports: new Set(facts.map((f) => f.reportId)).size,
    activities: facts.length,
    informal: split.informal,
    formal: split.formal,
    informalShare: facts.length ? Math.round((split.informal / facts.length) * 1000) / 1000 : 0,
    byType: learnerReportCountTypes(types),
    byMonth: months.map((month) => {
      const inMonth = facts.filter((f) => f.periodEnd.startsWith(month));
      const monthTeachers = new Set(inMonth.map((f) => f.personId)).size;
      if (monthTeachers < minimum) return { month, suppressed: true, teachers: null, activities: null, informal: null, formal: null };
      const s = learnerReportSplit(inMonth.map((f) => f.type));
      return { month, suppressed: false, teachers: monthTeachers, activities: inMonth.length, informal: s.informal, formal: s.formal };
    }),
  };
}

/** Pseudonymous, per-network stable key of a person: HMAC-SHA256 with the network's secret. */
export function learnerReportPseudonym(secret: string, personId: string): string {
  return createHmac('sha256', secret).update(personId).digest('hex').slice(0, 32);
}

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Semicolon-separated CSV with a UTF-8 byte-order mark, as Excel in Dutch locales expects. */
export function learnerReportCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}

export interface ReminderReport {
  id: string;
  status: string;
  periodEnd: string;
}

/**
 * The reminders due for one teacher on `today`, as idempotency keys: one per draft whose period
 * has ended (per period end), and — when no draft is open — one per seven weeks since the last
 * period ended (or since `joined` when there is none yet).
 */
export function learnerReportRemindersDue(reports: readonly ReminderReport[], joined: string, today: string) {
  const due: { key: string; kind: 'LEARNER_REPORT_PERIOD_ENDED' | 'LEARNER_REPORT_DUE'; reportId: string | null; periodEnd: string | null }[] = [];
  for (const r of reports) {
    if (r.status === 'draft' && r.periodEnd < today) {
      due.push({ key: `period-end:${r.id}:${r.periodEnd}`, kind: 'LEARNER_REPORT_PERIOD_ENDED', reportId: r.id, periodEnd: r.periodEnd });
    }
  }
  if (!reports.some((r) => r.status === 'draft')) {
    const anchor = reports.reduce((max, r) => (r.periodEnd > max ? r.periodEnd : max), reports.length ? '' : joined);
    const n = Math.floor(daysBetween(anchor, today) / REMINDER_CADENCE_DAYS);
    if (n >= 1) due.push({ key: `cadence:${anchor}:${n}`, kind: 'LEARNER_REPORT_DUE', reportId: null, periodEnd: null });
  }
  return due;
}
