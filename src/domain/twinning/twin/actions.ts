import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { zonedDate, zonedToUtc } from '../../../lib/time.ts';
import type { Tx } from '../../../db/client.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { listBlocks } from '../../calendar/timetable/data.ts';
import { learnerReportNotify } from '../../learner-report/public.ts';
import { speeddateMutualChoices } from '../../speeddate/public.ts';
import { translate } from '../messages.ts';
import { getGoal, getMeeting, getProfile, getTwin, listGoals, listMeetings, listMembers, listProfiles, listTwins, type MeetingRow, type TwinRow } from './data.ts';
import { createGoal, createMeeting, createTwin, logMeeting, updateGoal, updateTwin, upsertProfile, cancelMeeting } from './mutations.ts';
import { policyTwinMember, policyTwinningCanManage, policyTwinningParticipant, policyTwinningRead, policyTwinningRole } from './policy.ts';
import { twinningFreeSlots, twinningScore, twinningSuggest, type Candidate } from './rules.ts';
import { meetingCalendarEntry } from './build-calendar.ts';
import { calendarFileBuild } from '../../../lib/calendar-file.ts';
import type { Goal, GoalUpdate, Meeting, MeetingForm, MeetingInput, MeetingLog, ProfileInput, Reason, Suggestion, Twin, TwinInput, TwinningOverview, TwinSummary } from './schema.ts';

// Job Twinning: profiles and goals, suggestions over all candidates at once, confirming a twin,
// its meetings (planned with free time from the teacher's timetable, logged, credited in hours),
// goal progress and the closing evaluation by both.

type Member = Awaited<ReturnType<typeof listMembers>>[number];

function organizer(deps: Deps) {
  return { name: 'Kruispunt', email: /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM };
}
const when = (d: Date, locale: Locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);
const localeOf = (m: { locale: string }): Locale => (m.locale === 'en' ? 'en' : 'nl');
const goalOut = (g: Awaited<ReturnType<typeof listGoals>>[number]): Goal => ({ id: g.id, personId: g.personId, text: g.text, progress: g.progress, progressNote: g.progressNote });

function meetingOut(m: MeetingRow): Meeting {
  return {
    id: m.id, form: m.form as MeetingForm, title: m.title, startAt: m.startAt.toISOString(), endAt: m.endAt.toISOString(), location: m.location,
    status: m.status as Meeting['status'], notes: m.notes, learned: m.learned, hours: Number(m.hours),
  };
}

function summarize(t: TwinRow, names: Map<string, string>, meetings: MeetingRow[]): TwinSummary {
  const own = meetings.filter((m) => m.twinId === t.id);
  return {
    id: t.id, status: t.status as TwinSummary['status'], teacherId: t.teacherId, teacherName: names.get(t.teacherId) ?? '', professionalId: t.professionalId,
    professionalName: names.get(t.professionalId) ?? '', teacherConfirmed: t.teacherConfirmed, professionalConfirmed: t.professionalConfirmed,
    meetings: own.length, hours: own.filter((m) => m.status === 'logged').reduce((n, m) => n + Number(m.hours), 0),
  };
}

/** All suggestions of the network: one assignment over every available teacher and professional without a twin. */
async function computeSuggestions(tx: Tx, nid: AuthorizedNetworkId): Promise<Suggestion[]> {
  const members = await listMembers(tx, nid);
  const profiles = new Map((await listProfiles(tx, nid)).map((p) => [p.personId, p]));
  const goals = await listGoals(tx, nid);
  const twinned = new Set((await listTwins(tx, nid)).filter((t) => t.status !== 'closed').flatMap((t) => [t.teacherId, t.professionalId]));
  const mutualList = await speeddateMutualChoices(tx, nid);
  const mutual = new Map(mutualList.map((m) => [`${m.teacherId}|${m.professionalId}`, m.eventTitle]));
  const inMutual = new Set(mutualList.flatMap((m) => [m.teacherId, m.professionalId]));
  const candidates = (role: 'teacher' | 'professional'): Candidate[] => {
    const ids = [...new Set(members.filter((m) => m.role === role).map((m) => m.personId))];
    return ids
      .filter((id) => !twinned.has(id) && (profiles.get(id)?.available ?? inMutual.has(id)))
      .map((id) => ({ id, iscedCodes: profiles.get(id)?.iscedCodes ?? [], text: [profiles.get(id)?.about ?? '', ...goals.filter((g) => g.personId === id).map((g) => g.text)].join(' ') }));
  };
  const byId = new Map(members.map((m) => [m.personId, m]));
  return twinningSuggest(candidates('teacher'), candidates('professional'), mutual).map((s) => ({
    ...s, teacherName: byId.get(s.teacherId)?.name ?? '', professionalName: byId.get(s.professionalId)?.name ?? '',
    professionalInstitution: members.find((m) => m.personId === s.professionalId && m.role === 'professional')?.institutionName ?? null,
  }));
}

