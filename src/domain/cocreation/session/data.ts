import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import {
  cocreationSessions, cocreationSubgroups, cocreationParticipants, cocreationStatements, cocreationMarks, cocreationAttachments,
  cocreationProposals, cocreationVotes, cocreationConsents, cocreationAgreements, cocreationProfileVersions, institutions,
} from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Reads of sessions and of everything a session's board shows.

export type SessionRow = typeof cocreationSessions.$inferSelect;

export async function getSession(tx: Tx, networkId: AuthorizedNetworkId, id: string): Promise<SessionRow | undefined> {
  const [row] = await tx.select().from(cocreationSessions).where(and(eq(cocreationSessions.networkId, networkId), eq(cocreationSessions.id, id))).limit(1);
  return row;
}

/** A session by its join code, in any network (the code is the secret that leads to it). */
export async function getSessionByCode(tx: Tx, code: string): Promise<SessionRow | undefined> {
  const [row] = await tx.select().from(cocreationSessions).where(eq(cocreationSessions.code, code)).limit(1);
  return row;
}

/** The network of a session by id, for a participant whose token is checked against it next. */
export async function getSessionNetwork(tx: Tx, id: string): Promise<string | undefined> {
  const [row] = await tx.select({ networkId: cocreationSessions.networkId }).from(cocreationSessions).where(eq(cocreationSessions.id, id)).limit(1);
  return row?.networkId;
}

export async function listSessions(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx
    .select({
      session: cocreationSessions,
      participantCount: sql<number>`(select count(*)::int from ${cocreationParticipants} p where p.session_id = ${cocreationSessions.id})`,
    })
    .from(cocreationSessions)
    .where(eq(cocreationSessions.networkId, networkId))
    .orderBy(desc(cocreationSessions.createdAt));
}

export async function listParticipants(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  return tx
    .select({
      id: cocreationParticipants.id, displayName: cocreationParticipants.displayName, institutionId: cocreationParticipants.institutionId,
      institutionName: institutions.name, subgroupId: cocreationParticipants.subgroupId, personId: cocreationParticipants.personId,
    })
    .from(cocreationParticipants)
    .leftJoin(institutions, eq(institutions.id, cocreationParticipants.institutionId))
    .where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.sessionId, sessionId)))
    .orderBy(asc(cocreationParticipants.createdAt));
}

export async function listSubgroups(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  return tx.select().from(cocreationSubgroups)
    .where(and(eq(cocreationSubgroups.networkId, networkId), eq(cocreationSubgroups.sessionId, sessionId)))
    .orderBy(asc(cocreationSubgroups.position));
}

export async function listProposals(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  return tx.select().from(cocreationProposals)
    .where(and(eq(cocreationProposals.networkId, networkId), eq(cocreationProposals.sessionId, sessionId)))
    .orderBy(asc(cocreationProposals.position));
}

export async function listAgreements(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  return tx.select().from(cocreationAgreements)
    .where(and(eq(cocreationAgreements.networkId, networkId), eq(cocreationAgreements.sessionId, sessionId)))
    .orderBy(asc(cocreationAgreements.dueDate), asc(cocreationAgreements.createdAt));
}

