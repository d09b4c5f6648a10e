import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { exchangeVisitEditions } from '../../exchange/public.ts';
import { learnerReportOrigins } from '../../learner-report/public.ts';
import { translate } from '../messages.ts';
import { getManualActivity, getNetworkName, getRecordPerson, getRecordSettings, listEntrySettings, listManualActivities, listPersonCredentials } from './data.ts';
import { createManualActivity, deleteManualActivity, updateManualActivity, upsertEntrySettings, upsertRecordSettings } from './mutations.ts';
import { policyRecordOwner, policyRecordSettings, policyRecordView } from './policy.ts';
import { recordCsv, recordSchoolYear, recordTotals } from './rules.ts';
import { countEvidenceFiles, getEvidenceFile, listEvidenceFiles } from '../evidence/data.ts';
import { deleteEvidenceFile, insertEvidenceFile, lockEvidenceActivity } from '../evidence/mutations.ts';
import { EVIDENCE_MAX_COUNT, evidenceCheck } from '../evidence/rules.ts';
import type { RecordEvidenceFile } from '../evidence/schema.ts';
import type { UploadDownload } from '../../../lib/upload-file.ts';
import { renderCertificatePdf, renderRecordPdf } from './render-record.ts';
import { RECORD_BADGE_FACTS, type RecordEntry, type RecordEntryChoice, type RecordManualInput, type RecordManualPatch, type RecordSettings, type RecordView } from './schema.ts';

const SECONDARY = new Set(['vmbo', 'havo', 'vwo']);
const round = (n: number) => Math.round(n * 100) / 100;

/** The person, and every activity of their record: from every practice's port and by hand, with the teacher's choices. */
export async function listRecordEntries(deps: Deps, nid: AuthorizedNetworkId, personId: string) {
  const person = await getRecordPerson(deps.db, nid, personId);
  if (!person) throw new AppError('NOT_FOUND');
  const fromPorts = (await Promise.all(deps.ports.recordActivitySources.map((s) => s.list(deps, nid, personId)))).flat();
  const manual = await listManualActivities(deps.db, nid, personId);
  const files = await listEvidenceFiles(deps.db, nid, manual.map((m) => m.id));
  const choices = await listEntrySettings(deps.db, nid, personId);
  const issued = await listPersonCredentials(deps.db, nid, personId);
  const reports = await learnerReportOrigins(deps.db, nid, personId);
  const visitEditions = await exchangeVisitEditions(deps.db, nid, personId);
  const reflectedIn = (source: string, sourceId: string) => reports
    .filter((r) => r.origins.some((o) => (o.source === source && o.sourceId === sourceId)
      || (source === 'exchange_edition' && o.source === 'exchange_visit' && visitEditions.get(o.sourceId) === sourceId)))
    .map((r) => ({ id: r.id, periodStart: r.periodStart, periodEnd: r.periodEnd }));
  const base = [
    ...fromPorts.filter((a) => a.hours > 0).map((a) => ({
      source: a.source, sourceId: a.sourceId, title: a.title, date: a.date, hours: a.hours, contactHours: Math.min(a.contactHours, a.hours),
      primaryProcess: a.primaryProcess, subjectSpecific: false, link: a.link, manual: false, evidenceUrl: null as string | null, evidenceNote: '', files: [] as RecordEvidenceFile[],
    })),
    ...manual.map((m) => ({
      source: 'manual', sourceId: m.id, title: m.title, date: m.date, hours: m.hours, contactHours: m.contactHours,
      primaryProcess: m.primaryProcess, subjectSpecific: m.subjectSpecific, link: null, manual: true, evidenceUrl: m.evidenceUrl, evidenceNote: m.evidenceNote,
      files: files.get(m.id) ?? [],
    })),
  ];
  const entries: RecordEntry[] = base.map((e) => {
    const choice = choices.find((c) => c.source === e.source && c.sourceId === e.sourceId);
    const credential = issued.filter((c) => c.source === e.source && c.sourceId === e.sourceId).at(-1);
    return {
      ...e,
      hours: round(e.hours), contactHours: round(e.contactHours), selfStudyHours: round(e.hours - e.contactHours),
      schoolYear: recordSchoolYear(e.date),
      primaryProcess: choice?.primaryProcess ?? e.primaryProcess,
      subjectSpecific: choice?.subjectSpecific ?? e.subjectSpecific,
      visibleToLead: choice?.visibleToLead ?? false,
      learnerReports: reflectedIn(e.source, e.sourceId),
      credential: credential ? { id: credential.id, revoked: credential.revokedAt !== null } : null,
    };
  }).sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  const secondary = person.roles.some((r) => r.role === 'teacher' && r.kind !== null && SECONDARY.has(r.kind));
  return { person, secondary, entries };
}

