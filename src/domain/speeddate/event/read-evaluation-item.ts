import { sql } from 'drizzle-orm';
import type { EvaluationSource } from '../../area-module.ts';
import { speeddateRoundTimes } from './rules.ts';
import { policySpeeddateCanManage } from './policy.ts';

// A speeddate as its participants evaluate it after the last round: a teacher who was checked in
// and every professional at a table; the coordinators read the summary. Like the speeddate itself,
// it is not found for someone who is neither on its list nor a coordinator.

export const speeddateEvaluationSource: EvaluationSource = {
  source: 'speeddate_event',
  async read(deps, actor, networkId, id) {
    const [e] = (await deps.db.execute<{ title: string; start_at: string; rounds: number; round_minutes: number; changeover_minutes: number; break_after_round: number | null; break_minutes: number; paused_ms: number; role: string | null; status: string | null }>(sql`
      select e.title, e.start_at::text, e.rounds, e.round_minutes, e.changeover_minutes, e.break_after_round, e.break_minutes, e.paused_ms, p.role, p.status
      from speeddate_events e left join speeddate_participants p on p.event_id = e.id and p.person_id = ${actor.personId}
      where e.network_id = ${networkId} and e.id = ${id}`)).rows;
    if (!e) return null;
    const manager = policySpeeddateCanManage(actor, networkId);
    if (!e.role && !manager) return null;
    const times = speeddateRoundTimes({
      startAt: new Date(e.start_at), rounds: e.rounds, roundMinutes: e.round_minutes, changeoverMinutes: e.changeover_minutes,
      breakAfterRound: e.break_after_round, breakMinutes: e.break_minutes, pausedMs: e.paused_ms,
    });
    const end = times.at(-1)?.endAt ?? new Date(e.start_at);
    return { title: e.title, participant: e.role === 'professional' || e.status === 'arrived', ended: end.getTime() <= deps.now().getTime(), manager };
  },
  async listEnded(deps, networkId, personId, since) {
    const now = deps.now();
    const rows = (await deps.db.execute<{ id: string; title: string; start_at: string; rounds: number; round_minutes: number; changeover_minutes: number; break_after_round: number | null; break_minutes: number; paused_ms: number }>(sql`
      select e.id, e.title, e.start_at::text, e.rounds, e.round_minutes, e.changeover_minutes, e.break_after_round, e.break_minutes, e.paused_ms
      from speeddate_events e join speeddate_participants p on p.event_id = e.id and p.person_id = ${personId} and (p.role = 'professional' or p.status = 'arrived')
      where e.network_id = ${networkId} and e.start_at <= ${now} and e.start_at >= ${new Date(since.getTime() - 86_400_000)}`)).rows;
    return rows.map((e) => {
      const times = speeddateRoundTimes({
        startAt: new Date(e.start_at), rounds: e.rounds, roundMinutes: e.round_minutes, changeoverMinutes: e.changeover_minutes,
        breakAfterRound: e.break_after_round, breakMinutes: e.break_minutes, pausedMs: e.paused_ms,
      });
      return { id: e.id, title: e.title, endedAt: times.at(-1)?.endAt ?? new Date(e.start_at) };
    }).filter((e) => e.endedAt.getTime() <= now.getTime() && e.endedAt.getTime() >= since.getTime())
      .sort((a, b) => b.endedAt.getTime() - a.endedAt.getTime());
  },
};
