import { randomBytes } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { policyCocreationFacilitate } from './policy.ts';
import {
  getSession, listSessions, listParticipants, listSubgroups, listProposals, readBoardRows, getProfileVersionOfSession, listBoardStatements, listBoardProposals,
  type SessionRow,
} from './data.ts';
import {
  bumpSession, createSession as insertSession, updateSession, updateSessionStep, updateSessionPresented, replaceSubgroups,
  updateParticipantSubgroup, createProposals,
} from './mutations.ts';
import {
  sessionDefaultFramework, SESSION_DEFAULT_STEP_MINUTES, SESSION_DEFAULT_DOT_BUDGET, SESSION_CODE_DAYS, sessionCodeFromBytes,
  sessionConsensus, sessionSubgroupsBalance, sessionSubgroupCount, sessionProposalPairs,
} from './rules.ts';
import type { Board, BoardChange, BoardDelta, BoardProposal, BoardStatement, Domain, Mark, SessionCreate, SessionDetail, SessionSummary, SessionUpdate, SubgroupsInput } from './schema.ts';
import { COCREATION_STEP_ENDED } from './schema.ts';
import type { Tx } from '../../../db/client.ts';

// Setting up and running a session (the facilitator), and the board every screen shows.

function presentSummary(s: SessionRow, participantCount: number): SessionSummary {
  return {
    id: s.id, title: s.title, profileName: s.profileName, step: s.step, code: s.code, participantCount,
    createdAt: s.createdAt.toISOString(), endedAt: s.endedAt?.toISOString() ?? null,
  };
}

export function sessionJoinUrl(deps: Deps, code: string): string {
  return `${deps.config.PUBLIC_URL.replace(/\/$/, '')}/meedoen?code=${encodeURIComponent(code)}`;
}

async function loadSession(tx: Tx, nid: AuthorizedNetworkId, id: string): Promise<SessionRow> {
  const row = await getSession(tx, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Locks the session for a change by the facilitator; an ended session cannot change. */
export async function lockSessionForChange(tx: Tx, nid: AuthorizedNetworkId, id: string, change?: BoardChange): Promise<SessionRow> {
  const row = await bumpSession(tx, nid, id, change);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.step === COCREATION_STEP_ENDED) throw new AppError('COCREATION_SESSION_ENDED');
  return row;
}

export async function listCocreationSessions(deps: Deps, actor: Actor, networkId: string): Promise<SessionSummary[]> {
  const nid = policyCocreationFacilitate(actor, networkId);
  return (await listSessions(deps.db, nid)).map((r) => presentSummary(r.session, r.participantCount));
}

export async function createCocreationSession(deps: Deps, actor: Actor, networkId: string, input: SessionCreate): Promise<SessionDetail> {
  const nid = policyCocreationFacilitate(actor, networkId);
  const now = deps.now();
  for (let attempt = 0; attempt < 8; attempt++) {
    const id = await deps.db.transaction(async (tx) => {
      const created = await insertSession(tx, nid, {
        title: input.title,
        profileName: input.profileName,
        framework: input.framework ?? sessionDefaultFramework(actor.locale === 'en' ? 'en' : 'nl'),
        stepMinutes: input.stepMinutes ?? SESSION_DEFAULT_STEP_MINUTES,
        dotBudget: input.dotBudget ?? SESSION_DEFAULT_DOT_BUDGET,
        code: sessionCodeFromBytes(randomBytes(8)),
        codeExpiresAt: new Date(now.getTime() + SESSION_CODE_DAYS * 86_400_000),
      }, actor.personId, now);
      if (created) await recordAudit(tx, nid, actor.personId, 'cocreation.session.create', 'cocreation_session', created, { title: input.title });
      return created;
    });
    if (id) return readCocreationSession(deps, actor, networkId, id);
  }
  throw new AppError('CONFLICT');
}

export async function readCocreationSession(deps: Deps, actor: Actor, networkId: string, id: string): Promise<SessionDetail> {
  const nid = policyCocreationFacilitate(actor, networkId);
  const s = await loadSession(deps.db, nid, id);
  const [participants, subgroups, version] = await Promise.all([listParticipants(deps.db, nid, id), listSubgroups(deps.db, nid, id), getProfileVersionOfSession(deps.db, nid, id)]);
  return {
    ...presentSummary(s, participants.length),
    framework: s.framework as Domain[],
    stepMinutes: s.stepMinutes as number[],
    dotBudget: s.dotBudget,
    codeExpiresAt: s.codeExpiresAt.toISOString(),
    joinUrl: sessionJoinUrl(deps, s.code),
    participants: participants.map((p) => ({ id: p.id, displayName: p.displayName, institutionName: p.institutionName, subgroupId: p.subgroupId })),
    subgroups: subgroups.map((g) => ({ id: g.id, name: g.name })),
    profileVersionId: version?.id ?? null,
  };
}

export async function updateCocreationSession(deps: Deps, actor: Actor, networkId: string, id: string, input: SessionUpdate): Promise<SessionDetail> {
  const nid = policyCocreationFacilitate(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const s = await lockSessionForChange(tx, nid, id);
    // The framework and budget shape statements, proposals and votes: they are fixed once those exist.
    if ((input.framework && s.step >= 1) || (input.dotBudget !== undefined && s.step >= 4)) throw new AppError('COCREATION_SETUP_LOCKED');
    await updateSession(tx, nid, id, input);
  });
  return readCocreationSession(deps, actor, networkId, id);
}

