import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import {
  learnerReports, learnerReportRevisions, learnerReportShares, learnerReportReminders, networkSettings, notifications, typologyConfirmations,
} from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { LearnerReportContent, LearnerReportStatus } from './schema.ts';

/** Creates the settings row with its research secret on first use; returns the row. */
export async function ensureNetworkSettings(tx: Tx, networkId: AuthorizedNetworkId, secret: string) {
  await tx.insert(networkSettings).values({ networkId, researchSecret: secret }).onConflictDoNothing();
  const [row] = await tx.select().from(networkSettings).where(eq(networkSettings.networkId, networkId));
  return row!;
}

export async function updateNetworkSettings(tx: Tx, networkId: AuthorizedNetworkId, values: { learnerReportMaxActivities?: number; typologyLearning?: boolean }, at: Date) {
  await tx.update(networkSettings).set({ ...values, updatedAt: at }).where(eq(networkSettings.networkId, networkId));
}

export interface ReportState {
  periodStart: string;
  periodEnd: string;
  status: LearnerReportStatus;
  content: LearnerReportContent;
}

export async function createReport(tx: Tx, networkId: AuthorizedNetworkId, personId: string, state: ReportState, at: Date) {
  const [row] = await tx
    .insert(learnerReports)
    .values({ networkId, personId, ...state, revision: 1, createdAt: at, updatedAt: at })
    .returning({ id: learnerReports.id });
  await createRevision(tx, networkId, row!.id, 1, state, at);
  return row!.id;
}

/**
 * Stores a new state only when the stored revision is still `basedOn` (compare-and-set in one
 * statement, so two concurrent saves cannot both win). Returns the new revision, or null.
 */
export async function updateReportIfRevision(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  id: string,
  basedOn: number,
  state: ReportState,
  at: Date,
): Promise<number | null> {
  const [row] = await tx
    .update(learnerReports)
    .set({
      ...state,
      revision: sql`${learnerReports.revision} + 1`,
      updatedAt: at,
      completedAt: state.status === 'completed' ? sql`coalesce(${learnerReports.completedAt}, ${at.toISOString()}::timestamptz)` : null,
    })
    .where(and(eq(learnerReports.networkId, networkId), eq(learnerReports.id, id), eq(learnerReports.revision, basedOn)))
    .returning({ revision: learnerReports.revision });
  if (!row) return null;
  await createRevision(tx, networkId, id, row.revision, state, at);
  return row.revision;
}

async function createRevision(tx: Tx, networkId: AuthorizedNetworkId, reportId: string, revision: number, state: ReportState, at: Date) {
  await tx.insert(learnerReportRevisions).values({ networkId, reportId, revision, state, savedAt: at });
}

/** Keeps the newest `keep` revisions of a report. */
export async function pruneRevisions(tx: Tx, networkId: AuthorizedNetworkId, reportId: string, newest: number, keep: number) {
  await tx
    .delete(learnerReportRevisions)
    .where(and(eq(learnerReportRevisions.networkId, networkId), eq(learnerReportRevisions.reportId, reportId), lte(learnerReportRevisions.revision, newest - keep)));
}

export async function deleteReport(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(learnerReports).where(and(eq(learnerReports.networkId, networkId), eq(learnerReports.id, id)));
}

export async function createShare(tx: Tx, networkId: AuthorizedNetworkId, reportId: string, personId: string, at: Date) {
  const [row] = await tx
    .insert(learnerReportShares)
    .values({ networkId, reportId, personId, createdAt: at })
    .onConflictDoNothing()
    .returning({ id: learnerReportShares.id });
  return row?.id ?? null;
}

export async function deleteShare(tx: Tx, networkId: AuthorizedNetworkId, id: string) {
  await tx.delete(learnerReportShares).where(and(eq(learnerReportShares.networkId, networkId), eq(learnerReportShares.id, id)));
}

/** Records a reminder; returns false when it was already sent (the key exists). */
export async function createReminderOnce(tx: Tx, networkId: AuthorizedNetworkId, personId: string, dueKey: string, at: Date) {
  const rows = await tx
    .insert(learnerReportReminders)
    .values({ networkId, personId, dueKey, sentAt: at })
    .onConflictDoNothing()
    .returning({ id: learnerReportReminders.id });
  return rows.length > 0;
}

export async function createNotification(tx: Tx, networkId: AuthorizedNetworkId, personId: string, kind: string, payload: Record<string, unknown>, at: Date) {
  const [row] = await tx.insert(notifications).values({ networkId, personId, kind, payload, createdAt: at }).returning({ id: notifications.id });
  return row!.id;
}

/** Marks the person's own notifications read (all unread ones when `ids` is omitted). */
export async function markNotificationsRead(tx: Tx, networkId: AuthorizedNetworkId, personId: string, ids: string[] | undefined, at: Date) {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(
      eq(notifications.networkId, networkId),
      eq(notifications.personId, personId),
      isNull(notifications.readAt),
      ids ? inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
    ))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Replaces the confirmations of a report's activities (a report completed again after reopening counts once). */
export async function replaceTypologyConfirmations(
  tx: Tx, networkId: AuthorizedNetworkId, reportId: string, rows: { activityId: string; type: string; features: string[] }[],
) {
  await tx.delete(typologyConfirmations).where(and(eq(typologyConfirmations.networkId, networkId), eq(typologyConfirmations.reportId, reportId)));
  if (rows.length) await tx.insert(typologyConfirmations).values(rows.map((r) => ({ networkId, reportId, ...r })));
}
