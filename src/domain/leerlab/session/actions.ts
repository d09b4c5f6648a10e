import { randomUUID } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import {
  leerlabPlan, leerlabSessionCheck, type LeerlabParty, type LeerlabPlanInput, type LeerlabDirection, type ZoneRules,
} from '../../../engine/index.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { listBlocks } from '../../calendar/timetable/data.ts';
import { translate } from '../messages.ts';
import { loadLeerlabFor, type LoadedLeerlab } from '../leerlab/actions.ts';
import { listClasses, listClosedDays, getLocations } from '../leerlab/data.ts';
import { leerlabEngineRules, leerlabLessonsExpand, leerlabZoneRules, minuteToClock, clockToMinute } from '../leerlab/rules.ts';
import { leerlabRulesSchema, type LeerlabLesson } from '../leerlab/schema.ts';
import { listSessions, getSession, listAttendance, listPupilsWithClass } from './data.ts';
import { upsertPattern, cancelFutureSessions, createSessions, updateSessionTime, updateSessionStatus, upsertAttendance } from './mutations.ts';
import { calendarFileBuild, type CalendarFileEntry } from '../../../lib/calendar-file.ts';
import type { Attendance, LeerlabSession, Plan } from './schema.ts';

const ZONE = 'Europe/Amsterdam';
const DAY = 86_400_000;

function zoneFor(row: LoadedLeerlab['row']): ZoneRules {
  return leerlabZoneRules(ZONE, Date.parse(`${row.firstDate}T00:00:00Z`) - 3 * DAY, Date.parse(`${row.lastDate}T00:00:00Z`) + 3 * DAY);
}

interface PlanContext {
  input: LeerlabPlanInput;
  names: Map<string, string>;
  zone: ZoneRules;
}

/** The engine's input: the classes' weekly lessons, the teachers' timetables, the other direction's sessions, holidays. */
async function planContext(deps: Deps, l: LoadedLeerlab, maxOptions: number, exceptSessionId?: string): Promise<PlanContext> {
  const { nid, row } = l;
  const zone = zoneFor(row);
  const from = new Date(Date.parse(`${row.firstDate}T00:00:00Z`) - DAY);
  const to = new Date(Date.parse(`${row.lastDate}T00:00:00Z`) + 2 * DAY);
  const teachers = l.staff.filter((s) => s.role === 'mbo_teacher' || s.role === 'vo_teacher');
  const [classes, closed, blocks, sessions] = await Promise.all([
    listClasses(deps.db, nid, row.id), listClosedDays(deps.db, nid, row.id),
    listBlocks(deps.db, nid, [...new Set(teachers.map((t) => t.personId))], from, to), listSessions(deps.db, nid, row.id),
  ]);
  const names = new Map<string, string>();
  const planned = (_all: null) => sessions
    .filter((s) => s.session.status === 'planned' && s.session.id !== exceptSessionId)
    .map((s) => ({ start: s.session.leaveAt.getTime(), end: s.session.returnBy.getTime() }));
  const parties: LeerlabParty[] = [
    ...classes.map((c) => {
      names.set(c.cls.id, c.cls.name);
      return { id: c.cls.id, kind: 'class' as const, side: 'vo' as const, busy: leerlabLessonsExpand(zone, row.firstDate, row.lastDate, c.cls.lessons as LeerlabLesson[]) };
    }),
    ...[...new Map(teachers.map((t) => [t.personId, t])).values()].map((t) => {
      names.set(t.personId, t.name);
      return {
        id: t.personId, kind: 'teacher' as const, side: (t.role === 'mbo_teacher' ? 'mbo' : 'vo') as 'mbo' | 'vo',
        busy: blocks.filter((b) => b.personId === t.personId).map((b) => ({ start: b.startAt.getTime(), end: b.endAt.getTime() })),
      };
    }),
  ];
  const ids = parties.map((p) => p.id);
  const rules = leerlabRulesSchema.parse(row.rules ?? {});
  const input: LeerlabPlanInput = {
    zone, firstDate: row.firstDate, lastDate: row.lastDate, closedDates: closed.map((d) => d.date), travelMinutes: row.travelMinutes,
    // Moving one session: the leerlab's other planned sessions are busy time too.
    parties: exceptSessionId ? parties.map((p) => ({ ...p, busy: [...p.busy, ...planned(null)] })) : parties,
    directions: [
      { direction: 'pupils_to_mbo', partyIds: ids, sessionMinutes: row.sessionMinutes },
      { direction: 'teachers_to_vo', partyIds: ids, sessionMinutes: row.guestMinutes, everyWeeks: row.guestEveryWeeks },
    ],
    rules: leerlabEngineRules(rules, maxOptions),
  };
  return { input, names, zone };
}

