import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { Dialog, ConfirmDialog } from '../../../components/dialog.tsx';
import { TextField, SubmitRow } from '../../../components/field.tsx';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { offerSchema, type Offer, type OfferSession } from '../../../../../src/domain/offer/offer/schema.ts';
import { registrationResultSchema, type Clash, type RegistrationResult } from '../../../../../src/domain/offer/registration/schema.ts';
import { offerRequestSchema } from '../../../../../src/domain/offer/request/schema.ts';
import { fetchClash, localToIso, ok, useHostRegistrations, useOffer, useRequests } from '../queries.ts';
import { TextArea } from '../text-area.tsx';
import { PracticeExampleLink } from '../../../components/practice-example-link.tsx';
import { PracticeEvaluationCard, PracticeEvaluationSummary } from '../../../components/practice-evaluation-card.tsx';

function SessionRow({ offer, session }: { offer: Offer; session: OfferSession }) {
  const { t, i18n } = useTranslation();
  const { networkId, caps } = useNetwork();
  const queryClient = useQueryClient();
  const [clash, setClash] = useState<Clash | null>(null);
  const [result, setResult] = useState<RegistrationResult | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ok(networkId) });
  const register = useMutation({
    mutationFn: (confirmClash: boolean) => api.post(`/networks/${networkId}/offer-sessions/${session.id}/registration`, { confirmClash }, registrationResultSchema),
    onSuccess: (r) => { setClash(null); setResult(r); refresh(); },
  });
  const check = useMutation({
    mutationFn: () => fetchClash(networkId, session.id),
    onSuccess: (c) => { if (c.clashes.length > 0) setClash(c); else register.mutate(false); },
  });
  const cancel = useMutation({
    mutationFn: () => api.delete(`/networks/${networkId}/offer-sessions/${session.id}/registration`),
    onSuccess: () => { setResult(null); refresh(); },
  });
  const hostCancel = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/offers/${offer.id}/sessions/${session.id}/cancel`, {}, offerSchema),
    onSuccess: () => { setCancelOpen(false); refresh(); },
  });
  const participant = caps.roles.some((r) => r !== 'professional');
  const when = `${formatDateTime(session.startAt, i18n.language)} – ${formatDateTime(session.endAt, i18n.language).split(' ').at(-1)}`;
  const cancelled = session.status === 'cancelled';
  return (
    <li className="card">
      <p><strong>{when}</strong>{' '}
        {cancelled ? <span className="badge badge-cancelled">{t('offer.detail.cancelled')}</span>
          : <span className="muted">{t('offer.detail.placesLeft', { count: session.placesLeft, capacity: offer.capacity })}{session.waitlisted ? ` · ${t('offer.list.waitlist', { count: session.waitlisted })}` : ''}</span>}
        {session.myStatus ? <> <span className={`badge ${session.myStatus === 'confirmed' ? 'badge-accepted' : 'badge-pending'}`}>{t(`offer.status.${session.myStatus}`)}</span></> : null}
      </p>
      {result?.status === 'confirmed' ? <SuccessMessage>{t('offer.detail.registered')}</SuccessMessage> : null}
      {result?.status === 'waitlisted' ? <SuccessMessage>{t('offer.detail.waitlisted', { position: result.waitlistPosition ?? 1 })}</SuccessMessage> : null}
      {!result && session.myStatus === 'waitlisted' && session.myWaitlistPosition ? <p>{t('offer.list.position', { position: session.myWaitlistPosition })}</p> : null}
      <ErrorMessage error={check.error ?? register.error ?? cancel.error} />
      <div className="button-row">
        {participant && !cancelled && !session.myStatus && !offer.deadlinePassed ? (
          <button type="button" onClick={() => check.mutate()} disabled={check.isPending || register.isPending}>
            {check.isPending ? t('offer.detail.checking') : session.placesLeft > 0 ? t('offer.detail.register') : t('offer.detail.joinWaitlist')}
          </button>
        ) : null}
        {session.myStatus ? <button type="button" className="button-secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending}>{t('offer.detail.cancel')}</button> : null}
        {offer.sandwich && (session.myStatus === 'confirmed' || offer.canHost) && !cancelled ? <Link className="button-link" to={`/aanbod/sessie/${session.id}`}>{t('offer.detail.sandwichLink')}</Link> : null}
        {offer.canHost && !cancelled ? <button type="button" className="button-danger-outline" onClick={() => setCancelOpen(true)}>{t('offer.host.cancelSession')}</button> : null}
      </div>
      <Dialog open={clash !== null} title={t('offer.detail.clashTitle')} onClose={() => setClash(null)}>
        <p>{t('offer.detail.clashText')}</p>
        <ul className="plain-list">
          {clash?.clashes.map((c) => <li key={c.startAt + c.summary}>{formatDateTime(c.startAt, i18n.language)}: {c.summary || t(`exchange.kind.${c.kind}`)}</li>)}
        </ul>
        <ErrorMessage error={register.error} />
        <div className="button-row">
          <button type="button" onClick={() => register.mutate(true)} disabled={register.isPending}>{t('offer.detail.clashConfirm')}</button>
          <button type="button" className="button-secondary" onClick={() => setClash(null)}>{t('common.cancel')}</button>
        </div>
      </Dialog>
      <ConfirmDialog open={cancelOpen} title={t('offer.host.cancelSessionTitle')} message={t('offer.host.cancelSessionText')} confirmLabel={t('offer.host.cancelSession')}
        busy={hostCancel.isPending} error={<ErrorMessage error={hostCancel.error} />} onConfirm={() => hostCancel.mutate()} onClose={() => setCancelOpen(false)} />
    </li>
  );
}

function RequestForm({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const [message, setMessage] = useState('');
  const [date, setDate] = useState('');
  const send = useMutation({ mutationFn: () => api.post(`/networks/${networkId}/offers/${offer.id}/requests`, { message, preferredDates: date ? [date] : [] }, offerRequestSchema) });
  const submit = (e: FormEvent) => { e.preventDefault(); send.mutate(); };
  return (
    <section aria-labelledby="request-title" className="section">
      <h2 id="request-title">{t('offer.detail.requestTitle')}</h2>
      <p>{t('offer.detail.requestText')}</p>
      {send.isSuccess ? <SuccessMessage>{t('offer.detail.requestSent')}</SuccessMessage> : (
        <form className="form" onSubmit={submit}>
          <TextArea label={t('offer.detail.requestMessage')} value={message} onChange={(e) => setMessage(e.target.value)} />
          <TextField label={t('offer.detail.requestDates')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <ErrorMessage error={send.error} />
          <SubmitRow label={t('offer.detail.requestSend')} busy={send.isPending} />
        </form>
      )}
    </section>
  );
}

function HostPanel({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const registrations = useHostRegistrations(offer.id, true);
  const requests = useRequests(offer.id, offer.onRequest);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [capacity, setCapacity] = useState(String(offer.capacity));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ok(networkId) });
  const addSession = useMutation({ mutationFn: () => api.post(`/networks/${networkId}/offers/${offer.id}/sessions`, { startAt: localToIso(start), endAt: localToIso(end) }, offerSchema), onSuccess: refresh });
  const saveCapacity = useMutation({ mutationFn: () => api.patch(`/networks/${networkId}/offers/${offer.id}`, { capacity: Number(capacity) }, offerSchema), onSuccess: refresh });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: 'accept' | 'decline' }) => api.post(`/networks/${networkId}/offer-requests/${v.id}/decision`,
      v.decision === 'accept' ? { decision: 'accept', startAt: localToIso(start), endAt: localToIso(end) } : { decision: 'decline' }, offerRequestSchema),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby="host-title" className="section">
      <h2 id="host-title">{t('offer.host.title')}</h2>
      <h3>{t('offer.host.registrations')}</h3>
      {registrations.isPending ? <Loading /> : null}
      <ErrorMessage error={registrations.error} />
      {registrations.data && registrations.data.length === 0 ? <p className="muted">{t('offer.host.noRegistrations')}</p> : null}
      {registrations.data && registrations.data.length > 0 ? (
        <ul className="plain-list">
          {registrations.data.map((r) => (
            <li key={r.id}>
              {r.personName} <span className="muted">({r.institutionName ?? '—'}, {formatDateTime(r.sessionStartAt, i18n.language)})</span>{' '}
              <span className={`badge ${r.status === 'confirmed' ? 'badge-accepted' : 'badge-pending'}`}>{t(`offer.status.${r.status}`)}{r.waitlistPosition ? ` ${r.waitlistPosition}` : ''}</span>
              {r.learningQuestions ? <p className="muted">{t('offer.host.questions')}: {r.learningQuestions}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form className="form" onSubmit={(e) => { e.preventDefault(); saveCapacity.mutate(); }}>
        <TextField label={t('offer.host.capacity')} type="number" min={1} max={500} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        <ErrorMessage error={saveCapacity.error} />
        {saveCapacity.isSuccess ? <SuccessMessage>{t('offer.host.saved')}</SuccessMessage> : null}
        <SubmitRow label={t('offer.host.saveCapacity')} busy={saveCapacity.isPending} />
      </form>
      <h3>{offer.onRequest ? t('offer.host.requests') : t('offer.host.addSession')}</h3>
      <div className="form">
        <TextField label={t('offer.host.start')} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
        <TextField label={t('offer.host.end')} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
      </div>
      {offer.onRequest ? (
        <>
          {requests.data && requests.data.length === 0 ? <p className="muted">{t('offer.host.noRequests')}</p> : null}
          <ul className="plain-list">
            {(requests.data ?? []).map((r) => (
              <li key={r.id}>
                {r.personName} <span className="muted">({r.institutionName ?? '—'})</span> {r.message}{' '}
                {r.status === 'pending' ? (
                  <span className="button-row">
                    <button type="button" className="button-small" onClick={() => decide.mutate({ id: r.id, decision: 'accept' })} disabled={!start || !end}>{t('offer.host.accept')}</button>
                    <button type="button" className="button-small button-secondary" onClick={() => decide.mutate({ id: r.id, decision: 'decline' })}>{t('offer.host.decline')}</button>
                  </span>
                ) : <span className="badge">{r.status}</span>}
              </li>
            ))}
          </ul>
          <ErrorMessage error={decide.error} />
        </>
      ) : (
        <>
          <ErrorMessage error={addSession.error} />
          <div className="button-row"><button type="button" onClick={() => addSession.mutate()} disabled={!start || !end || addSession.isPending}>{t('offer.host.addSession')}</button></div>
        </>
      )}
    </section>
  );
}

/** /aanbod/:offerId — the offer, its sessions with places, registering (with the timetable clash first), and the host's panel. */
export function OfferPage() {
  const { t } = useTranslation();
  const { offerId = '' } = useParams();
  const offer = useOffer(offerId);
  const { caps, networkId } = useNetwork();
  if (offer.isPending) return <Loading />;
  if (offer.isError) return <><ErrorMessage error={offer.error} /><p><Link to="/aanbod">{t('offer.detail.back')}</Link></p></>;
  const o = offer.data;
  const held = o.sessions.filter((s) => s.status === 'planned');
  const over = o.kind === 'company_visit' && held.length > 0 && held.every((s) => new Date(s.endAt).getTime() < Date.now());
  return (
    <>
      <PageHeading title={o.title} />
      {over && caps.manageNetwork ? <PracticeExampleLink source="company_visit" id={o.id} /> : null}
      <p className="lead">{t(`offer.kind.${o.kind}`)} · {o.hostName}{o.internshipForm ? ` · ${t(`offer.internshipForm.${o.internshipForm}`)}` : ''}</p>
      {o.description ? <p>{o.description}</p> : null}
      <dl className="facts">
        {o.location ? <><dt>{t('offer.detail.location')}</dt><dd>{o.location.name}, {o.location.address}, {o.location.postcode} {o.location.city}</dd></> : null}
        {o.hostContact ? <><dt>{t('offer.detail.contact')}</dt><dd>{o.hostContact.name} (<a href={`mailto:${o.hostContact.email}`}>{o.hostContact.email}</a>)</dd></> : null}
        {o.iscedCodes.length ? <><dt>{t('offer.detail.fields')}</dt><dd>{o.iscedCodes.join(', ')}</dd></> : null}
        <dt>{t('offer.detail.capacity')}</dt><dd>{o.capacity}</dd>
        {o.deadline ? <><dt>{t('offer.detail.deadline')}</dt><dd>{o.deadline}</dd></> : null}
        <dt>{t('offer.detail.hours')}</dt><dd>{o.creditedHours}</dd>
        {o.preparation ? <><dt>{t('offer.detail.preparation')}</dt><dd>{o.preparation}</dd></> : null}
      </dl>
      {o.deadlinePassed ? <p className="status status-warning">{t('offer.detail.deadlinePassed')}</p> : null}
      <section aria-labelledby="sessions-title" className="section">
        <h2 id="sessions-title">{t('offer.detail.sessions')}</h2>
        {o.sessions.length === 0 ? <EmptyState title={t('offer.detail.noSessions')} /> : (
          <ul className="plain-list">{o.sessions.map((s) => <SessionRow key={s.id} offer={o} session={s} />)}</ul>
        )}
      </section>
      {o.kind === 'company_visit' ? <PracticeEvaluationCard source="company_visit" id={o.id} networkId={networkId} /> : null}
      {o.kind === 'company_visit' && o.canHost && held.some((s) => new Date(s.endAt).getTime() < Date.now()) ? <PracticeEvaluationSummary source="company_visit" id={o.id} /> : null}
      {o.onRequest && !o.canHost ? <RequestForm offer={o} /> : null}
      {o.canHost ? <HostPanel offer={o} /> : null}
      <p><Link to="/aanbod">{t('offer.detail.back')}</Link></p>
    </>
  );
}