async function buildSubgroups(tx: Tx, nid: AuthorizedNetworkId, s: SessionRow, count: number) {
  const participants = await listParticipants(tx, nid, s.id);
  const assignment = sessionSubgroupsBalance(participants.map((p) => ({ id: p.id, institutionId: p.institutionId })), count);
  const names = Array.from({ length: count }, (_, i) => String.fromCharCode(65 + i));
  return replaceSubgroups(tx, nid, s.id, names, assignment);
}

export async function setCocreationSubgroups(deps: Deps, actor: Actor, networkId: string, id: string, input: SubgroupsInput): Promise<SessionDetail> {
  const nid = policyCocreationFacilitate(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const s = await lockSessionForChange(tx, nid, id);
    if (input.count !== undefined) {
      if (s.step >= 3) throw new AppError('COCREATION_SETUP_LOCKED');
      await buildSubgroups(tx, nid, s, input.count);
    }
    if (input.moves?.length) {
      const groups = new Set((await listSubgroups(tx, nid, id)).map((g) => g.id));
      const people = new Set((await listParticipants(tx, nid, id)).map((p) => p.id));
      for (const move of input.moves) {
        if (!groups.has(move.subgroupId) || !people.has(move.participantId)) throw new AppError('NOT_FOUND');
        await updateParticipantSubgroup(tx, nid, id, move.participantId, move.subgroupId);
      }
    }
  });
  return readCocreationSession(deps, actor, networkId, id);
}

/** Moves everyone to `step`. Entering step 3 makes the subgroups (if there are none) and their proposals. */
export async function moveCocreationStep(deps: Deps, actor: Actor, networkId: string, id: string, step: number): Promise<Board> {
  const nid = policyCocreationFacilitate(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const s = await lockSessionForChange(tx, nid, id);
    if (step >= 3 && (await listProposals(tx, nid, id)).length === 0) {
      let groups = (await listSubgroups(tx, nid, id)).map((g) => g.id);
      const domains = s.framework as Domain[];
      if (groups.length === 0) {
        const participants = await listParticipants(tx, nid, id);
        groups = await buildSubgroups(tx, nid, s, sessionSubgroupCount(participants.length, domains.length));
      }
      await createProposals(tx, nid, id, sessionProposalPairs(groups.length, domains.length).map((p) => ({ subgroupId: groups[p.subgroup] ?? null, domainKey: domains[p.domain]!.key })));
    }
    await updateSessionStep(tx, nid, id, step, deps.now());
    await recordAudit(tx, nid, actor.personId, 'cocreation.session.step', 'cocreation_session', id, { from: s.step, to: step });
  });
  return readBoard(deps, nid, id);
}

export async function presentCocreationProposal(deps: Deps, actor: Actor, networkId: string, id: string, proposalId: string | null): Promise<Board> {
  const nid = policyCocreationFacilitate(actor, networkId);
  await deps.db.transaction(async (tx) => {
    await lockSessionForChange(tx, nid, id);
    if (proposalId && !(await listProposals(tx, nid, id)).some((p) => p.id === proposalId)) throw new AppError('NOT_FOUND');
    await updateSessionPresented(tx, nid, id, proposalId);
  });
  return readBoard(deps, nid, id);
}