/** Runs one direction with the other direction's sessions as busy time. */
function planOne(ctx: PlanContext, direction: LeerlabDirection, otherBusy: (d: LeerlabDirection) => { start: number; end: number }[]) {
  const other = otherBusy(direction);
  const out = leerlabPlan({
    ...ctx.input,
    parties: ctx.input.parties.map((p) => ({ ...p, busy: [...p.busy, ...other] })),
    directions: ctx.input.directions.filter((d) => d.direction === direction),
  });
  return out.directions[0]!;
}

function fmtDate(d: Date | number, locale: Locale, opts: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { ...opts, timeZone: ZONE }).format(new Date(d));
}

async function runPlan(deps: Deps, l: LoadedLeerlab, maxOptions: number) {
  const ctx = await planContext(deps, l, maxOptions);
  const sessions = await listSessions(deps.db, l.nid, l.row.id);
  const otherBusy = (direction: LeerlabDirection) => sessions
    .filter((s) => s.session.status === 'planned' && s.session.direction !== direction)
    .map((s) => ({ start: s.session.leaveAt.getTime(), end: s.session.returnBy.getTime() }));
  // Sessions already planned in the other direction are busy time for everybody of the leerlab.
  return { ctx, results: (['pupils_to_mbo', 'teachers_to_vo'] as const).map((d) => planOne(ctx, d, otherBusy)) };
}

/** The best few weekly patterns per direction, side by side, with the reason for every rejected slot. */
export async function readPlan(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Plan> {
  const l = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const { ctx, results } = await runPlan(deps, l, 3);
  const t = (code: string, params: Record<string, string | number> = {}) => translate(actor.locale, code, params);
  const party = (pid: string | null) => (pid ? ctx.names.get(pid) ?? '' : '');
  return {
    travelMinutes: l.row.travelMinutes,
    directions: results.map((r) => ({
      direction: r.direction,
      feasible: r.feasible,
      options: r.options.map((o) => ({
        direction: o.direction, weekday: o.weekday, start: minuteToClock(o.startMinute), end: minuteToClock(o.endMinute), score: o.score, penalties: o.penalties,
        sessions: o.sessions.map((s) => ({
          date: s.date, start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), leaveAt: new Date(s.leaveAt).toISOString(), returnBy: new Date(s.returnBy).toISOString(),
        })),
        skipped: o.skipped.map((s) => ({ date: s.date, reason: s.reason, partyName: s.partyId ? party(s.partyId) : null, message: t(`LEERLAB_WEEK_${s.reason}`, { party: party(s.partyId) }) })),
      })),
      rejected: r.rejected.filter((x) => x.reason !== 'OUTSIDE_SCHOOL_DAY').map((x) => ({
        weekday: x.weekday, start: minuteToClock(x.startMinute), reason: x.reason,
        message: t(`LEERLAB_REASON_${x.reason}`, { party: party(x.partyId), weeks: x.weeks }),
      })),
      funnel: r.funnel.map((f) => ({ constraint: f.constraint, remaining: f.remaining })),
      emptiedBy: r.emptiedBy,
      emptyMessage: r.emptiedBy ? t('LEERLAB_NO_COMMON_SLOT', { constraint: t(`LEERLAB_CONSTRAINT_${r.emptiedBy}`) }) : null,
    })),
  };
}

function organizerOf(deps: Deps) {
  return { name: 'Kruispunt', email: /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM };
}

async function locationText(deps: Deps, l: LoadedLeerlab, direction: string) {
  const lid = direction === 'pupils_to_mbo' ? l.row.mboLocationId : l.row.voLocationId;
  if (!lid) return '';
  const [loc] = await getLocations(deps.db, l.nid, [lid]);
  return loc ? `${loc.name}, ${loc.address}, ${loc.postcode} ${loc.city}` : '';
}

