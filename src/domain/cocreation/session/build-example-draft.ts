import { sql } from 'drizzle-orm';
import type { ExampleDraftSource } from '../../area-module.ts';
import { evaluationSentence, getEvaluationSummary } from '../../foundation/public.ts';
import { nlCount } from '../../../lib/i18n.ts';
import { zonedDate } from '../../../lib/time.ts';

// From practice to example: an ended co-creation session, as a draft practice example with its
// facts — the institutions of those who joined, participants, statements, proposals, agreements.

const SECTORS = new Set(['vmbo', 'havo', 'vwo', 'mbo', 'hbo']);

export const cocreationExampleDraftSource: ExampleDraftSource = {
  source: 'cocreation_session',
  async build(deps, networkId, id) {
    const [s] = (await deps.db.execute<{ title: string; profile_name: string; step: number; ended_at: string | null; created_at: string }>(sql`
      select title, profile_name, step, ended_at::text, created_at::text from cocreation_sessions where network_id = ${networkId} and id = ${id}`)).rows;
    if (!s) return null;
    if (s.step < 6 && !s.ended_at) return { finished: false };
    const [n] = (await deps.db.execute<{ participants: number; statements: number; proposals: number; accepted: number; agreements: number }>(sql`
      select (select count(*)::int from cocreation_participants where network_id = ${networkId} and session_id = ${id}) as participants,
        (select count(*)::int from cocreation_statements where network_id = ${networkId} and session_id = ${id}) as statements,
        (select count(*)::int from cocreation_proposals where network_id = ${networkId} and session_id = ${id}) as proposals,
        (select count(*)::int from cocreation_proposals where network_id = ${networkId} and session_id = ${id} and decision in ('accepted', 'amended')) as accepted,
        (select count(*)::int from cocreation_agreements where network_id = ${networkId} and session_id = ${id}) as agreements`)).rows;
    const who = (await deps.db.execute<{ name: string; kind: string }>(sql`
      select distinct i.name, i.kind::text from cocreation_participants p join institutions i on i.id = p.institution_id
      where p.network_id = ${networkId} and p.session_id = ${id} order by i.name`)).rows;
    const evaluation = evaluationSentence(await getEvaluationSummary(deps, networkId, 'cocreation_session', id));
    return {
      finished: true,
      draft: {
        title: s.title,
        special: `${nlCount(n!.participants, 'deelnemer', 'deelnemers')}${who.length ? ` van ${who.map((i) => i.name).join(', ')}` : ''} scherpten samen het profiel "${s.profile_name}" aan.`,
        story: [
          `Op ${zonedDate(new Date(s.ended_at ?? s.created_at))} ${n!.participants === 1 ? 'schreef' : 'schreven'} ${nlCount(n!.participants, 'deelnemer', 'deelnemers')} ${nlCount(n!.statements, 'uitspraak', 'uitspraken')}; daaruit ${n!.proposals === 1 ? 'kwam' : 'kwamen'} ${nlCount(n!.proposals, 'voorstel', 'voorstellen')}${n!.proposals === 0 ? '' : n!.proposals === 1 ? (n!.accepted === 1 ? ', dat werd aangenomen' : ', dat niet werd aangenomen') : `, waarvan ${n!.accepted} ${n!.accepted === 1 ? 'werd' : 'werden'} aangenomen`}.`,
          `De sessie leverde ${nlCount(n!.agreements, 'afspraak', 'afspraken')} op.`,
          evaluation,
        ].filter(Boolean).join('\n\n'),
        sectors: [...new Set(who.map((i) => i.kind).filter((k) => SECTORS.has(k)))],
        institutions: who.map((i) => i.name),
        practice: 'cocreation',
        themes: ['visie_beleid_kwaliteit', 'professionalisering'],
      },
    };
  },
};
