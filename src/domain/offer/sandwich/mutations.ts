import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { offerSessions, offerReminders } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { SandwichPlanInput } from './schema.ts';

export async function updateSessionPlan(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, values: SandwichPlanInput, now: Date) {
  const set: Partial<typeof offerSessions.$inferInsert> = { planUpdatedAt: now };
  for (const key of ['agenda', 'tasks', 'takeaways', 'feedback'] as const) if (values[key] !== undefined) set[key] = values[key];
  await tx.update(offerSessions).set(set).where(and(eq(offerSessions.networkId, networkId), eq(offerSessions.id, sessionId)));
}

/** Records a reminder once; false when it was sent already (by another app process). */
export async function createReminderOnce(tx: Tx, networkId: AuthorizedNetworkId, registrationId: string, phase: string, now: Date) {
  const rows = await tx.insert(offerReminders).values({ networkId, registrationId, phase, sentAt: now }).onConflictDoNothing().returning({ id: offerReminders.registrationId });
  return rows.length === 1;
}