/** Tells the leerlab's people about new, moved or cancelled sessions, with a calendar invitation (same UID, higher SEQUENCE). */
async function tellStaff(deps: Deps, l: LoadedLeerlab, sessionIds: string[], kind: 'planned' | 'moved' | 'cancelled', locale: Locale) {
  if (sessionIds.length === 0) return;
  const all = await listSessions(deps.db, l.nid, l.row.id);
  const rows = all.filter((s) => sessionIds.includes(s.session.id));
  const people = [...new Map(l.staff.map((s) => [s.personId, s])).values()];
  const cal: CalendarFileEntry[] = [];
  for (const { session: s } of rows) {
    cal.push({
      uid: s.uid, sequence: s.sequence, cancelled: s.status === 'cancelled', start: s.startAt, end: s.endAt, stamp: deps.now(),
      summary: translate(locale, `ICS_LEERLAB_${s.direction.toUpperCase()}`, { leerlab: l.row.name, keuzedeel: l.row.keuzedeelName }),
      description: translate(locale, 'ICS_LEERLAB_DESCRIPTION', {
        leerlab: l.row.name, leave: fmtDate(s.leaveAt, locale, { timeStyle: 'short' }), back: fmtDate(s.returnBy, locale, { timeStyle: 'short' }),
      }),
      location: await locationText(deps, l, s.direction),
    });
  }
  const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const ics = calendarFileBuild(cal, { name: l.row.name, method, organizer: organizerOf(deps), attendees: people.map((p) => ({ name: p.name, email: p.email })) });
  const first = rows[0]!.session;
  const ids: string[] = [];
  await deps.db.transaction(async (tx) => {
    for (const p of people) {
      ids.push(await createOutboxMessage(tx, {
        networkId: l.nid, to: p.email,
        subject: translate(locale, `MAIL_LEERLAB_${kind.toUpperCase()}_SUBJECT`, { leerlab: l.row.name }),
        text: translate(locale, `MAIL_LEERLAB_${kind.toUpperCase()}_TEXT`, {
          name: p.name, leerlab: l.row.name, count: rows.length,
          when: fmtDate(first.startAt, locale, { dateStyle: 'full', timeStyle: 'short' }), end: fmtDate(first.endAt, locale, { timeStyle: 'short' }),
        }),
        ical: ics, icalMethod: method,
      }));
    }
  });
  await deliverMail(deps, ids);
}

/** Takes one of the proposed patterns: the year's sessions of that direction are created (replacing those not yet started). */
export async function choosePlan(deps: Deps, actor: Actor, networkId: string, id: string, input: { direction: LeerlabDirection; weekday: number; start: string }): Promise<LeerlabSession[]> {
  const l = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const { results } = await runPlan(deps, l, 10_000);
  const option = results.find((r) => r.direction === input.direction)!.options.find((o) => o.weekday === input.weekday && o.startMinute === clockToMinute(input.start));
  if (!option) throw new AppError('LEERLAB_SLOT_NOT_FEASIBLE');
  const now = deps.now();
  const future = option.sessions.filter((s) => s.start > now.getTime());
  const { cancelled, created } = await deps.db.transaction(async (tx) => {
    await upsertPattern(tx, l.nid, { leerlabId: id, direction: input.direction, weekday: option.weekday, startMinute: option.startMinute, endMinute: option.endMinute, score: option.score, chosenBy: actor.personId });
    const cancelledIds = await cancelFutureSessions(tx, l.nid, id, input.direction, now);
    const createdIds = await createSessions(tx, l.nid, future.map((s) => ({
      leerlabId: id, direction: input.direction, startAt: new Date(s.start), endAt: new Date(s.end), leaveAt: new Date(s.leaveAt), returnBy: new Date(s.returnBy), uid: `${randomUUID()}@kruispunt`,
    })));
    await recordAudit(tx, l.nid, actor.personId, 'plan', 'leerlab', id, { direction: input.direction, weekday: option.weekday, start: input.start, sessions: createdIds.length });
    return { cancelled: cancelledIds, created: createdIds };
  });
  await tellStaff(deps, l, cancelled, 'cancelled', actor.locale);
  await tellStaff(deps, l, created, 'planned', actor.locale);
  return listLeerlabSessions(deps, actor, networkId, id);
}

function presentSession(row: Awaited<ReturnType<typeof listSessions>>[number]): LeerlabSession {
  const s = row.session;
  return {
    id: s.id, direction: s.direction as LeerlabDirection, start: s.startAt.toISOString(), end: s.endAt.toISOString(), leaveAt: s.leaveAt.toISOString(),
    returnBy: s.returnBy.toISOString(), status: s.status as 'planned' | 'cancelled', sequence: s.sequence, marked: row.marked,
  };
}

