import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { Tx } from '../../../db/client.ts';
import { buildNetworkTypologySuggestion, buildTypologyConfirmations } from './build-typology-model.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import {
  policyLearnerReportMember, policyLearnerReportRead, policyLearnerReportWrite, policyLearnerReportInsight, policyLearnerReportSettings,
} from './policy.ts';
import {
  getNetworkSettings, getReportWithText, listShares, getShare, listOwnReportsWithText, listReportsSharedWith, listRevisions, listActivityFacts,
  getMemberName, listMyNotifications,
} from './data.ts';
import {
  ensureNetworkSettings, updateNetworkSettings, replaceTypologyConfirmations, createReport, updateReportIfRevision, pruneRevisions, deleteReport, createShare, deleteShare,
  markNotificationsRead, type ReportState,
} from './mutations.ts';
import {
  learnerReportPeriodProblems, learnerReportDefaultPeriod, learnerReportContentProblems, learnerReportCompletionProblems, learnerReportActivityText,
  learnerReportCountTypes, learnerReportSplit, learnerReportAggregate, REVISIONS_KEPT,
} from './rules.ts';
import type {
  LearnerReport, LearnerReportActivity, LearnerReportActivityInput, LearnerReportContent, LearnerReportCreate, LearnerReportSave,
  LearnerReportStatus, LearnerReportSummary, LearnerReportSharedSummary, LearnerReportRevision, LearnerReportShare, LearnerReportHistory,
  LearnerReportInsight, TypologySuggestionOut, Notification, NetworkSettingsPatch,
} from './schema.ts';
import { LEARNER_REPORT_MIN_GROUP } from './schema.ts';

type ReportRow = NonNullable<Awaited<ReturnType<typeof getReportWithText>>>;

/** The settings row of a network, created with a fresh research secret on first use. */
export async function loadNetworkSettings(tx: Tx, nid: AuthorizedNetworkId) {
  return (await getNetworkSettings(tx, nid)) ?? ensureNetworkSettings(tx, nid, randomBytes(32).toString('hex'));
}

function present(row: ReportRow, access: 'owner' | 'shared', maxActivities: number): LearnerReport {
  const r = row.report;
  const content = r.content as LearnerReportContent;
  return {
    id: r.id, authorId: r.personId, authorName: row.authorName, periodStart: r.periodStart, periodEnd: r.periodEnd,
    status: r.status as LearnerReportStatus, revision: r.revision, inventory: content.inventory, activities: content.activities, maxActivities, access,
    completedAt: r.completedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(),
  };
}

function presentShare(s: { id: string; personId: string; personName: string; createdAt: Date }): LearnerReportShare {
  return { id: s.id, personId: s.personId, personName: s.personName, createdAt: s.createdAt.toISOString() };
}

function failIf(problems: { path: string; code: string; params?: Record<string, string | number> }[]) {
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
}

function withIds(activities: LearnerReportActivityInput[]): LearnerReportActivity[] {
  return activities.map((a) => ({ ...a, id: a.id ?? randomUUID() }));
}

