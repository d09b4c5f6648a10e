import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationProposals, cocreationProposalEdits } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { EditOp } from './schema.ts';

export async function createEdit(tx: Tx, networkId: AuthorizedNetworkId, proposalId: string, version: number, op: EditOp, text: string, participantId: string, at: Date) {
  await tx.insert(cocreationProposalEdits).values({ networkId, proposalId, version, op, participantId, createdAt: at });
  await tx.update(cocreationProposals).set({ text, version })
    .where(and(eq(cocreationProposals.networkId, networkId), eq(cocreationProposals.id, proposalId)));
}

/** What a choice statement found of the proposal: whether it exists in the session, and its decision. */
export interface ProposalFound { found: boolean; decision: string | null }

/**
 * Sets (0: removes) a participant's dots on an open proposal of the session when all their dots
 * together stay within `budget`, in one statement; returns what it found and the dots the
 * participant gave to the session's other proposals. Nothing is written when the proposal is
 * missing or decided or the budget would be exceeded. Run under the session's lock
 * (`runParticipantChange`) so no other vote of the participant commits in between.
 */
export async function upsertVoteWithinBudget(
  tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, proposalId: string, participantId: string, dots: number, budget: number,
): Promise<ProposalFound & { dotsElsewhere: number }> {
  const result = await tx.execute<{ found: boolean; decision: string | null; dotsElsewhere: number }>(sql`
    with pr as (
      select id, decision from cocreation_proposals where network_id = ${networkId}::uuid and session_id = ${sessionId}::uuid and id = ${proposalId}::uuid
    ),
    spent as (
      select coalesce(sum(v.dots), 0)::int as dots from cocreation_votes v join cocreation_proposals q on q.id = v.proposal_id
      where v.network_id = ${networkId}::uuid and q.session_id = ${sessionId}::uuid and v.participant_id = ${participantId}::uuid and v.proposal_id <> ${proposalId}::uuid
    ),
    put as (
      insert into cocreation_votes (network_id, proposal_id, participant_id, dots)
      select ${networkId}::uuid, pr.id, ${participantId}::uuid, ${dots}::int from pr, spent
      where pr.decision is null and ${dots}::int > 0 and spent.dots + ${dots}::int <= ${budget}::int
      on conflict (proposal_id, participant_id) do update set dots = excluded.dots
      returning 1
    ),
    removed as (
      delete from cocreation_votes v using pr
      where ${dots}::int = 0 and pr.decision is null and v.network_id = ${networkId}::uuid and v.proposal_id = pr.id and v.participant_id = ${participantId}::uuid
      returning 1
    )
    select exists (select 1 from pr) as found, (select decision from pr) as decision, (select dots from spent) as "dotsElsewhere"`);
  const row = result.rows[0]!;
  return { found: row.found, decision: row.decision, dotsElsewhere: Number(row.dotsElsewhere) };
}

/**
 * Sets a participant's consent or objection (`valid`: an objection has its reason) on an open
 * proposal of the session, in one statement; returns what it found. Nothing is written when the
 * proposal is missing or decided, or when not `valid`.
 */
export async function upsertConsentOnOpen(
  tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, proposalId: string, participantId: string,
  position: 'consent' | 'objection', reason: string | null, valid: boolean,
): Promise<ProposalFound> {
  const result = await tx.execute<{ found: boolean; decision: string | null }>(sql`
    with pr as (
      select id, decision from cocreation_proposals where network_id = ${networkId}::uuid and session_id = ${sessionId}::uuid and id = ${proposalId}::uuid
    ),
    put as (
      insert into cocreation_consents (network_id, proposal_id, participant_id, position, reason)
      select ${networkId}::uuid, pr.id, ${participantId}::uuid, ${position}::text, ${reason}::text from pr
      where pr.decision is null and ${valid}::boolean
      on conflict (proposal_id, participant_id) do update set position = excluded.position, reason = excluded.reason
      returning 1
    )
    select exists (select 1 from pr) as found, (select decision from pr) as decision`);
  const row = result.rows[0]!;
  return { found: row.found, decision: row.decision };
}

export async function updateDecision(tx: Tx, networkId: AuthorizedNetworkId, proposalId: string, decision: string, decidedText: string | null, decidedBy: string, at: Date) {
  await tx.update(cocreationProposals).set({ decision, decidedText, decidedBy, decidedAt: at })
    .where(and(eq(cocreationProposals.networkId, networkId), eq(cocreationProposals.id, proposalId)));
}
