// Suggesting a type for one activity text, with the words that decided it.
import modelJson from './model.json' with { type: 'json' };
import { typologyArgmax, typologyScores } from './model-build.ts';
import { typologyRuleMatches } from './rules.ts';
import { typologyContentTokens, typologyFeatures, typologyFold } from './text.ts';
import {
  typologyIsFormal,
  type TypologyActivity,
  type TypologyActivitySuggestion,
  type TypologyAlternative,
  type TypologyCode,
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

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function noSuggestion(reason: TypologyReason): TypologySuggestion {
  return { type: null, formal: null, why: [], confidence: 0, alternatives: [], reason };
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

export function typologySuggest(text: string, model: TypologyModel = TYPOLOGY_MODEL): TypologySuggestion {
  if (typologyContentTokens(text).length < TYPOLOGY_MIN_CONTENT_WORDS) return noSuggestion('TEXT_TOO_SHORT');
  const features = typologyFeatures(text);
  const matches = typologyRuleMatches(text);
  const known = features.filter((f) => model.features[f.key] !== undefined);
  if (known.length === 0 && (matches.length === 0 || model.ruleWeight === 0)) return noSuggestion('NO_KNOWN_WORDS');

  const ruleHits = new Map<TypologyCode, number>();
  const seenRules = new Set<string>();
  for (const m of matches) {
    if (seenRules.has(m.rule)) continue;
    seenRules.add(m.rule);
    ruleHits.set(m.type, (ruleHits.get(m.type) ?? 0) + 1);
  }
  const scores = typologyScores(model, { features: features.map((f) => f.key), ruleHits });
  const probabilities = softmax(scores.map((s) => s / model.temperature));
  const order = model.types
    .map((_, i) => i)
    .sort((a, b) => scores[b]! - scores[a]! || a - b);
  const top = order[0] ?? typologyArgmax(scores);
  const second = order[1] ?? top;
  const type = model.types[top]!;

  const vocabulary = Object.keys(model.features).length;
  const logLikelihood = (counts: readonly number[], c: number): number =>
    Math.log((counts[c] ?? 0) + model.alpha) - Math.log(model.featureTotals[c]! + model.alpha * vocabulary);
  const reasons: Reason[] = [];
  if (model.ruleWeight > 0) {
    for (const m of matches) {
      if (m.type === type) reasons.push({ surface: m.surface, weight: model.ruleWeight, rule: true, position: m.start });
    }
  }
  known.forEach((f) => {
    const counts = model.features[f.key]!;
    const own = logLikelihood(counts, top);
    if (own - logLikelihood(counts, second) <= 0) return;
    let others = 0;
    for (let c = 0; c < model.types.length; c++) if (c !== top) others += logLikelihood(counts, c);
    const weight = own - others / (model.types.length - 1);
    if (weight > 0) reasons.push({ surface: f.surface, weight, rule: false, position: f.start });
  });

  const alternatives: TypologyAlternative[] = order
    .slice(1, 1 + MAX_ALTERNATIVES)
    .map((i) => ({ type: model.types[i]!, confidence: round3(probabilities[i]!) }));
  return {
    type,
    formal: typologyIsFormal(type),
    why: pickWhy(reasons),
    confidence: round3(probabilities[top]!),
    alternatives,
    reason: null,
  };
}

export function typologySuggestMany(
  activities: readonly TypologyActivity[],
  model: TypologyModel = TYPOLOGY_MODEL,
): TypologyActivitySuggestion[] {
  return activities.map((activity) => ({ id: activity.id, ...typologySuggest(activity.text, model) }));
}
