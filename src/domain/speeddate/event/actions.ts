import { AppError, type FieldIssue } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { zonedDate, zonedToUtc } from '../../../lib/time.ts';
import type { Tx } from '../../../db/client.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { learnerReportNotify } from '../../learner-report/public.ts';
import { translate } from '../messages.ts';
import { getEventRow, listChoices, listEventRows, listInstitutionNames, listMembersWithRole, listParticipants, listSeats, lockEventRow, type EventRow, getEventNetworkId } from './data.ts';
import { addParticipants, announceClockChange, createEvent, raiseEventSequence, replaceChoices, replaceSeatsFrom, setEventPause, setParticipantStatus } from './mutations.ts';
import { policySpeeddateCanManage, policySpeeddateManage, policySpeeddateRead } from './policy.ts';
import { speeddateMutualPairs, speeddateOpenFromRound, speeddateRotationFrom, speeddateRoundsNeeded, speeddateRoundTimes } from './rules.ts';
import { buildSpeeddateEntry, speeddateEndAt } from './build-calendar.ts';
import { calendarFileBuild } from '../../../lib/calendar-file.ts';
import type { ChoicesInput, CheckIn, Clock, Participant, ParticipantStatus, Speeddate, SpeeddateInput, SpeeddateSummary } from './schema.ts';

// Speeddate events: a coordinator organises, teachers register, the door checks people in and
// every change in who is there recomputes the rotation from the first round that has not begun.

const MAX_ROUNDS = 60;
type ParticipantRow = Awaited<ReturnType<typeof listParticipants>>[number];

function organizer(deps: Deps) {
  return { name: 'Kruispunt', email: /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM };
}

const when = (d: Date, locale: Locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);
const hhmm = (d: Date) => new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(d);

/** Whether a participant takes part in the rotation. */
export function speeddatePresent(p: { role: string; status: string }): boolean {
  return p.role === 'professional' ? p.status !== 'declined' && p.status !== 'no_show' : p.status === 'registered' || p.status === 'arrived';
}

