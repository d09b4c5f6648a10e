// Suggesting a type for one activity text, with the words that decided it.
import modelJson from './model.json' with { type: 'json' };
import { typologyCueMatches } from './cues.ts';
import { typologyFeatureWeight, typologyLogLikelihood, typologyScores } from './model-build.ts';
import { typologyRuleMatches } from './rules.ts';
import { typologyContentTokens, typologyFeatures, typologyFold, typologyTrimStopwords } from './text.ts';
import {
  typologyIsFormal,
  type TypologyActivity,
  type TypologyActivitySuggestion,
  type TypologyAlternative,
  type TypologyCandidate,
  type TypologyCode,
  type TypologyConfidenceLevel,
  type TypologyModel,
  type TypologyReason,
  type TypologySuggestion,
} from './types.ts';

/** The checked-in model, built from the build split of `data/labelled.json`. */
export const TYPOLOGY_MODEL: TypologyModel = modelJson as unknown as TypologyModel;

/** Fewer content words than this and no suggestion is made. */
export const TYPOLOGY_MIN_CONTENT_WORDS = 2;
/** At most this many words or phrases are given as the reason. */
export const TYPOLOGY_MAX_WHY = 4;
const MAX_ALTERNATIVES = 3;

/**
 * When to show two types or ask for more. Two types are shown when the runner-up has at least
 * `closeRatio` of the best type's confidence, or the best type is below `closeBelow` while the
 * runner-up has at least `closeMinSecond`. The teacher is asked to tell more (no type) when the
 * best type is below `askBelow`, or below `askShortBelow` for a text of at most
 * `shortContentWords` content words.
 */
export const TYPOLOGY_STATE_THRESHOLDS = {
  closeRatio: 0.5,
  closeBelow: 0.6,
  closeMinSecond: 0.15,
  askBelow: 0.25,
  askShortBelow: 0.45,
  shortContentWords: 3,
} as const;

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export function typologyConfidenceLevel(confidence: number): TypologyConfidenceLevel {
  return confidence >= 0.75 ? 'HIGH' : confidence >= 0.5 ? 'MEDIUM' : 'LOW';
}

function noSuggestion(reason: TypologyReason, alternatives: readonly TypologyAlternative[] = [], candidates: readonly TypologyCandidate[] = [], cues: readonly string[] = []): TypologySuggestion {
  return { type: null, formal: null, why: [], confidence: 0, confidenceLevel: 'LOW', alternatives, reason, state: 'TELL_US_MORE', candidates, cues };
}

interface Reason {
  readonly surface: string;
  readonly weight: number;
  readonly rule: boolean;
  /** Start of `surface` in the input text. */
  readonly position: number;
}

function pickWhy(reasons: Reason[]): string[] {
  reasons.sort(
    (a, b) => Number(b.rule) - Number(a.rule) || b.weight - a.weight || a.position - b.position || (a.surface < b.surface ? -1 : 1),
  );
  const chosen: Reason[] = [];
  for (const r of reasons) {
    if (chosen.length >= TYPOLOGY_MAX_WHY) break;
    if (r.surface.length === 0) continue;
    const folded = typologyFold(r.surface);
    const end = r.position + r.surface.length;
    const repeats = chosen.some((c) => {
      const other = typologyFold(c.surface);
      const overlaps = r.position < c.position + c.surface.length && c.position < end;
      return overlaps || other.includes(folded) || folded.includes(other);
    });
    if (!repeats) chosen.push(r);
  }
  return chosen.map((r) => r.surface);
}

interface Evidence {
  readonly key: string;
  readonly surface: string;
  readonly start: number;
}

