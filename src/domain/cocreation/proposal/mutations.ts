import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationProposals, cocreationProposalEdits, cocreationVotes, cocreationConsents } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { EditOp } from './schema.ts';

export async function createEdit(tx: Tx, networkId: AuthorizedNetworkId, proposalId: string, version: number, op: EditOp, text: string, participantId: string, at: Date) {
  await tx.insert(cocreationProposalEdits).values({ networkId, proposalId, version, op, participantId, createdAt: at });
  await tx.update(cocreationProposals).set({ text, version })
    .where(and(eq(cocreationProposals.networkId, networkId), eq(cocreationProposals.id, proposalId)));
}

export async function upsertVote(tx: Tx, networkId: AuthorizedNetworkId, proposalId: string, participantId: string, dots: number) {
  if (dots === 0) {
    await tx.delete(cocreationVotes).where(and(eq(cocreationVotes.networkId, networkId), eq(cocreationVotes.proposalId, proposalId), eq(cocreationVotes.participantId, participantId)));
    return;
  }
  await tx.insert(cocreationVotes).values({ networkId, proposalId, participantId, dots })
    .onConflictDoUpdate({ target: [cocreationVotes.proposalId, cocreationVotes.participantId], set: { dots } });
}

export async function upsertConsent(tx: Tx, networkId: AuthorizedNetworkId, proposalId: string, participantId: string, position: 'consent' | 'objection', reason: string | null) {
  await tx.insert(cocreationConsents).values({ networkId, proposalId, participantId, position, reason })
    .onConflictDoUpdate({ target: [cocreationConsents.proposalId, cocreationConsents.participantId], set: { position, reason } });
}

export async function updateDecision(tx: Tx, networkId: AuthorizedNetworkId, proposalId: string, decision: string, decidedText: string | null, decidedBy: string, at: Date) {
  await tx.update(cocreationProposals).set({ decision, decidedText, decidedBy, decidedAt: at })
    .where(and(eq(cocreationProposals.networkId, networkId), eq(cocreationProposals.id, proposalId)));
}
