import type { Tx } from '../../db/client.ts';
import type { AuthorizedNetworkId } from '../foundation/auth/types.ts';
import { getFollowUpDays, listEffectCountsOf } from './follow-up/data.ts';
import { effectPresent, effectSentenceNl } from './follow-up/rules.ts';
import type { LastingEffect } from './follow-up/schema.ts';

// What other areas may use of the professional record: the anonymous answers to the
// lasting-effect question ("what changed?") of their own items, for their reports and their
// draft practice examples. The record knows the practices only through their ports; a practice
// names its own items here by the source and source id it offers in `recordActivitySources`.

export type { LastingEffect } from './follow-up/schema.ts';
export { EFFECT_MIN_ANSWERS } from './follow-up/schema.ts';

/** One record activity of a practice item, by the source and id its practice offers the record. */
export interface EffectItem { source: string; sourceId: string }

/**
 * "What changed?" per group of record activities (a group is one edition, offer, host, leerlab …):
 * asked, answered, and the three counts only from EFFECT_MIN_ANSWERS answers on (the small-numbers
 * rule). Every key of `groups` gets an answer, zeros when nothing was asked yet. One query.
 */
export async function effectCountsFor(tx: Tx, networkId: AuthorizedNetworkId, groups: Record<string, readonly EffectItem[]>): Promise<Record<string, LastingEffect>> {
  const items = Object.entries(groups).flatMap(([key, list]) => list.map((i) => ({ key, ...i })));
  const [raw, afterDays] = await Promise.all([listEffectCountsOf(tx, networkId, items), getFollowUpDays(tx, networkId)]);
  return Object.fromEntries(Object.keys(groups).map((key) => [key, effectPresent(raw.get(key) ?? { asked: 0, changed: 0, partly: 0, unchanged: 0 }, afterDays)]));
}

/** The counts of one group of record activities (see effectCountsFor). */
export async function effectCountFor(tx: Tx, networkId: AuthorizedNetworkId, items: readonly EffectItem[]): Promise<LastingEffect> {
  return (await effectCountsFor(tx, networkId, { item: items })).item!;
}

/**
 * The sentence a draft practice example gets about the lasting effect (Dutch, singular and plural),
 * e.g. "3 maanden later zeiden 12 van de 17 docenten die antwoordden dat ze iets anders denken of
 * doen (5 duidelijk, 7 deels)."; empty when nobody answered yet.
 */
export async function effectSentenceFor(tx: Tx, networkId: AuthorizedNetworkId, items: readonly EffectItem[]): Promise<string> {
  return effectSentenceNl(await effectCountFor(tx, networkId, items));
}