async function loadEvent(deps: Deps, nid: AuthorizedNetworkId, eventId: string): Promise<EventRow> {
  const row = await getEventRow(deps.db, nid, eventId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function summarize(event: EventRow, participants: ParticipantRow[], personId: string): SpeeddateSummary {
  const mine = participants.filter((p) => p.participant.eventId === event.id);
  return {
    id: event.id, title: event.title, startAt: event.startAt.toISOString(), endAt: speeddateEndAt(event).toISOString(), place: event.place,
    tableCount: event.tableCount, rounds: event.rounds,
    teachers: mine.filter((p) => p.participant.role === 'teacher' && speeddatePresent(p.participant)).length,
    professionals: mine.filter((p) => p.participant.role === 'professional' && speeddatePresent(p.participant)).length,
    myStatus: (mine.find((p) => p.participant.personId === personId)?.participant.status as ParticipantStatus | undefined) ?? null,
  };
}

export async function listSpeeddates(deps: Deps, actor: Actor, networkId: string): Promise<SpeeddateSummary[]> {
  const nid = policySpeeddateRead(actor, networkId);
  const events = await listEventRows(deps.db, nid);
  const participants = await listParticipants(deps.db, nid, events.map((e) => e.id));
  const manage = policySpeeddateCanManage(actor, networkId);
  return events
    .filter((e) => manage || participants.some((p) => p.participant.eventId === e.id && p.participant.personId === actor.personId))
    .map((e) => summarize(e, participants, actor.personId));
}

export async function readSpeeddate(deps: Deps, actor: Actor, networkId: string, eventId: string): Promise<Speeddate> {
  const nid = policySpeeddateRead(actor, networkId);
  const event = await loadEvent(deps, nid, eventId);
  const canManage = policySpeeddateCanManage(actor, networkId);
  const participants = await listParticipants(deps.db, nid, [eventId]);
  if (!canManage && !participants.some((p) => p.participant.personId === actor.personId)) throw new AppError('NOT_FOUND');
  const seats = await listSeats(deps.db, nid, eventId);
  const institutionsOf = await listInstitutionNames(deps.db, nid, participants.map((p) => p.participant.personId));
  const names = new Map(participants.map((p) => [p.participant.personId, p.name]));
  const choices = await listChoices(deps.db, nid, [eventId]);
  const metIds = new Set(seats.flatMap((s) => (s.teacherId === actor.personId ? [s.professionalId] : s.professionalId === actor.personId ? [s.teacherId] : [])));
  const teacherIds = new Set(participants.filter((p) => p.participant.role === 'teacher').map((p) => p.participant.personId));
  const date = zonedDate(event.startAt);
  return {
    ...summarize(event, participants, actor.personId),
    date, startTime: hhmm(event.startAt), seatsPerTable: event.seatsPerTable, roundMinutes: event.roundMinutes, changeoverMinutes: event.changeoverMinutes,
    breakAfterRound: event.breakAfterRound, breakMinutes: event.breakMinutes,
    roundTimes: speeddateRoundTimes(event).map((r) => ({ round: r.round, startAt: r.startAt.toISOString(), endAt: r.endAt.toISOString() })),
    pausedAt: event.pausedAt?.toISOString() ?? null,
    participants: (canManage ? participants : participants.filter((p) => p.participant.role === 'professional' || p.participant.personId === actor.personId)).map((p): Participant => ({
      personId: p.participant.personId, name: p.name, institutionName: institutionsOf.get(p.participant.personId) ?? null,
      role: p.participant.role as Participant['role'], tableNo: p.participant.tableNo, status: p.participant.status as ParticipantStatus,
    })),
    seats: (canManage ? seats : seats.filter((s) => s.teacherId === actor.personId || s.professionalId === actor.personId))
      .map((s) => ({ round: s.round, tableNo: s.tableNo, professionalId: s.professionalId, teacherId: s.teacherId })),
    openFromRound: speeddateOpenFromRound(event, deps.now()),
    canManage,
    met: [...metIds].map((id) => ({ personId: id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
    myChoices: choices.filter((c) => c.chooserId === actor.personId).map((c) => c.chosenId),
    mutual: canManage
      ? speeddateMutualPairs(choices, teacherIds).map((m) => ({ ...m, teacherName: names.get(m.teacherId) ?? '', professionalName: names.get(m.professionalId) ?? '' }))
      : [],
  };
}

/** Recomputes the rotation (inside the transaction, the event row locked) from the first round that has not begun. */
async function recomputeInTx(tx: Tx, nid: AuthorizedNetworkId, event: EventRow, now: Date) {
  await announceClockChange(tx, event.id);
  const fromRound = speeddateOpenFromRound(event, now);
  if (fromRound > event.rounds) return;
  const participants = await listParticipants(tx, nid, [event.id]);
  const present = participants.filter((p) => speeddatePresent(p.participant));
  const teacherIds = present.filter((p) => p.participant.role === 'teacher').map((p) => p.participant.personId);
  const professionals = present.filter((p) => p.participant.role === 'professional');
  const tableOf = new Map(professionals.map((p) => [p.participant.personId, p.participant.tableNo ?? 0]));
  const kept = (await listSeats(tx, nid, event.id)).filter((s) => s.round < fromRound);
  const plan = speeddateRotationFrom({
    kept, teacherIds, professionalIds: professionals.map((p) => p.participant.personId), seatsPerTable: event.seatsPerTable, rounds: event.rounds, fromRound,
  });
  await replaceSeatsFrom(tx, nid, event.id, fromRound, plan.filter((s) => s.round >= fromRound).map((s) => ({ ...s, tableNo: tableOf.get(s.professionalId) ?? 0 })));
}

function inputIssues(input: SpeeddateInput): void {
  if (input.roundMinutes === 0) throw new AppError('SPEEDDATE_ROUND_LENGTH_ZERO');
  if (input.professionalIds.length > input.tableCount) {
    throw new AppError('SPEEDDATE_TOO_MANY_PROFESSIONALS', { params: { professionals: input.professionalIds.length, tables: input.tableCount } });
  }
}

/** A coordinator creates an event and invites the teachers and professionals (mail with the calendar invitation, and an in-app notice). */
export async function createSpeeddate(deps: Deps, actor: Actor, networkId: string, input: SpeeddateInput): Promise<Speeddate> {
  const nid = policySpeeddateManage(actor, networkId);
  inputIssues(input);
  const professionalIds = [...new Set(input.professionalIds)];
  const teacherIds = [...new Set(input.teacherIds)];
  const fields: FieldIssue[] = [];
  const pros = new Set((await listMembersWithRole(deps.db, nid, 'professional', professionalIds)).map((m) => m.personId));
  const teachers = new Set((await listMembersWithRole(deps.db, nid, 'teacher', teacherIds)).map((m) => m.personId));
  professionalIds.forEach((id, i) => { if (!pros.has(id)) fields.push({ path: `professionalIds.${i}`, code: 'FIELD_NOT_A_PROFESSIONAL' }); });
  teacherIds.forEach((id, i) => { if (!teachers.has(id)) fields.push({ path: `teacherIds.${i}`, code: 'FIELD_NOT_A_TEACHER' }); });
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  const rounds = input.rounds ?? Math.min(MAX_ROUNDS, speeddateRoundsNeeded(teacherIds.length, professionalIds.length, input.seatsPerTable));
  const startAt = zonedToUtc(input.date, input.startTime);
  const timing = { startAt, rounds, roundMinutes: input.roundMinutes, changeoverMinutes: input.changeoverMinutes, breakAfterRound: input.breakAfterRound, breakMinutes: input.breakMinutes };
  const last = speeddateRoundTimes(timing).at(-1)!;
  if (last.endAt.getTime() - startAt.getTime() > 16 * 3_600_000) throw new AppError('SPEEDDATE_TOO_MANY_ROUNDS', { params: { max: Math.floor((16 * 60) / (input.roundMinutes + input.changeoverMinutes)) } });
  const now = deps.now();
  const mailIds: string[] = [];
  const id = await deps.db.transaction(async (tx) => {
    const eventId = await createEvent(tx, nid, {
      title: input.title, startAt, place: input.place, tableCount: input.tableCount, seatsPerTable: input.seatsPerTable, rounds,
      roundMinutes: input.roundMinutes, changeoverMinutes: input.changeoverMinutes, breakAfterRound: input.breakAfterRound, breakMinutes: input.breakMinutes,
      createdBy: actor.personId, createdAt: now, updatedAt: now,
    });
    await addParticipants(tx, nid, eventId, [
      ...professionalIds.map((personId, i) => ({ personId, role: 'professional' as const, tableNo: i + 1, status: 'registered' as const })),
      ...teacherIds.map((personId) => ({ personId, role: 'teacher' as const, tableNo: null, status: 'invited' as const })),
    ]);
    const event = (await lockEventRow(tx, nid, eventId))!;
    await recomputeInTx(tx, nid, event, now);
    for (const p of await listParticipants(tx, nid, [eventId])) mailIds.push(await queueInvite(tx, deps, nid, event, p));
    await recordAudit(tx, nid, actor.personId, 'create', 'speeddate', eventId, { teachers: teacherIds.length, professionals: professionalIds.length });
    return eventId;
  });
  await deliverMail(deps, mailIds);
  return readSpeeddate(deps, actor, networkId, id);
}

async function queueInvite(tx: Tx, deps: Deps, nid: AuthorizedNetworkId, event: EventRow, p: ParticipantRow): Promise<string> {
  const locale = (p.locale === 'en' ? 'en' : 'nl') as Locale;
  const link = `${deps.config.PUBLIC_URL}/speeddates/${event.id}`;
  await learnerReportNotify(tx, nid, p.participant.personId, 'SPEEDDATE_INVITED', { eventId: event.id, title: event.title, link: `/speeddates/${event.id}` }, deps.now());
  return createOutboxMessage(tx, {
    networkId: nid, to: p.email,
    subject: translate(locale, 'MAIL_SPEEDDATE_INVITE_SUBJECT', { title: event.title }),
    text: translate(locale, 'MAIL_SPEEDDATE_INVITE_TEXT', { name: p.name, title: event.title, when: when(event.startAt, locale), place: event.place, link }),
    ical: calendarFileBuild([buildSpeeddateEntry(event, p.participant.personId, p.participant.status, locale)], { name: event.title, method: 'REQUEST', organizer: organizer(deps) }),
    icalMethod: 'REQUEST',
  });
}

/** An invited teacher registers or declines (a professional may decline, and take it back); the rotation follows. */
export async function respondSpeeddate(deps: Deps, actor: Actor, networkId: string, eventId: string, attending: boolean): Promise<Speeddate> {
  const nid = policySpeeddateRead(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const event = await lockEventRow(tx, nid, eventId);
    if (!event) throw new AppError('NOT_FOUND');
    const me = (await listParticipants(tx, nid, [eventId])).find((p) => p.participant.personId === actor.personId);
    if (!me) throw new AppError('NOT_FOUND');
    const now = deps.now();
    if (speeddateOpenFromRound(event, now) > event.rounds) throw new AppError('SPEEDDATE_AFTER_LAST_ROUND');
    await setParticipantStatus(tx, nid, eventId, actor.personId, attending ? 'registered' : 'declined', now);
    await raiseEventSequence(tx, nid, eventId, now);
    await recomputeInTx(tx, nid, event, now);
  });
  return readSpeeddate(deps, actor, networkId, eventId);
}

/**
 * The check-in list at the door: an arrival, a no-show (or undoing one). The rotation is
 * recomputed from the first round that has not begun; rounds that began stay as they were.
 */
export async function checkInSpeeddate(deps: Deps, actor: Actor, networkId: string, eventId: string, input: CheckIn): Promise<Speeddate> {
  const nid = policySpeeddateManage(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const event = await lockEventRow(tx, nid, eventId);
    if (!event) throw new AppError('NOT_FOUND');
    const who = (await listParticipants(tx, nid, [eventId])).find((p) => p.participant.personId === input.personId);
    if (!who) throw new AppError('SPEEDDATE_NOT_PARTICIPANT');
    const now = deps.now();
    if (input.status !== 'no_show' && speeddateOpenFromRound(event, now) > event.rounds) throw new AppError('SPEEDDATE_AFTER_LAST_ROUND');
    await setParticipantStatus(tx, nid, eventId, input.personId, input.status, now);
    await recomputeInTx(tx, nid, event, now);
    await recordAudit(tx, nid, actor.personId, 'update', 'speeddate_participant', eventId, { personId: input.personId, status: input.status });
  });
  return readSpeeddate(deps, actor, networkId, eventId);
}

/** After the event: whom the participant would like to meet again (only people they sat with). Mutual choices notify both. */
export async function chooseSpeeddate(deps: Deps, actor: Actor, networkId: string, eventId: string, input: ChoicesInput): Promise<Speeddate> {
  const nid = policySpeeddateRead(actor, networkId);
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    const event = await getEventRow(tx, nid, eventId);
    if (!event) throw new AppError('NOT_FOUND');
    const participants = await listParticipants(tx, nid, [eventId]);
    const me = participants.find((p) => p.participant.personId === actor.personId);
    if (!me) throw new AppError('NOT_FOUND');
    const seats = await listSeats(tx, nid, eventId);
    const met = new Set(seats.flatMap((s) => (s.teacherId === actor.personId ? [s.professionalId] : s.professionalId === actor.personId ? [s.teacherId] : [])));
    const chosen = [...new Set(input.chosenIds)];
    if (chosen.some((id) => !met.has(id))) throw new AppError('SPEEDDATE_NOT_MET');
    const before = await listChoices(tx, nid, [eventId]);
    const now = deps.now();
    await replaceChoices(tx, nid, eventId, actor.personId, chosen, now);
    const wasMutual = new Set(before.filter((c) => c.chooserId === actor.personId).map((c) => c.chosenId));
    const newlyMutual = chosen.filter((id) => !wasMutual.has(id) && before.some((c) => c.chooserId === id && c.chosenId === actor.personId));
    for (const otherId of newlyMutual) {
      const other = participants.find((p) => p.participant.personId === otherId)!;
      for (const [a, b] of [[me, other], [other, me]] as const) {
        const locale = (a.locale === 'en' ? 'en' : 'nl') as Locale;
        await learnerReportNotify(tx, nid, a.participant.personId, 'SPEEDDATE_MUTUAL', { eventId, other: b.name, title: event.title, link: '/twinning' }, now);
        mailIds.push(await createOutboxMessage(tx, {
          networkId: nid, to: a.email, subject: translate(locale, 'MAIL_SPEEDDATE_MUTUAL_SUBJECT'),
          text: translate(locale, 'MAIL_SPEEDDATE_MUTUAL_TEXT', { name: a.name, other: b.name, title: event.title, link: `${deps.config.PUBLIC_URL}/twinning` }),
        }));
      }
    }
  });
  await deliverMail(deps, mailIds);
  return readSpeeddate(deps, actor, networkId, eventId);
}

/** What the room clock shows: round times and who sits where, by name. Any participant or organiser may open it. */
export async function readSpeeddateClock(deps: Deps, actor: Actor, networkId: string, eventId: string): Promise<Clock> {
  const view = await readSpeeddate(deps, actor, networkId, eventId);
  const nid = policySpeeddateRead(actor, networkId);
  const participants = await listParticipants(deps.db, nid, [eventId]);
  const seats = await listSeats(deps.db, nid, eventId);
  const names = new Map(participants.map((p) => [p.participant.personId, p.name]));
  const tables = participants.filter((p) => p.participant.role === 'professional' && speeddatePresent(p.participant))
    .map((p) => ({ tableNo: p.participant.tableNo ?? 0, professionalName: p.name })).sort((a, b) => a.tableNo - b.tableNo);
  return {
    id: view.id, title: view.title, place: view.place, roundTimes: view.roundTimes, tables, pausedAt: view.pausedAt,
    seating: view.roundTimes.map((r) => ({
      round: r.round,
      tables: tables.map((t) => ({ tableNo: t.tableNo, teacherNames: seats.filter((s) => s.round === r.round && s.tableNo === t.tableNo).map((s) => names.get(s.teacherId) ?? '').sort() })),
    })),
  };
}

/**
 * A coordinator pauses the room clock (every screen stands still at once) and resumes it: the
 * rounds that had not ended move later by the length of the pause. Pausing twice or resuming a
 * running clock changes nothing.
 */
export async function pauseSpeeddate(deps: Deps, actor: Actor, networkId: string, eventId: string, paused: boolean): Promise<Speeddate> {
  const nid = policySpeeddateManage(actor, networkId);
  await deps.db.transaction(async (tx) => {
    const event = await lockEventRow(tx, nid, eventId);
    if (!event) throw new AppError('NOT_FOUND');
    const now = deps.now();
    if (paused === (event.pausedAt !== null)) return;
    if (paused) {
      if (now.getTime() >= speeddateEndAt(event).getTime()) throw new AppError('SPEEDDATE_AFTER_LAST_ROUND');
      await setEventPause(tx, nid, eventId, { pausedAt: now, pausedMs: event.pausedMs }, now);
    } else {
      await setEventPause(tx, nid, eventId, { pausedAt: null, pausedMs: event.pausedMs + Math.max(0, now.getTime() - event.pausedAt!.getTime()) }, now);
    }
    await announceClockChange(tx, eventId);
    await recordAudit(tx, nid, actor.personId, 'update', 'speeddate_event', eventId, { paused });
  });
  return readSpeeddate(deps, actor, networkId, eventId);
}

/** The network of an event for the room clock's stream; NOT_FOUND when there is none (the viewer is checked after). */
export async function findSpeeddateNetwork(deps: Deps, eventId: string): Promise<string> {
  const networkId = await getEventNetworkId(deps.db, eventId);
  if (!networkId) throw new AppError('NOT_FOUND');
  return networkId;
}

/** The server's time, from which every room clock computes its offset. */
export function readServerTime(deps: Deps): { now: string } {
  return { now: deps.now().toISOString() };
}

/** Rows of the rotation for the route cards and the export: round, times, table, professional, teacher. */
export async function listSpeeddateRoute(deps: Deps, actor: Actor, networkId: string, eventId: string) {
  const nid = policySpeeddateManage(actor, networkId);
  const event = await loadEvent(deps, nid, eventId);
  const participants = await listParticipants(deps.db, nid, [eventId]);
  const seats = await listSeats(deps.db, nid, eventId);
  const names = new Map(participants.map((p) => [p.participant.personId, p.name]));
  const times = speeddateRoundTimes(event);
  return {
    event,
    times,
    teachers: participants.filter((p) => p.participant.role === 'teacher' && speeddatePresent(p.participant)).map((p) => ({ id: p.participant.personId, name: p.name })),
    tables: participants.filter((p) => p.participant.role === 'professional' && speeddatePresent(p.participant)).map((p) => ({ id: p.participant.personId, name: p.name, tableNo: p.participant.tableNo ?? 0 })),
    rows: seats.map((s) => ({
      round: s.round, startAt: times[s.round - 1]!.startAt, endAt: times[s.round - 1]!.endAt, tableNo: s.tableNo,
      professionalId: s.professionalId, professional: names.get(s.professionalId) ?? '', teacherId: s.teacherId, teacher: names.get(s.teacherId) ?? '',
    })),
  };
}
