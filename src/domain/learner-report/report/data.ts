import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import {
  learnerReports, learnerReportRevisions, learnerReportShares, networkSettings, notifications, people, memberships, institutions,
  personProgrammes, programmes, typologyConfirmations,
} from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

// Reads of learner reports. Functions that return text say so in their name (…WithText);
// everything used for counts and exports selects typed columns only.

const NONE = ['00000000-0000-0000-0000-000000000000'];

export async function getNetworkSettings(tx: Tx, networkId: AuthorizedNetworkId) {
  const [row] = await tx.select().from(networkSettings).where(eq(networkSettings.networkId, networkId)).limit(1);
  return row;
}

/** One report with its text, author and the persons it is shared with. */
export async function getReportWithText(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx
    .select({ report: learnerReports, authorName: people.name })
    .from(learnerReports)
    .innerJoin(people, eq(people.id, learnerReports.personId))
    .where(and(eq(learnerReports.networkId, networkId), eq(learnerReports.id, id)))
    .limit(1);
  if (!row) return undefined;
  const shares = await listShares(tx, networkId, [id]);
  return { ...row, shares };
}

export async function listShares(tx: Tx, networkId: AuthorizedNetworkId, reportIds: string[]) {
  return tx
    .select({ id: learnerReportShares.id, reportId: learnerReportShares.reportId, personId: learnerReportShares.personId, personName: people.name, createdAt: learnerReportShares.createdAt })
    .from(learnerReportShares)
    .innerJoin(people, eq(people.id, learnerReportShares.personId))
    .where(and(eq(learnerReportShares.networkId, networkId), inArray(learnerReportShares.reportId, reportIds.length ? reportIds : NONE)))
    .orderBy(asc(learnerReportShares.createdAt));
}

export async function getShare(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  const [row] = await tx
    .select({ id: learnerReportShares.id, reportId: learnerReportShares.reportId, personId: learnerReportShares.personId, authorId: learnerReports.personId })
    .from(learnerReportShares)
    .innerJoin(learnerReports, eq(learnerReports.id, learnerReportShares.reportId))
    .where(and(eq(learnerReportShares.networkId, networkId), eq(learnerReportShares.id, id)))
    .limit(1);
  return row;
}

/** The author's own reports with their text (for their list, history and portfolio). */
export async function listOwnReportsWithText(tx: Tx, networkId: AuthorizedNetworkId, personId: string, filter: { status?: 'completed' } = {}) {
  return tx
    .select()
    .from(learnerReports)
    .where(and(eq(learnerReports.networkId, networkId), eq(learnerReports.personId, personId), filter.status ? eq(learnerReports.status, filter.status) : undefined))
    .orderBy(desc(learnerReports.periodStart), desc(learnerReports.createdAt));
}

/** Reports other people shared with this person (no text: list entries only). */
export async function listReportsSharedWith(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx
    .select({
      id: learnerReports.id, authorId: learnerReports.personId, authorName: people.name, periodStart: learnerReports.periodStart,
      periodEnd: learnerReports.periodEnd, status: learnerReports.status, sharedAt: learnerReportShares.createdAt,
    })
    .from(learnerReportShares)
    .innerJoin(learnerReports, eq(learnerReports.id, learnerReportShares.reportId))
    .innerJoin(people, eq(people.id, learnerReports.personId))
    .where(and(eq(learnerReportShares.networkId, networkId), eq(learnerReportShares.personId, personId)))
    .orderBy(desc(learnerReportShares.createdAt));
}

export async function listRevisions(tx: Tx, networkId: AuthorizedNetworkId, reportId: string) {
  return tx
    .select()
    .from(learnerReportRevisions)
    .where(and(eq(learnerReportRevisions.networkId, networkId), eq(learnerReportRevisions.reportId, reportId)))
    .orderBy(desc(learnerReportRevisions.revision));
}

/**
 * The typed activities of completed reports (one row per activity: author, report, period
 * end, type) — no text is selected. `institutionIds` keeps authors who are members of those
 * institutions.
 */
export async function listActivityFacts(tx: Tx, networkId: AuthorizedNetworkId, institutionIds: 'all' | string[]) {
  const inScope = institutionIds === 'all'
    ? undefined
    : sql`exists (select 1 from ${memberships} m where m.network_id = ${networkId} and m.person_id = ${learnerReports.personId}
        and m.institution_id in (${sql.join((institutionIds.length ? institutionIds : NONE).map((i) => sql`${i}::uuid`), sql`, `)}))`;
  const rows = await tx
    .select({
      personId: learnerReports.personId,
      reportId: learnerReports.id,
      periodStart: learnerReports.periodStart,
      periodEnd: learnerReports.periodEnd,
      types: sql<(string | null)[]>`coalesce(jsonb_path_query_array(${learnerReports.content}, '$.activities[*].type'), '[]'::jsonb)`,
    })
    .from(learnerReports)
    .where(and(eq(learnerReports.networkId, networkId), eq(learnerReports.status, 'completed'), inScope));
  return rows.flatMap((r) => r.types.map((type) => ({ personId: r.personId, reportId: r.reportId, periodStart: r.periodStart, periodEnd: r.periodEnd, type })));
}

