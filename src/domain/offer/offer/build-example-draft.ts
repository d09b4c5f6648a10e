import { sql } from 'drizzle-orm';
import { nlCount } from '../../../lib/i18n.ts';
import type { ExampleDraftSource } from '../../area-module.ts';
import { evaluationSentence, getEvaluationSummary } from '../../foundation/public.ts';
import { effectSentenceFor } from '../../record/public.ts';
import type { Deps, AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// From practice to example: a company visit whose sessions all lie behind us, as a draft practice
// example with its facts — the host company, the schools of the teachers who came, the numbers.

const SECTORS = new Set(['vmbo', 'havo', 'vwo', 'mbo', 'hbo']);
const dec = (n: number) => String(n).replace('.', ',');

export const companyVisitExampleDraftSource: ExampleDraftSource = {
  source: 'company_visit',
  async build(deps, networkId, id) {
    const [o] = (await deps.db.execute<{ title: string; description: string; credited_hours: string; host: string; sector: string | null; sessions: number; open: number; last_end: string | null }>(sql`
      select o.title, o.description, o.credited_hours::text, i.name as host, c.sector,
        (select count(*)::int from offer_sessions s where s.offer_id = o.id and s.status = 'planned' and s.end_at <= ${deps.now()}) as sessions,
        (select count(*)::int from offer_sessions s where s.offer_id = o.id and s.status = 'planned' and s.end_at > ${deps.now()}) as open,
        (select to_char(max(s.end_at) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') from offer_sessions s where s.offer_id = o.id and s.status = 'planned') as last_end
      from offers o join institutions i on i.id = o.host_institution_id left join offer_companies c on c.institution_id = o.host_institution_id
      where o.network_id = ${networkId} and o.id = ${id} and o.kind = 'company_visit'`)).rows;
    if (!o) return null;
    if (o.sessions === 0 || o.open > 0) return { finished: false };
    const [n] = (await deps.db.execute<{ teachers: number; with_feedback: number }>(sql`
      select (select count(distinct r.person_id)::int from offer_registrations r join offer_sessions s on s.id = r.session_id
          where r.network_id = ${networkId} and r.offer_id = ${id} and r.status = 'confirmed' and s.status = 'planned') as teachers,
        (select count(*)::int from offer_sessions s where s.network_id = ${networkId} and s.offer_id = ${id} and s.status = 'planned' and s.feedback <> '') as with_feedback`)).rows;
    const schools = (await deps.db.execute<{ name: string; kind: string }>(sql`
      select distinct i.name, i.kind::text from offer_registrations r join institutions i on i.id = r.institution_id join offer_sessions s on s.id = r.session_id
      where r.network_id = ${networkId} and r.offer_id = ${id} and r.status = 'confirmed' and s.status = 'planned' order by i.name`)).rows;
    const evaluation = evaluationSentence(await getEvaluationSummary(deps, networkId, 'company_visit', id));
    const lastingEffect = await lastingEffectSentence(deps, networkId, id);
    return {
      finished: true,
      draft: {
        title: o.title,
        special: `Docenten${schools.length ? ` van ${schools.map((s) => s.name).join(', ')}` : ''} bezochten ${o.host}${o.sector ? ` (${o.sector})` : ''}.`,
        story: [
          `${nlCount(n!.teachers, 'docent', 'docenten')} ${n!.teachers === 1 ? 'nam' : 'namen'} deel aan ${nlCount(o.sessions, 'bezoek', 'bezoeken')} bij ${o.host}; het laatste was op ${o.last_end}.`,
          `Deelname telde voor ${dec(Number(o.credited_hours))} uur professionalisering.`,
          evaluation,
          lastingEffect,
          n!.with_feedback > 0 ? `Bij ${nlCount(n!.with_feedback, 'bezoek', 'bezoeken')} gaf het bedrijf terugkoppeling.` : '',
          o.description,
        ].filter(Boolean).join('\n\n'),
        sectors: [...new Set(schools.map((s) => s.kind).filter((k) => SECTORS.has(k)))],
        institutions: [o.host, ...schools.map((s) => s.name)],
        practice: 'company_visit',
        themes: ['arbeidsmarktinformatie', 'professionalisering'],
      },
    };
  },
};

/** What changed for the teachers months later: the record counts every registration of the visit ('offer_registration'). */
async function lastingEffectSentence(deps: Deps, networkId: AuthorizedNetworkId, id: string): Promise<string> {
  const rows = (await deps.db.execute<{ id: string }>(sql`select id from offer_registrations where network_id = ${networkId} and offer_id = ${id}`)).rows;
  return effectSentenceFor(deps.db, networkId, rows.map((r) => ({ source: 'offer_registration', sourceId: r.id })));
}
