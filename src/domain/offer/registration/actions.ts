import { randomUUID } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { Tx } from '../../../db/client.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { getPerson } from '../../foundation/person/data.ts';
import { sandwichKinds } from '../offer/schema.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import type { CalendarEntry } from '../../area-module.ts';
import { translate } from '../messages.ts';
import { policyOfferCanHost, policyOwnInstitutions } from '../offer/policy.ts';
import {
  getSessionWithOffer, countConfirmed, listWaitlist, getActiveRegistration, listOfferRegistrations as listRegistrationRows,
  listPersonRegistrations, listWaitlistPositions, listPersonBlocks, countPersonBlocks, lockSession, getOfferHost, type RegistrationRow,
} from './data.ts';
import { createRegistration, cancelRegistration, promoteRegistration, markPromotionsSeen } from './mutations.ts';
import {
  registrationPlaceDecide, registrationPromotions, registrationClashes, registrationPhase, registrationCreditedHours, registrationDeadlinePassed,
} from './rules.ts';
import { calendarFileBuild } from '../../../lib/calendar-file.ts';
import type { Clash, HostRegistration, MyOffer, RegistrationInput, RegistrationResult } from './schema.ts';

type SessionWithOffer = NonNullable<Awaited<ReturnType<typeof getSessionWithOffer>>>;
type Locale = 'nl' | 'en';