async function view(deps: Deps, nid: AuthorizedNetworkId, personId: string, access: 'owner' | 'lead'): Promise<RecordView> {
  const { person, secondary, entries } = await listRecordEntries(deps, nid, personId);
  // The totals count every activity; a team lead sees only the activities the teacher chose to show.
  const totals = recordTotals(entries, zonedDate(deps.now()), secondary);
  const shown = access === 'owner' ? entries
    : entries.filter((e) => e.visibleToLead).map((e) => ({ ...e, learnerReports: [], credential: null, evidenceNote: '' }));
  return { person: { id: person.id, name: person.name }, secondary, access, totals, entries: shown };
}

export async function readRecord(deps: Deps, actor: Actor, networkId: string, personId: string): Promise<RecordView> {
  const nid = policyRecordOwner(actor, networkId);
  const person = await getRecordPerson(deps.db, nid, personId);
  if (!person) throw new AppError('NOT_FOUND');
  const access = policyRecordView(actor, networkId, { id: personId, institutionIds: person.roles.flatMap((r) => (r.institutionId ? [r.institutionId] : [])) });
  return view(deps, nid, personId, access);
}

export async function createRecordActivity(deps: Deps, actor: Actor, networkId: string, input: RecordManualInput): Promise<RecordView> {
  const nid = policyRecordOwner(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const id = await createManualActivity(tx, nid, actor.personId, input, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'record_activity', id, null);
  });
  return view(deps, nid, actor.personId, 'owner');
}

/** Changes an activity the teacher added by hand, in place (its certificate, badge and choices keep pointing to it). */
export async function updateRecordActivity(deps: Deps, actor: Actor, networkId: string, id: string, patch: RecordManualPatch): Promise<RecordView> {
  const nid = policyRecordOwner(actor, networkId);
  const row = await getManualActivity(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.personId !== actor.personId) throw new AppError('FORBIDDEN');
  const hours = patch.hours ?? row.hours;
  const contactHours = patch.contactHours ?? row.contactHours;
  if (contactHours > hours) throw new AppError('VALIDATION_FAILED', { fields: [{ path: patch.contactHours !== undefined ? 'contactHours' : 'hours', code: 'RECORD_CONTACT_EXCEEDS_HOURS' }] });
  const changesFacts = RECORD_BADGE_FACTS.some((k) => patch[k] !== undefined && patch[k] !== row[k]);
  if (changesFacts && (await listPersonCredentials(deps.db, nid, actor.personId)).some((c) => c.source === 'manual' && c.sourceId === id && c.revokedAt === null)) {
    throw new AppError('RECORD_ACTIVITY_HAS_BADGE');
  }
  await deps.db.transaction(async (tx) => {
    await updateManualActivity(tx, nid, id, patch);
    await recordAudit(tx, nid, actor.personId, 'update', 'record_activity', id, null);
  });
  return view(deps, nid, actor.personId, 'owner');
}

export async function deleteRecordActivity(deps: Deps, actor: Actor, networkId: string, id: string): Promise<RecordView> {
  const nid = policyRecordOwner(actor, networkId);
  const row = await getManualActivity(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.personId !== actor.personId) throw new AppError('FORBIDDEN');
  await deps.db.transaction(async (tx) => {
    await deleteManualActivity(tx, nid, id);
    await recordAudit(tx, nid, actor.personId, 'delete', 'record_activity', id, null);
  });
  return view(deps, nid, actor.personId, 'owner');
}

// The evidence files of an activity added by hand: its teacher adds and removes them; they download
// them, and so does a team lead (or coordinator) who may read the teacher's record, only while the
// teacher shows that activity to the team lead. Never across networks.

/** One of the actor's own hand-added activities, or NOT_FOUND / FORBIDDEN. */
async function ownManualActivity(deps: Deps, nid: AuthorizedNetworkId, actor: Actor, id: string) {
  const row = await getManualActivity(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.personId !== actor.personId) throw new AppError('FORBIDDEN');
  return row;
}

export async function addRecordEvidence(deps: Deps, actor: Actor, networkId: string, activityId: string, rawName: string, bytes: Uint8Array): Promise<RecordEvidenceFile> {
  const nid = policyRecordOwner(actor, networkId);
  await ownManualActivity(deps, nid, actor, activityId);
  const checked = evidenceCheck(rawName, bytes);
  if (!checked.ok) throw new AppError(checked.code);
  return deps.db.transaction(async (tx) => {
    await lockEvidenceActivity(tx, activityId);
    if ((await countEvidenceFiles(tx, activityId)) >= EVIDENCE_MAX_COUNT) throw new AppError('RECORD_EVIDENCE_LIMIT');
    const file = await insertEvidenceFile(tx, nid, { activityId, personId: actor.personId, name: checked.name, type: checked.type, bytes: Buffer.from(bytes) }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'record_evidence_file', file.id, { activityId, type: file.type, size: file.size });
    return file;
  });
}

export async function removeRecordEvidence(deps: Deps, actor: Actor, networkId: string, activityId: string, fileId: string): Promise<void> {
  const nid = policyRecordOwner(actor, networkId);
  await ownManualActivity(deps, nid, actor, activityId);
  await deps.db.transaction(async (tx) => {
    if (!(await deleteEvidenceFile(tx, nid, activityId, fileId))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, nid, actor.personId, 'delete', 'record_evidence_file', fileId, { activityId });
  });
}