export async function readTwinningOverview(deps: Deps, actor: Actor, networkId: string): Promise<TwinningOverview> {
  const nid = policyTwinningRead(actor, networkId);
  const role = policyTwinningRole(actor, networkId);
  const manage = policyTwinningCanManage(actor, networkId);
  const profile = await getProfile(deps.db, nid, actor.personId);
  const twins = await listTwins(deps.db, nid, manage ? undefined : actor.personId);
  const members = await listMembers(deps.db, nid);
  const names = new Map(members.map((m) => [m.personId, m.name]));
  const meetings = await listMeetings(deps.db, nid, twins.map((t) => t.id));
  const suggestions = role === 'other' ? [] : (await computeSuggestions(deps.db, nid)).filter((s) => manage || s.teacherId === actor.personId || s.professionalId === actor.personId);
  return {
    role: manage && role !== 'teacher' && role !== 'professional' ? 'coordinator' : role,
    profile: profile ? { iscedCodes: profile.iscedCodes, about: profile.about, available: profile.available } : null,
    goals: (await listGoals(deps.db, nid, [actor.personId])).map(goalOut),
    twins: twins.map((t) => summarize(t, names, meetings)),
    suggestions,
  };
}

export async function saveTwinningProfile(deps: Deps, actor: Actor, networkId: string, input: ProfileInput): Promise<TwinningOverview> {
  const { nid, role } = policyTwinningParticipant(actor, networkId);
  await upsertProfile(deps.db, nid, actor.personId, role, input, deps.now());
  return readTwinningOverview(deps, actor, networkId);
}

export async function addTwinningGoal(deps: Deps, actor: Actor, networkId: string, text: string): Promise<TwinningOverview> {
  const { nid, role } = policyTwinningParticipant(actor, networkId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (!(await getProfile(tx, nid, actor.personId))) await upsertProfile(tx, nid, actor.personId, role, { iscedCodes: [], about: '', available: true }, now);
    await createGoal(tx, nid, actor.personId, text, now);
  });
  return readTwinningOverview(deps, actor, networkId);
}

/** The goal's owner changes its text or records progress. */
export async function changeTwinningGoal(deps: Deps, actor: Actor, networkId: string, goalId: string, input: GoalUpdate): Promise<Goal> {
  const nid = policyTwinningRead(actor, networkId);
  const goal = await getGoal(deps.db, nid, goalId);
  if (!goal || goal.personId !== actor.personId) throw new AppError('NOT_FOUND');
  await updateGoal(deps.db, nid, goalId, input, deps.now());
  return goalOut((await getGoal(deps.db, nid, goalId))!);
}

async function loadTwin(deps: Deps | { db: Tx }, nid: AuthorizedNetworkId, twinId: string): Promise<TwinRow> {
  const twin = await getTwin(deps.db, nid, twinId);
  if (!twin) throw new AppError('NOT_FOUND');
  return twin;
}

export async function readTwin(deps: Deps, actor: Actor, networkId: string, twinId: string): Promise<Twin> {
  const nid = policyTwinningRead(actor, networkId);
  const twin = await loadTwin(deps, nid, twinId);
  const myRole = policyTwinMember(actor, networkId, twin);
  const members = await listMembers(deps.db, nid);
  const names = new Map(members.map((m) => [m.personId, m.name]));
  const meetings = await listMeetings(deps.db, nid, [twin.id]);
  const goals = await listGoals(deps.db, nid, [twin.teacherId, twin.professionalId]);
  const canConfirm = twin.status === 'proposed' && (myRole === 'coordinator' || (myRole === 'teacher' && !twin.teacherConfirmed) || (myRole === 'professional' && !twin.professionalConfirmed));
  return {
    ...summarize(twin, names, meetings),
    score: twin.score, reason: twin.reason as Reason,
    teacherGoals: goals.filter((g) => g.personId === twin.teacherId).map(goalOut),
    professionalGoals: goals.filter((g) => g.personId === twin.professionalId).map(goalOut),
    meetingList: meetings.map(meetingOut),
    teacherEvaluation: twin.teacherEvaluation, professionalEvaluation: twin.professionalEvaluation,
    myRole, canConfirm,
  };
}

