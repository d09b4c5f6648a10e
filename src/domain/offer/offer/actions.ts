import { AppError, type FieldIssue } from '../../../lib/errors.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { getInstitution, listLocations } from '../../foundation/institution/data.ts';
import { listPeople } from '../../foundation/person/data.ts';
import { getIscedField } from '../../foundation/reference/data.ts';
import { promoteWaitlistInTx, cancelSessionRegistrationsInTx } from '../registration/actions.ts';
import { registrationDeadlinePassed } from '../registration/rules.ts';
import { listWaitlistPositions } from '../registration/data.ts';
import { listOfferRows, getOfferRow, listSessionsWithCounts, getSession, lockOfferSessions, listOwnRegistrations, getPersonName, type OfferRow } from './data.ts';
import { createOffer, updateOffer, createSession, updateSessionStatus } from './mutations.ts';
import { offerKindFitsHost, offerUsesSandwich } from './rules.ts';
import { policyOfferCanHost, policyOfferHost, policyOwnInstitutions } from './policy.ts';
import type { Offer, OfferInput, OfferKind, OfferSummary, OfferUpdate, SessionInput } from './schema.ts';

type Row = NonNullable<Awaited<ReturnType<typeof getOfferRow>>>;
type SessionCount = Awaited<ReturnType<typeof listSessionsWithCounts>>[number];

function summarize(row: Row, sessions: SessionCount[], now: Date): OfferSummary {
  const upcoming = sessions.filter((s) => s.session.offerId === row.offer.id && s.session.status === 'planned' && s.session.startAt > now);
  return {
    id: row.offer.id, kind: row.offer.kind as OfferKind, title: row.offer.title, hostInstitutionId: row.offer.hostInstitutionId, hostName: row.hostName,
    iscedCodes: row.offer.iscedCodes, onRequest: row.offer.onRequest, capacity: row.offer.capacity, deadline: row.offer.deadline,
    creditedHours: Number(row.offer.creditedHours), city: row.city, nextSessionStart: upcoming[0]?.session.startAt.toISOString() ?? null,
    placesLeft: upcoming.reduce((n, s) => n + Math.max(0, row.offer.capacity - s.confirmed), 0),
    waitlisted: upcoming.reduce((n, s) => n + s.waitlisted, 0),
    status: row.offer.status as OfferSummary['status'],
  };
}

async function loadOffer(deps: Deps, nid: AuthorizedNetworkId, offerId: string): Promise<Row> {
  const row = await getOfferRow(deps.db, nid, offerId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The network's offers, filtered by kind, field (an ISCED-F code or its broader field) and host. */
export async function listOffers(deps: Deps, actor: Actor, networkId: string, filter: { kind?: OfferKind | undefined; field?: string | undefined; hostInstitutionId?: string | undefined }): Promise<OfferSummary[]> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const rows = (await listOfferRows(deps.db, nid, filter.hostInstitutionId ? { hostInstitutionId: filter.hostInstitutionId } : {}))
    .filter((r) => (!filter.kind || r.offer.kind === filter.kind) && (!filter.field || r.offer.iscedCodes.some((c) => c.startsWith(filter.field!) || filter.field!.startsWith(c))));
  const sessions = await listSessionsWithCounts(deps.db, nid, rows.map((r) => r.offer.id));
  const now = deps.now();
  return rows.map((r) => summarize(r, sessions, now));
}

export async function readOffer(deps: Deps, actor: Actor, networkId: string, offerId: string): Promise<Offer> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const row = await loadOffer(deps, nid, offerId);
  const now = deps.now();
  const sessions = await listSessionsWithCounts(deps.db, nid, [offerId]);
  const own = await listOwnRegistrations(deps.db, nid, actor.personId, [offerId]);
  const positions = await listWaitlistPositions(deps.db, nid, sessions.map((s) => s.session.id));
  const location = row.offer.locationId ? (await listLocations(deps.db, nid, row.offer.hostInstitutionId)).find((l) => l.id === row.offer.locationId) : undefined;
  const contact = row.offer.hostContactId ? await getPersonName(deps.db, row.offer.hostContactId) : undefined;
  return {
    ...summarize(row, sessions, now),
    description: row.offer.description, preparation: row.offer.preparation,
    internshipForm: (row.offer.internshipForm as Offer['internshipForm']) ?? null,
    hostContact: contact ?? null,
    location: location ? { id: location.id, name: location.name, address: location.address, postcode: location.postcode, city: location.city } : null,
    sessions: sessions.map((s) => {
      const mine = own.find((r) => r.sessionId === s.session.id);
      return {
        id: s.session.id, startAt: s.session.startAt.toISOString(), endAt: s.session.endAt.toISOString(), status: s.session.status as 'planned' | 'cancelled',
        confirmed: s.confirmed, waitlisted: s.waitlisted, placesLeft: Math.max(0, row.offer.capacity - s.confirmed),
        myStatus: (mine?.status as 'confirmed' | 'waitlisted' | undefined) ?? null, myRegistrationId: mine?.id ?? null, myWaitlistPosition: mine ? positions.get(mine.id) ?? null : null,
      };
    }),
    canHost: policyOfferCanHost(actor, networkId, row.offer.hostInstitutionId),
    deadlinePassed: registrationDeadlinePassed(row.offer.deadline, zonedDate(now)),
    sandwich: offerUsesSandwich(row.offer.kind as OfferKind),
  };
}

