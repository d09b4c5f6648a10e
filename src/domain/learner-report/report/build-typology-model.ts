import {
  TYPOLOGY_MODEL, typologyConfirmationFeatures, typologyIsCode, typologyModelAdapt, typologySuggest,
  type TypologyConfirmation, type TypologyModel, type TypologySuggestion,
} from '../../../engine/typology/index.ts';
import type { AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { getNetworkSettings, getTypologyConfirmationStamp, listTypologyConfirmations } from './data.ts';
import { learnerReportActivityText } from './rules.ts';
import type { LearnerReportContent } from './schema.ts';

// Each network's typology model: the shipped model plus the types its teachers confirmed in
// completed reports (features only, never text), unless the network switched learning off.
// The adapted model is a pure function of the confirmations; it is cached per network and
// rebuilt when the confirmations change (a count-and-latest stamp read per suggestion).

const cache = new Map<string, { stamp: string; model: TypologyModel }>();
const CACHE_LIMIT = 200;

export async function buildNetworkTypologyModel(deps: Deps, nid: AuthorizedNetworkId): Promise<TypologyModel> {
  const settings = await getNetworkSettings(deps.db, nid);
  if (settings && !settings.typologyLearning) return TYPOLOGY_MODEL;
  const stamp = await getTypologyConfirmationStamp(deps.db, nid);
  if (stamp.startsWith('0:')) return TYPOLOGY_MODEL;
  const hit = cache.get(nid);
  if (hit && hit.stamp === stamp) return hit.model;
  const confirmations: TypologyConfirmation[] = (await listTypologyConfirmations(deps.db, nid)).flatMap((r) => (
    typologyIsCode(r.type) && Array.isArray(r.features) ? [{ type: r.type, features: (r.features as unknown[]).map(String) }] : []
  ));
  const model = typologyModelAdapt(TYPOLOGY_MODEL, confirmations);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(nid, { stamp, model });
  return model;
}

/** The suggestion for a text with the network's model. */
export async function buildNetworkTypologySuggestion(deps: Deps, nid: AuthorizedNetworkId, text: string): Promise<TypologySuggestion> {
  return typologySuggest(text, await buildNetworkTypologyModel(deps, nid));
}

/** What a completed report teaches the network's model: each typed activity's type and text features. */
export function buildTypologyConfirmations(content: LearnerReportContent): { activityId: string; type: string; features: string[] }[] {
  return content.activities.flatMap((a) => (a.type ? [{ activityId: a.id, type: a.type, features: typologyConfirmationFeatures(learnerReportActivityText(a)) }] : []));
}
