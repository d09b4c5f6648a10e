import { AppError } from '../../../lib/errors.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { translate } from '../messages.ts';
import {
  listLeerlabRows, getLeerlabRow, listPartners, listStaff, countSessions, listPeriods, listParts, listClasses, getClass, listClosedDays,
  listPatterns, getLocations, listInstitutionsById, listNetworkPeople,
} from './data.ts';
import {
  createLeerlab as insertLeerlab, updateLeerlab as saveLeerlab, createPartners, replaceStaff, createPeriods, createParts, createClass,
  updateClassLessons, replaceClosedDays, addClosedDays, createChecklistItems,
} from './mutations.ts';
import { policyLeerlabAccess, type LeerlabAccess } from './policy.ts';
import {
  leerlabTravelComputed, leerlabPupilsRemoveOn, leerlabClosedDaysParse, leerlabChecklistTemplate, minuteToClock, clockToMinute,
} from './rules.ts';
import {
  leerlabRulesSchema, type Leerlab, type LeerlabCreate, type LeerlabLesson, type LeerlabSummary, type LeerlabUpdate,
} from './schema.ts';

export type LeerlabRow = NonNullable<Awaited<ReturnType<typeof getLeerlabRow>>>;
export interface LoadedLeerlab {
  nid: AuthorizedNetworkId;
  row: LeerlabRow;
  access: LeerlabAccess;
  partners: Awaited<ReturnType<typeof listPartners>>;
  staff: Awaited<ReturnType<typeof listStaff>>;
}

/**
 * The leerlab as the actor may see it: members of the network enter, then only the leerlab's
 * coordinators ('coordinator') or also its teachers ('staff') go on; everybody else is FORBIDDEN.
 */
export async function loadLeerlabFor(deps: Deps, actor: Actor, networkId: string, id: string, need: LeerlabAccess): Promise<LoadedLeerlab> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const row = await getLeerlabRow(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [partners, staff] = await Promise.all([listPartners(deps.db, nid, [id]), listStaff(deps.db, nid, [id])]);
  const access = policyLeerlabAccess(actor, networkId, partners, staff);
  if (!access || (need === 'coordinator' && access !== 'coordinator')) throw new AppError('FORBIDDEN');
  return { nid, row, access, partners, staff };
}

/** The leerlab for work no actor asked for (jobs, token links): the network comes from the row. */
export async function loadLeerlabRow(deps: Deps, nid: AuthorizedNetworkId, id: string): Promise<Omit<LoadedLeerlab, 'access'>> {
  const row = await getLeerlabRow(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [partners, staff] = await Promise.all([listPartners(deps.db, nid, [id]), listStaff(deps.db, nid, [id])]);
  return { nid, row, partners, staff };
}

export async function listLeerlabs(deps: Deps, actor: Actor, networkId: string): Promise<LeerlabSummary[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const rows = await listLeerlabRows(deps.db, nid);
  const ids = rows.map((r) => r.id);
  const [partners, staff, counts] = await Promise.all([listPartners(deps.db, nid, ids), listStaff(deps.db, nid, ids), countSessions(deps.db, nid, ids)]);
  return rows.flatMap((r) => {
    const p = partners.filter((x) => x.leerlabId === r.id);
    const access = policyLeerlabAccess(actor, networkId, p, staff.filter((x) => x.leerlabId === r.id));
    if (!access) return [];
    return [{
      id: r.id, name: r.name, pgp: r.pgp, keuzedeelName: r.keuzedeelName, schoolYear: r.schoolYear, cohortYear: r.cohortYear,
      partners: p.map((x) => ({ institutionId: x.institutionId, name: x.name, side: x.side as 'vo' | 'mbo' })),
      sessions: counts.find((c) => c.leerlabId === r.id)?.n ?? 0, myRole: access,
    }];
  });
}

async function checkStaff(deps: Deps, nid: AuthorizedNetworkId, staff: { personId: string }[]) {
  const ids = [...new Set(staff.map((s) => s.personId))];
  const found = await listNetworkPeople(deps.db, nid, ids);
  if (found.length !== ids.length) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'staff', code: 'LEERLAB_STAFF_UNKNOWN' }] });
}

