// Building the naive Bayes model from the labelled set. Only items with `split: "build"` are
// read; held-out items are dropped before anything else happens. The smoothing constant and
// the rule weight are chosen by k-fold cross-validation on the build items alone.
import { typologyCueMatches } from './cues.ts';
import { typologyFeatures } from './text.ts';
import { typologyRuleMatches } from './rules.ts';
import { TYPOLOGY_CODES, TYPOLOGY_MODEL_FORMAT, type TypologyCode, type TypologyLabelledItem, type TypologyModel } from './types.ts';

export interface TypologyBuildOptions {
  /** Additive smoothing; when absent, chosen by cross-validation from `alphaGrid`. */
  readonly alpha?: number;
  /** Score added per matching keyword rule; when absent, chosen from `ruleWeightGrid`. */
  readonly ruleWeight?: number;
  readonly alphaGrid?: readonly number[];
  readonly ruleWeightGrid?: readonly number[];
  /** Multiplies the evidence of source-of-learning cue features; when absent, chosen from `cueWeightGrid`. */
  readonly cueWeight?: number;
  readonly cueWeightGrid?: readonly number[];
  readonly folds?: number;
  /** Bigrams seen in fewer build documents than this are left out of the model. */
  readonly minBigramDocs?: number;
  /** Divides the scores before the softmax that gives `confidence`; when absent, chosen by cross-validation. */
  readonly temperature?: number;
}

export const TYPOLOGY_BUILD_DEFAULTS = {
  alphaGrid: [0.1, 0.2, 0.35, 0.5, 1],
  ruleWeightGrid: [0, 1, 2, 3, 4, 6],
  cueWeightGrid: [1, 1.5, 2, 3],
  folds: 5,
  minBigramDocs: 2,
  temperatureGrid: [1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 8, 12, 16],
} as const;

/** A document reduced to what scoring needs: feature keys and rule hits per type. */
export interface TypologyPreparedText {
  readonly features: readonly string[];
  readonly ruleHits: ReadonlyMap<TypologyCode, number>;
}

export function typologyPrepare(text: string): TypologyPreparedText {
  const ruleHits = new Map<TypologyCode, number>();
  const seenRules = new Set<string>();
  for (const m of typologyRuleMatches(text)) {
    if (seenRules.has(m.rule)) continue;
    seenRules.add(m.rule);
    ruleHits.set(m.type, (ruleHits.get(m.type) ?? 0) + 1);
  }
  return { features: [...typologyFeatures(text).map((f) => f.key), ...typologyCueMatches(text).map((c) => `c:${c.cue}`)], ruleHits };
}

const vocabularySizes = new WeakMap<TypologyModel, number>();

/** Number of features of a model (cached: models are immutable). */
export function typologyVocabularySize(model: TypologyModel): number {
  let n = vocabularySizes.get(model);
  if (n === undefined) {
    n = Object.keys(model.features).length;
    vocabularySizes.set(model, n);
  }
  return n;
}

/** Log-likelihood of a feature with these counts under type index `c`. */
export function typologyLogLikelihood(model: TypologyModel, counts: readonly number[], c: number): number {
  const vocabulary = typologyVocabularySize(model);
  return Math.log((counts[c] ?? 0) + model.alpha) - Math.log(model.featureTotals[c]! + model.alpha * vocabulary);
}

/** How much a feature's evidence counts: cue features are multiplied by the model's cue weight. */
export function typologyFeatureWeight(model: TypologyModel, key: string): number {
  return key.startsWith('c:') ? model.cueWeight : 1;
}

/** Per-type log scores of a prepared text; features unknown to the model are skipped. */
export function typologyScores(model: TypologyModel, prepared: TypologyPreparedText): number[] {
  const vocabulary = typologyVocabularySize(model);
  const denominators = model.featureTotals.map((total) => Math.log(total + model.alpha * vocabulary));
  const scores = model.types.map((type) => model.ruleWeight * (prepared.ruleHits.get(type) ?? 0));
  for (const feature of prepared.features) {
    const counts = model.features[feature];
    if (!counts) continue;
    const weight = typologyFeatureWeight(model, feature);
    for (let c = 0; c < scores.length; c++) {
      scores[c]! += weight * (Math.log((counts[c] ?? 0) + model.alpha) - denominators[c]!);
    }
  }
  return scores;
}

export function typologyArgmax(scores: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best;
}

function countModel(
  docs: readonly { type: TypologyCode; features: readonly string[] }[],
  alpha: number,
  ruleWeight: number,
  cueWeight: number,
  minBigramDocs: number,
  temperature: number,
): TypologyModel {
  const types = TYPOLOGY_CODES;
  const index = new Map(types.map((t, i) => [t, i]));
  const docCounts = types.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const doc of docs) {
    const c = index.get(doc.type)!;
    docCounts[c]!++;
    for (const f of doc.features) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = types.map(() => 0)));
      row[c]!++;
    }
  }
  const features: Record<string, number[]> = {};
  const featureTotals = types.map(() => 0);
  for (const key of [...counts.keys()].sort()) {
    const row = counts.get(key)!;
    const df = row.reduce((a, b) => a + b, 0);
    if (key.startsWith('b:') && df < minBigramDocs) continue;
    features[key] = row;
    row.forEach((n, c) => (featureTotals[c]! += n));
  }
  return { format: TYPOLOGY_MODEL_FORMAT, types, alpha, ruleWeight, cueWeight, temperature, docCounts, featureTotals, features };
}

interface PreparedDoc {
  readonly type: TypologyCode;
  readonly features: readonly string[];
  readonly prepared: TypologyPreparedText;
}