/** Loads a report and checks that the actor may read its text (author or shared reader). */
async function loadReadable(deps: Deps, actor: Actor, networkId: string, id: string) {
  const nid = policyLearnerReportMember(actor, networkId);
  const row = await getReportWithText(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  const access = policyLearnerReportRead(actor, { authorId: row.report.personId, sharedWith: row.shares.map((s) => s.personId) });
  return { nid, row, access };
}

/** Loads a report for a change by its author. */
async function loadWritable(deps: Deps, actor: Actor, networkId: string, id: string) {
  const nid = policyLearnerReportMember(actor, networkId);
  const row = await getReportWithText(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  policyLearnerReportWrite(actor, { authorId: row.report.personId, sharedWith: row.shares.map((s) => s.personId) });
  return { nid, row };
}

async function reread(deps: Deps, nid: AuthorizedNetworkId, id: string, access: 'owner' | 'shared' = 'owner'): Promise<LearnerReport> {
  const settings = await loadNetworkSettings(deps.db, nid);
  return present((await getReportWithText(deps.db, nid, id))!, access, settings.learnerReportMaxActivities);
}

export async function readLearnerReportSettings(deps: Deps, actor: Actor, networkId: string) {
  const nid = policyLearnerReportSettings(actor, networkId);
  const settings = await loadNetworkSettings(deps.db, nid);
  return { maxActivities: settings.learnerReportMaxActivities, typologyLearning: settings.typologyLearning };
}

export async function updateLearnerReportSettings(deps: Deps, actor: Actor, networkId: string, patch: NetworkSettingsPatch) {
  const nid = policyLearnerReportSettings(actor, networkId);
  await deps.db.transaction(async (tx) => {
    await loadNetworkSettings(tx, nid);
    await updateNetworkSettings(tx, nid, {
      ...(patch.maxActivities !== undefined ? { learnerReportMaxActivities: patch.maxActivities } : {}),
      ...(patch.typologyLearning !== undefined ? { typologyLearning: patch.typologyLearning } : {}),
    }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'update', 'learner_report_settings', nid, patch);
  });
  return readLearnerReportSettings(deps, actor, networkId);
}

export async function listMyLearnerReports(deps: Deps, actor: Actor, networkId: string): Promise<LearnerReportSummary[]> {
  const nid = policyLearnerReportMember(actor, networkId);
  const rows = await listOwnReportsWithText(deps.db, nid, actor.personId);
  const shares = await listShares(deps.db, nid, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, periodStart: r.periodStart, periodEnd: r.periodEnd, status: r.status as LearnerReportStatus, revision: r.revision,
    activityCount: (r.content as LearnerReportContent).activities.length, updatedAt: r.updatedAt.toISOString(),
    shares: shares.filter((s) => s.reportId === r.id).map(presentShare),
  }));
}

export async function listLearnerReportsSharedWithMe(deps: Deps, actor: Actor, networkId: string): Promise<LearnerReportSharedSummary[]> {
  const nid = policyLearnerReportMember(actor, networkId);
  return (await listReportsSharedWith(deps.db, nid, actor.personId)).map((r) => ({
    ...r, status: r.status as LearnerReportStatus, sharedAt: r.sharedAt.toISOString(),
  }));
}

export async function createLearnerReport(deps: Deps, actor: Actor, networkId: string, input: LearnerReportCreate): Promise<LearnerReport> {
  const nid = policyLearnerReportMember(actor, networkId);
  const settings = await loadNetworkSettings(deps.db, nid);
  const period = learnerReportDefaultPeriod(zonedDate(deps.now()));
  const periodStart = input.periodStart ?? period.periodStart;
  const periodEnd = input.periodEnd ?? (input.periodStart ? learnerReportDefaultPeriod(input.periodStart).periodEnd : period.periodEnd);
  const content: LearnerReportContent = { inventory: input.inventory, activities: withIds(input.activities) };
  failIf([...learnerReportPeriodProblems(periodStart, periodEnd), ...learnerReportContentProblems(content, settings.learnerReportMaxActivities)]);
  const id = await deps.db.transaction(async (tx) => {
    const id = await createReport(tx, nid, actor.personId, { periodStart, periodEnd, status: 'draft', content }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'learner_report', id, null);
    return id;
  });
  return reread(deps, nid, id);
}

export async function readLearnerReport(deps: Deps, actor: Actor, networkId: string, id: string): Promise<LearnerReport> {
  const { nid, access } = await loadReadable(deps, actor, networkId, id);
  return reread(deps, nid, id, access);
}

/** Stores `state` when the report is still at `basedOn`; otherwise REVISION_CONFLICT with the server's version. */
async function storeIfCurrent(deps: Deps, nid: AuthorizedNetworkId, id: string, basedOn: number, state: ReportState): Promise<LearnerReport> {
  const stored = await deps.db.transaction(async (tx) => {
    const revision = await updateReportIfRevision(tx, nid, id, basedOn, state, deps.now());
    if (revision !== null) await pruneRevisions(tx, nid, id, revision, REVISIONS_KEPT);
    return revision;
  });
  const current = await reread(deps, nid, id);
  if (stored === null) throw new AppError('REVISION_CONFLICT', { params: { revision: current.revision }, data: { current } });
  return current;
}

function conflictUnlessCurrent(row: ReportRow, basedOn: number, current: () => Promise<LearnerReport>) {
  return row.report.revision === basedOn ? Promise.resolve() : current().then((c) => {
    throw new AppError('REVISION_CONFLICT', { params: { revision: c.revision }, data: { current: c } });
  });
}

