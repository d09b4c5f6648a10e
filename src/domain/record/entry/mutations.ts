import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { recordEntrySettings, recordManualActivities, recordSettings } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { RecordEntryChoice, RecordManualInput, RecordManualPatch } from './schema.ts';

// Writes of the record.

export async function createManualActivity(tx: Tx, networkId: AuthorizedNetworkId, personId: string, input: RecordManualInput, at: Date) {
  const [row] = await tx.insert(recordManualActivities).values({ networkId, personId, ...input, createdAt: at }).returning({ id: recordManualActivities.id });
  return row!.id;
}

export async function updateManualActivity(tx: Tx, networkId: AuthorizedNetworkId, id: string, patch: RecordManualPatch) {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await tx.update(recordManualActivities).set(set).where(and(eq(recordManualActivities.networkId, networkId), eq(recordManualActivities.id, id)));
}

export async function deleteManualActivity(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(recordManualActivities).where(and(eq(recordManualActivities.networkId, networkId), eq(recordManualActivities.id, id)));
}

export async function upsertEntrySettings(tx: Tx, networkId: AuthorizedNetworkId, personId: string, key: { source: string; sourceId: string }, choice: RecordEntryChoice, at: Date) {
  const values = Object.fromEntries(Object.entries(choice).filter(([, v]) => v !== undefined));
  await tx.insert(recordEntrySettings).values({ networkId, personId, ...key, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: [recordEntrySettings.networkId, recordEntrySettings.personId, recordEntrySettings.source, recordEntrySettings.sourceId], set: { ...values, updatedAt: at } });
}

export async function upsertRecordSettings(tx: Tx, networkId: AuthorizedNetworkId, values: { followUpDays?: number | undefined }, at: Date) {
  const set = { ...(values.followUpDays !== undefined ? { followUpDays: values.followUpDays } : {}), updatedAt: at };
  await tx.insert(recordSettings).values({ networkId, ...set }).onConflictDoUpdate({ target: recordSettings.networkId, set });
}
