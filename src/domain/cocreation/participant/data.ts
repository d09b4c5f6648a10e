import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import {
  cocreationParticipants, cocreationSubgroups, cocreationMarks, cocreationAttachments, cocreationVotes, cocreationConsents, cocreationStatements,
} from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export type ParticipantRow = typeof cocreationParticipants.$inferSelect;

export async function getParticipantByToken(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, tokenHash: string): Promise<ParticipantRow | undefined> {
  const [row] = await tx.select().from(cocreationParticipants)
    .where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.sessionId, sessionId), eq(cocreationParticipants.tokenHash, tokenHash))).limit(1);
  return row;
}

export async function getParticipantByPerson(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, personId: string): Promise<ParticipantRow | undefined> {
  const [row] = await tx.select().from(cocreationParticipants)
    .where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.sessionId, sessionId), eq(cocreationParticipants.personId, personId))).limit(1);
  return row;
}

/** The session's subgroups with how many people each holds, smallest first. */
export async function listSubgroupSizes(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  return tx
    .select({ id: cocreationSubgroups.id, size: sql<number>`(select count(*)::int from ${cocreationParticipants} p where p.subgroup_id = ${cocreationSubgroups.id})` })
    .from(cocreationSubgroups)
    .where(and(eq(cocreationSubgroups.networkId, networkId), eq(cocreationSubgroups.sessionId, sessionId)))
    .orderBy(asc(sql`2`), asc(cocreationSubgroups.position));
}

/** What this participant marked, attached, voted and consented to. */
export async function readParticipantChoices(tx: Tx, networkId: AuthorizedNetworkId, participantId: string) {
  const [marks, attachments, votes, consents, statements] = await Promise.all([
    tx.select({ statementId: cocreationMarks.statementId, mark: cocreationMarks.mark }).from(cocreationMarks)
      .where(and(eq(cocreationMarks.networkId, networkId), eq(cocreationMarks.participantId, participantId))),
    tx.select({ statementId: cocreationAttachments.statementId, domainKey: cocreationAttachments.domainKey }).from(cocreationAttachments)
      .where(and(eq(cocreationAttachments.networkId, networkId), eq(cocreationAttachments.participantId, participantId))),
    tx.select({ proposalId: cocreationVotes.proposalId, dots: cocreationVotes.dots }).from(cocreationVotes)
      .where(and(eq(cocreationVotes.networkId, networkId), eq(cocreationVotes.participantId, participantId))),
    tx.select({ proposalId: cocreationConsents.proposalId, position: cocreationConsents.position, reason: cocreationConsents.reason }).from(cocreationConsents)
      .where(and(eq(cocreationConsents.networkId, networkId), eq(cocreationConsents.participantId, participantId))),
    tx.select({ id: cocreationStatements.id }).from(cocreationStatements)
      .where(and(eq(cocreationStatements.networkId, networkId), eq(cocreationStatements.participantId, participantId))),
  ]);
  return { marks, attachments, votes, consents, statements };
}
