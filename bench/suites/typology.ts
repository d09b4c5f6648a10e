// Typology suggestion quality on the FIXED hard held-out set (data/heldout-hard.json, never read
// by the builder, never edited after it was committed), beside two baselines measured in the
// same run (majority class, keyword rules alone), plus the older held-out split of
// labelled.json. The model is rebuilt from the build split and must equal the checked-in
// model.json. Also: calibration (expected calibration error), how often two types / "tell us
// more" are shown, speed, and how accuracy grows as a network's confirmations arrive.
// Prints JSON lines.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  TYPOLOGY_CODES,
  typologyConfirmationFeatures,
  typologyEvaluate,
  typologyKeywordBaseline,
  typologyMajorityBaseline,
  typologyModelAdapt,
  typologyModelBuildDetailed,
  typologyModelSerialize,
  typologySuggest,
  type TypologyCode,
  type TypologyEvaluation,
  type TypologyLabelledItem,
  type TypologyModel,
} from '../../src/engine/typology/index.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'engine', 'typology');
const items = (JSON.parse(readFileSync(path.join(dir, 'data', 'labelled.json'), 'utf8')) as { items: TypologyLabelledItem[] }).items;
const hard = (JSON.parse(readFileSync(path.join(dir, 'data', 'heldout-hard.json'), 'utf8')) as { items: { id: string; type: TypologyCode; text: string }[] })
  .items;
