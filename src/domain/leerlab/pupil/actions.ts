import { AppError } from '../../../lib/errors.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyRowNetwork } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { translate } from '../messages.ts';
import { loadLeerlabFor } from '../leerlab/actions.ts';
import { listClasses, listParts, listLeerlabsWithPupils } from '../leerlab/data.ts';
import { leerlabPupilsRemoveOn } from '../leerlab/rules.ts';
import { listPupils, listResults } from './data.ts';
import { createPupil, deletePupil, deleteLeerlabPupils, upsertResult, createExemption } from './mutations.ts';
import { pupilCsvParse, gradeCsvBuild } from './rules.ts';
import { renderExemption } from './render-exemption.ts';
import type { PupilImportReport, Roster } from './schema.ts';

// The roster is for the leerlab's staff only: every read and write goes through loadLeerlabFor.

export async function readRoster(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Roster> {
  const { nid, row } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  const [pupils, results] = await Promise.all([listPupils(deps.db, nid, id), listResults(deps.db, nid, id)]);
  return {
    pupils: pupils.map((p) => ({
      id: p.id, name: p.name, classId: p.classId, className: p.className, attended: p.attended, absent: p.absent, exemptionsIssued: p.exemptions,
      results: results.filter((r) => r.pupilId === p.id).map((r) => ({ partId: r.partId, grade: r.grade, completed: r.completed, assessedOn: r.assessedOn })),
    })),
    pupilsRemoveOn: leerlabPupilsRemoveOn(row.lastDate, row.retentionMonths),
    retentionMonths: row.retentionMonths,
    pupilsRemovedAt: row.pupilsRemovedAt?.toISOString() ?? null,
  };
}

type ImportRow = PupilImportReport['rows'][number];

/**
 * Adds pupils (by hand: one row; by CSV: every row). Only the name and the class are kept; a name
 * already in another class of the leerlab is refused with both classes named.
 */
async function addPupils(
  deps: Deps, actor: Actor, networkId: string, id: string, input: { row: number; ok: boolean; name: string; className?: string; code?: string }[], dropped: string[],
): Promise<PupilImportReport & { params: Record<number, Record<string, string>> }> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const t = (code: string, params: Record<string, string | number> = {}) => translate(actor.locale, code, params);
  const classes = (await listClasses(deps.db, nid, id)).map((c) => c.cls);
  const known = new Map((await listPupils(deps.db, nid, id)).map((p) => [p.name.toLowerCase(), p.className]));
  const rows: ImportRow[] = [];
  const params: Record<number, Record<string, string>> = {};
  const toAdd: { row: number; name: string; classId: string }[] = [];
  for (const r of input) {
    if (!r.ok) {
      rows.push({ row: r.row, name: r.name, status: 'error', code: r.code!, message: t(r.code!) });
      continue;
    }
    const cls = classes.find((c) => c.name.toLowerCase() === r.className!.toLowerCase());
    if (!cls) {
      params[r.row] = { className: r.className!, classes: classes.map((c) => c.name).join(', ') };
      rows.push({ row: r.row, name: r.name, status: 'error', code: 'PUPIL_CLASS_UNKNOWN', message: t('PUPIL_CLASS_UNKNOWN', params[r.row]) });
      continue;
    }
    const existing = known.get(r.name.toLowerCase());
    if (existing !== undefined && existing.toLowerCase() !== cls.name.toLowerCase()) {
      params[r.row] = { name: r.name, first: existing, second: cls.name };
      rows.push({ row: r.row, name: r.name, status: 'error', code: 'PUPIL_IN_TWO_CLASSES', message: t('PUPIL_IN_TWO_CLASSES', params[r.row]) });
      continue;
    }
    if (existing !== undefined) {
      rows.push({ row: r.row, name: r.name, status: 'exists', code: null, message: null });
      continue;
    }
    known.set(r.name.toLowerCase(), cls.name);
    toAdd.push({ row: r.row, name: r.name, classId: cls.id });
    rows.push({ row: r.row, name: r.name, status: 'added', code: null, message: null });
  }
  await deps.db.transaction(async (tx) => {
    for (const p of toAdd) await createPupil(tx, nid, { leerlabId: id, classId: p.classId, name: p.name });
    await recordAudit(tx, nid, actor.personId, 'import', 'leerlab_pupils', id, { added: toAdd.length, dropped });
  });
  return {
    params, added: toAdd.length, rows: rows.sort((a, b) => a.row - b.row), droppedColumns: dropped,
    droppedMessage: dropped.length ? t('PUPIL_COLUMNS_DROPPED', { columns: dropped.join(', ') }) : null,
  };
}

export async function addPupil(deps: Deps, actor: Actor, networkId: string, id: string, input: { name: string; className: string }): Promise<PupilImportReport> {
  const report = await addPupils(deps, actor, networkId, id, [{ row: 1, ok: true, name: input.name.replace(/\s+/g, ' '), className: input.className }], []);
  const { params, ...rest } = report;
  const r = rest.rows[0]!;
  if (r.status === 'error') throw new AppError(r.code!, { params: params[1] ?? { name: input.name, className: input.className } });
  return rest;
}