export async function createLeerlab(deps: Deps, actor: Actor, networkId: string, input: LeerlabCreate): Promise<Leerlab> {
  const vo = input.partners.find((p) => p.side === 'vo');
  const mbo = input.partners.find((p) => p.side === 'mbo');
  if (!vo || !mbo) throw new AppError('LEERLAB_NEEDS_BOTH_SCHOOLS');
  // A school coordinator creates a leerlab for a partnership their own institution is in.
  const nid = policyAuthorize(actor, networkId, 'institution:manage');
  const access = policyLeerlabAccess(actor, networkId, input.partners, []);
  if (access !== 'coordinator') throw new AppError('FORBIDDEN');
  if (input.lastDate <= input.firstDate) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'lastDate', code: 'LEERLAB_END_BEFORE_START' }] });
  const institutions = await listInstitutionsById(deps.db, nid, [...new Set(input.partners.map((p) => p.institutionId))]);
  if (institutions.length !== new Set(input.partners.map((p) => p.institutionId)).size) throw new AppError('NOT_FOUND');
  await checkStaff(deps, nid, input.staff);
  const locs = await getLocations(deps.db, nid, [input.voLocationId, input.mboLocationId].filter((x): x is string => Boolean(x)));
  const voLoc = locs.find((l) => l.id === input.voLocationId) ?? null;
  const mboLoc = locs.find((l) => l.id === input.mboLocationId) ?? null;
  if ((input.voLocationId && !voLoc) || (input.mboLocationId && !mboLoc)) throw new AppError('NOT_FOUND');
  const computed = leerlabTravelComputed(voLoc, mboLoc, input.travelMode);
  const id = await deps.db.transaction(async (tx) => {
    const leerlabId = await insertLeerlab(tx, nid, {
      name: input.name, pgp: input.pgp, keuzedeelName: input.keuzedeelName, keuzedeelCode: input.keuzedeelCode, cohortYear: input.cohortYear,
      schoolYear: input.schoolYear, firstDate: input.firstDate, lastDate: input.lastDate, voLocationId: voLoc?.id ?? null, mboLocationId: mboLoc?.id ?? null,
      travelMode: input.travelMode, travelMinutes: computed ?? 15, travelEdited: false, sessionMinutes: input.sessionMinutes, guestMinutes: input.guestMinutes,
      guestEveryWeeks: input.guestEveryWeeks, rules: input.rules, retentionMonths: input.retentionMonths,
    });
    await createPartners(tx, nid, leerlabId, input.partners);
    await replaceStaff(tx, nid, leerlabId, input.staff);
    await createPeriods(tx, nid, leerlabId, input.periods);
    await createParts(tx, nid, leerlabId, input.parts);
    for (const name of [...new Set(input.classes.map((c) => c.toUpperCase()))]) await createClass(tx, nid, leerlabId, name);
    const owner = input.staff.find((s) => s.role === 'vo_coordinator')?.personId ?? actor.personId;
    const mboOwner = input.staff.find((s) => s.role === 'mbo_coordinator')?.personId ?? owner;
    await createChecklistItems(tx, nid, leerlabId, leerlabChecklistTemplate(input.firstDate, input.periods).map((t) => ({
      kind: t.kind, title: translate(actor.locale, t.titleCode, t.params), dueDate: t.dueDate,
      ownerId: t.kind === 'badges' || t.kind === 'grade_accounts' ? mboOwner : owner,
    })));
    await recordAudit(tx, nid, actor.personId, 'create', 'leerlab', leerlabId, { name: input.name });
    return leerlabId;
  });
  return readLeerlab(deps, actor, networkId, id);
}

