import { sql } from 'drizzle-orm';
import { nlCount } from '../../../lib/i18n.ts';
import type { ExampleDraftSource } from '../../area-module.ts';
import { zonedDate } from '../../../lib/time.ts';
import { effectSentenceFor } from '../../record/public.ts';

// From practice to example: a leerlab whose last day lies behind us, as a draft practice example
// with its facts — the partner schools, pupils, teachers, sessions held, attendance and evaluation.

const SECTORS = new Set(['vmbo', 'havo', 'vwo', 'mbo', 'hbo']);
const dec = (n: number) => String(n).replace('.', ',');

export const leerlabExampleDraftSource: ExampleDraftSource = {
  source: 'leerlab',
  async build(deps, networkId, id) {
    const [l] = (await deps.db.execute<{ name: string; pgp: string; keuzedeel_name: string; school_year: string; first_date: string; last_date: string }>(sql`
      select name, pgp, keuzedeel_name, school_year, first_date::text, last_date::text from leerlabs where network_id = ${networkId} and id = ${id}`)).rows;
    if (!l) return null;
    if (l.last_date >= zonedDate(deps.now())) return { finished: false };
    const partners = (await deps.db.execute<{ name: string; kind: string }>(sql`
      select i.name, i.kind::text from leerlab_partners p join institutions i on i.id = p.institution_id
      where p.network_id = ${networkId} and p.leerlab_id = ${id} order by p.side, i.name`)).rows;
    const [n] = (await deps.db.execute<{ pupils: number; teachers: number; sessions: number; present: number; answers: number; average: number | null; recommend: number | null }>(sql`
      select (select count(*)::int from leerlab_pupils where network_id = ${networkId} and leerlab_id = ${id}) as pupils,
        (select count(distinct person_id)::int from leerlab_staff where network_id = ${networkId} and leerlab_id = ${id} and role in ('vo_teacher', 'mbo_teacher')) as teachers,
        (select count(*)::int from leerlab_sessions where network_id = ${networkId} and leerlab_id = ${id} and status = 'planned' and start_at < ${deps.now()}) as sessions,
        (select count(*)::int from leerlab_attendance a join leerlab_sessions s on s.id = a.session_id where s.network_id = ${networkId} and s.leerlab_id = ${id} and a.status in ('present', 'late')) as present,
        (select count(*)::int from leerlab_evaluation_answers a join leerlab_evaluations e on e.id = a.evaluation_id where e.network_id = ${networkId} and e.leerlab_id = ${id}) as answers,
        (select round(avg(v.value::numeric), 1)::float8 from leerlab_evaluation_answers a join leerlab_evaluations e on e.id = a.evaluation_id
           cross join lateral jsonb_each_text(a.ratings) v where e.network_id = ${networkId} and e.leerlab_id = ${id} and v.value ~ '^[1-5]$') as average,
        (select round(avg((a.ratings->>'recommend')::numeric), 1)::float8 from leerlab_evaluation_answers a join leerlab_evaluations e on e.id = a.evaluation_id
           where e.network_id = ${networkId} and e.leerlab_id = ${id} and a.ratings->>'recommend' ~ '^[1-5]$') as recommend`)).rows;
    const who = partners.map((p) => p.name).join(' en ');
    // what changed for the teachers months later: the record counts the guest lessons and the pupils' sessions, one activity per teacher
    const lastingEffect = await effectSentenceFor(deps.db, networkId, (['leerlab_guest_lesson', 'leerlab_session'] as const).map((source) => ({ source, sourceId: `${id}:${source}` })));
    return {
      finished: true,
      draft: {
        title: l.name,
        special: `Leerlingen van ${who} volgden samen het keuzedeel ${l.keuzedeel_name} rond ${l.pgp}.`,
        story: [
          `Van ${l.first_date} tot en met ${l.last_date} (schooljaar ${l.school_year}) ${n!.pupils === 1 ? 'volgde' : 'volgden'} ${nlCount(n!.pupils, 'leerling', 'leerlingen')} het leerlab, begeleid door ${nlCount(n!.teachers, 'docent', 'docenten')} van vo en mbo.`,
          `Er ${n!.sessions === 1 ? 'vond' : 'vonden'} ${nlCount(n!.sessions, 'bijeenkomst', 'bijeenkomsten')} plaats, met ${n!.present} keer een leerling aanwezig.`,
          n!.answers > 0
            ? `${nlCount(n!.answers, 'deelnemer', 'deelnemers')} ${n!.answers === 1 ? 'vulde' : 'vulden'} de evaluatie in: gemiddeld ${dec(n!.average ?? 0)} van 5${n!.recommend !== null ? `, aanraden gemiddeld ${dec(n!.recommend)} van 5` : ''}.`
            : 'Er zijn (nog) geen evaluaties ingevuld.',
          lastingEffect,
        ].filter(Boolean).join('\n\n'),
        sectors: [...new Set(partners.map((p) => p.kind).filter((k) => SECTORS.has(k)))],
        institutions: partners.map((p) => p.name),
        practice: 'leerlab',
        themes: ['lob_leeromgeving', 'loopbaankeuze'],
      },
    };
  },
};
