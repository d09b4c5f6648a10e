// Learning from confirmations: the types that a network's teachers confirm or correct are added
// to the shipped model's counts, so that the network's own words and habits start to count.
// Only the type and the text's features (stems, word pairs, cue codes) are used — never the
// text itself — and the result is a new model; the shipped one is never changed.
import { typologyPrepare } from './model-build.ts';
import { typologyIsCode, type TypologyConfirmation, type TypologyModel } from './types.ts';

export interface TypologyAdaptOptions {
  /** How many build documents one confirmation counts as (default 2). */
  readonly weight?: number;
}

export const TYPOLOGY_ADAPT_DEFAULTS = { weight: 2 } as const;

/** At most this many features are kept per confirmation (a very long text adds no more). */
const MAX_FEATURES_PER_CONFIRMATION = 200;

/**
 * The features of a text as they are kept for a confirmation: sorted, unique, without the text.
 * Keyword-rule hits are not features (the rules apply to every text anyway).
 */
export function typologyConfirmationFeatures(text: string): string[] {
  return [...new Set(typologyPrepare(text).features)].sort().slice(0, MAX_FEATURES_PER_CONFIRMATION);
}

/**
 * A network's model: the base model plus its confirmed examples, each counted `weight` times.
 * Pure and deterministic: the same base and the same confirmations (in any order) give the
 * same model. Confirmations with an unknown type are skipped.
 */
export function typologyModelAdapt(
  base: TypologyModel,
  confirmations: readonly TypologyConfirmation[],
  options: TypologyAdaptOptions = {},
): TypologyModel {
  const weight = options.weight ?? TYPOLOGY_ADAPT_DEFAULTS.weight;
  if (confirmations.length === 0 || weight <= 0) return base;
  const index = new Map(base.types.map((t, i) => [t, i]));
  const docCounts = [...base.docCounts];
  const featureTotals = [...base.featureTotals];
  const added = new Map<string, number[]>();
  for (const confirmation of confirmations) {
    if (!typologyIsCode(confirmation.type)) continue;
    const c = index.get(confirmation.type);
    if (c === undefined) continue;
    docCounts[c]! += weight;
    for (const key of new Set(confirmation.features.slice(0, MAX_FEATURES_PER_CONFIRMATION))) {
      if (typeof key !== 'string' || !/^[wbc]:/.test(key)) continue;
      let row = added.get(key);
      if (!row) added.set(key, (row = base.types.map(() => 0)));
      row[c]! += weight;
      featureTotals[c]! += weight;
    }
  }
  const keys = [...new Set([...Object.keys(base.features), ...added.keys()])].sort();
  const features: Record<string, number[]> = {};
  for (const key of keys) {
    const baseRow = base.features[key];
    const extra = added.get(key);
    features[key] = base.types.map((_, c) => (baseRow?.[c] ?? 0) + (extra?.[c] ?? 0));
  }
  return { ...base, docCounts, featureTotals, features };
}