export async function readLeerlab(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Leerlab> {
  const { nid, row, access, partners, staff } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  const [periods, parts, classes, closed, patterns, counts] = await Promise.all([
    listPeriods(deps.db, nid, id), listParts(deps.db, nid, id), listClasses(deps.db, nid, id), listClosedDays(deps.db, nid, id), listPatterns(deps.db, nid, id),
    countSessions(deps.db, nid, [id]),
  ]);
  const locs = await getLocations(deps.db, nid, [row.voLocationId, row.mboLocationId].filter((x): x is string => Boolean(x)));
  const loc = (lid: string | null) => {
    const l = locs.find((x) => x.id === lid);
    return l ? { id: l.id, name: l.name, address: `${l.address}, ${l.postcode} ${l.city}` } : null;
  };
  const voLoc = locs.find((x) => x.id === row.voLocationId) ?? null;
  const mboLoc = locs.find((x) => x.id === row.mboLocationId) ?? null;
  return {
    id: row.id, name: row.name, pgp: row.pgp, keuzedeelName: row.keuzedeelName, keuzedeelCode: row.keuzedeelCode, schoolYear: row.schoolYear,
    cohortYear: row.cohortYear, firstDate: row.firstDate, lastDate: row.lastDate, myRole: access,
    partners: partners.map((x) => ({ institutionId: x.institutionId, name: x.name, side: x.side as 'vo' | 'mbo' })),
    sessions: counts[0]?.n ?? 0,
    parts: parts.map((p) => ({ id: p.id, name: p.name, hours: p.hours })),
    periods: periods.map((p) => ({ id: p.id, name: p.name, startDate: p.startDate, endDate: p.endDate })),
    classes: classes.map((c) => ({ id: c.cls.id, name: c.cls.name, lessons: c.cls.lessons as LeerlabLesson[], pupils: c.pupils })),
    staff: staff.map((s) => ({ personId: s.personId, name: s.name, email: s.email, role: s.role as Leerlab['staff'][number]['role'] })),
    closedDays: closed.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'study_day', label: d.label })),
    locations: { vo: loc(row.voLocationId), mbo: loc(row.mboLocationId) },
    travelMode: row.travelMode as 'walk' | 'bike', travelMinutes: row.travelMinutes, travelEdited: row.travelEdited,
    travelComputed: leerlabTravelComputed(voLoc, mboLoc, row.travelMode as 'walk' | 'bike'),
    sessionMinutes: row.sessionMinutes, guestMinutes: row.guestMinutes, guestEveryWeeks: row.guestEveryWeeks,
    rules: leerlabRulesSchema.parse(row.rules ?? {}), retentionMonths: row.retentionMonths,
    pupilsRemoveOn: leerlabPupilsRemoveOn(row.lastDate, row.retentionMonths), pupilsRemovedAt: row.pupilsRemovedAt?.toISOString() ?? null,
    patterns: patterns.map((p) => ({
      direction: p.direction as 'pupils_to_mbo' | 'teachers_to_vo', weekday: p.weekday, start: minuteToClock(p.startMinute), end: minuteToClock(p.endMinute), score: p.score,
    })),
  };
}

export async function updateLeerlab(deps: Deps, actor: Actor, networkId: string, id: string, input: LeerlabUpdate): Promise<Leerlab> {
  const { nid, row } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  if (input.staff) await checkStaff(deps, nid, input.staff);
  for (const w of input.rules?.forbidden ?? []) {
    if (clockToMinute(w.end) <= clockToMinute(w.start)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'rules.forbidden', code: 'LEERLAB_END_BEFORE_START' }] });
  }
  let travel: { travelMinutes?: number; travelEdited?: boolean } = {};
  if (input.travelMinutes !== undefined) travel = { travelMinutes: input.travelMinutes, travelEdited: true };
  else if (input.travelMode && input.travelMode !== row.travelMode && !row.travelEdited) {
    const locs = await getLocations(deps.db, nid, [row.voLocationId, row.mboLocationId].filter((x): x is string => Boolean(x)));
    const computed = leerlabTravelComputed(locs.find((l) => l.id === row.voLocationId) ?? null, locs.find((l) => l.id === row.mboLocationId) ?? null, input.travelMode);
    if (computed !== null) travel = { travelMinutes: computed };
  }
  await deps.db.transaction(async (tx) => {
    const { staff, ...rest } = input;
    await saveLeerlab(tx, nid, id, { ...rest, ...travel }, deps.now());
    if (staff) await replaceStaff(tx, nid, id, staff);
    await recordAudit(tx, nid, actor.personId, 'update', 'leerlab', id, { fields: Object.keys(input) });
  });
  return readLeerlab(deps, actor, networkId, id);
}

