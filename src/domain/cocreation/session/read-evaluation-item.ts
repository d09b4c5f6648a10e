import { sql } from 'drizzle-orm';
import type { EvaluationSource } from '../../area-module.ts';
import { policyCocreationCanFacilitate } from './policy.ts';

// A co-creation session as its participants evaluate it once it ended: whoever joined it logged in
// as themselves (someone who joined only with the code has no account to answer from); the
// facilitators (network coordinators, beheerders) read the summary.

export const cocreationEvaluationSource: EvaluationSource = {
  source: 'cocreation_session',
  async read(deps, actor, networkId, id) {
    const [s] = (await deps.db.execute<{ title: string; step: number; ended_at: string | null; participant: boolean }>(sql`
      select s.title, s.step, s.ended_at::text,
        exists(select 1 from cocreation_participants p where p.network_id = ${networkId} and p.session_id = s.id and p.person_id = ${actor.personId}) as participant
      from cocreation_sessions s where s.network_id = ${networkId} and s.id = ${id}`)).rows;
    if (!s) return null;
    return { title: s.title, participant: s.participant, ended: s.step >= 6 || s.ended_at !== null, manager: policyCocreationCanFacilitate(actor, networkId) };
  },
  async listEnded(deps, networkId, personId, since) {
    const rows = (await deps.db.execute<{ id: string; title: string; ended_at: string }>(sql`
      select s.id, s.title, coalesce(s.ended_at, s.step_started_at)::text as ended_at from cocreation_sessions s
      where s.network_id = ${networkId} and (s.step >= 6 or s.ended_at is not null) and coalesce(s.ended_at, s.step_started_at) >= ${since}
        and exists(select 1 from cocreation_participants p where p.network_id = ${networkId} and p.session_id = s.id and p.person_id = ${personId})
      order by coalesce(s.ended_at, s.step_started_at) desc`)).rows;
    return rows.map((r) => ({ id: r.id, title: r.title, endedAt: new Date(r.ended_at) }));
  },
};
