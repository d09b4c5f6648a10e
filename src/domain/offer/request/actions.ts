import { randomUUID } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { getPerson } from '../../foundation/person/data.ts';
import { translate } from '../messages.ts';
import { policyOfferCanHost, policyOfferHost } from '../offer/policy.ts';
import { createSession } from '../offer/mutations.ts';
import { createRegistration } from '../registration/mutations.ts';
import { getRequestOffer, listRequests } from './data.ts';
import { createRequest, decideRequest } from './mutations.ts';
import type { OfferRequest, RequestDecision, RequestInput } from './schema.ts';

type Row = Awaited<ReturnType<typeof listRequests>>[number];
const present = (r: Row): OfferRequest => ({
  id: r.request.id, offerId: r.request.offerId, personId: r.request.personId, personName: r.personName, institutionName: r.institutionName,
  message: r.request.message, preferredDates: r.request.preferredDates, status: r.request.status as OfferRequest['status'],
  sessionId: r.request.sessionId, createdAt: r.request.createdAt.toISOString(),
});

/** A teacher asks for an offer that has no fixed dates. */
export async function requestOffer(deps: Deps, actor: Actor, networkId: string, offerId: string, input: RequestInput): Promise<OfferRequest> {
  const nid = policyAuthorize(actor, networkId, 'offer:participate');
  const offer = await getRequestOffer(deps.db, nid, offerId);
  if (!offer) throw new AppError('NOT_FOUND');
  if (!offer.onRequest || offer.status !== 'published') throw new AppError('OFFER_NOT_ON_REQUEST');
  const id = await deps.db.transaction(async (tx) => {
    const requestId = await createRequest(tx, nid, { ...input, offerId, personId: actor.personId }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'request', 'offer', offerId, null);
    return requestId;
  });
  return present((await listRequests(deps.db, nid, { id }))[0]!);
}

export async function listOfferRequests(deps: Deps, actor: Actor, networkId: string, offerId: string): Promise<OfferRequest[]> {
  const read = policyAuthorize(actor, networkId, 'network:read');
  const offer = await getRequestOffer(deps.db, read, offerId);
  if (!offer) throw new AppError('NOT_FOUND');
  const nid = policyOfferHost(actor, networkId, offer.hostInstitutionId);
  return (await listRequests(deps.db, nid, { offerId })).map(present);
}

/** The host accepts (with a date and time: a session with a place for the requester) or declines; the requester hears by e-mail. */
export async function decideOfferRequest(deps: Deps, actor: Actor, networkId: string, requestId: string, decision: RequestDecision): Promise<OfferRequest> {
  const read = policyAuthorize(actor, networkId, 'network:read');
  const [row] = await listRequests(deps.db, read, { id: requestId });
  if (!row) throw new AppError('NOT_FOUND');
  const offer = (await getRequestOffer(deps.db, read, row.request.offerId))!;
  if (!policyOfferCanHost(actor, networkId, offer.hostInstitutionId)) throw new AppError('FORBIDDEN');
  const nid = policyOfferHost(actor, networkId, offer.hostInstitutionId);
  if (decision.decision === 'accept' && new Date(decision.endAt) <= new Date(decision.startAt)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'endAt', code: 'FIELD_END_BEFORE_START' }] });
  }
  const person = await getPerson(deps.db, row.request.personId);
  const locale = person?.locale === 'en' ? 'en' : 'nl';
  const now = deps.now();
  const mailId = await deps.db.transaction(async (tx) => {
    let sessionId: string | null = null;
    if (decision.decision === 'accept') {
      sessionId = await createSession(tx, nid, offer.id, new Date(decision.startAt), new Date(decision.endAt), now);
      await createRegistration(tx, nid, { offerId: offer.id, sessionId, personId: row.request.personId, institutionId: row.institutionId, status: 'confirmed', uid: `${randomUUID()}@kruispunt` }, now);
    }
    if (!(await decideRequest(tx, nid, requestId, decision.decision === 'accept' ? 'accepted' : 'declined', sessionId, now))) throw new AppError('OFFER_REQUEST_DECIDED');
    await recordAudit(tx, nid, actor.personId, decision.decision, 'offer_request', requestId, null);
    if (!person) return null;
    const code = decision.decision === 'accept' ? 'ACCEPTED' : 'DECLINED';
    return createOutboxMessage(tx, {
      networkId: nid, to: person.email,
      subject: translate(locale, `MAIL_OFFER_REQUEST_${code}_SUBJECT`, { title: offer.title }),
      text: translate(locale, `MAIL_OFFER_REQUEST_${code}_TEXT`, { name: person.name, title: offer.title, link: `${deps.config.PUBLIC_URL}/aanbod/${offer.id}` }),
    });
  });
  if (mailId) await deliverMail(deps, [mailId]);
  return present((await listRequests(deps.db, nid, { id: requestId }))[0]!);
}
