import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationAgreements } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { AgreementInput } from './schema.ts';

export async function createAgreement(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, input: AgreementInput, at: Date) {
  const [row] = await tx.insert(cocreationAgreements)
    .values({ networkId, sessionId, title: input.title, ownerName: input.ownerName, ownerEmail: input.ownerEmail ?? null, dueDate: input.dueDate, createdAt: at })
    .returning({ id: cocreationAgreements.id });
  return row!.id;
}

export async function deleteAgreement(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(cocreationAgreements).where(and(eq(cocreationAgreements.networkId, networkId), eq(cocreationAgreements.id, id)));
}

/** Claims one reminder of an agreement (once, also with several app servers at once); false when already sent. */
export async function updateAgreementReminded(tx: Tx, networkId: AuthorizedNetworkId, id: string, which: 'before' | 'due', at: Date): Promise<boolean> {
  const column = which === 'before' ? cocreationAgreements.remindedBeforeAt : cocreationAgreements.remindedDueAt;
  const rows = await tx.update(cocreationAgreements)
    .set(which === 'before' ? { remindedBeforeAt: at } : { remindedDueAt: at, remindedBeforeAt: at })
    .where(and(eq(cocreationAgreements.networkId, networkId), eq(cocreationAgreements.id, id), isNull(column)))
    .returning({ id: cocreationAgreements.id });
  return rows.length > 0;
}