export async function importPupilsCsv(deps: Deps, actor: Actor, networkId: string, id: string, csv: string): Promise<PupilImportReport> {
  const parsed = pupilCsvParse(csv);
  if (!parsed.ok) {
    await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
    throw new AppError(parsed.code);
  }
  const { params: _params, ...report } = await addPupils(deps, actor, networkId, id, parsed.rows.map((r) => (r.ok ? { row: r.row, ok: true, name: r.name, className: r.className } : { row: r.row, ok: false, name: r.name, code: r.code })), parsed.dropped);
  return report;
}

export async function removePupil(deps: Deps, actor: Actor, networkId: string, id: string, pupilId: string) {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  await deps.db.transaction(async (tx) => {
    const n = await deletePupil(tx, nid, id, pupilId);
    if (n === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, nid, actor.personId, 'delete', 'leerlab_pupil', pupilId, null);
  });
}

export async function saveResults(deps: Deps, actor: Actor, networkId: string, id: string, results: { pupilId: string; partId: string; grade: number | null; completed: boolean; assessedOn: string | null }[]): Promise<Roster> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  const [pupils, parts] = await Promise.all([listPupils(deps.db, nid, id), listParts(deps.db, nid, id)]);
  const pupilIds = new Set(pupils.map((p) => p.id));
  const partIds = new Set(parts.map((p) => p.id));
  if (results.some((r) => !pupilIds.has(r.pupilId) || !partIds.has(r.partId))) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    for (const r of results) await upsertResult(tx, nid, r, deps.now());
    await recordAudit(tx, nid, actor.personId, 'update', 'leerlab_results', id, { results: results.length });
  });
  return readRoster(deps, actor, networkId, id);
}

/** The grade export for the vo-school (columns in docs/leerlab.md). */
export async function exportGradesCsv(deps: Deps, actor: Actor, networkId: string, id: string): Promise<{ csv: string; fileName: string }> {
  const { nid, row } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  const [roster, parts] = await Promise.all([readRoster(deps, actor, networkId, id), listParts(deps.db, nid, id)]);
  await recordAudit(deps.db, nid, actor.personId, 'export', 'leerlab_grades', id, { pupils: roster.pupils.length });
  const csv = gradeCsvBuild({ name: row.keuzedeelName, code: row.keuzedeelCode }, parts, roster.pupils);
  const slug = row.name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'leerlab';
  return { csv, fileName: `cijfers-${slug}.csv` };
}

/** The exemption statement (vrijstelling) for the parts a pupil completed, as a PDF the mbo institution can accept. */
export async function issueExemption(deps: Deps, actor: Actor, networkId: string, id: string, pupilId: string): Promise<Buffer> {
  const { nid, row, partners, staff } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const roster = await readRoster(deps, actor, networkId, id);
  const pupil = roster.pupils.find((p) => p.id === pupilId);
  if (!pupil) throw new AppError('NOT_FOUND');
  const parts = await listParts(deps.db, nid, id);
  const done = parts.filter((p) => pupil.results.some((r) => r.partId === p.id && r.completed));
  if (done.length === 0) throw new AppError('EXEMPTION_NOTHING_COMPLETED');
  await deps.db.transaction(async (tx) => {
    await createExemption(tx, nid, { pupilId, partIds: done.map((p) => p.id), issuedBy: actor.personId });
    await recordAudit(tx, nid, actor.personId, 'issue', 'leerlab_exemption', pupilId, { parts: done.length });
  });
  return renderExemption(actor.locale, {
    pupil: { name: pupil.name, className: pupil.className },
    leerlab: { name: row.name, pgp: row.pgp, keuzedeelName: row.keuzedeelName, keuzedeelCode: row.keuzedeelCode, schoolYear: row.schoolYear },
    vo: partners.filter((p) => p.side === 'vo').map((p) => p.name),
    mbo: partners.filter((p) => p.side === 'mbo').map((p) => p.name),
    parts: done.map((p) => {
      const r = pupil.results.find((x) => x.partId === p.id)!;
      return { name: p.name, hours: p.hours, grade: r.grade, assessedOn: r.assessedOn };
    }),
    coordinators: staff.filter((s) => s.role.endsWith('coordinator')).map((s) => s.name),
    issuedOn: zonedDate(deps.now()),
    issuedBy: actor.name,
  });
}

/**
 * The retention job (hourly): pupils of a leerlab are removed once the configured months after
 * the cohort's last day have passed. Returns how many pupils were removed.
 */
export async function removeExpiredPupils(deps: Deps): Promise<number> {
  const today = zonedDate(deps.now());
  let removed = 0;
  for (const l of await listLeerlabsWithPupils(deps.db)) {
    if (leerlabPupilsRemoveOn(l.lastDate, l.retentionMonths) > today) continue;
    const nid = policyRowNetwork(l.networkId, 'job');
    removed += await deps.db.transaction(async (tx) => {
      const n = await deleteLeerlabPupils(tx, nid, l.id, deps.now());
      await recordAudit(tx, nid, null, 'retention', 'leerlab_pupils', l.id, { removed: n });
      return n;
    });
  }
  if (removed > 0) deps.log.info({ removed }, 'leerlab pupils removed after retention');
  return removed;
}
