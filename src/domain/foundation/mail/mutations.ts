import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { mailOutbox } from '../../../db/schema/index.ts';

export async function createOutboxMessage(
  tx: Tx,
  values: { networkId: string | null; to: string; subject: string; text: string; html?: string | null; ical?: string | null; icalMethod?: string | null },
): Promise<string> {
  const [row] = await tx.insert(mailOutbox).values({ ...values, status: 'stored' }).returning({ id: mailOutbox.id });
  return row!.id;
}

export async function updateOutboxStatus(tx: Tx, id: string, status: 'sent' | 'failed', error: string | null, at: Date) {
  await tx
    .update(mailOutbox)
    .set({ status, error, sentAt: status === 'sent' ? at : null, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(eq(mailOutbox.id, id));
}