/** Autosave: a new revision when `input.revision` is the stored one; an older save never overwrites newer text. */
export async function saveLearnerReport(deps: Deps, actor: Actor, networkId: string, id: string, input: LearnerReportSave): Promise<LearnerReport> {
  const { nid, row } = await loadWritable(deps, actor, networkId, id);
  await conflictUnlessCurrent(row, input.revision, () => reread(deps, nid, id));
  if (row.report.status === 'completed') throw new AppError('LEARNER_REPORT_COMPLETED');
  const settings = await loadNetworkSettings(deps.db, nid);
  const old = row.report.content as LearnerReportContent;
  const content: LearnerReportContent = {
    inventory: input.inventory ?? old.inventory,
    activities: input.activities ? withIds(input.activities) : old.activities,
  };
  const periodStart = input.periodStart ?? row.report.periodStart;
  const periodEnd = input.periodEnd ?? row.report.periodEnd;
  failIf([...learnerReportPeriodProblems(periodStart, periodEnd), ...learnerReportContentProblems(content, settings.learnerReportMaxActivities)]);
  return storeIfCurrent(deps, nid, id, input.revision, { periodStart, periodEnd, status: 'draft', content });
}

export async function completeLearnerReport(deps: Deps, actor: Actor, networkId: string, id: string, basedOn: number): Promise<LearnerReport> {
  const { nid, row } = await loadWritable(deps, actor, networkId, id);
  await conflictUnlessCurrent(row, basedOn, () => reread(deps, nid, id));
  if (row.report.status === 'completed') throw new AppError('LEARNER_REPORT_COMPLETED');
  const content = row.report.content as LearnerReportContent;
  failIf(learnerReportCompletionProblems(content));
  const report = await storeIfCurrent(deps, nid, id, basedOn, { periodStart: row.report.periodStart, periodEnd: row.report.periodEnd, status: 'completed', content });
  await recordAudit(deps.db, nid, actor.personId, 'complete', 'learner_report', id, null);
  // the types the teacher settled on train the network's suggestions (features only), unless switched off
  if ((await loadNetworkSettings(deps.db, nid)).typologyLearning) await replaceTypologyConfirmations(deps.db, nid, id, buildTypologyConfirmations(content));
  return report;
}

export async function reopenLearnerReport(deps: Deps, actor: Actor, networkId: string, id: string, basedOn: number): Promise<LearnerReport> {
  const { nid, row } = await loadWritable(deps, actor, networkId, id);
  await conflictUnlessCurrent(row, basedOn, () => reread(deps, nid, id));
  if (row.report.status !== 'completed') return reread(deps, nid, id);
  const content = row.report.content as LearnerReportContent;
  return storeIfCurrent(deps, nid, id, basedOn, { periodStart: row.report.periodStart, periodEnd: row.report.periodEnd, status: 'draft', content });
}

export async function deleteLearnerReport(deps: Deps, actor: Actor, networkId: string, id: string): Promise<void> {
  const { nid } = await loadWritable(deps, actor, networkId, id);
  await deps.db.transaction(async (tx) => {
    await deleteReport(tx, nid, id);
    await recordAudit(tx, nid, actor.personId, 'delete', 'learner_report', id, null);
  });
}

export async function listLearnerReportRevisions(deps: Deps, actor: Actor, networkId: string, id: string): Promise<LearnerReportRevision[]> {
  const { nid } = await loadWritable(deps, actor, networkId, id);
  return (await listRevisions(deps.db, nid, id)).map((r) => {
    const state = r.state as ReportState;
    return {
      revision: r.revision, savedAt: r.savedAt.toISOString(), periodStart: state.periodStart, periodEnd: state.periodEnd, status: state.status,
      inventory: state.content.inventory, activities: state.content.activities,
    };
  });
}

async function presentSuggestion(deps: Deps, nid: AuthorizedNetworkId, text: string): Promise<TypologySuggestionOut> {
  const s = await buildNetworkTypologySuggestion(deps, nid, text);
  return {
    type: s.type, formal: s.formal, why: [...s.why], confidence: s.confidence, confidenceLevel: s.confidenceLevel, state: s.state,
    candidates: s.candidates.map((c) => ({ ...c, why: [...c.why] })), cues: [...s.cues], alternatives: s.alternatives.map((a) => ({ ...a })), reason: s.reason,
  };
}