async function queueTwinMails(tx: Tx, deps: Deps, nid: AuthorizedNetworkId, twin: { id: string; teacherId: string; professionalId: string }, members: Member[], kind: 'ACTIVE' | 'PROPOSED', now: Date): Promise<string[]> {
  const ids: string[] = [];
  const person = (id: string) => members.find((m) => m.personId === id)!;
  for (const [a, b] of [[twin.teacherId, twin.professionalId], [twin.professionalId, twin.teacherId]] as const) {
    const me = person(a);
    const other = person(b);
    const locale = localeOf(me);
    await learnerReportNotify(tx, nid, a, `TWIN_${kind}`, { twinId: twin.id, other: other.name, link: `/twinning/${twin.id}` }, now);
    ids.push(await createOutboxMessage(tx, {
      networkId: nid, to: me.email,
      subject: translate(locale, `MAIL_TWIN_${kind}_SUBJECT`, { other: other.name }),
      text: translate(locale, `MAIL_TWIN_${kind}_TEXT`, { name: me.name, other: other.name, link: `${deps.config.PUBLIC_URL}/twinning/${twin.id}` }),
    }));
  }
  return ids;
}

/**
 * A twin of a teacher and a professional: a coordinator's is active at once; one of the two
 * proposes it (their own confirmation), the other confirms. Neither may already have a twin.
 */
export async function proposeTwin(deps: Deps, actor: Actor, networkId: string, input: TwinInput): Promise<Twin> {
  const nid = policyTwinningRead(actor, networkId);
  const manage = policyTwinningCanManage(actor, networkId);
  if (!manage && actor.personId !== input.teacherId && actor.personId !== input.professionalId) throw new AppError('FORBIDDEN');
  const now = deps.now();
  const mailIds: string[] = [];
  const id = await deps.db.transaction(async (tx) => {
    const members = await listMembers(tx, nid);
    if (!members.some((m) => m.personId === input.teacherId && m.role === 'teacher') || !members.some((m) => m.personId === input.professionalId && m.role === 'professional')) {
      throw new AppError('TWINNING_NOT_A_PAIR');
    }
    const open = (await listTwins(tx, nid)).filter((t) => t.status !== 'closed');
    if (open.some((t) => t.teacherId === input.teacherId || t.professionalId === input.professionalId)) throw new AppError('TWINNING_ALREADY_TWINNED');
    const profiles = new Map((await listProfiles(tx, nid)).map((p) => [p.personId, p]));
    const goals = await listGoals(tx, nid, [input.teacherId, input.professionalId]);
    const cand = (pid: string): Candidate => ({ id: pid, iscedCodes: profiles.get(pid)?.iscedCodes ?? [], text: [profiles.get(pid)?.about ?? '', ...goals.filter((g) => g.personId === pid).map((g) => g.text)].join(' ') });
    const mutual = (await speeddateMutualChoices(tx, nid)).find((m) => m.teacherId === input.teacherId && m.professionalId === input.professionalId);
    const { score, reason } = twinningScore(cand(input.teacherId), cand(input.professionalId), mutual?.eventTitle ?? null);
    const active = manage;
    const twinId = await createTwin(tx, nid, {
      teacherId: input.teacherId, professionalId: input.professionalId, status: active ? 'active' : 'proposed',
      teacherConfirmed: active || actor.personId === input.teacherId, professionalConfirmed: active || actor.personId === input.professionalId,
      confirmedBy: active ? actor.personId : null, score, reason, createdAt: now, activatedAt: active ? now : null,
    });
    mailIds.push(...(await queueTwinMails(tx, deps, nid, { id: twinId, ...input }, members, active ? 'ACTIVE' : 'PROPOSED', now)));
    await recordAudit(tx, nid, actor.personId, 'create', 'twin', twinId, { status: active ? 'active' : 'proposed' });
    return twinId;
  });
  await deliverMail(deps, mailIds);
  return readTwin(deps, actor, networkId, id);
}

