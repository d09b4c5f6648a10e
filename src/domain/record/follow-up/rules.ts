import { EFFECT_MIN_ANSWERS, type EffectFigure, type LastingEffect } from './schema.ts';

// The small-numbers rule of the lasting-effect counts, and how a draft practice example says them.

/** The counts of one practice item as a report shows them: the three kinds only from EFFECT_MIN_ANSWERS answers on. */
export function effectPresent(raw: { asked: number; changed: number; partly: number; unchanged: number }, afterDays: number): LastingEffect {
  const answered = raw.changed + raw.partly + raw.unchanged;
  return {
    afterDays,
    // the counts outlive an erased teacher's question, so never fewer asked than answered
    asked: Math.max(raw.asked, answered),
    answered,
    counts: answered >= EFFECT_MIN_ANSWERS ? { changed: raw.changed, partly: raw.partly, unchanged: raw.unchanged } : null,
  };
}

/**
 * One row of the network-wide "what changed" table under the same rule: an item's three counts
 * only from EFFECT_MIN_ANSWERS answers on (an offer's item can be a single registration).
 */
export function effectFigureShown(raw: { source: string; sourceId: string; title: string; asked: number; answered: number; changed: number; partly: number; unchanged: number }): EffectFigure {
  const e = effectPresent(raw, 0);
  return { source: raw.source, sourceId: raw.sourceId, title: raw.title, asked: e.asked, answered: e.answered, changed: e.counts?.changed ?? null, partly: e.counts?.partly ?? null, unchanged: e.counts?.unchanged ?? null };
}

/** "3 maanden later", "2 weken later": the network's delay in words. */
export function effectDelayNl(days: number): string {
  if (days < 56) {
    const weeks = Math.max(1, Math.round(days / 7));
    return `${weeks} ${weeks === 1 ? 'week' : 'weken'} later`;
  }
  const months = Math.round(days / 30.44);
  return `${months} ${months === 1 ? 'maand' : 'maanden'} later`;
}

/**
 * The sentence of a draft practice example (Dutch), e.g. "3 maanden later zeiden 12 van de 17
 * docenten die antwoordden dat ze iets anders denken of doen (5 duidelijk, 7 deels)."; with fewer
 * than EFFECT_MIN_ANSWERS answers only how many answered; empty without answers.
 */
export function effectSentenceNl(e: LastingEffect): string {
  if (e.answered === 0) return '';
  const when = effectDelayNl(e.afterDays);
  const teachers = (n: number) => `${n} ${n === 1 ? 'docent' : 'docenten'}`;
  if (!e.counts) {
    return `${when[0]!.toUpperCase()}${when.slice(1)} ${e.answered === 1 ? 'antwoordde' : 'antwoordden'} ${teachers(e.answered)} op de vraag wat ze nu anders denken of doen; te weinig om de antwoorden te tellen.`;
  }
  const yes = e.counts.changed + e.counts.partly;
  const head = `${when[0]!.toUpperCase()}${when.slice(1)}`;
  if (yes === 0) return `${head} zei geen van de ${e.answered} docenten die antwoordden dat ze iets anders denken of doen.`;
  return `${head} ${yes === 1 ? 'zei' : 'zeiden'} ${yes} van de ${e.answered} docenten die antwoordden dat ze iets anders denken of doen (${e.counts.changed} duidelijk, ${e.counts.partly} deels).`;
}
