import { AppError } from '../../../lib/errors.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { runParticipantChange } from '../participant/actions.ts';
import { lockSessionForChange, readBoard } from '../session/actions.ts';
import { policyCocreationFacilitate } from '../session/policy.ts';
import { sessionActivityAllowed } from '../session/rules.ts';
import type { Board } from '../session/schema.ts';
import { getProposal, listEditsSince } from './data.ts';
import { createEdit, upsertVoteWithinBudget, upsertConsentOnOpen, updateDecision } from './mutations.ts';
import { proposalEditApply, proposalEditTransform, proposalEditIsNoop, proposalDotsLeft } from './rules.ts';
import { PROPOSAL_TEXT_MAX } from './schema.ts';
import type { ConsentInput, DecisionInput, ProposalEditInput, ProposalEditResult, VoteResult } from './schema.ts';

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

/**
 * Sets the participant's dots on one proposal; all their dots together stay within the session's
 * budget. The budget check and the write are one statement under the session's lock.
 */
export async function voteCocreationProposal(
  deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, proposalId: string, dots: number,
): Promise<VoteResult> {
  return runParticipantChange(deps, sessionId, token, actor, 'vote', async (tx, nid, session, participant) => {
    const cast = await upsertVoteWithinBudget(tx, nid, sessionId, proposalId, participant.id, dots, session.dotBudget);
    if (!cast.found) throw new AppError('NOT_FOUND');
    if (cast.decision) throw new AppError('COCREATION_DECIDED');
    const left = proposalDotsLeft(session.dotBudget, cast.dotsElsewhere);
    if (dots > left) throw new AppError('COCREATION_DOT_BUDGET', { params: { budget: session.dotBudget, left } });
    return { proposalId, dots, dotsLeft: left - dots, seq: session.seq };
  }, { proposalId });
}

export async function consentCocreationProposal(
  deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined, proposalId: string, input: ConsentInput,
): Promise<{ proposalId: string; position: 'consent' | 'objection'; seq: number }> {
  const reason = input.reason?.trim() || null;
  const valid = input.position === 'consent' || reason !== null;
  return runParticipantChange(deps, sessionId, token, actor, 'consent', async (tx, nid, session, participant) => {
    const given = await upsertConsentOnOpen(tx, nid, sessionId, proposalId, participant.id, input.position, input.position === 'objection' ? reason : null, valid);
    if (!given.found) throw new AppError('NOT_FOUND');
    if (given.decision) throw new AppError('COCREATION_DECIDED');
    if (!valid) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'reason', code: 'FIELD_COCREATION_REASON_REQUIRED' }] });
    return { proposalId, position: input.position, seq: session.seq };
  }, { proposalId });
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