/** The other one of the two (or a coordinator) confirms; then the twin is active. */
export async function confirmTwin(deps: Deps, actor: Actor, networkId: string, twinId: string): Promise<Twin> {
  const nid = policyTwinningRead(actor, networkId);
  const now = deps.now();
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    const twin = await loadTwin({ db: tx }, nid, twinId);
    const role = policyTwinMember(actor, networkId, twin);
    if (twin.status !== 'proposed') throw new AppError('TWINNING_NOT_PROPOSED');
    const teacherConfirmed = twin.teacherConfirmed || role === 'teacher' || role === 'coordinator';
    const professionalConfirmed = twin.professionalConfirmed || role === 'professional' || role === 'coordinator';
    const active = teacherConfirmed && professionalConfirmed;
    await updateTwin(tx, nid, twinId, { teacherConfirmed, professionalConfirmed, ...(active ? { status: 'active', activatedAt: now, confirmedBy: actor.personId } : {}) });
    if (active) mailIds.push(...(await queueTwinMails(tx, deps, nid, twin, await listMembers(tx, nid), 'ACTIVE', now)));
  });
  await deliverMail(deps, mailIds);
  return readTwin(deps, actor, networkId, twinId);
}

/** Free time in the teacher's timetable for a meeting of `minutes`, the coming `days`. */
export async function listTwinFreeTime(deps: Deps, actor: Actor, networkId: string, twinId: string, query: { minutes: number; days: number }) {
  const nid = policyTwinningRead(actor, networkId);
  const twin = await loadTwin(deps, nid, twinId);
  policyTwinMember(actor, networkId, twin);
  const now = deps.now();
  const to = new Date(now.getTime() + (query.days + 1) * 86_400_000);
  const blocks = await listBlocks(deps.db, nid, [twin.teacherId], now, to);
  const meetings = (await listMeetings(deps.db, nid, [twin.id])).filter((m) => m.status !== 'cancelled');
  return twinningFreeSlots([...blocks, ...meetings], now, query.days, query.minutes, (d, t) => zonedToUtc(d, t), (d) => zonedDate(d))
    .map((s) => ({ startAt: s.startAt.toISOString(), endAt: s.endAt.toISOString() }));
}

/** Plans a meeting of the twin; both get it by e-mail with a calendar invitation (a stable UID). */
export async function planTwinMeeting(deps: Deps, actor: Actor, networkId: string, twinId: string, input: MeetingInput): Promise<Twin> {
  const nid = policyTwinningRead(actor, networkId);
  if (new Date(input.endAt) <= new Date(input.startAt)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'endAt', code: 'FIELD_END_BEFORE_START' }] });
  const now = deps.now();
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    const twin = await loadTwin({ db: tx }, nid, twinId);
    policyTwinMember(actor, networkId, twin);
    if (twin.status !== 'active') throw new AppError('TWINNING_NOT_ACTIVE');
    const meetingId = await createMeeting(tx, nid, twinId, input, actor.personId, now);
    const meeting = (await getMeeting(tx, nid, meetingId))!;
    const members = await listMembers(tx, nid);
    for (const pid of [twin.teacherId, twin.professionalId]) {
      const me = members.find((m) => m.personId === pid)!;
      const other = members.find((m) => m.personId === (pid === twin.teacherId ? twin.professionalId : twin.teacherId))!;
      const locale = localeOf(me);
      const entry = meetingCalendarEntry(meeting, other.name, locale);
      mailIds.push(await createOutboxMessage(tx, {
        networkId: nid, to: me.email,
        subject: translate(locale, 'MAIL_TWIN_MEETING_SUBJECT', { form: translate(locale, `TWIN_FORM_${input.form.toUpperCase()}`), other: other.name }),
        text: translate(locale, 'MAIL_TWIN_MEETING_TEXT', { name: me.name, other: other.name, form: translate(locale, `TWIN_FORM_${input.form.toUpperCase()}`), when: when(meeting.startAt, locale), place: meeting.location || '—', link: `${deps.config.PUBLIC_URL}/twinning/${twinId}` }),
        ical: calendarFileBuild([entry], { name: entry.summary, method: 'REQUEST', organizer: organizer(deps) }), icalMethod: 'REQUEST',
      }));
    }
  });
  await deliverMail(deps, mailIds);
  return readTwin(deps, actor, networkId, twinId);
}