/** Everything the board shows, in a handful of queries (one read serves every screen of a server). */
export async function readBoardRows(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  const nid = networkId;
  // One after another: inside a transaction the queries share one connection.
  const participants = await listParticipants(tx, nid, sessionId);
  const subgroups = await listSubgroups(tx, nid, sessionId);
  const statements = await tx.select({ id: cocreationStatements.id, domainKey: cocreationStatements.domainKey, text: cocreationStatements.text })
      .from(cocreationStatements)
      .where(and(eq(cocreationStatements.networkId, nid), eq(cocreationStatements.sessionId, sessionId)))
      .orderBy(asc(cocreationStatements.createdAt));
  const marks = await tx.select({ statementId: cocreationMarks.statementId, mark: cocreationMarks.mark, n: sql<number>`count(*)::int` })
      .from(cocreationMarks)
      .innerJoin(cocreationStatements, eq(cocreationStatements.id, cocreationMarks.statementId))
      .where(and(eq(cocreationMarks.networkId, nid), eq(cocreationStatements.sessionId, sessionId)))
      .groupBy(cocreationMarks.statementId, cocreationMarks.mark);
  const attachments = await tx.select({ statementId: cocreationAttachments.statementId, domainKey: cocreationAttachments.domainKey, n: sql<number>`count(*)::int` })
      .from(cocreationAttachments)
      .innerJoin(cocreationStatements, eq(cocreationStatements.id, cocreationAttachments.statementId))
      .where(and(eq(cocreationAttachments.networkId, nid), eq(cocreationStatements.sessionId, sessionId)))
      .groupBy(cocreationAttachments.statementId, cocreationAttachments.domainKey);
  const proposals = await listProposals(tx, nid, sessionId);
  const votes = await tx.select({ proposalId: cocreationVotes.proposalId, dots: sql<number>`sum(${cocreationVotes.dots})::int` })
      .from(cocreationVotes)
      .innerJoin(cocreationProposals, eq(cocreationProposals.id, cocreationVotes.proposalId))
      .where(and(eq(cocreationVotes.networkId, nid), eq(cocreationProposals.sessionId, sessionId)))
      .groupBy(cocreationVotes.proposalId);
  const consents = await tx.select({ proposalId: cocreationConsents.proposalId, position: cocreationConsents.position, reason: cocreationConsents.reason })
      .from(cocreationConsents)
      .innerJoin(cocreationProposals, eq(cocreationProposals.id, cocreationConsents.proposalId))
      .where(and(eq(cocreationConsents.networkId, nid), eq(cocreationProposals.sessionId, sessionId)));
  const agreements = await listAgreements(tx, nid, sessionId);
  return { participants, subgroups, statements, marks, attachments, proposals, votes, consents, agreements };
}

/**
 * Some statements of a session with their marks and attachments counted, in one query (what a
 * live change sends instead of the whole board).
 */
export async function listBoardStatements(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const s = cocreationStatements;
  const count = (mark: string) => sql<number>`(select count(*)::int from ${cocreationMarks} m where m.statement_id = ${s.id} and m.mark = ${mark})`;
  return tx.select({
    id: s.id, domainKey: s.domainKey, text: s.text,
    agree: count('agree'), disagree: count('disagree'), unsure: count('unsure'),
    attached: sql<Record<string, number>>`(select coalesce(json_object_agg(x.domain_key, x.n), '{}'::json) from (select a.domain_key, count(*)::int as n from ${cocreationAttachments} a where a.statement_id = ${s.id} group by a.domain_key) x)`,
  }).from(s)
    .where(and(eq(s.networkId, networkId), eq(s.sessionId, sessionId), inArray(s.id, ids)))
    .orderBy(asc(s.createdAt));
}

/** Some proposals of a session with their dots, consents and subgroup name, in one query. */
export async function listBoardProposals(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const p = cocreationProposals;
  return tx.select({
    proposal: p,
    subgroupName: cocreationSubgroups.name,
    dots: sql<number>`(select coalesce(sum(v.dots), 0)::int from ${cocreationVotes} v where v.proposal_id = ${p.id})`,
    consents: sql<{ position: string; reason: string | null }[]>`(select coalesce(json_agg(json_build_object('position', c.position, 'reason', c.reason)), '[]'::json) from ${cocreationConsents} c where c.proposal_id = ${p.id})`,
  }).from(p)
    .leftJoin(cocreationSubgroups, eq(cocreationSubgroups.id, p.subgroupId))
    .where(and(eq(p.networkId, networkId), eq(p.sessionId, sessionId), inArray(p.id, ids)))
    .orderBy(asc(p.position));
}

export async function getProfileVersionOfSession(tx: Tx, networkId: AuthorizedNetworkId, sessionId: string) {
  const [row] = await tx.select({ id: cocreationProfileVersions.id }).from(cocreationProfileVersions)
    .where(and(eq(cocreationProfileVersions.networkId, networkId), eq(cocreationProfileVersions.sessionId, sessionId))).limit(1);
  return row;
}