async function loadSession(deps: Deps, nid: AuthorizedNetworkId, sessionId: string): Promise<SessionWithOffer> {
  const row = await getSessionWithOffer(deps.db, nid, sessionId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function place(s: SessionWithOffer): string {
  return s.location ? [s.location.name, s.location.address, `${s.location.postcode} ${s.location.city}`].join(', ') : s.hostName;
}

/** The calendar event of one registration. */
export function registrationCalendarEntry(s: Pick<SessionWithOffer, 'session' | 'offer' | 'hostName' | 'location'>, r: Pick<RegistrationRow, 'uid' | 'sequence' | 'status' | 'updatedAt'>, locale: Locale): CalendarEntry {
  return {
    uid: r.uid, sequence: r.sequence, cancelled: r.status !== 'confirmed' || s.session.status === 'cancelled',
    start: s.session.startAt, end: s.session.endAt, stamp: r.updatedAt,
    summary: translate(locale, 'ICS_OFFER_SUMMARY', { title: s.offer.title, host: s.hostName }),
    description: [s.offer.description, s.offer.preparation ? translate(locale, 'ICS_OFFER_PREPARATION', { preparation: s.offer.preparation }) : ''].filter(Boolean).join('\n\n'),
    location: place(s as SessionWithOffer),
  };
}

function organizer(deps: Deps) {
  return { name: 'Kruispunt', email: /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM };
}

const when = (d: Date, locale: Locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);

/** Queues (inside the transaction) the e-mail that tells a person they have a place, with the calendar invitation. */
async function queuePlaceMail(tx: Tx, deps: Deps, nid: AuthorizedNetworkId, s: SessionWithOffer, r: RegistrationRow, person: { name: string; email: string; locale: Locale }, kind: 'CONFIRMED' | 'PROMOTED') {
  const entry = registrationCalendarEntry(s, { ...r, status: 'confirmed' }, person.locale);
  return createOutboxMessage(tx, {
    networkId: nid, to: person.email,
    subject: translate(person.locale, `MAIL_OFFER_${kind}_SUBJECT`, { title: s.offer.title }),
    text: translate(person.locale, `MAIL_OFFER_${kind}_TEXT`, { name: person.name, title: s.offer.title, host: s.hostName, when: when(s.session.startAt, person.locale), place: place(s), link: `${deps.config.PUBLIC_URL}/aanbod/${s.offer.id}` }),
    ical: calendarFileBuild([entry], { name: s.offer.title, method: 'REQUEST', organizer: organizer(deps) }),
    icalMethod: 'REQUEST',
  });
}

async function queueCancelMail(tx: Tx, deps: Deps, nid: AuthorizedNetworkId, s: SessionWithOffer, r: RegistrationRow, person: { name: string; email: string; locale: Locale }) {
  const entry = registrationCalendarEntry(s, { ...r, status: 'cancelled', sequence: r.sequence + 1 }, person.locale);
  return createOutboxMessage(tx, {
    networkId: nid, to: person.email,
    subject: translate(person.locale, 'MAIL_OFFER_CANCELLED_SUBJECT', { title: s.offer.title }),
    text: translate(person.locale, 'MAIL_OFFER_CANCELLED_TEXT', { name: person.name, title: s.offer.title, when: when(s.session.startAt, person.locale) }),
    ical: calendarFileBuild([entry], { name: s.offer.title, method: 'CANCEL', organizer: organizer(deps) }),
    icalMethod: 'CANCEL',
  });
}

/**
 * Gives free places of a locked session to the waitlist, first in line first; each person moved
 * up gets an e-mail (queued in the same transaction) and sees it in the app. The caller holds
 * the session's row lock. Returns mail ids.
 */
export async function promoteWaitlistInTx(tx: Tx, deps: Deps, nid: AuthorizedNetworkId, sessionId: string): Promise<string[]> {
  // Read under the session's lock: the capacity and the counts are the current ones.
  const s = await getSessionWithOffer(tx, nid, sessionId);
  if (!s || s.session.status !== 'planned' || s.offer.status !== 'published') return [];
  const confirmed = await countConfirmed(tx, nid, sessionId);
  const line = await listWaitlist(tx, nid, sessionId);
  const n = registrationPromotions(confirmed, s.offer.capacity, line.length);
  const mailIds: string[] = [];
  const now = deps.now();
  for (const r of line.slice(0, n)) {
    await promoteRegistration(tx, nid, r.id, now);
    await recordAudit(tx, nid, null, 'promote', 'offer_registration', r.id, { sessionId });
    const person = await personOf(tx, r.personId);
    if (person) mailIds.push(await queuePlaceMail(tx, deps, nid, s, { ...r, sequence: r.sequence + 1, updatedAt: now }, person, 'PROMOTED'));
  }
  return mailIds;
}

async function personOf(tx: Tx, personId: string) {
  const p = await getPerson(tx, personId);
  return p ? { name: p.name, email: p.email, locale: (p.locale === 'en' ? 'en' : 'nl') as Locale } : null;
}

/** Cancels every registration of a cancelled session (inside the host's transaction) and tells those who had a place. */
export async function cancelSessionRegistrationsInTx(tx: Tx, deps: Deps, nid: AuthorizedNetworkId, sessionId: string): Promise<string[]> {
  const s = await getSessionWithOffer(tx, nid, sessionId);
  if (!s) return [];
  const mailIds: string[] = [];
  for (const row of await listRegistrationRows(tx, nid, s.offer.id)) {
    const r = row.registration;
    if (r.sessionId !== sessionId) continue;
    await cancelRegistration(tx, nid, r.id, deps.now());
    const person = await personOf(tx, r.personId);
    if (person && r.status === 'confirmed') mailIds.push(await queueCancelMail(tx, deps, nid, s, r, person));
  }
  return mailIds;
}

/** Lessons and other busy time of the actor during the session, to show before they confirm. */
export async function checkClash(deps: Deps, actor: Actor, networkId: string, sessionId: string): Promise<Clash> {
  const nid = policyAuthorize(actor, networkId, 'offer:participate');
  const s = await loadSession(deps, nid, sessionId);
  const blocks = registrationClashes(await listPersonBlocks(deps.db, nid, actor.personId, s.session.startAt, s.session.endAt), s.session.startAt, s.session.endAt);
  return {
    sessionId, startAt: s.session.startAt.toISOString(), endAt: s.session.endAt.toISOString(),
    hasTimetable: (await countPersonBlocks(deps.db, nid, actor.personId)) > 0,
    clashes: blocks.map((b) => ({ startAt: b.startAt.toISOString(), endAt: b.endAt.toISOString(), summary: b.summary, kind: b.kind })),
  };
}

/**
 * A teacher takes a place in a session, or a place on its waitlist when it is full. The session
 * row is locked while the place is given out, so parallel registrations never exceed capacity.
 */
export async function registerForSession(deps: Deps, actor: Actor, networkId: string, sessionId: string, input: RegistrationInput): Promise<RegistrationResult> {
  const nid = policyAuthorize(actor, networkId, 'offer:participate');
  const s = await loadSession(deps, nid, sessionId);
  const now = deps.now();
  if (s.offer.status !== 'published' || s.session.status === 'cancelled') throw new AppError('OFFER_SESSION_CANCELLED');
  if (s.session.startAt <= now) throw new AppError('OFFER_SESSION_PAST');
  if (registrationDeadlinePassed(s.offer.deadline, zonedDate(now))) throw new AppError('OFFER_DEADLINE_PASSED', { params: { deadline: s.offer.deadline ?? '' } });
  if (!input.confirmClash) {
    const clashes = registrationClashes(await listPersonBlocks(deps.db, nid, actor.personId, s.session.startAt, s.session.endAt), s.session.startAt, s.session.endAt);
    if (clashes.length > 0) throw new AppError('OFFER_TIMETABLE_CLASH', { params: { count: clashes.length } });
  }
  const institutionId = policyOwnInstitutions(actor, networkId).find((id) => id !== s.offer.hostInstitutionId) ?? null;
  const mailIds: string[] = [];
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockSession(tx, nid, sessionId);
    if (!locked || locked.status === 'cancelled') throw new AppError('OFFER_SESSION_CANCELLED');
    if (await getActiveRegistration(tx, nid, sessionId, actor.personId)) throw new AppError('OFFER_ALREADY_REGISTERED');
    const capacity = (await getSessionWithOffer(tx, nid, sessionId))!.offer.capacity;
    const status = registrationPlaceDecide(await countConfirmed(tx, nid, sessionId), capacity);
    if (status === 'waitlisted' && !input.waitlist) throw new AppError('OFFER_FULL');
    const created = await createRegistration(tx, nid, { offerId: s.offer.id, sessionId, personId: actor.personId, institutionId, status, uid: `${randomUUID()}@kruispunt` }, now);
    await recordAudit(tx, nid, actor.personId, 'register', 'offer_session', sessionId, { status });
    if (status === 'confirmed') mailIds.push(await queuePlaceMail(tx, deps, nid, s, created, { name: actor.name, email: actor.email, locale: actor.locale }, 'CONFIRMED'));
    return created;
  });
  await deliverMail(deps, mailIds);
  const positions = await listWaitlistPositions(deps.db, nid, [sessionId]);
  return { id: row.id, offerId: row.offerId, sessionId, status: row.status as 'confirmed' | 'waitlisted', waitlistPosition: positions.get(row.id) ?? null };
}