export async function listLeerlabSessions(deps: Deps, actor: Actor, networkId: string, id: string): Promise<LeerlabSession[]> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  return (await listSessions(deps.db, nid, id)).map(presentSession);
}

async function loadSession(deps: Deps, nid: AuthorizedNetworkId, leerlabId: string, sessionId: string) {
  const row = await getSession(deps.db, nid, leerlabId, sessionId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Moves one session; a time on a lesson, in a holiday or in a forbidden window is refused with the reason. */
export async function moveSession(deps: Deps, actor: Actor, networkId: string, id: string, sessionId: string, startIso: string): Promise<LeerlabSession> {
  const l = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const row = await loadSession(deps, l.nid, id, sessionId);
  if (row.session.status !== 'planned') throw new AppError('LEERLAB_SESSION_CANCELLED');
  const start = Date.parse(startIso);
  const length = row.session.endAt.getTime() - row.session.startAt.getTime();
  const ctx = await planContext(deps, l, 1, sessionId);
  const rules = leerlabRulesSchema.parse(l.row.rules ?? {});
  const check = leerlabSessionCheck({
    zone: ctx.zone, direction: row.session.direction as LeerlabDirection, start, end: start + length, travelMinutes: l.row.travelMinutes,
    closedDates: ctx.input.closedDates, parties: ctx.input.parties,
    forbidden: rules.forbidden.map((w) => ({ weekday: w.weekday, startMinute: clockToMinute(w.start), endMinute: clockToMinute(w.end) })),
  });
  if (!check.ok) throw new AppError(`LEERLAB_MOVE_${check.reason}`, { params: { party: check.partyId ? ctx.names.get(check.partyId) ?? '' : '' } });
  const travel = l.row.travelMinutes * 60_000;
  await deps.db.transaction(async (tx) => {
    await updateSessionTime(tx, l.nid, sessionId, { startAt: new Date(start), endAt: new Date(start + length), leaveAt: new Date(start - travel), returnBy: new Date(start + length + travel) }, deps.now());
    await recordAudit(tx, l.nid, actor.personId, 'move', 'leerlab_session', sessionId, { start: startIso });
  });
  await tellStaff(deps, l, [sessionId], 'moved', actor.locale);
  return presentSession(await loadSession(deps, l.nid, id, sessionId));
}

/** Cancels one session: it stays in calendars as cancelled, and the people of the leerlab are told. */
export async function cancelSession(deps: Deps, actor: Actor, networkId: string, id: string, sessionId: string): Promise<LeerlabSession> {
  const l = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const row = await loadSession(deps, l.nid, id, sessionId);
  if (row.session.status !== 'planned') throw new AppError('LEERLAB_SESSION_CANCELLED');
  await deps.db.transaction(async (tx) => {
    await updateSessionStatus(tx, l.nid, sessionId, 'cancelled', deps.now());
    await recordAudit(tx, l.nid, actor.personId, 'cancel', 'leerlab_session', sessionId, null);
  });
  await tellStaff(deps, l, [sessionId], 'cancelled', actor.locale);
  return presentSession(await loadSession(deps, l.nid, id, sessionId));
}

export async function readAttendance(deps: Deps, actor: Actor, networkId: string, id: string, sessionId: string): Promise<Attendance> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  const row = await loadSession(deps, nid, id, sessionId);
  const [pupils, marks] = await Promise.all([listPupilsWithClass(deps.db, nid, id), listAttendance(deps.db, nid, sessionId)]);
  return {
    session: presentSession(row),
    pupils: pupils.map((p) => ({ ...p, status: (marks.find((m) => m.pupilId === p.id)?.status ?? null) as Attendance['pupils'][number]['status'] })),
  };
}

export async function saveAttendance(deps: Deps, actor: Actor, networkId: string, id: string, sessionId: string, marks: { pupilId: string; status: string }[]): Promise<Attendance> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  const row = await loadSession(deps, nid, id, sessionId);
  if (row.session.status !== 'planned') throw new AppError('LEERLAB_SESSION_CANCELLED');
  const pupils = new Set((await listPupilsWithClass(deps.db, nid, id)).map((p) => p.id));
  if (marks.some((m) => !pupils.has(m.pupilId))) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    await upsertAttendance(tx, nid, sessionId, marks, actor.personId, deps.now());
  });
  return readAttendance(deps, actor, networkId, id, sessionId);
}