export async function addLeerlabClass(deps: Deps, actor: Actor, networkId: string, id: string, name: string): Promise<Leerlab> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const existing = await listClasses(deps.db, nid, id);
  if (existing.some((c) => c.cls.name.toLowerCase() === name.toLowerCase())) throw new AppError('LEERLAB_CLASS_EXISTS', { params: { name } });
  await deps.db.transaction(async (tx) => {
    await createClass(tx, nid, id, name.toUpperCase());
  });
  return readLeerlab(deps, actor, networkId, id);
}

export async function saveClassLessons(deps: Deps, actor: Actor, networkId: string, id: string, classId: string, lessons: LeerlabLesson[]): Promise<Leerlab> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const cls = await getClass(deps.db, nid, id, classId);
  if (!cls) throw new AppError('NOT_FOUND');
  lessons.forEach((l, i) => {
    if (clockToMinute(l.end) <= clockToMinute(l.start)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: `lessons.${i}.end`, code: 'LEERLAB_END_BEFORE_START' }] });
  });
  const sorted = [...lessons].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  await deps.db.transaction(async (tx) => {
    await updateClassLessons(tx, nid, classId, sorted);
    await recordAudit(tx, nid, actor.personId, 'update', 'leerlab_class', classId, { lessons: sorted.length });
  });
  return readLeerlab(deps, actor, networkId, id);
}

export async function saveClosedDays(deps: Deps, actor: Actor, networkId: string, id: string, days: { date: string; kind: 'holiday' | 'study_day'; label: string }[]): Promise<Leerlab> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const unique = [...new Map(days.map((d) => [d.date, d])).values()];
  await deps.db.transaction(async (tx) => {
    await replaceClosedDays(tx, nid, id, unique);
    await recordAudit(tx, nid, actor.personId, 'update', 'leerlab_closed_days', id, { days: unique.length });
  });
  return readLeerlab(deps, actor, networkId, id);
}

/** Holidays and study days from a CSV of dates, with a line for every row. */
export async function importClosedDaysCsv(deps: Deps, actor: Actor, networkId: string, id: string, csv: string) {
  const { nid, row } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const parsed = leerlabClosedDaysParse(csv);
  const rows: { row: number; status: 'added' | 'skipped' | 'error'; code: string | null; message: string | null }[] = [];
  const good: { date: string; kind: string; label: string }[] = [];
  for (const p of parsed) {
    if (!p.ok) {
      rows.push({ row: p.row, status: 'error', code: p.code, message: translate(actor.locale, p.code) });
      continue;
    }
    if (p.date < row.firstDate || p.date > row.lastDate) {
      rows.push({ row: p.row, status: 'skipped', code: 'CLOSED_DAY_OUTSIDE_YEAR', message: translate(actor.locale, 'CLOSED_DAY_OUTSIDE_YEAR', { date: p.date }) });
      continue;
    }
    good.push({ date: p.date, kind: p.kind, label: p.label });
    if (!rows.some((r) => r.row === p.row)) rows.push({ row: p.row, status: 'added', code: null, message: null });
  }
  const added = await deps.db.transaction(async (tx) => {
    const n = await addClosedDays(tx, nid, id, good);
    await recordAudit(tx, nid, actor.personId, 'import', 'leerlab_closed_days', id, { added: n });
    return n;
  });
  return { added, rows };
}