function sessionIssues(sessions: SessionInput[], now: Date, path = 'sessions'): FieldIssue[] {
  const out: FieldIssue[] = [];
  sessions.forEach((s, i) => {
    if (new Date(s.endAt) <= new Date(s.startAt)) out.push({ path: `${path}.${i}.endAt`, code: 'FIELD_END_BEFORE_START' });
    else if (new Date(s.startAt) <= now) out.push({ path: `${path}.${i}.startAt`, code: 'FIELD_IN_PAST' });
  });
  return out;
}

async function checkRefs(deps: Deps, nid: AuthorizedNetworkId, hostInstitutionId: string, input: OfferUpdate): Promise<FieldIssue[]> {
  const fields: FieldIssue[] = [];
  if (input.locationId && !(await listLocations(deps.db, nid, hostInstitutionId)).some((l) => l.id === input.locationId)) fields.push({ path: 'locationId', code: 'FIELD_UNKNOWN_LOCATION' });
  if (input.hostContactId && (await listPeople(deps.db, nid, { personId: input.hostContactId })).length === 0) fields.push({ path: 'hostContactId', code: 'FIELD_INVALID' });
  (input.iscedCodes ?? []).forEach((c, i) => { if (!getIscedField(c)) fields.push({ path: `iscedCodes.${i}`, code: 'FIELD_INVALID' }); });
  return fields;
}

/** A host publishes an offer: a company any kind but school visits, a school a school visit. */
export async function publishOffer(deps: Deps, actor: Actor, networkId: string, input: OfferInput): Promise<Offer> {
  const read = policyAuthorize(actor, networkId, 'network:read');
  const hostInstitutionId = input.hostInstitutionId ?? policyOwnInstitutions(actor, networkId).find((id) => policyOfferCanHost(actor, networkId, id));
  if (!hostInstitutionId) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'hostInstitutionId', code: 'FIELD_REQUIRED' }] });
  const host = await getInstitution(deps.db, read, hostInstitutionId);
  if (!host) throw new AppError('NOT_FOUND');
  const nid = policyOfferHost(actor, networkId, hostInstitutionId);
  if (!offerKindFitsHost(input.kind, host.kind === 'company')) throw new AppError('OFFER_KIND_NOT_FOR_HOST');
  const now = deps.now();
  const fields = [...(await checkRefs(deps, nid, hostInstitutionId, input)), ...sessionIssues(input.sessions, now)];
  if (!input.onRequest && input.sessions.length === 0) fields.push({ path: 'sessions', code: 'FIELD_REQUIRED' });
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  const { sessions, hostInstitutionId: _h, ...values } = input;
  const id = await deps.db.transaction(async (tx) => {
    const offerId = await createOffer(tx, nid, { ...values, hostInstitutionId, createdBy: actor.personId }, now);
    for (const s of sessions) await createSession(tx, nid, offerId, new Date(s.startAt), new Date(s.endAt), now);
    await recordAudit(tx, nid, actor.personId, 'create', 'offer', offerId, { kind: input.kind });
    return offerId;
  });
  return readOffer(deps, actor, networkId, id);
}