/** The words of the text that favour type index `top` over `versus` and over the average type. */
function explain(
  model: TypologyModel,
  text: string,
  evidence: readonly Evidence[],
  matches: ReturnType<typeof typologyRuleMatches>,
  top: number,
  versus: number,
): string[] {
  const type = model.types[top]!;
  const reasons: Reason[] = [];
  if (model.ruleWeight > 0) {
    for (const m of matches) {
      if (m.type !== type) continue;
      const trimmed = typologyTrimStopwords(m.surface);
      if (trimmed.length === 0) continue;
      const position = m.start + m.surface.indexOf(trimmed);
      reasons.push({ surface: text.slice(position, position + trimmed.length), weight: model.ruleWeight, rule: true, position });
    }
  }
  for (const f of evidence) {
    const counts = model.features[f.key];
    if (!counts) continue;
    const own = typologyLogLikelihood(model, counts, top);
    if (own - typologyLogLikelihood(model, counts, versus) <= 0) continue;
    let others = 0;
    for (let c = 0; c < model.types.length; c++) if (c !== top) others += typologyLogLikelihood(model, counts, c);
    const weight = typologyFeatureWeight(model, f.key) * (own - others / (model.types.length - 1));
    if (weight <= 0) continue;
    // no stop words at the edges of a reason; keep its place in the text
    const trimmed = typologyTrimStopwords(f.surface);
    if (trimmed.length === 0) continue;
    const position = f.start + f.surface.indexOf(trimmed);
    reasons.push({ surface: text.slice(position, position + trimmed.length), weight, rule: false, position });
  }
  return pickWhy(reasons);
}

export function typologySuggest(text: string, model: TypologyModel = TYPOLOGY_MODEL): TypologySuggestion {
  const contentWords = typologyContentTokens(text).length;
  if (contentWords < TYPOLOGY_MIN_CONTENT_WORDS) return noSuggestion('TEXT_TOO_SHORT');
  const cueMatches = typologyCueMatches(text);
  const evidence: Evidence[] = [
    ...typologyFeatures(text),
    ...cueMatches.map((c) => ({ key: `c:${c.cue}`, surface: c.surface, start: c.start })),
  ];
  const cues = cueMatches.filter((c) => !c.cue.includes('+')).map((c) => c.cue);
  const matches = typologyRuleMatches(text);
  const known = evidence.filter((f) => model.features[f.key] !== undefined);
  if (known.length === 0 && (matches.length === 0 || model.ruleWeight === 0)) return noSuggestion('NO_KNOWN_WORDS', [], [], cues);

  const ruleHits = new Map<TypologyCode, number>();
  const seenRules = new Set<string>();
  for (const m of matches) {
    if (seenRules.has(m.rule)) continue;
    seenRules.add(m.rule);
    ruleHits.set(m.type, (ruleHits.get(m.type) ?? 0) + 1);
  }
  const scores = typologyScores(model, { features: evidence.map((f) => f.key), ruleHits });
  const probabilities = softmax(scores.map((s) => s / model.temperature));
  const order = model.types.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const top = order[0]!;
  const second = order[1] ?? top;
  const p1 = probabilities[top]!;
  const p2 = probabilities[second]!;
  const candidate = (i: number, versus: number): TypologyCandidate => ({
    type: model.types[i]!,
    formal: typologyIsFormal(model.types[i]!),
    confidence: round3(probabilities[i]!),
    why: explain(model, text, known, matches, i, versus),
  });
  const alternatives: TypologyAlternative[] = order
    .slice(1, 1 + MAX_ALTERNATIVES)
    .map((i) => ({ type: model.types[i]!, confidence: round3(probabilities[i]!) }));

  const t = TYPOLOGY_STATE_THRESHOLDS;
  const close = p2 >= t.closeRatio * p1 || (p1 < t.closeBelow && p2 >= t.closeMinSecond);
  const ask = p1 < t.askBelow || (contentWords <= t.shortContentWords && p1 < t.askShortBelow);
  const first = candidate(top, second);
  if (ask) {
    const guesses = [first, candidate(second, top)];
    return noSuggestion('NEEDS_MORE_DETAIL', order.slice(0, MAX_ALTERNATIVES).map((i) => ({ type: model.types[i]!, confidence: round3(probabilities[i]!) })), guesses, cues);
  }
  return {
    type: first.type,
    formal: first.formal,
    why: first.why,
    confidence: first.confidence,
    confidenceLevel: typologyConfidenceLevel(p1),
    alternatives,
    reason: null,
    state: close ? 'TWO_CLOSE' : 'SUGGESTED',
    candidates: close ? [first, candidate(second, top)] : [first],
    cues,
  };
}

export function typologySuggestMany(
  activities: readonly TypologyActivity[],
  model: TypologyModel = TYPOLOGY_MODEL,
): TypologyActivitySuggestion[] {
  return activities.map((activity) => ({ id: activity.id, ...typologySuggest(activity.text, model) }));
}
