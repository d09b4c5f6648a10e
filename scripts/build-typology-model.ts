// Rebuilds src/engine/typology/model.json from the build split of the labelled set:
//   npx tsx scripts/build-typology-model.ts
// Held-out items are never passed on: the builder drops them, and this script checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { typologyModelBuildDetailed, typologyModelSerialize, type TypologyLabelledItem } from '../src/engine/typology/index.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'engine', 'typology');
const data = JSON.parse(readFileSync(path.join(dir, 'data', 'labelled.json'), 'utf8')) as { items: TypologyLabelledItem[] };
const buildItems = data.items.filter((item) => item.split === 'build');
const result = typologyModelBuildDetailed(buildItems);
const best = result.selection.find((s) => s.alpha === result.model.alpha && s.ruleWeight === result.model.ruleWeight);
writeFileSync(path.join(dir, 'model.json'), typologyModelSerialize(result.model));
process.stdout.write(
  `${JSON.stringify({
    buildItems: result.buildItems,
    heldoutItemsNotUsed: data.items.length - buildItems.length,
    features: Object.keys(result.model.features).length,
    alpha: result.model.alpha,
    ruleWeight: result.model.ruleWeight,
    cvAccuracy: best?.cvAccuracy ?? null,
  })}\n`,
);