/** Institution kinds and the broad ISCED fields of the programmes of the given people. */
export async function listResearchContext(tx: Tx, networkId: AuthorizedNetworkId, personIds: string[]) {
  const ids = personIds.length ? personIds : NONE;
  const kinds = await tx
    .select({ personId: memberships.personId, kind: institutions.kind })
    .from(memberships)
    .innerJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(and(eq(memberships.networkId, networkId), inArray(memberships.personId, ids)))
    .orderBy(asc(memberships.createdAt));
  const fields = await tx
    .select({ personId: personProgrammes.personId, iscedCode: programmes.iscedCode })
    .from(personProgrammes)
    .innerJoin(programmes, eq(programmes.id, personProgrammes.programmeId))
    .where(and(eq(personProgrammes.networkId, networkId), inArray(personProgrammes.personId, ids)))
    .orderBy(asc(programmes.name));
  return { kinds, fields };
}

/** Is this person a member of the network? (share targets must be.) */
export async function getMemberName(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  const [row] = await tx
    .select({ id: people.id, name: people.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.networkId, networkId), eq(memberships.personId, personId)))
    .limit(1);
  return row;
}

export async function listMyNotifications(tx: Tx, networkId: AuthorizedNetworkId, personId: string, limit = 100) {
  return tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.networkId, networkId), eq(notifications.personId, personId)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function countUnread(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.networkId, networkId), eq(notifications.personId, personId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

// ── Reminders run for every network (a job, not a request) ──────────────────────────────

/** Who may get a reminder: teachers, and anyone who has written a report; with their join date. */
export async function listReminderRecipients(tx: Tx) {
  const result = await tx.execute<{ network_id: string; person_id: string; email: string; name: string; locale: string; joined: string }>(sql`
    select r.network_id, r.person_id, p.email, p.name, p.locale, to_char(min(r.joined) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as joined
    from (
      select network_id, person_id, created_at as joined from memberships where role = 'teacher'
      union all
      select lr.network_id, lr.person_id, m.created_at from learner_reports lr
        join memberships m on m.network_id = lr.network_id and m.person_id = lr.person_id
    ) r join people p on p.id = r.person_id
    group by r.network_id, r.person_id, p.email, p.name, p.locale
    order by r.network_id, r.person_id`);
  return result.rows.map((r) => ({ networkId: r.network_id, personId: r.person_id, email: r.email, name: r.name, locale: r.locale, joined: r.joined }));
}

/** Status and period end of every report (no text), for the reminder rule. */
export async function listReportPeriods(tx: Tx) {
  return tx
    .select({ networkId: learnerReports.networkId, personId: learnerReports.personId, id: learnerReports.id, status: learnerReports.status, periodEnd: learnerReports.periodEnd })
    .from(learnerReports);
}

/** The network's confirmed types with their text features (never text), oldest first. */
export async function listTypologyConfirmations(tx: Tx, networkId: AuthorizedNetworkId) {
  return tx.select({ type: typologyConfirmations.type, features: typologyConfirmations.features })
    .from(typologyConfirmations).where(eq(typologyConfirmations.networkId, networkId)).orderBy(asc(typologyConfirmations.createdAt), asc(typologyConfirmations.id));
}

/** A cheap fingerprint of the network's confirmations: when it changes, the adapted model is rebuilt. */
export async function getTypologyConfirmationStamp(tx: Tx, networkId: AuthorizedNetworkId): Promise<string> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${typologyConfirmations.createdAt})::text` })
    .from(typologyConfirmations).where(eq(typologyConfirmations.networkId, networkId));
  return `${row?.n ?? 0}:${row?.last ?? ''}`;
}

/** One person's reports without text (status, period, number of activities), newest period first: for their home page. */
export async function listOwnReportPeriods(tx: Tx, networkId: AuthorizedNetworkId, personId: string) {
  return tx
    .select({
      id: learnerReports.id, status: learnerReports.status, periodStart: learnerReports.periodStart, periodEnd: learnerReports.periodEnd,
      activityCount: sql<number>`coalesce(jsonb_array_length(${learnerReports.content}->'activities'), 0)::int`,
    })
    .from(learnerReports)
    .where(and(eq(learnerReports.networkId, networkId), eq(learnerReports.personId, personId)))
    .orderBy(desc(learnerReports.periodEnd), desc(learnerReports.createdAt));
}

/** The Amsterdam date on which a person first became a teacher in the network, or null when they are none. */
export async function getTeacherSince(tx: Tx, networkId: AuthorizedNetworkId, personId: string): Promise<string | null> {
  const [row] = await tx
    .select({ since: sql<string | null>`to_char(min(${memberships.createdAt}) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')` })
    .from(memberships)
    .where(and(eq(memberships.networkId, networkId), eq(memberships.personId, personId), eq(memberships.role, 'teacher')));
  return row?.since ?? null;
}
