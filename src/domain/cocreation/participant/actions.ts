import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Tx } from '../../../db/client.ts';
import { policyRowNetwork } from '../../foundation/auth/policy.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { getSessionByCode, getSessionNetwork, getSession, type SessionRow } from '../session/data.ts';
import { bumpSession } from '../session/mutations.ts';
import { sessionCodeNormalise, sessionActivityAllowed, type SessionActivity } from '../session/rules.ts';
import { policyCocreationCanFacilitate, policyCocreationFacilitate } from '../session/policy.ts';
import { COCREATION_STEP_ENDED } from '../session/schema.ts';
import type { BoardChange, Mark } from '../session/schema.ts';
import { getParticipantByPerson, getParticipantByToken, listSubgroupSizes, readParticipantChoices, type ParticipantRow } from './data.ts';
import { createParticipant, updateParticipantRateByCredentials, updateParticipantToken, type CountedParticipant } from './mutations.ts';
import type { JoinInput, JoinResult, ParticipantState } from './schema.ts';

// Joining a session and recognising a participant again. A participant holds a random token
// (an HttpOnly cookie scoped to the session's API path); only its hash is stored. A logged-in
// member of the session's network joins as themselves and is recognised by their account too.

/** Writes per participant per window: more is a flood, refused with 429 while the session runs on. */
export const PARTICIPANT_RATE_LIMIT = 50;
export const PARTICIPANT_RATE_WINDOW_MS = 10_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function joinCocreationSession(deps: Deps, actor: Actor | undefined, input: JoinInput): Promise<JoinResult & { token: string }> {
  const found = await getSessionByCode(deps.db, sessionCodeNormalise(input.code));
  if (!found) throw new AppError('COCREATION_CODE_UNKNOWN');
  if (found.step === COCREATION_STEP_ENDED) throw new AppError('COCREATION_SESSION_ENDED');
  if (found.codeExpiresAt.getTime() <= deps.now().getTime()) throw new AppError('COCREATION_CODE_EXPIRED');
  const nid = policyRowNetwork(found.networkId, 'token');
  const membership = actor?.memberships.find((m) => m.networkId === found.networkId);
  const displayName = membership ? actor!.name : input.displayName?.trim() ?? '';
  if (!displayName) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'displayName', code: 'FIELD_REQUIRED' }] });
  const token = randomBytes(32).toString('base64url');
  const participant = await deps.db.transaction(async (tx) => {
    const session = await bumpSession(tx, nid, found.id);
    if (!session || session.step === COCREATION_STEP_ENDED) throw new AppError('COCREATION_SESSION_ENDED');
    if (membership) {
      const existing = await getParticipantByPerson(tx, nid, found.id, actor!.personId);
      if (existing) {
        await updateParticipantToken(tx, nid, existing.id, hashToken(token));
        return existing;
      }
    }
    const [smallest] = await listSubgroupSizes(tx, nid, found.id);
    return createParticipant(tx, nid, {
      sessionId: found.id, tokenHash: hashToken(token), displayName,
      personId: membership ? actor!.personId : null, institutionId: membership?.institutionId ?? null, subgroupId: smallest?.id ?? null,
    }, deps.now());
  });
  return { sessionId: found.id, participantId: participant.id, displayName: participant.displayName, token };
}

/** The participant behind a request (token cookie, or a logged-in member who joined), or COCREATION_NOT_JOINED. */
export async function authenticateParticipant(
  tx: Tx,
  sessionId: string,
  token: string | undefined,
  actor: Actor | undefined,
): Promise<{ nid: AuthorizedNetworkId; participant: ParticipantRow }> {
  const networkId = await getSessionNetwork(tx, sessionId);
  if (!networkId) throw new AppError('NOT_FOUND');
  const nid = policyRowNetwork(networkId, 'token');
  let participant = token ? await getParticipantByToken(tx, nid, sessionId, hashToken(token)) : undefined;
  if (!participant && actor?.memberships.some((m) => m.networkId === networkId)) participant = await getParticipantByPerson(tx, nid, sessionId, actor.personId);
  if (!participant) throw new AppError('COCREATION_NOT_JOINED');
  return { nid, participant };
}

