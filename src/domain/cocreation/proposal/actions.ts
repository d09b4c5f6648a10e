import { AppError } from '../../../lib/errors.ts';
import type { Tx } from '../../../db/client.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { runParticipantChange, runParticipantChoice } from '../participant/actions.ts';
import { lockSessionForChange, readBoard } from '../session/actions.ts';
import { policyCocreationFacilitate } from '../session/policy.ts';
import { sessionActivityAllowed } from '../session/rules.ts';
import type { Board } from '../session/schema.ts';
import { getProposal, listEditsSince, sumDotsElsewhere } from './data.ts';
import { createEdit, upsertVote, upsertConsent, updateDecision } from './mutations.ts';
import { proposalEditApply, proposalEditTransform, proposalEditIsNoop, proposalDotsLeft } from './rules.ts';
import { PROPOSAL_TEXT_MAX } from './schema.ts';
import type { ConsentInput, DecisionInput, ProposalEditInput, ProposalEditResult, VoteResult } from './schema.ts';

/** A decided proposal is closed: checked again under the session's lock, after a decision may have committed. */
async function proposalStillOpen(tx: Tx, nid: AuthorizedNetworkId, sessionId: string, proposalId: string): Promise<void> {
  if ((await getProposal(tx, nid, sessionId, proposalId))?.decision) throw new AppError('COCREATION_DECIDED');
}

// Step 3: a subgroup writes its proposal together; step 4: dots, consent, and the facilitator's decision.

export async function editCocreationProposal(
  deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, proposalId: string, input: ProposalEditInput,
): Promise<ProposalEditResult> {
  return runParticipantChange(deps, sessionId, token, actor, 'edit', async (tx, nid, session, participant) => {
    const proposal = await getProposal(tx, nid, sessionId, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    if (proposal.subgroupId && proposal.subgroupId !== participant.subgroupId) throw new AppError('COCREATION_NOT_IN_SUBGROUP');
    if (input.baseVersion > proposal.version) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'baseVersion', code: 'FIELD_INVALID' }] });
    let op = input.op;
    for (const later of await listEditsSince(tx, nid, proposalId, input.baseVersion)) op = proposalEditTransform(op, later);
    if (proposalEditIsNoop(op)) return { id: proposalId, text: proposal.text, version: proposal.version, seq: session.seq };
    const text = proposalEditApply(proposal.text, op);
    if (text.length > PROPOSAL_TEXT_MAX) throw new AppError('COCREATION_TEXT_TOO_LONG', { params: { max: PROPOSAL_TEXT_MAX } });
    await createEdit(tx, nid, proposalId, proposal.version + 1, op, text, participant.id, deps.now());
    return { id: proposalId, text, version: proposal.version + 1, seq: session.seq };
  }, { proposalId });
}

/** Sets the participant's dots on one proposal; all their dots together stay within the session's budget. */
export async function voteCocreationProposal(
  deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, proposalId: string, dots: number,
): Promise<VoteResult> {
  return runParticipantChoice(deps, sessionId, token, actor, 'vote', async (tx, nid, session, participant) => {
    const proposal = await getProposal(tx, nid, sessionId, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    if (proposal.decision) throw new AppError('COCREATION_DECIDED');
    const left = proposalDotsLeft(session.dotBudget, await sumDotsElsewhere(tx, nid, sessionId, participant.id, proposalId));
    if (dots > left) throw new AppError('COCREATION_DOT_BUDGET', { params: { budget: session.dotBudget, left } });
    await upsertVote(tx, nid, proposalId, participant.id, dots);
    return { proposalId, dots, dotsLeft: left - dots, seq: session.seq };
  }, { proposalId }, (tx, nid) => proposalStillOpen(tx, nid, sessionId, proposalId));
}

export async function consentCocreationProposal(
  deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, proposalId: string, input: ConsentInput,
): Promise<{ proposalId: string; position: 'consent' | 'objection'; seq: number }> {
  return runParticipantChoice(deps, sessionId, token, actor, 'consent', async (tx, nid, session, participant) => {
    const proposal = await getProposal(tx, nid, sessionId, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    if (proposal.decision) throw new AppError('COCREATION_DECIDED');
    const reason = input.reason?.trim() || null;
    if (input.position === 'objection' && !reason) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'reason', code: 'FIELD_COCREATION_REASON_REQUIRED' }] });
    }
    await upsertConsent(tx, nid, proposalId, participant.id, input.position, input.position === 'objection' ? reason : null);
    return { proposalId, position: input.position, seq: session.seq };
  }, { proposalId }, (tx, nid) => proposalStillOpen(tx, nid, sessionId, proposalId));
}

/** The facilitator records what the group decided about a proposal. */
export async function decideCocreationProposal(deps: Deps, actor: Actor, networkId: string, sessionId: string, proposalId: string, input: DecisionInput): Promise<Board> {
  const nid = policyCocreationFacilitate(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const session = await lockSessionForChange(tx, nid, sessionId, { proposalId });
    if (!sessionActivityAllowed('decide', session.step)) throw new AppError('COCREATION_STEP_CLOSED', { params: { step: session.step } });
    const proposal = await getProposal(tx, nid, sessionId, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    const text = input.outcome === 'amended' ? input.text ?? '' : input.outcome === 'accepted' ? proposal.text : null;
    await updateDecision(tx, nid, proposalId, input.outcome, text, actor.personId, deps.now());
    await recordAudit(tx, nid, actor.personId, 'cocreation.proposal.decide', 'cocreation_proposal', proposalId, { outcome: input.outcome });
  });
  return readBoard(deps, nid, sessionId);
}
