import type { ExampleDraft, ExampleDraftSource } from '../../area-module.ts';
import { exchangeEditionFacts, type ExchangeEditionFacts } from '../public.ts';
import { effectSentenceFor } from '../../record/public.ts';

// From practice to example: a finished exchange week (evaluation or closed) as a draft practice
// example with its facts — the institutions, registrations, pairs, visits, hours and evaluation.

const SECTORS = new Set(['vmbo', 'havo', 'vwo', 'mbo', 'hbo']);
const dec = (n: number | null) => String(n).replace('.', ',');

/**
 * The facts of a finished exchange week as a draft example (Dutch; the coordinator finishes the
 * text); `lastingEffect` is the record's sentence about what changed for the teachers afterwards.
 */
export function buildEditionExampleDraft(f: ExchangeEditionFacts, lastingEffect = ''): ExampleDraft {
  const who = f.institutions.map((i) => i.name).join(', ');
  const evaluation = f.evaluations > 0
    ? `${f.evaluations} deelnemers vulden de evaluatie in: gemiddeld ${dec(f.overallAverage)} van 5, en ${f.recommendPercent}% raadt het collega's aan.`
    : 'Er zijn (nog) geen evaluaties ingevuld.';
  return {
    title: f.name,
    special: `Docenten van ${who} keken bij elkaar in de les tijdens ${f.name}.`,
    story: [
      `Van ${f.windowStart} tot en met ${f.windowEnd} vormden ${f.registered} aangemelde docenten ${f.pairs} koppels; er vonden ${f.visitsDone} lesbezoeken plaats.`,
      `Deelname telde voor ${dec(f.creditedHours)} uur professionalisering.`,
      evaluation,
      lastingEffect,
      f.description,
    ].filter(Boolean).join('\n\n'),
    sectors: [...new Set(f.institutions.map((i) => i.kind).filter((k) => SECTORS.has(k)))],
    institutions: f.institutions.map((i) => i.name),
    practice: 'exchange',
    themes: ['professionalisering'],
  };
}

export const editionExampleDraftSource: ExampleDraftSource = {
  source: 'exchange_edition',
  async build(deps, networkId, id) {
    const facts = await exchangeEditionFacts(deps.db, networkId, id);
    if (!facts) return null;
    if (facts.status !== 'evaluation' && facts.status !== 'closed') return { finished: false };
    // the record counts an edition as one activity per teacher ('exchange_edition', the edition's id)
    const lastingEffect = await effectSentenceFor(deps.db, networkId, [{ source: 'exchange_edition', sourceId: id }]);
    return { finished: true, draft: buildEditionExampleDraft(facts, lastingEffect) };
  },
};