/** The engine's suggestion for one saved activity of the author's report (nothing is stored). */
export async function suggestLearnerReportType(deps: Deps, actor: Actor, networkId: string, id: string, activityId: string): Promise<TypologySuggestionOut> {
  const { nid, row } = await loadWritable(deps, actor, networkId, id);
  const activity = (row.report.content as LearnerReportContent).activities.find((a) => a.id === activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  return presentSuggestion(deps, nid, learnerReportActivityText(activity));
}

/** The engine's suggestion for a text that is not saved yet (stateless; any member). */
export async function suggestTypology(deps: Deps, actor: Actor, networkId: string, text: string): Promise<TypologySuggestionOut> {
  const nid = policyLearnerReportMember(actor, networkId);
  return presentSuggestion(deps, nid, text);
}

/** Shares one report with one person of the same network (a colleague or the team lead). */
export async function shareLearnerReport(deps: Deps, actor: Actor, networkId: string, id: string, personId: string): Promise<LearnerReportShare[]> {
  const { nid } = await loadWritable(deps, actor, networkId, id);
  if (personId === actor.personId || !(await getMemberName(deps.db, nid, personId))) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'personId', code: 'FIELD_UNKNOWN_PERSON' }] });
  }
  await deps.db.transaction(async (tx) => {
    const shareId = await createShare(tx, nid, id, personId, deps.now());
    if (shareId) await recordAudit(tx, nid, actor.personId, 'share', 'learner_report', id, { personId });
  });
  return (await listShares(deps.db, nid, [id])).map(presentShare);
}

/** Withdraws a share (the author only): the reader loses access at once. */
export async function withdrawLearnerReportShare(deps: Deps, actor: Actor, networkId: string, shareId: string): Promise<void> {
  const nid = policyLearnerReportMember(actor, networkId);
  const share = await getShare(deps.db, nid, shareId);
  if (!share) throw new AppError('NOT_FOUND');
  policyLearnerReportWrite(actor, { authorId: share.authorId, sharedWith: [] });
  await deps.db.transaction(async (tx) => {
    await deleteShare(tx, nid, shareId);
    await recordAudit(tx, nid, actor.personId, 'withdraw_share', 'learner_report', share.reportId, { personId: share.personId });
  });
}

/** The actor's own activities counted per type and per period (all their reports). */
export async function readLearnerReportHistory(deps: Deps, actor: Actor, networkId: string): Promise<LearnerReportHistory> {
  const nid = policyLearnerReportMember(actor, networkId);
  const rows = await listOwnReportsWithText(deps.db, nid, actor.personId);
  const perReport = rows.map((r) => {
    const types = (r.content as LearnerReportContent).activities.map((a) => a.type);
    const split = learnerReportSplit(types);
    return {
      reportId: r.id, periodStart: r.periodStart, periodEnd: r.periodEnd, status: r.status as LearnerReportStatus, activities: types.length,
      ...split, byType: learnerReportCountTypes(types).filter((t) => t.count > 0), types,
    };
  });
  return {
    byType: learnerReportCountTypes(perReport.flatMap((p) => p.types)),
    byPeriod: perReport.map(({ types: _types, ...p }) => p),
  };
}

/** Counts only (never text) for a team lead's institution(s) or a coordinator's network; groups under the minimum get none. */
export async function readLearnerReportInsight(deps: Deps, actor: Actor, networkId: string, institutionId?: string): Promise<LearnerReportInsight> {
  const scope = policyLearnerReportInsight(actor, networkId, institutionId);
  const facts = await listActivityFacts(deps.db, scope.nid, scope.institutionIds);
  const aggregate = learnerReportAggregate(facts);
  if (!aggregate) return { ok: false, reason: 'GROUP_TOO_SMALL', minimumGroup: LEARNER_REPORT_MIN_GROUP };
  return { ok: true, ...aggregate };
}

export async function listMyNotificationsOf(deps: Deps, actor: Actor, networkId: string): Promise<Notification[]> {
  const nid = policyLearnerReportMember(actor, networkId);
  return (await listMyNotifications(deps.db, nid, actor.personId)).map((n) => ({
    id: n.id, kind: n.kind, payload: n.payload as Record<string, unknown>, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
  }));
}

export async function markMyNotificationsRead(deps: Deps, actor: Actor, networkId: string, ids: string[] | undefined): Promise<{ marked: number }> {
  const nid = policyLearnerReportMember(actor, networkId);
  return { marked: await markNotificationsRead(deps.db, nid, actor.personId, ids, deps.now()) };
}