/**
 * The host changes an offer. Capacity cannot go below the places already given in any session;
 * more capacity moves people up from the waitlists at once.
 */
export async function changeOffer(deps: Deps, actor: Actor, networkId: string, offerId: string, input: OfferUpdate): Promise<Offer> {
  const read = policyAuthorize(actor, networkId, 'network:read');
  const row: { offer: OfferRow } = await loadOffer(deps, read, offerId);
  const nid = policyOfferHost(actor, networkId, row.offer.hostInstitutionId);
  const fields = await checkRefs(deps, nid, row.offer.hostInstitutionId, input);
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    const locked = await lockOfferSessions(tx, nid, offerId);
    if (input.capacity !== undefined) {
      const counts = await listSessionsWithCounts(tx, nid, [offerId]);
      const most = Math.max(0, ...counts.filter((c) => c.session.status === 'planned').map((c) => c.confirmed));
      if (input.capacity < most) throw new AppError('OFFER_CAPACITY_BELOW_REGISTERED', { params: { registered: most } });
    }
    await updateOffer(tx, nid, offerId, input, deps.now());
    if (input.capacity !== undefined && input.capacity > row.offer.capacity) {
      for (const s of locked) mailIds.push(...(await promoteWaitlistInTx(tx, deps, nid, s.id)));
    }
    await recordAudit(tx, nid, actor.personId, 'update', 'offer', offerId, { fields: Object.keys(input) });
  });
  await deliverMail(deps, mailIds);
  return readOffer(deps, actor, networkId, offerId);
}

export async function addSession(deps: Deps, actor: Actor, networkId: string, offerId: string, input: SessionInput): Promise<Offer> {
  const read = policyAuthorize(actor, networkId, 'network:read');
  const row = await loadOffer(deps, read, offerId);
  const nid = policyOfferHost(actor, networkId, row.offer.hostInstitutionId);
  const fields = sessionIssues([input], deps.now(), 'session').map((f) => ({ ...f, path: f.path.replace('session.0.', '') }));
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  await deps.db.transaction(async (tx) => {
    const id = await createSession(tx, nid, offerId, new Date(input.startAt), new Date(input.endAt), deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'offer_session', id, { offerId });
  });
  return readOffer(deps, actor, networkId, offerId);
}

/** The host cancels a session: every registration is cancelled and those with a place are told (METHOD:CANCEL). */
export async function cancelSession(deps: Deps, actor: Actor, networkId: string, offerId: string, sessionId: string): Promise<Offer> {
  const read = policyAuthorize(actor, networkId, 'network:read');
  const row = await loadOffer(deps, read, offerId);
  const nid = policyOfferHost(actor, networkId, row.offer.hostInstitutionId);
  const session = await getSession(deps.db, nid, sessionId);
  if (!session || session.offerId !== offerId) throw new AppError('NOT_FOUND');
  if (session.status === 'cancelled') throw new AppError('OFFER_SESSION_CANCELLED');
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    await lockOfferSessions(tx, nid, offerId);
    await updateSessionStatus(tx, nid, sessionId, 'cancelled');
    mailIds.push(...(await cancelSessionRegistrationsInTx(tx, deps, nid, sessionId)));
    await recordAudit(tx, nid, actor.personId, 'cancel', 'offer_session', sessionId, { offerId });
  });
  await deliverMail(deps, mailIds);
  return readOffer(deps, actor, networkId, offerId);
}