/** Who may watch the board: a participant, or the session network's facilitator (projector). */
export async function authenticateViewer(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined): Promise<AuthorizedNetworkId> {
  const networkId = await getSessionNetwork(deps.db, sessionId);
  if (!networkId) throw new AppError('NOT_FOUND');
  if (policyCocreationCanFacilitate(actor, networkId)) return policyCocreationFacilitate(actor!, networkId);
  return (await authenticateParticipant(deps.db, sessionId, token, actor)).nid;
}

/** A participant's own choices, for their screen after a reload. */
export async function readParticipantState(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined): Promise<ParticipantState> {
  const { nid, participant } = await authenticateParticipant(deps.db, sessionId, token, actor);
  const session = await getSession(deps.db, nid, sessionId);
  const choices = await readParticipantChoices(deps.db, nid, participant.id);
  const attachments: Record<string, string[]> = {};
  for (const a of choices.attachments) (attachments[a.statementId] ??= []).push(a.domainKey);
  const spent = choices.votes.reduce((sum, v) => sum + v.dots, 0);
  return {
    participantId: participant.id,
    displayName: participant.displayName,
    subgroupId: participant.subgroupId,
    marks: Object.fromEntries(choices.marks.map((m) => [m.statementId, m.mark as Mark])),
    attachments,
    votes: Object.fromEntries(choices.votes.map((v) => [v.proposalId, v.dots])),
    dotsLeft: Math.max(0, (session?.dotBudget ?? 0) - spent),
    consents: Object.fromEntries(choices.consents.map((c) => [c.proposalId, { position: c.position as 'consent' | 'objection', reason: c.reason }])),
    ownStatements: choices.statements.map((s) => s.id),
  };
}

/**
 * The participant behind a write, recognised and counted against the flood limit in one statement
 * (committed on its own, so a flood is counted even when its writes are refused): NOT_FOUND (no
 * such session), COCREATION_NOT_JOINED (as `authenticateParticipant`), or COCREATION_RATE_LIMITED
 * past PARTICIPANT_RATE_LIMIT writes in the window.
 */
async function recogniseWriter(deps: Deps, sessionId: string, token: string | undefined, actor: Actor | undefined) {
  const { networkId, participant } = await updateParticipantRateByCredentials(
    deps.db, sessionId, token ? hashToken(token) : null, actor?.personId ?? null, actor?.memberships.map((m) => m.networkId) ?? [],
    deps.now(), PARTICIPANT_RATE_WINDOW_MS,
  );
  if (!networkId) throw new AppError('NOT_FOUND');
  const nid = policyRowNetwork(networkId, 'token');
  if (!participant) throw new AppError('COCREATION_NOT_JOINED');
  if (participant.rateCount > PARTICIPANT_RATE_LIMIT) throw new AppError('COCREATION_RATE_LIMITED', { params: { seconds: Math.ceil(PARTICIPANT_RATE_WINDOW_MS / 1000) } });
  return { nid, participant };
}

const stepAllows = (activity: SessionActivity) => (session: SessionRow | undefined): SessionRow => {
  if (!session) throw new AppError('NOT_FOUND');
  if (session.step === COCREATION_STEP_ENDED) throw new AppError('COCREATION_SESSION_ENDED');
  if (!sessionActivityAllowed(activity, session.step)) throw new AppError('COCREATION_STEP_CLOSED', { params: { step: session.step } });
  return session;
};

/**
 * A participant's change: recognise and count them (one statement), then in one transaction lock
 * the session (changes of one session are applied in order; `bumpSession` also counts the change
 * and notifies every screen on commit), check that the current step allows the activity and run
 * `change`. Round trips: recognise, BEGIN, bump, the change's own statements, COMMIT.
 *
 * A change should be ONE statement that checks and writes (e.g. the dot budget and the vote
 * together). Its snapshot is taken after the session's row lock was granted, so it sees every
 * change committed before (the participant's other votes, a facilitator's decision or step) and
 * nothing of the session changes until this one commits: the lock is held for that statement and
 * the COMMIT only.
 */
export async function runParticipantChange<T>(
  deps: Deps,
  sessionId: string,
  token: string | undefined,
  actor: Actor | undefined,
  activity: SessionActivity,
  change: (tx: Tx, nid: AuthorizedNetworkId, session: SessionRow, participant: CountedParticipant) => Promise<T>,
  changed: BoardChange,
): Promise<T> {
  const { nid, participant } = await recogniseWriter(deps, sessionId, token, actor);
  return deps.db.transaction(async (tx) => change(tx, nid, stepAllows(activity)(await bumpSession(tx, nid, sessionId, changed)), participant));
}
