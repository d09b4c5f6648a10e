import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationSessions, cocreationSubgroups, cocreationParticipants, cocreationProposals } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { BoardChange, Domain } from './schema.ts';
import type { SessionRow } from './data.ts';
import { sessionChangeSuffix } from './rules.ts';

// Writes of sessions. Every change to a session goes through `bumpSession` first, in the same
// transaction: it locks the session row (changes of one session are applied one at a time), counts
// the change (`seq`) and notifies every app server on commit (LISTEN/NOTIFY channel below).

export const COCREATION_CHANNEL = 'kp_cocreation';

/**
 * Locks and counts a change of the session and announces it (`<session>:<seq>` and what changed,
 * see `sessionChangeSuffix`), in one statement; returns the session as it is now, or undefined.
 */
export async function bumpSession(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, change?: BoardChange): Promise<SessionRow | undefined> {
  const [row] = await tx
    .update(cocreationSessions)
    .set({ seq: sql`${cocreationSessions.seq} + 1` })
    .where(and(eq(cocreationSessions.networkId, networkId), eq(cocreationSessions.id, sessionId)))
    .returning({
      ...getTableColumns(cocreationSessions),
      notified: sql<string>`pg_notify(${COCREATION_CHANNEL}, ${cocreationSessions.id}::text || ':' || ${cocreationSessions.seq}::text || ${sessionChangeSuffix(change)})`,
    });
  if (!row) return undefined;
  const { notified: _notified, ...session } = row;
  return session;
}

export interface SessionValues {
  title: string;
  profileName: string;
  framework: Domain[];
  stepMinutes: number[];
  dotBudget: number;
  code: string;
  codeExpiresAt: Date;
}

export async function createSession(tx: Tx, networkId: AuthorizedNetworkId, values: SessionValues, createdBy: string, at: Date): Promise<string> {
  const [row] = await tx
    .insert(cocreationSessions)
    .values({ networkId, ...values, createdBy, createdAt: at, stepStartedAt: at })
    .onConflictDoNothing({ target: cocreationSessions.code })
    .returning({ id: cocreationSessions.id });
  return row?.id ?? '';
}

export async function updateSession(tx: Tx, networkId: AuthorizedNetworkId, id: string, values: Partial<Omit<SessionValues, 'code' | 'codeExpiresAt'>>) {
  await tx.update(cocreationSessions).set(values).where(and(eq(cocreationSessions.networkId, networkId), eq(cocreationSessions.id, id)));
}

export async function updateSessionStep(tx: Tx, networkId: AuthorizedNetworkId, id: string, step: number, at: Date) {
  await tx.update(cocreationSessions)
    .set({ step, stepStartedAt: at, ...(step === 6 ? { endedAt: at } : {}) })
    .where(and(eq(cocreationSessions.networkId, networkId), eq(cocreationSessions.id, id)));
}

export async function updateSessionPresented(tx: Tx, networkId: AuthorizedNetworkId, id: string, proposalId: string | null) {
  await tx.update(cocreationSessions).set({ currentProposalId: proposalId })
    .where(and(eq(cocreationSessions.networkId, networkId), eq(cocreationSessions.id, id)));
}

/** Replaces the subgroups by `names.length` new ones and assigns participants (id → group index). */
export async function replaceSubgroups(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, names: string[], assignment: Map<string, number>) {
  await tx.update(cocreationParticipants).set({ subgroupId: null })
    .where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.sessionId, sessionId)));
  await tx.delete(cocreationSubgroups).where(and(eq(cocreationSubgroups.networkId, networkId), eq(cocreationSubgroups.sessionId, sessionId)));
  if (names.length === 0) return [];
  const groups = await tx.insert(cocreationSubgroups)
    .values(names.map((name, position) => ({ networkId, sessionId, name, position })))
    .returning({ id: cocreationSubgroups.id, position: cocreationSubgroups.position });
  groups.sort((a, b) => a.position - b.position);
  for (const [index, group] of groups.entries()) {
    const ids = [...assignment].filter(([, g]) => g === index).map(([id]) => id);
    if (ids.length) {
      await tx.update(cocreationParticipants).set({ subgroupId: group.id })
        .where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.sessionId, sessionId), inArray(cocreationParticipants.id, ids)));
    }
  }
  return groups.map((g) => g.id);
}

export async function updateParticipantSubgroup(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, participantId: string, subgroupId: string) {
  await tx.update(cocreationParticipants).set({ subgroupId })
    .where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.sessionId, sessionId), eq(cocreationParticipants.id, participantId)));
}

export async function createProposals(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, rows: { subgroupId: string | null; domainKey: string }[]) {
  if (rows.length === 0) return;
  await tx.insert(cocreationProposals).values(rows.map((r, position) => ({ networkId, sessionId, ...r, position })));
}