interface CrossValidation {
  readonly accuracy: number;
  /** Out-of-fold scores and the index of the true type, for calibration. */
  readonly outOfFold: readonly { scores: number[]; truth: number }[];
}

/** k-fold cross-validation over the given (build) documents; fold = position modulo k. */
function crossValidate(
  docs: readonly PreparedDoc[],
  alpha: number,
  ruleWeight: number,
  cueWeight: number,
  folds: number,
  minBigramDocs: number,
): CrossValidation {
  let correct = 0;
  const outOfFold: { scores: number[]; truth: number }[] = [];
  for (let k = 0; k < folds; k++) {
    const train = docs.filter((_, i) => i % folds !== k);
    const model = countModel(train, alpha, ruleWeight, cueWeight, minBigramDocs, 1);
    docs.forEach((doc, i) => {
      if (i % folds !== k) return;
      const scores = typologyScores(model, doc.prepared);
      if (model.types[typologyArgmax(scores)] === doc.type) correct++;
      outOfFold.push({ scores, truth: model.types.indexOf(doc.type) });
    });
  }
  return { accuracy: docs.length === 0 ? 0 : correct / docs.length, outOfFold };
}

/** The temperature from the grid with the lowest out-of-fold negative log-likelihood. */
function chooseTemperature(outOfFold: CrossValidation['outOfFold'], grid: readonly number[]): number {
  let best = grid[0] ?? 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (const t of grid) {
    let loss = 0;
    for (const { scores, truth } of outOfFold) {
      const max = Math.max(...scores);
      const logSum = Math.log(scores.reduce((s, x) => s + Math.exp((x - max) / t), 0));
      loss -= (scores[truth]! - max) / t - logSum;
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}

export interface TypologyBuildResult {
  readonly model: TypologyModel;
  /** Cross-validation accuracy per tried (alpha, ruleWeight), on build items only. */
  readonly selection: readonly { alpha: number; ruleWeight: number; cueWeight: number; cvAccuracy: number }[];
  readonly buildItems: number;
}

/** Builds the model from the `build` items; held-out items are ignored entirely. */
export function typologyModelBuildDetailed(
  items: readonly TypologyLabelledItem[],
  options: TypologyBuildOptions = {},
): TypologyBuildResult {
  const docs: PreparedDoc[] = items
    .filter((item) => item.split === 'build')
    .map((item) => {
      const prepared = typologyPrepare(item.text);
      return { type: item.type, features: prepared.features, prepared };
    });
  const folds = options.folds ?? TYPOLOGY_BUILD_DEFAULTS.folds;
  const minBigramDocs = options.minBigramDocs ?? TYPOLOGY_BUILD_DEFAULTS.minBigramDocs;
  const alphas = options.alpha !== undefined ? [options.alpha] : (options.alphaGrid ?? TYPOLOGY_BUILD_DEFAULTS.alphaGrid);
  const weights =
    options.ruleWeight !== undefined ? [options.ruleWeight] : (options.ruleWeightGrid ?? TYPOLOGY_BUILD_DEFAULTS.ruleWeightGrid);
  const cueWeights =
    options.cueWeight !== undefined ? [options.cueWeight] : (options.cueWeightGrid ?? TYPOLOGY_BUILD_DEFAULTS.cueWeightGrid);
  const selection: { alpha: number; ruleWeight: number; cueWeight: number; cvAccuracy: number }[] = [];
  let best = { alpha: alphas[0] ?? 0.5, ruleWeight: weights[0] ?? 0, cueWeight: cueWeights[0] ?? 1, cvAccuracy: -1 };
  const needsSelection = alphas.length > 1 || weights.length > 1 || cueWeights.length > 1;
  for (const alpha of alphas) {
    for (const ruleWeight of weights) {
      for (const cueWeight of cueWeights) {
        const cvAccuracy = needsSelection ? crossValidate(docs, alpha, ruleWeight, cueWeight, folds, minBigramDocs).accuracy : Number.NaN;
        selection.push({ alpha, ruleWeight, cueWeight, cvAccuracy });
        // strictly better only: ties keep the earlier (smaller) setting
        if (!needsSelection || cvAccuracy > best.cvAccuracy) best = { alpha, ruleWeight, cueWeight, cvAccuracy };
      }
    }
  }
  const temperature =
    options.temperature ??
    chooseTemperature(
      crossValidate(docs, best.alpha, best.ruleWeight, best.cueWeight, folds, minBigramDocs).outOfFold,
      TYPOLOGY_BUILD_DEFAULTS.temperatureGrid,
    );
  return {
    model: countModel(docs, best.alpha, best.ruleWeight, best.cueWeight, minBigramDocs, temperature),
    selection,
    buildItems: docs.length,
  };
}

export function typologyModelBuild(items: readonly TypologyLabelledItem[], options: TypologyBuildOptions = {}): TypologyModel {
  return typologyModelBuildDetailed(items, options).model;
}

/** Serialises a model the way `model.json` is stored (one feature per line). */
export function typologyModelSerialize(model: TypologyModel): string {
  const head = {
    format: model.format,
    types: model.types,
    alpha: model.alpha,
    ruleWeight: model.ruleWeight,
    cueWeight: model.cueWeight,
    temperature: model.temperature,
    docCounts: model.docCounts,
    featureTotals: model.featureTotals,
  };
  const lines = Object.entries(model.features).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const headText = JSON.stringify(head, null, 2).slice(0, -2);
  return `${headText},\n  "features": {\n${lines.join(',\n')}\n  }\n}\n`;
}
