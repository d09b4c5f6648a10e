// Measuring a typology predictor on labelled items, and the two baselines it is compared to.
import { typologyRuleMatches } from './rules.ts';
import { TYPOLOGY_CODES, typologyIsFormal, type TypologyCode, type TypologyLabelledItem } from './types.ts';

export type TypologyPredictor = (text: string) => TypologyCode | null;

export interface TypologyTypeScore {
  readonly type: TypologyCode;
  readonly n: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface TypologyEvaluation {
  readonly n: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly formalInformalAccuracy: number;
  readonly macroF1: number;
  /** Items for which no type was suggested. */
  readonly unanswered: number;
  readonly perType: readonly TypologyTypeScore[];
  /** confusion[trueType][predictedType or "NONE"] = count (zero cells left out). */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export function typologyEvaluate(
  items: readonly Pick<TypologyLabelledItem, 'text' | 'type'>[],
  predict: TypologyPredictor,
): TypologyEvaluation {
  let correct = 0;
  let formalCorrect = 0;
  let unanswered = 0;
  const confusion: Record<string, Record<string, number>> = {};
  const truePositive = new Map<TypologyCode, number>();
  const predicted = new Map<TypologyCode, number>();
  const actual = new Map<TypologyCode, number>();
  for (const item of items) {
    const guess = predict(item.text);
    actual.set(item.type, (actual.get(item.type) ?? 0) + 1);
    const row = (confusion[item.type] ??= {});
    const cell = guess ?? 'NONE';
    row[cell] = (row[cell] ?? 0) + 1;
    if (guess === null) {
      unanswered++;
      continue;
    }
    predicted.set(guess, (predicted.get(guess) ?? 0) + 1);
    if (guess === item.type) {
      correct++;
      truePositive.set(guess, (truePositive.get(guess) ?? 0) + 1);
    }
    if (typologyIsFormal(guess) === typologyIsFormal(item.type)) formalCorrect++;
  }
  const perType = TYPOLOGY_CODES.map((type) => {
    const tp = truePositive.get(type) ?? 0;
    const p = predicted.get(type) ?? 0;
    const a = actual.get(type) ?? 0;
    const precision = p === 0 ? 0 : tp / p;
    const recall = a === 0 ? 0 : tp / a;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { type, n: a, precision, recall, f1 };
  });
  const scored = perType.filter((t) => t.n > 0);
  const n = items.length;
  return {
    n,
    correct,
    accuracy: n === 0 ? 0 : correct / n,
    formalInformalAccuracy: n === 0 ? 0 : formalCorrect / n,
    macroF1: scored.length === 0 ? 0 : scored.reduce((s, t) => s + t.f1, 0) / scored.length,
    unanswered,
    perType,
    confusion,
  };
}

/** Always the most frequent type among the build items (ties: lowest order). */
export function typologyMajorityBaseline(items: readonly TypologyLabelledItem[]): TypologyPredictor {
  const counts = TYPOLOGY_CODES.map((type) => items.filter((i) => i.split === 'build' && i.type === type).length);
  const best = TYPOLOGY_CODES[counts.indexOf(Math.max(...counts))]!;
  return () => best;
}

/** Keyword rules only: the type with most distinct rules matching, first match breaks ties; none → no answer. */
export function typologyKeywordBaseline(): TypologyPredictor {
  return (text) => {
    const hits = new Map<TypologyCode, { rules: Set<string>; first: number }>();
    for (const m of typologyRuleMatches(text)) {
      const h = hits.get(m.type) ?? { rules: new Set<string>(), first: m.start };
      h.rules.add(m.rule);
      hits.set(m.type, h);
    }
    let best: TypologyCode | null = null;
    let bestCount = 0;
    let bestFirst = Number.POSITIVE_INFINITY;
    for (const [type, h] of hits) {
      if (h.rules.size > bestCount || (h.rules.size === bestCount && h.first < bestFirst)) {
        best = type;
        bestCount = h.rules.size;
        bestFirst = h.first;
      }
    }
    return best;
  };
}
