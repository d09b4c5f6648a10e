import { and, asc, eq, gt } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationProposals, cocreationProposalEdits } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { EditOp } from './schema.ts';

export async function getProposal(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, id: string) {
  const [row] = await tx.select().from(cocreationProposals)
    .where(and(eq(cocreationProposals.networkId, networkId), eq(cocreationProposals.sessionId, sessionId), eq(cocreationProposals.id, id))).limit(1);
  return row;
}

/** The edits applied after `version`, in order. */
export async function listEditsSince(tx: Tx, networkId: AuthorizedNetworkId, proposalId: string, version: number): Promise<EditOp[]> {
  const rows = await tx.select({ op: cocreationProposalEdits.op }).from(cocreationProposalEdits)
    .where(and(eq(cocreationProposalEdits.networkId, networkId), eq(cocreationProposalEdits.proposalId, proposalId), gt(cocreationProposalEdits.version, version)))
    .orderBy(asc(cocreationProposalEdits.version));
  return rows.map((r) => r.op as EditOp);
}
