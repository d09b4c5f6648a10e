import { zonedDate } from '../../../lib/time.ts';
import type { LearnerReportCandidateSource } from '../../learner-report/public.ts';
import type { RecordActivity, RecordActivitySource } from '../../area-module.ts';
import { translate } from '../messages.ts';
import { listPersonSessions } from './data.ts';
import { sessionHours } from './rules.ts';

// Teaching across the school wall: an mbo teacher's guest lessons at the vo-school
// ('leerlab_guest_lesson') and the sessions taught to vo pupils at the ROC or given with them
// ('leerlab_session') credit hours in the professional record and are offered as learner-report
// activities, one per leerlab and kind, once a session took place.

type Row = Awaited<ReturnType<typeof listPersonSessions>>[number];
const sourceOf = (r: Row) => (r.session.direction === 'teachers_to_vo' ? 'leerlab_guest_lesson' : 'leerlab_session') as 'leerlab_guest_lesson' | 'leerlab_session';

async function held(deps: Parameters<RecordActivitySource['list']>[0], networkId: Parameters<RecordActivitySource['list']>[1], personId: string) {
  const now = deps.now();
  const rows = (await listPersonSessions(deps.db, networkId, personId)).filter((r) => r.session.status === 'planned' && r.session.endAt <= now);
  // Guest lessons are given by the mbo teachers; the pupils' sessions involve every teacher of the leerlab.
  return [...new Map(rows.filter((r) => r.session.direction === 'pupils_to_mbo' || r.role === 'mbo_teacher').map((r) => [r.session.id, r])).values()];
}

function grouped(rows: Row[]) {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.session.leerlabId}:${sourceOf(r)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}

export const leerlabRecordActivities: RecordActivitySource = {
  source: 'leerlab',
  async list(deps, networkId, personId) {
    const out: RecordActivity[] = [];
    for (const [key, rows] of grouped(await held(deps, networkId, personId))) {
      const first = rows[0]!;
      const source = sourceOf(first);
      const hours = rows.reduce((s, r) => s + sessionHours(r.session.startAt, r.session.endAt), 0);
      out.push({
        source, sourceId: key, date: zonedDate(rows.at(-1)!.session.startAt), hours, contactHours: hours, primaryProcess: true,
        title: translate('nl', source === 'leerlab_guest_lesson' ? 'CANDIDATE_GUEST_LESSON_TITLE' : 'CANDIDATE_SESSION_TITLE', { leerlab: first.leerlabName, keuzedeel: first.keuzedeelName, count: rows.length }),
        link: `/leerlabs/${first.session.leerlabId}`,
      });
    }
    return out.sort((a, b) => a.date.localeCompare(b.date));
  },
};

function candidateSource(source: 'leerlab_guest_lesson' | 'leerlab_session'): LearnerReportCandidateSource {
  return {
    source,
    async list(deps, networkId, personId, period) {
      const rows = (await held(deps, networkId, personId)).filter((r) => sourceOf(r) === source)
        .filter((r) => { const d = zonedDate(r.session.startAt); return d >= period.periodStart && d <= period.periodEnd; });
      return [...grouped(rows)].map(([key, list]) => {
        const first = list[0]!;
        return {
          sourceId: key, date: zonedDate(list.at(-1)!.session.startAt),
          title: translate('nl', source === 'leerlab_guest_lesson' ? 'CANDIDATE_GUEST_LESSON_TITLE' : 'CANDIDATE_SESSION_TITLE', { leerlab: first.leerlabName, keuzedeel: first.keuzedeelName, count: list.length }),
          prefill: {
            description: {
              goal: translate('nl', 'CANDIDATE_LEERLAB_GOAL', { keuzedeel: first.keuzedeelName }),
              involved: translate('nl', 'CANDIDATE_LEERLAB_INVOLVED'),
              role: translate('nl', first.role === 'mbo_teacher' ? 'CANDIDATE_LEERLAB_ROLE_MBO' : 'CANDIDATE_LEERLAB_ROLE_VO'),
              setting: first.leerlabName,
            },
          },
        };
      });
    },
  };
}

export const leerlabGuestLessonCandidates = candidateSource('leerlab_guest_lesson');
export const leerlabSessionCandidates = candidateSource('leerlab_session');
