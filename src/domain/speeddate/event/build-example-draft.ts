import { sql } from 'drizzle-orm';
import { nlCount } from '../../../lib/i18n.ts';
import type { ExampleDraftSource } from '../../area-module.ts';
import { evaluationSentence, getEvaluationSummary } from '../../foundation/public.ts';
import { zonedDate } from '../../../lib/time.ts';
import { speeddateRoundTimes } from './rules.ts';
import { effectSentenceFor } from '../../record/public.ts';
import type { Deps, AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// From practice to example: a speeddate whose last round ended, as a draft practice example with
// its facts — the schools and companies of those present, teachers, professionals, rounds, matches.

const SECTORS = new Set(['vmbo', 'havo', 'vwo', 'mbo', 'hbo']);

export const speeddateExampleDraftSource: ExampleDraftSource = {
  source: 'speeddate_event',
  async build(deps, networkId, id) {
    const [e] = (await deps.db.execute<{ title: string; place: string; start_at: string; table_count: number; rounds: number; round_minutes: number; changeover_minutes: number; break_after_round: number | null; break_minutes: number; paused_ms: number }>(sql`
      select title, place, start_at::text, table_count, rounds, round_minutes, changeover_minutes, break_after_round, break_minutes, paused_ms
      from speeddate_events where network_id = ${networkId} and id = ${id}`)).rows;
    if (!e) return null;
    const times = speeddateRoundTimes({
      startAt: new Date(e.start_at), rounds: e.rounds, roundMinutes: e.round_minutes, changeoverMinutes: e.changeover_minutes,
      breakAfterRound: e.break_after_round, breakMinutes: e.break_minutes, pausedMs: e.paused_ms,
    });
    const end = times.at(-1)?.endAt ?? new Date(e.start_at);
    if (end.getTime() > deps.now().getTime()) return { finished: false };
    const [n] = (await deps.db.execute<{ teachers: number; professionals: number; matches: number }>(sql`
      select (select count(*)::int from speeddate_participants where network_id = ${networkId} and event_id = ${id} and role = 'teacher' and status = 'arrived') as teachers,
        (select count(*)::int from speeddate_participants where network_id = ${networkId} and event_id = ${id} and role = 'professional') as professionals,
        (select count(*)::int from speeddate_choices a join speeddate_choices b on b.event_id = a.event_id and b.chooser_id = a.chosen_id and b.chosen_id = a.chooser_id
          join speeddate_participants t on t.event_id = a.event_id and t.person_id = a.chooser_id and t.role = 'teacher'
          where a.network_id = ${networkId} and a.event_id = ${id}) as matches`)).rows;
    const who = (await deps.db.execute<{ name: string; kind: string }>(sql`
      select distinct i.name, i.kind::text from speeddate_participants p join memberships m on m.network_id = p.network_id and m.person_id = p.person_id
        join institutions i on i.id = m.institution_id
      where p.network_id = ${networkId} and p.event_id = ${id} and (p.role = 'professional' or p.status = 'arrived') order by i.name`)).rows;
    const evaluation = evaluationSentence(await getEvaluationSummary(deps, networkId, 'speeddate_event', id));
    const lastingEffect = await lastingEffectSentence(deps, networkId, id);
    return {
      finished: true,
      draft: {
        title: e.title,
        special: `Docenten en professionals uit het bedrijfsleven spraken elkaar kort en gericht tijdens ${e.title}.`,
        story: [
          `Op ${zonedDate(new Date(e.start_at))}${e.place ? ` in ${e.place}` : ''} ${n!.teachers === 1 ? 'sprak' : 'spraken'} ${nlCount(n!.teachers, 'docent', 'docenten')} met ${nlCount(n!.professionals, 'professional', 'professionals')} aan ${nlCount(e.table_count, 'tafel', 'tafels')}, in ${nlCount(e.rounds, 'ronde', 'rondes')} van ${e.round_minutes} minuten.`,
          n!.matches > 0 ? `Na afloop ${n!.matches === 1 ? 'koos' : 'kozen'} ${n!.matches} keer een docent en een professional elkaar om verder te praten.` : 'Na afloop kozen nog geen docent en professional elkaar om verder te praten.',
          evaluation,
          lastingEffect,
        ].filter(Boolean).join('\n\n'),
        sectors: [...new Set(who.map((i) => i.kind).filter((k) => SECTORS.has(k)))],
        institutions: who.map((i) => i.name),
        practice: 'speeddate',
        themes: ['arbeidsmarktinformatie', 'professionalisering'],
      },
    };
  },
};

/** What changed for the teachers months later: the record counts each participant's speeddate ('speeddate', '<event>:<person>'). */
async function lastingEffectSentence(deps: Deps, networkId: AuthorizedNetworkId, id: string): Promise<string> {
  const rows = (await deps.db.execute<{ person_id: string }>(sql`select person_id from speeddate_participants where network_id = ${networkId} and event_id = ${id}`)).rows;
  return effectSentenceFor(deps.db, networkId, rows.map((r) => ({ source: 'speeddate', sourceId: `${id}:${r.person_id}` })));
}