/** Either partner (or a coordinator) calls off a planned meeting: both get the calendar's cancellation (METHOD:CANCEL, same UID, SEQUENCE raised). */
export async function cancelTwinMeeting(deps: Deps, actor: Actor, networkId: string, meetingId: string): Promise<Twin> {
  const nid = policyTwinningRead(actor, networkId);
  const now = deps.now();
  const mailIds: string[] = [];
  let twinId = '';
  await deps.db.transaction(async (tx) => {
    const meeting = await getMeeting(tx, nid, meetingId);
    if (!meeting) throw new AppError('NOT_FOUND');
    const twin = await loadTwin({ db: tx }, nid, meeting.twinId);
    policyTwinMember(actor, networkId, twin);
    twinId = twin.id;
    if (meeting.status !== 'planned') throw new AppError('TWINNING_MEETING_NOT_PLANNED');
    await cancelMeeting(tx, nid, meetingId, now);
    const cancelled = (await getMeeting(tx, nid, meetingId))!;
    const members = await listMembers(tx, nid);
    for (const pid of [twin.teacherId, twin.professionalId]) {
      const me = members.find((m) => m.personId === pid)!;
      const other = members.find((m) => m.personId === (pid === twin.teacherId ? twin.professionalId : twin.teacherId))!;
      const locale = localeOf(me);
      const entry = meetingCalendarEntry(cancelled, other.name, locale);
      const form = translate(locale, `TWIN_FORM_${cancelled.form.toUpperCase()}`);
      mailIds.push(await createOutboxMessage(tx, {
        networkId: nid, to: me.email,
        subject: translate(locale, 'MAIL_TWIN_MEETING_CANCELLED_SUBJECT', { form, other: other.name }),
        text: translate(locale, 'MAIL_TWIN_MEETING_CANCELLED_TEXT', { name: me.name, other: other.name, form, when: when(cancelled.startAt, locale), link: `${deps.config.PUBLIC_URL}/twinning/${twin.id}` }),
        ical: calendarFileBuild([entry], { name: entry.summary, method: 'CANCEL', organizer: organizer(deps) }), icalMethod: 'CANCEL',
      }));
    }
  });
  await deliverMail(deps, mailIds);
  return readTwin(deps, actor, networkId, twinId);
}

/** Logs a meeting that took place: notes, what was learned, the hours it credits both. */
export async function logTwinMeeting(deps: Deps, actor: Actor, networkId: string, meetingId: string, input: MeetingLog): Promise<Twin> {
  const nid = policyTwinningRead(actor, networkId);
  const meeting = await getMeeting(deps.db, nid, meetingId);
  if (!meeting) throw new AppError('NOT_FOUND');
  const twin = await loadTwin(deps, nid, meeting.twinId);
  policyTwinMember(actor, networkId, twin);
  if (meeting.startAt > deps.now()) throw new AppError('TWINNING_MEETING_NOT_YET');
  await logMeeting(deps.db, nid, meetingId, input, deps.now());
  return readTwin(deps, actor, networkId, twin.id);
}

/** Each of the two writes a closing evaluation; when both have, the twin is closed. */
export async function evaluateTwin(deps: Deps, actor: Actor, networkId: string, twinId: string, text: string): Promise<Twin> {
  const nid = policyTwinningRead(actor, networkId);
  const twin = await loadTwin(deps, nid, twinId);
  // Only the two write an evaluation (a coordinator reads it); it stays editable after closing.
  const role = policyTwinMember(actor, networkId, twin);
  if (role === 'coordinator') throw new AppError('NOT_FOUND');
  if (twin.status === 'proposed') throw new AppError('TWINNING_NOT_ACTIVE');
  const next = role === 'teacher' ? { teacherEvaluation: text } : { professionalEvaluation: text };
  const both = (next.teacherEvaluation ?? twin.teacherEvaluation) && (next.professionalEvaluation ?? twin.professionalEvaluation);
  await updateTwin(deps.db, nid, twinId, { ...next, ...(both && twin.status === 'active' ? { status: 'closed', closedAt: deps.now() } : {}) });
  return readTwin(deps, actor, networkId, twinId);
}

/** Rows for the coordinator's export: every twin with its meetings and hours. */
export async function listTwinningExportRows(deps: Deps, actor: Actor, networkId: string) {
  const nid = policyTwinningRead(actor, networkId);
  if (!policyTwinningCanManage(actor, networkId)) throw new AppError('FORBIDDEN');
  const twins = await listTwins(deps.db, nid);
  const names = new Map((await listMembers(deps.db, nid)).map((m) => [m.personId, m.name]));
  const meetings = await listMeetings(deps.db, nid, twins.map((t) => t.id));
  return twins.flatMap((t) => {
    const own = meetings.filter((m) => m.twinId === t.id);
    const base = { teacher: names.get(t.teacherId) ?? '', professional: names.get(t.professionalId) ?? '', status: t.status };
    return own.length === 0 ? [{ ...base, form: '', date: '', meetingStatus: '', hours: 0 }]
      : own.map((m) => ({ ...base, form: m.form, date: zonedDate(m.startAt), meetingStatus: m.status, hours: Number(m.hours) }));
  });
}
