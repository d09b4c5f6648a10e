// Typology suggestion accuracy on the held-out part of the labelled Dutch set.
// The model is rebuilt here from the build split only and must equal the checked-in
// model.json; it is then scored on the held-out items, next to two baselines measured in the
// same run (majority class, keyword rules alone). Prints JSON lines.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  typologyEvaluate,
  typologyKeywordBaseline,
  typologyMajorityBaseline,
  typologyModelBuildDetailed,
  typologyModelSerialize,
  typologySuggest,
  type TypologyEvaluation,
  type TypologyLabelledItem,
} from '../../src/engine/typology/index.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'engine', 'typology');
const items = (JSON.parse(readFileSync(path.join(dir, 'data', 'labelled.json'), 'utf8')) as { items: TypologyLabelledItem[] }).items;
const checkedIn = readFileSync(path.join(dir, 'model.json'), 'utf8');
const heldout = items.filter((i) => i.split === 'heldout');
const round = (x: number): number => Math.round(x * 1000) / 1000;
const line = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify({ suite: 'typology', ...o })}\n`);

const t0 = performance.now();
const built = typologyModelBuildDetailed(items);
const buildMs = performance.now() - t0;
const serialized = typologyModelSerialize(built.model);
const matches = serialized === checkedIn;
// the builder must give the same model when it never sees the held-out items at all
const buildOnly = typologyModelSerialize(typologyModelBuildDetailed(items.filter((i) => i.split === 'build')).model);
const chosen = built.selection.find((s) => s.alpha === built.model.alpha && s.ruleWeight === built.model.ruleWeight);
line({
  case: 'model',
  build_items: built.buildItems,
  heldout_items: heldout.length,
  features: Object.keys(built.model.features).length,
  alpha: built.model.alpha,
  rule_weight: built.model.ruleWeight,
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

const summary = (e: TypologyEvaluation): Record<string, number> => ({
  n: e.n,
  accuracy: round(e.accuracy),
  formal_informal_accuracy: round(e.formalInformalAccuracy),
  macro_f1: round(e.macroF1),
  unanswered: e.unanswered,
});
const t1 = performance.now();
const model = typologyEvaluate(heldout, (text) => typologySuggest(text, built.model).type);
const suggestMs = performance.now() - t1;
const majority = typologyEvaluate(heldout, typologyMajorityBaseline(items));
const keywords = typologyEvaluate(heldout, typologyKeywordBaseline());
line({
  case: 'heldout',
  ...summary(model),
  peer: 'majority-class',
  peer_accuracy: round(majority.accuracy),
  peer_macro_f1: round(majority.macroF1),
  ms_per_suggestion: round(suggestMs / Math.max(1, heldout.length)),
});
line({ case: 'heldout', ...summary(model), peer: 'keyword-rules-only', peer_accuracy: round(keywords.accuracy), peer_macro_f1: round(keywords.macroF1), peer_unanswered: keywords.unanswered });
line({
  case: 'heldout-per-type',
  per_type: Object.fromEntries(
    model.perType.map((t) => [t.type, { n: t.n, precision: round(t.precision), recall: round(t.recall), f1: round(t.f1) }]),
  ),
});
const errors = Object.entries(model.confusion)
  .flatMap(([truth, row]) => Object.entries(row).filter(([guess]) => guess !== truth).map(([guess, count]) => ({ true: truth, predicted: guess, count })))
  .sort((a, b) => b.count - a.count || (a.true < b.true ? -1 : 1));
line({ case: 'heldout-confusion', errors });