// a simulated network with its own names for activities (used for learning from confirmations only)
const network = (
  JSON.parse(readFileSync(path.join(dir, 'data', 'network-simulation.json'), 'utf8')) as { items: { id: string; type: TypologyCode; text: string }[] }
).items;
const checkedIn = readFileSync(path.join(dir, 'model.json'), 'utf8');
const olderHeldout = items.filter((i) => i.split === 'heldout');
const round = (x: number): number => Math.round(x * 1000) / 1000;
const line = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify({ suite: 'typology', ...o })}\n`);

const t0 = performance.now();
const built = typologyModelBuildDetailed(items);
const buildMs = performance.now() - t0;
const serialized = typologyModelSerialize(built.model);
const matches = serialized === checkedIn;
// the builder must give the same model when it never sees the held-out items at all
const buildOnly = typologyModelSerialize(typologyModelBuildDetailed(items.filter((i) => i.split === 'build')).model);
const chosen = built.selection.find(
  (s) => s.alpha === built.model.alpha && s.ruleWeight === built.model.ruleWeight && s.cueWeight === built.model.cueWeight,
);
const buildTexts = new Set(items.filter((i) => i.split === 'build').map((i) => i.text.trim().toLowerCase()));
line({
  case: 'model',
  build_items: built.buildItems,
  hard_heldout_items: hard.length,
  older_heldout_items: olderHeldout.length,
  hard_heldout_texts_in_build: hard.filter((h) => buildTexts.has(h.text.trim().toLowerCase())).length,
  features: Object.keys(built.model.features).length,
  alpha: built.model.alpha,
  rule_weight: built.model.ruleWeight,
  cue_weight: built.model.cueWeight,
  temperature: built.model.temperature,
  build_cv_accuracy: chosen ? round(chosen.cvAccuracy) : null,
  build_ms: Math.round(buildMs),
  equals_checked_in: matches,
  independent_of_heldout: buildOnly === serialized,
});
if (!matches || buildOnly !== serialized) {
  process.stderr.write('model.json differs from a rebuild from the build split: run npx tsx scripts/build-typology-model.ts\n');
  process.exit(1);
}

/** Expected calibration error (10 equal-width bins) of the best guess's confidence. */
function calibration(set: readonly { text: string; type: TypologyCode }[], model: TypologyModel): { ece: number; bins: string[] } {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  for (const item of set) {
    const best = typologySuggest(item.text, model).candidates[0];
    const confidence = best?.confidence ?? 0;
    const bin = bins[Math.min(9, Math.floor(confidence * 10))]!;
    bin.n++;
    bin.confidence += confidence;
    bin.correct += best?.type === item.type ? 1 : 0;
  }
  const ece = bins.reduce((sum, b) => sum + Math.abs(b.confidence - b.correct), 0) / Math.max(1, set.length);
  return {
    ece,
    bins: bins.flatMap((b, i) => (b.n === 0 ? [] : [`${i / 10}-${(i + 1) / 10}: n=${b.n} said ${round(b.confidence / b.n)} right ${round(b.correct / b.n)}`])),
  };
}

const summary = (e: TypologyEvaluation): Record<string, number> => ({
  n: e.n,
  accuracy: round(e.accuracy),
  formal_informal_accuracy: round(e.formalInformalAccuracy),
  macro_f1: round(e.macroF1),
  unanswered: e.unanswered,
});

function report(name: string, set: readonly { text: string; type: TypologyCode }[], model: TypologyModel): void {
  const t1 = performance.now();
  const suggestions = set.map((i) => typologySuggest(i.text, model));
  const ms = (performance.now() - t1) / Math.max(1, set.length);
  const byText = new Map(set.map((item, i) => [item.text, suggestions[i]!]));
  const shown = typologyEvaluate(set, (t) => byText.get(t)!.type);
  const bestGuess = typologyEvaluate(set, (t) => byText.get(t)!.candidates[0]?.type ?? null);
  const majority = typologyEvaluate(set, typologyMajorityBaseline(items));
  const keywords = typologyEvaluate(set, typologyKeywordBaseline());
  const { ece, bins } = calibration(set, model);
  const states = { SUGGESTED: 0, TWO_CLOSE: 0, TELL_US_MORE: 0 };
  let twoRight = 0;
  suggestions.forEach((s, i) => {
    states[s.state]++;
    if (s.state === 'TWO_CLOSE' && s.candidates.some((c) => c.type === set[i]!.type)) twoRight++;
  });
  line({
    case: name,
    ...summary(shown),
    best_guess_accuracy: round(bestGuess.accuracy),
    best_guess_formal_informal_accuracy: round(bestGuess.formalInformalAccuracy),
    ece_points: round(ece * 100),
    ms_per_suggestion: round(ms),
    states,
    two_close_contains_truth: states.TWO_CLOSE === 0 ? null : round(twoRight / states.TWO_CLOSE),
  });
  line({ case: name, baseline: 'majority-class', ...summary(majority) });
  line({ case: name, baseline: 'keyword-rules-only', ...summary(keywords) });
  line({ case: `${name}-calibration`, bins });
  line({
    case: `${name}-per-type`,
    per_type: Object.fromEntries(
      bestGuess.perType.map((t) => [t.type, { n: t.n, precision: round(t.precision), recall: round(t.recall), f1: round(t.f1) }]),
    ),
  });
  // rows: true type; columns: best guess, in protocol order 1–11
  line({
    case: `${name}-confusion`,
    columns: TYPOLOGY_CODES.map((_, i) => i + 1),
    rows: Object.fromEntries(TYPOLOGY_CODES.map((t, i) => [`${i + 1} ${t}`, TYPOLOGY_CODES.map((p) => bestGuess.confusion[t]?.[p] ?? 0).join(' ')])),
  });
}

report('hard-heldout', hard, built.model);
report('older-heldout', olderHeldout, built.model);

/**
 * Learning from confirmations: a network's teachers confirm the types of half of a held-out
 * set, one after another; accuracy is measured on the other half (never confirmed), then the
 * halves swap. Items alternate between halves per type, and arrive in id order.
 */
function learningCurve(name: string, set: readonly { id?: string; text: string; type: TypologyCode }[]): void {
  const sorted = [...set].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : (a.id ?? '') < (b.id ?? '') ? -1 : 1));
  const seenPerType = new Map<string, number>();
  const halves: [typeof sorted, typeof sorted] = [[], []];
  for (const item of sorted) {
    const k = seenPerType.get(item.type) ?? 0;
    seenPerType.set(item.type, k + 1);
    halves[k % 2]!.push(item);
  }
  // arrival order: interleave the types so that early confirmations are of mixed types
  const arrival = (half: typeof sorted): typeof sorted =>
    [...half].sort((a, b) => {
      const ka = half.filter((x) => x.type === a.type).indexOf(a);
      const kb = half.filter((x) => x.type === b.type).indexOf(b);
      return ka - kb || TYPOLOGY_CODES.indexOf(a.type) - TYPOLOGY_CODES.indexOf(b.type);
    });
  const steps = [0, 11, 22, Number.POSITIVE_INFINITY];
  const points = steps.map((step) => {
    let correct = 0;
    let total = 0;
    let confirmed = 0;
    for (const [learn, test] of [
      [halves[0], halves[1]],
      [halves[1], halves[0]],
    ] as const) {
      const confirmations = arrival(learn)
        .slice(0, step)
        .map((i) => ({ type: i.type, features: typologyConfirmationFeatures(i.text) }));
      confirmed += confirmations.length;
      const model = typologyModelAdapt(built.model, confirmations);
      for (const item of test) {
        total++;
        if (typologySuggest(item.text, model).candidates[0]?.type === item.type) correct++;
      }
    }
    return { confirmed_per_half: Math.round(confirmed / 2), accuracy_on_other_half: round(correct / total) };
  });
  line({ case: `${name}-learning-from-confirmations`, points });
}

learningCurve('network-simulation', network);
learningCurve('hard-heldout', hard);
learningCurve('older-heldout', olderHeldout);
