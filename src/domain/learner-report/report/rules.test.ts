import { describe, expect, it } from 'vitest';
import {
  learnerReportPeriodProblems, learnerReportDefaultPeriod, learnerReportRemindersDue, learnerReportAggregate, learnerReportCsv,
  learnerReportPseudonym, learnerReportCompletionProblems, learnerReportContentProblems,
} from './rules.ts';
import type { LearnerReportActivity } from './schema.ts';

const full: LearnerReportActivity = {
  id: 'a', title: 'Stagebezoek', description: { goal: 'g', involved: '', role: '', setting: '' }, learningOutcomes: 'l', impact: 'i', explanation: 'e',
  type: 'TEACHING_COACHING', typeSource: 'chosen', suggestion: null, origin: null,
};

describe('learner-report rules', () => {
  it('accepts periods of 2–12 weeks that end after they start', () => {
    expect(learnerReportPeriodProblems('2026-09-01', '2026-10-19')).toEqual([]);
    expect(learnerReportPeriodProblems('2026-09-01', '2026-09-15')).toEqual([]);
    expect(learnerReportPeriodProblems('2026-09-01', '2026-11-24')).toEqual([]);
    expect(learnerReportPeriodProblems('2026-09-01', '2026-09-14')[0]!.code).toBe('FIELD_PERIOD_LENGTH');
    expect(learnerReportPeriodProblems('2026-09-01', '2026-11-25')[0]!.code).toBe('FIELD_PERIOD_LENGTH');
    expect(learnerReportPeriodProblems('2026-09-01', '2026-09-01')[0]!.code).toBe('FIELD_PERIOD_END_BEFORE_START');
    // across the change to winter time, whole days still count
    expect(learnerReportPeriodProblems('2026-10-20', '2026-11-03')).toEqual([]);
    expect(learnerReportDefaultPeriod('2026-10-20')).toEqual({ periodStart: '2026-10-20', periodEnd: '2026-12-07' });
  });

  it('requires type and answers 2–5 to complete, and consistent type choices to save', () => {
    expect(learnerReportCompletionProblems({ inventory: [], activities: [] })).toEqual([{ path: 'activities', code: 'FIELD_REQUIRED' }]);
    expect(learnerReportCompletionProblems({ inventory: [], activities: [full] })).toEqual([]);
    expect(learnerReportCompletionProblems({ inventory: [], activities: [{ ...full, impact: '  ', type: null }] }).map((p) => p.path))
      .toEqual(['activities.0.type', 'activities.0.impact']);
    expect(learnerReportContentProblems({ inventory: [], activities: [full, { ...full }] }, 5).map((p) => p.code)).toEqual(['FIELD_DUPLICATE']);
    expect(learnerReportContentProblems({ inventory: [], activities: [full, { ...full, id: 'b' }] }, 1).map((p) => p.code)).toEqual(['FIELD_TOO_MANY_ACTIVITIES']);
    expect(learnerReportContentProblems({ inventory: [], activities: [{ ...full, typeSource: 'suggested', suggestion: { type: 'CONFERENCE', why: [], confidence: 0.5 } }] }, 5)
      .map((p) => p.code)).toEqual(['FIELD_TYPE_NOT_SUGGESTED']);
  });

  it('computes due reminders as stable keys', () => {
    const draft = { id: 'r1', status: 'draft', periodEnd: '2026-10-19' };
    expect(learnerReportRemindersDue([draft], '2026-01-01', '2026-10-19')).toEqual([]);
    expect(learnerReportRemindersDue([draft], '2026-01-01', '2026-10-20').map((d) => d.key)).toEqual(['period-end:r1:2026-10-19']);
    const done = { id: 'r2', status: 'completed', periodEnd: '2026-09-15' };
    expect(learnerReportRemindersDue([done], '2026-01-01', '2026-11-02')).toEqual([]);
    expect(learnerReportRemindersDue([done], '2026-01-01', '2026-11-03').map((d) => d.key)).toEqual(['cadence:2026-09-15:1']);
    expect(learnerReportRemindersDue([done], '2026-01-01', '2026-12-21').map((d) => d.key)).toEqual(['cadence:2026-09-15:1']);
    expect(learnerReportRemindersDue([done], '2026-01-01', '2026-12-22').map((d) => d.key)).toEqual(['cadence:2026-09-15:2']);
    expect(learnerReportRemindersDue([], '2026-09-01', '2026-10-20').map((d) => d.key)).toEqual(['cadence:2026-09-01:1']);
    // an open draft whose period runs: no cadence reminder
    expect(learnerReportRemindersDue([done, { id: 'r3', status: 'draft', periodEnd: '2027-01-10' }], '2026-01-01', '2026-12-22')).toEqual([]);
  });

  it('hides groups and months under five teachers', () => {
    const facts = (n: number, month: string) => Array.from({ length: n }, (_, i) => ({ personId: `p${i}`, reportId: `r${i}${month}`, periodEnd: `${month}-10`, type: i % 4 === 0 ? 'CONFERENCE' : 'TASKS_ROLES' }));
    expect(learnerReportAggregate(facts(4, '2026-10'))).toBeNull();
    const result = learnerReportAggregate([...facts(5, '2026-10'), ...facts(2, '2026-11')])!;
    expect(result).toMatchObject({ teachers: 5, activities: 7, formal: 3, informal: 4 });
    expect(result.byMonth).toEqual([
      { month: '2026-10', suppressed: false, teachers: 5, activities: 5, informal: 3, formal: 2 },
      { month: '2026-11', suppressed: true, teachers: null, activities: null, informal: null, formal: null },
    ]);
  });

  it('writes Excel-friendly CSV and per-secret pseudonyms', () => {
    expect(learnerReportCsv(['a', 'b'], [['x;y', 'z"q']])).toBe('\uFEFFa;b\r\n"x;y";"z""q"\r\n');
    const id = '6f1c2d0e-1111-4222-8333-444455556666';
    expect(learnerReportPseudonym('s1', id)).toBe(learnerReportPseudonym('s1', id));
    expect(learnerReportPseudonym('s1', id)).not.toBe(learnerReportPseudonym('s2', id));
    expect(learnerReportPseudonym('s1', id)).toMatch(/^[0-9a-f]{32}$/);
  });
});
