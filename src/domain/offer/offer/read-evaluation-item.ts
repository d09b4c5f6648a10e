import { sql } from 'drizzle-orm';
import type { EvaluationSource } from '../../area-module.ts';
import { policyOfferCanHost } from './policy.ts';

// A company visit as its teachers evaluate it: whoever was confirmed for a session that took
// place answers once that session has ended; the host (and the coordinators) read the summary.

export const companyVisitEvaluationSource: EvaluationSource = {
  source: 'company_visit',
  async read(deps, actor, networkId, id) {
    const [o] = (await deps.db.execute<{ title: string; host: string; participant: boolean; ended: boolean }>(sql`
      select o.title, o.host_institution_id::text as host,
        exists(select 1 from offer_registrations r join offer_sessions s on s.id = r.session_id
          where r.network_id = ${networkId} and r.offer_id = o.id and r.person_id = ${actor.personId} and r.status = 'confirmed' and s.status = 'planned') as participant,
        exists(select 1 from offer_registrations r join offer_sessions s on s.id = r.session_id
          where r.network_id = ${networkId} and r.offer_id = o.id and r.person_id = ${actor.personId} and r.status = 'confirmed' and s.status = 'planned' and s.end_at <= ${deps.now()}) as ended
      from offers o where o.network_id = ${networkId} and o.id = ${id} and o.kind = 'company_visit'`)).rows;
    if (!o) return null;
    return { title: o.title, participant: o.participant, ended: o.ended, manager: policyOfferCanHost(actor, networkId, o.host) };
  },
  async listEnded(deps, networkId, personId, since) {
    const rows = (await deps.db.execute<{ id: string; title: string; ended_at: string }>(sql`
      select o.id, o.title, max(s.end_at)::text as ended_at from offers o
        join offer_sessions s on s.offer_id = o.id and s.status = 'planned'
        join offer_registrations r on r.session_id = s.id and r.status = 'confirmed' and r.person_id = ${personId}
      where o.network_id = ${networkId} and o.kind = 'company_visit' and s.end_at <= ${deps.now()} and s.end_at >= ${since}
      group by o.id, o.title order by max(s.end_at) desc`)).rows;
    return rows.map((r) => ({ id: r.id, title: r.title, endedAt: new Date(r.ended_at) }));
  },
};