/**
 * The actor cancels their registration (a place or a place on the waitlist); a freed place goes
 * to the first on the waitlist in the same transaction. Cancelling nothing changes nothing.
 */
export async function cancelOwnRegistration(deps: Deps, actor: Actor, networkId: string, sessionId: string): Promise<{ ok: true }> {
  const nid = policyAuthorize(actor, networkId, 'offer:participate');
  const s = await loadSession(deps, nid, sessionId);
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    await lockSession(tx, nid, sessionId);
    const r = await getActiveRegistration(tx, nid, sessionId, actor.personId);
    if (!r) return;
    await cancelRegistration(tx, nid, r.id, deps.now());
    await recordAudit(tx, nid, actor.personId, 'cancel', 'offer_session', sessionId, { status: r.status });
    // Only a place had a calendar invitation to withdraw; a place frees up for the waitlist.
    if (r.status === 'confirmed') {
      mailIds.push(await queueCancelMail(tx, deps, nid, s, r, { name: actor.name, email: actor.email, locale: actor.locale }));
      mailIds.push(...(await promoteWaitlistInTx(tx, deps, nid, sessionId)));
    }
  });
  await deliverMail(deps, mailIds);
  return { ok: true };
}

/** The host's list: who has a place and who waits, with their learning questions. */
export async function listHostRegistrations(deps: Deps, actor: Actor, networkId: string, offerId: string): Promise<HostRegistration[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const host = await getOfferHost(deps.db, nid, offerId);
  if (!host) throw new AppError('NOT_FOUND');
  if (!policyOfferCanHost(actor, networkId, host)) throw new AppError('FORBIDDEN');
  const rows = await listRegistrationRows(deps.db, nid, offerId);
  const positions = await listWaitlistPositions(deps.db, nid, [...new Set(rows.map((r) => r.registration.sessionId))]);
  return rows.map((r) => ({
    id: r.registration.id, sessionId: r.registration.sessionId, sessionStartAt: r.sessionStartAt.toISOString(), personId: r.registration.personId,
    personName: r.personName, email: r.email, institutionName: r.institutionName, status: r.registration.status as HostRegistration['status'],
    waitlistPosition: positions.get(r.registration.id) ?? null, learningQuestions: r.registration.learningQuestions,
  }));
}

/** The actor's own registrations: places, waitlist positions, phases and hours. */
export async function listMyOffers(deps: Deps, actor: Actor, networkId: string): Promise<MyOffer[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const now = deps.now();
  const rows = (await listPersonRegistrations(deps.db, nid, actor.personId)).filter((r) => r.registration.status !== 'cancelled');
  const positions = await listWaitlistPositions(deps.db, nid, [...new Set(rows.map((r) => r.session.id))]);
  return rows.map((r) => ({
    registrationId: r.registration.id, offerId: r.offer.id, offerTitle: r.offer.title, kind: r.offer.kind as MyOffer['kind'], hostName: r.hostName,
    sessionId: r.session.id, startAt: r.session.startAt.toISOString(), endAt: r.session.endAt.toISOString(), sessionStatus: r.session.status as MyOffer['sessionStatus'],
    status: r.registration.status as MyOffer['status'], waitlistPosition: positions.get(r.registration.id) ?? null,
    promotedUnseen: r.registration.promotedAt !== null && r.registration.promotionSeenAt === null,
    phase: registrationPhase(r.session.startAt, r.session.endAt, now), sandwich: (sandwichKinds as readonly string[]).includes(r.offer.kind),
    hours: registrationCreditedHours(Number(r.offer.creditedHours), r.registration, r.session, now),
  }));
}

export async function markMyPromotionsSeen(deps: Deps, actor: Actor, networkId: string) {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  return { marked: await markPromotionsSeen(deps.db, nid, actor.personId, deps.now()) };
}