export async function readRecordEvidence(deps: Deps, actor: Actor, networkId: string, activityId: string, fileId: string): Promise<UploadDownload> {
  const nid = policyRecordOwner(actor, networkId);
  const activity = await getManualActivity(deps.db, nid, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const person = await getRecordPerson(deps.db, nid, activity.personId);
  if (!person) throw new AppError('NOT_FOUND');
  const access = policyRecordView(actor, networkId, { id: person.id, institutionIds: person.roles.flatMap((r) => (r.institutionId ? [r.institutionId] : [])) });
  if (access === 'lead') {
    const shown = (await listEntrySettings(deps.db, nid, person.id)).some((c) => c.source === 'manual' && c.sourceId === activityId && c.visibleToLead);
    if (!shown) throw new AppError('NOT_FOUND');
  }
  const file = await getEvidenceFile(deps.db, nid, activityId, fileId);
  if (!file) throw new AppError('NOT_FOUND');
  // A team lead reading a teacher's evidence leaves a trace the network's managers can see.
  if (access === 'lead') await recordAudit(deps.db, nid, actor.personId, 'export', 'record_evidence_file', fileId, { activityId, personId: person.id });
  return { name: file.name, type: file.type, bytes: file.bytes };
}

/** The teacher's choice for one of their activities (shown to the team lead; classification). */
export async function updateRecordEntry(deps: Deps, actor: Actor, networkId: string, source: string, sourceId: string, choice: RecordEntryChoice): Promise<RecordView> {
  const nid = policyRecordOwner(actor, networkId);
  const { entries } = await listRecordEntries(deps, nid, actor.personId);
  if (!entries.some((e) => e.source === source && e.sourceId === sourceId)) throw new AppError('NOT_FOUND');
  await upsertEntrySettings(deps.db, nid, actor.personId, { source, sourceId }, choice, deps.now());
  return view(deps, nid, actor.personId, 'owner');
}

/** One of the actor's own activities that took place (for a certificate or a badge). */
export async function getOwnCompletedEntry(deps: Deps, nid: AuthorizedNetworkId, actor: Actor, source: string, sourceId: string) {
  const { person, entries } = await listRecordEntries(deps, nid, actor.personId);
  const entry = entries.find((e) => e.source === source && e.sourceId === sourceId);
  if (!entry) throw new AppError('NOT_FOUND');
  if (entry.date > zonedDate(deps.now())) throw new AppError('RECORD_ACTIVITY_NOT_COMPLETED');
  return { person, entry };
}

export async function exportRecordCsv(deps: Deps, actor: Actor, networkId: string, locale: Locale): Promise<string> {
  const nid = policyRecordOwner(actor, networkId);
  const { entries } = await listRecordEntries(deps, nid, actor.personId);
  const t = (code: string) => translate(locale, code);
  const headers = ['CSV_DATE', 'CSV_SCHOOL_YEAR', 'CSV_TITLE', 'CSV_HOURS', 'CSV_CONTACT', 'CSV_SELF_STUDY', 'CSV_PRIMARY', 'CSV_SUBJECT', 'CSV_SOURCE'].map(t);
  await recordAudit(deps.db, nid, actor.personId, 'export', 'record_csv', actor.personId, null);
  return recordCsv(headers, entries, t('YES'), t('NO'));
}

export async function exportRecordPdf(deps: Deps, actor: Actor, networkId: string, locale: Locale): Promise<Buffer> {
  const nid = policyRecordOwner(actor, networkId);
  const record = await view(deps, nid, actor.personId, 'owner');
  await recordAudit(deps.db, nid, actor.personId, 'export', 'record_pdf', actor.personId, null);
  return renderRecordPdf(record, await getNetworkName(deps.db, nid), locale, deps.now());
}

export async function exportRecordCertificate(deps: Deps, actor: Actor, networkId: string, source: string, sourceId: string, locale: Locale): Promise<Buffer> {
  const nid = policyRecordOwner(actor, networkId);
  const { person, entry } = await getOwnCompletedEntry(deps, nid, actor, source, sourceId);
  return renderCertificatePdf(entry, person.name, await getNetworkName(deps.db, nid), locale, deps.now());
}

export async function readRecordSettings(deps: Deps, actor: Actor, networkId: string): Promise<RecordSettings> {
  return getRecordSettings(deps.db, policyRecordSettings(actor, networkId));
}

export async function updateRecordSettings(deps: Deps, actor: Actor, networkId: string, patch: Partial<RecordSettings>): Promise<RecordSettings> {
  const nid = policyRecordSettings(actor, networkId);
  await upsertRecordSettings(deps.db, nid, patch, deps.now());
  await recordAudit(deps.db, nid, actor.personId, 'update', 'record_settings', nid, null);
  return getRecordSettings(deps.db, nid);
}