export async function readCocreationBoard(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Board> {
  const nid = policyCocreationFacilitate(actor, networkId);
  return readBoard(deps, nid, id);
}

function presentStatement(st: { id: string; domainKey: string; text: string }, counts: Record<Mark, number>, attached: Record<string, number>): BoardStatement {
  return { id: st.id, domainKey: st.domainKey, text: st.text, ...counts, consensus: sessionConsensus(counts), attached };
}

function presentProposal(
  p: { id: string; domainKey: string; subgroupId: string | null; text: string; version: number; decision: string | null; decidedText: string | null },
  subgroupName: string | null, dots: number, consents: { position: string; reason: string | null }[],
): BoardProposal {
  return {
    id: p.id, domainKey: p.domainKey, subgroupId: p.subgroupId, subgroupName, text: p.text, version: p.version, dots,
    consents: consents.filter((c) => c.position === 'consent').length,
    objections: consents.filter((c) => c.position === 'objection').map((c) => c.reason ?? ''),
    decision: (p.decision as BoardProposal['decision']) ?? null, decidedText: p.decidedText,
  };
}

/**
 * What changed on the board in the changes `from`…`seq`: the named statements and proposals as
 * they are now, in at most two queries however many screens receive it.
 */
export async function readBoardDelta(
  deps: Deps, nid: AuthorizedNetworkId, id: string, from: number, seq: number, statementIds: string[], proposalIds: string[],
): Promise<BoardDelta> {
  const [statements, proposals] = await Promise.all([listBoardStatements(deps.db, nid, id, statementIds), listBoardProposals(deps.db, nid, id, proposalIds)]);
  return {
    from, seq, serverNow: deps.now().toISOString(),
    statements: statements.map((st) => presentStatement(st, { agree: st.agree, disagree: st.disagree, unsure: st.unsure }, st.attached)),
    proposals: proposals.map((r) => presentProposal(r.proposal, r.subgroupName, r.dots, r.consents)),
  };
}

/** The board of a session: what every screen shows (no names with statements, votes or objections). */
export async function readBoard(deps: Deps, nid: AuthorizedNetworkId, id: string, tx: Tx = deps.db): Promise<Board> {
  const s = await loadSession(tx, nid, id);
  const rows = await readBoardRows(tx, nid, id);
  const stepMinutes = s.stepMinutes as number[];
  const minutes = s.step >= 1 && s.step <= 5 ? stepMinutes[s.step - 1] : undefined;
  const marks = new Map<string, Record<Mark, number>>();
  for (const m of rows.marks) {
    const counts = marks.get(m.statementId) ?? { agree: 0, disagree: 0, unsure: 0 };
    counts[m.mark as Mark] = m.n;
    marks.set(m.statementId, counts);
  }
  const attached = new Map<string, Record<string, number>>();
  for (const a of rows.attachments) attached.set(a.statementId, { ...attached.get(a.statementId), [a.domainKey]: a.n });
  const dots = new Map(rows.votes.map((v) => [v.proposalId, v.dots]));
  const groupNames = new Map(rows.subgroups.map((g) => [g.id, g.name]));
  return {
    id: s.id,
    title: s.title,
    profileName: s.profileName,
    step: s.step,
    stepStartedAt: s.stepStartedAt.toISOString(),
    stepEndsAt: minutes ? new Date(s.stepStartedAt.getTime() + minutes * 60_000).toISOString() : null,
    serverNow: deps.now().toISOString(),
    seq: s.seq,
    dotBudget: s.dotBudget,
    code: s.code,
    framework: s.framework as Domain[],
    stepMinutes,
    participantCount: rows.participants.length,
    subgroups: rows.subgroups.map((g) => ({ id: g.id, name: g.name, members: rows.participants.filter((p) => p.subgroupId === g.id).map((p) => p.displayName) })),
    statements: rows.statements.map((st) => presentStatement(st, marks.get(st.id) ?? { agree: 0, disagree: 0, unsure: 0 }, attached.get(st.id) ?? {})),
    proposals: rows.proposals.map((p) => presentProposal(
      p, p.subgroupId ? groupNames.get(p.subgroupId) ?? null : null, dots.get(p.id) ?? 0, rows.consents.filter((c) => c.proposalId === p.id),
    )),
    currentProposalId: s.currentProposalId,
    agreements: rows.agreements.map((a) => ({ id: a.id, title: a.title, ownerName: a.ownerName, dueDate: a.dueDate })),
  };
}
