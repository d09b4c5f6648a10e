// Rebuilds src/engine/typology/model.json from the build split of the labelled set:
//   npx tsx scripts/build-typology-model.ts
// Held-out items (the `heldout` split of labelled.json and all of heldout-hard.json) are never
// passed on: this script gives the builder build items only, and the builder drops the rest too.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { typologyModelBuildDetailed, typologyModelSerialize, type TypologyLabelledItem } from '../src/engine/typology/index.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'engine', 'typology');
const data = JSON.parse(readFileSync(path.join(dir, 'data', 'labelled.json'), 'utf8')) as { items: TypologyLabelledItem[] };
const buildItems = data.items.filter((item) => item.split === 'build');
const result = typologyModelBuildDetailed(buildItems);
const { model } = result;
const best = result.selection.find((s) => s.alpha === model.alpha && s.ruleWeight === model.ruleWeight && s.cueWeight === model.cueWeight);
writeFileSync(path.join(dir, 'model.json'), typologyModelSerialize(model));
process.stdout.write(
  `${JSON.stringify({
    buildItems: result.buildItems,
    heldoutItemsNotUsed: data.items.length - buildItems.length,
    features: Object.keys(model.features).length,
    alpha: model.alpha,
    ruleWeight: model.ruleWeight,
    cueWeight: model.cueWeight,
    temperature: model.temperature,
    cvAccuracy: best?.cvAccuracy ?? null,
  })}\n`,
);
