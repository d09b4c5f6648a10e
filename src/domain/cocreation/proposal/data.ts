import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationProposals, cocreationProposalEdits, cocreationVotes } from '../../../db/schema/index.ts';
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

/** Dots the participant gave to the session's other proposals. */
export async function sumDotsElsewhere(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, participantId: string, proposalId: string): Promise<number> {
  const [row] = await tx.select({ dots: sql<number>`coalesce(sum(${cocreationVotes.dots}), 0)::int` })
    .from(cocreationVotes)
    .innerJoin(cocreationProposals, eq(cocreationProposals.id, cocreationVotes.proposalId))
    .where(and(eq(cocreationVotes.networkId, networkId), eq(cocreationProposals.sessionId, sessionId), eq(cocreationVotes.participantId, participantId), ne(cocreationVotes.proposalId, proposalId)));
  return row?.dots ?? 0;
}
